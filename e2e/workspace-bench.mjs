// Workspace figures in headless Chromium (#15): time from handing 200 (and 500) generated
// UNICEF answers files to the workspace's file input to the summary showing them all, at 1×
// and 4× CPU slowdown (4×: a phone-like setting; the target is under 1 s for 200
// files there). The workspace module is fetched before the clock starts (the page is open).
// Each measure starts from an empty workspace. Then the consolidated PDF: click to download
// (the first export also starts the PDF worker), and the longest task on the page meanwhile
// (the layout runs on the page, the writing in the worker). Figures only: never asserts a time.
// Usage: node e2e/workspace-bench.mjs [dist] [--runs N]
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { unicefFiles } from './suites/50-workspace.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const dist = path.resolve(args.find((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1)) || 'dist');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { server, base } = await serve(dist);
const browser = await launch();
const rows = [];
const pdfRows = [];
for (const n of [200, 500]) {
  const files = unicefFiles(n).map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) }));
  const kb = files.reduce((s, f) => s + f.buffer.length, 0) / 1024;
  for (const rate of [1, 4]) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}#/workspace`);
      await page.getByRole('heading', { level: 1, name: 'Espace de coordination' }).waitFor({ timeout: 120000 });
      await page.getByLabel('Questionnaire', { exact: true }).selectOption('unicef-psea-2020');
      const cdp = await context.newCDPSession(page);
      if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const input = page.getByLabel('Ajouter des fichiers', { exact: true }).and(page.locator('input'));
      // The clock runs in the page: from the input's change to the summary's count drawn.
      await page.evaluate((n) => {
        window.__wsBench = new Promise((resolve) => {
          document.getElementById('ws-files').addEventListener('change', () => {
            const start = performance.now();
            const want = `${n} évaluations`;
            const look = () => {
              const c = document.querySelector('#ws-summary .ws-count');
              if (c && c.textContent.replace(/\s/g, ' ').trim() === want) resolve(performance.now() - start);
              else requestAnimationFrame(look);
            };
            look();
          }, { once: true });
        });
      }, n);
      await input.setInputFiles(files);
      const ms = await page.evaluate(() => window.__wsBench);
      times.push(ms);
      console.error(`${n} files, ${rate}×, run ${run + 1}: ${ms.toFixed(0)} ms`);
      if (run === 0) {
        for (const which of ['first', 'second']) {
          await page.evaluate(() => {
            window.__longest = 0;
            window.__obs = new PerformanceObserver((list) => {
              for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
            });
            window.__obs.observe({ type: 'longtask' });
          });
          const button = page.getByRole('button', { name: 'Exporter le rapport PDF' });
          await button.and(page.locator(':not([disabled])')).waitFor();
          const t0 = Date.now();
          await Promise.all([page.waitForEvent('download', { timeout: 120000 }), button.click()]);
          const wall = Date.now() - t0;
          await page.waitForTimeout(200);
          const longest = await page.evaluate(() => { window.__obs.disconnect(); return window.__longest; });
          pdfRows.push({ files: n, rate, which, wall, longest });
          console.error(`${n} files, ${rate}×, ${which} PDF: ${wall} ms, longest task ${longest.toFixed(0)} ms`);
        }
      }
      await context.close();
    }
    rows.push({ files: n, kb: kb.toFixed(0), rate, median: median(times), all: times });
  }
}
console.log('| files | size (KB) | CPU | median (ms) | runs (ms) |');
console.log('|---:|---:|---:|---:|---|');
for (const r of rows) {
  console.log(`| ${r.files} | ${r.kb} | ${r.rate}× | ${r.median.toFixed(0)} | ${r.all.map((t) => t.toFixed(0)).join(', ')} |`);
}
console.log('\n| files | CPU | PDF export | click to download (ms) | longest task on the page (ms) |');
console.log('|---:|---:|---|---:|---:|');
for (const r of pdfRows) {
  console.log(`| ${r.files} | ${r.rate}× | ${r.which} | ${r.wall} | ${r.longest.toFixed(0)} |`);
}
await browser.close();
server.close();
