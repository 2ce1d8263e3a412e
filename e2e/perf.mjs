// First-load figures for the built app: bytes on the wire (gzip) before the app is
// interactive, and time to interactive, at 1× and 4× CPU slowdown. Figures only.
// Usage: node e2e/perf.mjs [dist]
// "Interactive" = the home page's buttons are in the DOM and the wasm app is running.
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const { server, base } = await serve(dist);
const browser = await launch();
const RUNS = 5;

async function once(rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const finished = [];
  cdp.on('Network.loadingFinished', (e) => finished.push({ t: e.timestamp, bytes: e.encodedDataLength }));
  let start = null;
  cdp.on('Network.requestWillBeSent', (e) => { if (start === null) start = e.timestamp; });
  await page.addInitScript(() => {
    const seen = () => document.querySelector('main button.primary');
    new MutationObserver((_, obs) => {
      if (seen()) { window.__interactive = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(base);
  await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60000 });
  const tti = await page.evaluate(() => window.__interactive);
  // Bytes of every response finished by then (protocol timestamps are in seconds).
  const navStart = await page.evaluate(() => performance.timeOrigin);
  await context.close();
  const cutoff = start + tti / 1000 + 0.05;
  const bytes = finished.filter((f) => f.t <= cutoff).reduce((s, f) => s + f.bytes, 0);
  return { tti, bytes, navStart };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const rate of [1, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(rate));
  console.log(`CPU ${rate}×: time to interactive ${median(runs.map((r) => r.tti)).toFixed(0)} ms (median of ${RUNS}; runs ${runs.map((r) => r.tti.toFixed(0)).join(', ')}), ` +
    `fetched before interactive ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(1)} KB on the wire (gzip)`);
}
await browser.close();
server.close();
