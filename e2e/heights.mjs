// Benchmark, not a test: how tall each questionnaire's blank filling page is on a phone
// (360 × 740 px), in pixels and in screens. Where the page shows one section at a time
// (narrow screens), it steps through the sections with « Section suivante » and reports
// the tallest page the user sees, the first one, and the number of steps.
// Usage: node e2e/heights.mjs [dist]
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const { server, base } = await serve(dist);
const browser = await launch();
const SCREEN = 740;

const context = await browser.newContext({ viewport: { width: 360, height: SCREEN }, serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(base);
await page.getByRole('heading', { level: 1 }).waitFor();
const starts = page.getByRole('button', { name: /^Commencer (une évaluation|le quiz)\s*: / });
await starts.first().waitFor();
const count = await starts.count();

const height = () => page.evaluate(() => document.documentElement.scrollHeight);
const rows = [];
for (let i = 0; i < count; i++) {
  await page.goto(base);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const start = page.getByRole('button', { name: /^Commencer (une évaluation|le quiz)\s*: / }).nth(i);
  await start.click();
  await page.locator('main .item').first().waitFor();
  await page.waitForTimeout(200);
  const title = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  const first = await height();
  let tallest = first, steps = 1;
  const next = page.getByRole('button', { name: 'Section suivante', exact: true });
  while ((await next.count()) && (await next.isVisible()) && (await next.isEnabled()) && steps < 40) {
    await next.click();
    await page.waitForTimeout(100);
    tallest = Math.max(tallest, await height());
    steps++;
  }
  rows.push({ title, first, tallest, steps });
}
console.log(`Blank filling page at 360 × ${SCREEN} px (1 screen = ${SCREEN} px)`);
console.log('questionnaire'.padEnd(72) + 'first page'.padStart(18) + 'tallest page'.padStart(20) + 'pages'.padStart(7));
for (const r of rows) {
  const s = (px) => `${px} px ${(px / SCREEN).toFixed(1).padStart(5)}`;
  console.log(r.title.slice(0, 70).padEnd(72) + s(r.first).padStart(18) + s(r.tallest).padStart(20) + String(r.steps).padStart(7));
}
await browser.close();
server.close();
