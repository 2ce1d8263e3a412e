// First-load figures for the built app: bytes on the wire (gzip) fetched before the app is
// interactive, and time to interactive, at 1× and 4× CPU slowdown; then what the app
// fetches after that (the modules of src/web/lazy.rs). Figures only.
// Usage: node e2e/perf.mjs [dist]
// "Interactive" = the home page's first primary button ("Commencer") is in the DOM, put
// there by the running wasm app with its click handler attached. Then: reopening an
// assessment by its address (a reload half-way), until its form shows.
// Bytes and times come from the page's own Resource Timing entries (one clock with the
// interactive mark): transferSize = body as sent (gzip) + headers.
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const { server, base } = await serve(dist);
const browser = await launch();
const RUNS = 5;

/** A page with the HTTP cache off and the CPU slowed `rate` times, which records in
 *  `window.__mark` when an element matching `selector` first appears. */
async function coldPage(context, rate, selector) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript((sel) => {
    new MutationObserver((_, obs) => {
      if (document.querySelector(sel)) { window.__mark = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  return page;
}

async function once(rate) {
  const context = await browser.newContext();
  const page = await coldPage(context, rate, 'main button.primary');
  await page.goto(base);
  await page.waitForFunction(() => window.__mark !== undefined, null, { timeout: 60000 });
  // Let the modules fetched after the first load arrive too.
  await page.waitForLoadState('networkidle');
  const { tti, entries } = await page.evaluate(() => ({
    tti: window.__mark,
    entries: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ name: new URL(e.name).pathname.split('/').pop() || 'index.html', end: e.responseEnd, bytes: e.transferSize })),
  }));
  await context.close();
  const before = entries.filter((e) => e.end <= tti);
  const after = entries.filter((e) => e.end > tti && !e.name.startsWith('pdf_worker'));
  const sum = (xs) => xs.reduce((s, e) => s + e.bytes, 0);
  return { tti, bytes: sum(before), before, afterBytes: sum(after), after };
}

/** Reopening an assessment by its address (a reload half-way): every module it needs. */
async function reopen(rate) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const setup = await context.newPage();
  await setup.goto(base);
  await setup.getByRole('button', { name: /^Commencer une évaluation : / }).first().click();
  await setup.locator('main form, main section').first().waitFor();
  const url = setup.url();
  await setup.close();
  const page = await coldPage(context, rate, 'main input, main select');
  await page.goto(url);
  await page.waitForFunction(() => window.__mark !== undefined, null, { timeout: 60000 });
  const { shown, bytes } = await page.evaluate(() => ({
    shown: window.__mark,
    bytes: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd <= window.__mark).reduce((s, e) => s + e.transferSize, 0),
  }));
  await context.close();
  return { shown, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const rate of [1, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(rate));
  console.log(`CPU ${rate}×: time to interactive ${median(runs.map((r) => r.tti)).toFixed(0)} ms (median of ${RUNS}; runs ${runs.map((r) => r.tti.toFixed(0)).join(', ')}), ` +
    `fetched before interactive ${kb(median(runs.map((r) => r.bytes)))} on the wire (gzip); ` +
    `fetched after it (modules loaded on demand) ${kb(median(runs.map((r) => r.afterBytes)))}`);
  if (rate === 1) {
    const r = runs[0];
    console.log(`  before interactive: ${r.before.map((e) => `${e.name} ${kb(e.bytes)}`).join(', ')}`);
    console.log(`  after: ${r.after.map((e) => `${e.name} ${kb(e.bytes)}`).join(', ')}`);
  }
}
for (const rate of [1, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await reopen(rate));
  console.log(`CPU ${rate}×: reopening an assessment by its address: its form shows after ${median(runs.map((r) => r.shown)).toFixed(0)} ms, ` +
    `${kb(median(runs.map((r) => r.bytes)))} fetched (gzip)`);
}
await browser.close();
server.close();
