import init, * as bindings from './app-78a262e6a027a638.js';
const wasm = await init({ module_or_path: './app-78a262e6a027a638_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));

// Appended to boot.js by scripts/trunk-post-build.mjs: registers the service worker and
// tells the app when a new version is ready (event "psea-update"); the app calls
// window.pseaApplyUpdate() when the user accepts it.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const announce = (worker) => {
    window.pseaWaiting = worker;
    dispatchEvent(new Event('psea-update'));
  };
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
    });
  }).catch(() => {});
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.pseaUpdating && !reloading) {
      reloading = true;
      location.reload();
    }
  });
  window.pseaApplyUpdate = () => {
    window.pseaUpdating = true;
    if (window.pseaWaiting) window.pseaWaiting.postMessage('skipWaiting');
  };
}
