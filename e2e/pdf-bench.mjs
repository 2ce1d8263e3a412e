// PDF figures in headless Chromium: gzip size of the PDF worker, time to load it on the first
// export, and the time to build the largest report (the UNICEF example with a 5,000-character
// comment on each of the six standards) at 1× and 4× CPU slowdown. Figures only.
// Usage: node e2e/pdf-bench.mjs [dist]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);

const worker = fs.readdirSync(dist).filter((f) => f.startsWith('pdf_worker'));
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
const workerGzip = worker.reduce((s, f) => s + gz(f), 0);
for (const f of worker) console.log(`worker file ${f}: ${kb(fs.statSync(path.join(dist, f)).size)} KB, ${kb(gz(f))} KB gzip`);
console.log(`PDF worker in all: ${kb(workerGzip)} KB gzip (${workerGzip} bytes; target ≤ 1 MB)`);

// The heaviest answers file, built from the shipped example.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'psea-pdf-bench-'));
const answers = JSON.parse(fs.readFileSync('questionnaires/examples/unicef-psea-2020.json', 'utf8'));
const long = 'Le point focal a présenté la politique et les registres ; '.repeat(90).slice(0, 5000);
for (const a of Object.values(answers.answers)) a.comment = long;
const file = path.join(tmp, 'heavy.json');
fs.writeFileSync(file, JSON.stringify(answers));

const { server, base } = await serve(dist);
const browser = await launch();
for (const rate of [1, 4]) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(base);
  await page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: /^Ouvrir : / }).first().click();
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  const button = page.getByRole('button', { name: 'Exporter le rapport PDF' });
  const status = page.locator('.pdf-status');
  const clickToDownload = async () => {
    const t0 = Date.now();
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), button.click()]);
    const wall = Date.now() - t0;
    await status.filter({ hasText: 'Rapport PDF téléchargé' }).waitFor();
    const ms = Number(await status.getAttribute('data-ms'));
    const size = fs.statSync(await dl.path()).size;
    await page.getByRole('button', { name: 'Exporter le rapport PDF' }).and(page.locator(':not([disabled])')).waitFor();
    return { wall, ms, size, text: await status.textContent() };
  };
  const first = await clickToDownload();
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await clickToDownload());
  console.log(`CPU ${rate}×: first export (loads the worker) ${first.wall} ms click to download; ` +
    `build (layout on the page, then writing in the worker) ${median(warm.map((r) => r.ms)).toFixed(0)} ms median of ${RUNS} (target ≤ 150 ms at 1×), ` +
    `click to download ${median(warm.map((r) => r.wall))} ms; PDF ${kb(first.size)} KB; status « ${first.text.trim()} »` +
    (rate > 1 ? ' (Chromium\'s CPU throttling slows the page\'s layout, not the worker\'s writing)' : ''));
  await context.close();
}
await browser.close();
server.close();
