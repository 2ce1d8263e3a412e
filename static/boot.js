// The app's boot script, written by scripts/trunk-post-build.mjs from this template (the
// Content-Security-Policy allows no inline script). Before the app's WebAssembly is fetched
// it checks that this browser can run it; if not, or if starting the app fails, the page says
// so in French and English (static/unsupported.js) instead of staying white.
window.pseaBooting = true;

// A tiny module using every WebAssembly feature the app's modules are built with
// (scripts/trunk-post-build.mjs runs wasm-opt with the same list): an imported mutable
// global, multi-value results, reference types (an externref table), bulk memory
// (memory.fill), non-trapping float-to-int and sign extension. Made with binaryen's wasm-as
// from static/wasm-features.wat.
const FEATURES = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 12, 2, 96, 1, 111, 2, 127, 127, 96, 0, 2, 127, 127, 2, 8, 1, 1, 109, 1, 103, 3, 127, 1, 3, 2, 1, 0, 4, 4, 1, 111, 0, 1, 5, 3, 1, 0, 1, 10, 29, 1, 27, 0, 65, 0, 65, 0, 65, 1, 252, 11, 0, 65, 0, 32, 0, 38, 0, 67, 0, 0, 128, 63, 252, 0, 192, 35, 0, 11,
]);

function canRun() {
  try {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'
      && WebAssembly.validate(FEATURES)
      && typeof fetch === 'function' && typeof TextDecoder === 'function';
  } catch (e) {
    return false;
  }
}

const cannotRun = (kind, detail) => {
  if (typeof window.pseaUnsupported === 'function') window.pseaUnsupported(kind, detail);
};

if (!canRun()) {
  cannotRun('old');
} else {
  import('__APP_JS__').then(async (bindings) => {
    const wasm = await bindings.default({ module_or_path: '__APP_WASM__' });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  }).catch((e) => cannotRun('failed', String(e && e.message ? e.message : e)));
}
