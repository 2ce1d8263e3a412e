// Service worker: the whole app works offline after the first visit. VERSION and FILES are
// filled in for each build by scripts/trunk-post-build.mjs; a new build gets a new cache.
// A new version waits until the user accepts it (the page shows "new version available"),
// so an open draft is never switched under the user's feet.
const VERSION = '__VERSION__';
const CACHE = `psea-${VERSION}`;
const FILES = __FILES__;
// The modules loaded after the first screen (pages, shared chunks, the PDF writer) come in
// one xz file, 25 % smaller than the same modules gzipped one by one: `bundle` holds `parts`
// end to end (name, size), `sha256` is their digest, `decoder` is xzwasm (tools/package.json).
// Each module also stays on the server alone: when the pack cannot be fetched, unpacked or
// checked (an old browser, a proxy that cuts it), the worker fetches them one by one.
// scripts/trunk-post-build.mjs (packModules) writes PACKED for release builds.
const PACKED = __PACKED__;

try {
  if (PACKED.decoder) importScripts(PACKED.decoder);
} catch (_) {
  // No decoder: the install handler fetches the modules one by one.
}

async function unpack(cache) {
  if (!PACKED.parts.length) return; // a debug build packs nothing
  if (!self.xzwasm || !self.crypto || !crypto.subtle) throw new Error('cannot unpack here');
  const response = await fetch(PACKED.bundle, { cache: 'no-cache' });
  if (!response.ok || !response.body) throw new Error(`${PACKED.bundle}: HTTP ${response.status}`);
  const stream = new self.xzwasm.XzReadableStream(response.body);
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const size = PACKED.parts.reduce((sum, [, n]) => sum + n, 0);
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
  if (bytes.length !== size || digest !== PACKED.sha256) throw new Error(`${PACKED.bundle}: not this build's modules`);
  let at = 0;
  const parts = PACKED.parts.map(([file, n]) => [file, bytes.subarray(at, (at += n))]);
  await Promise.all(parts.map(([file, body]) =>
    cache.put(file, new Response(body, { headers: { 'Content-Type': 'application/wasm' } }))));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES);
    try {
      await unpack(cache);
    } catch (_) {
      await cache.addAll(PACKED.parts.map(([file]) => file));
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('psea-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const key = request.mode === 'navigate' ? './index.html' : request;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
