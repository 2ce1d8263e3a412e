// The first screen (360 × 740) of each bundled form and its blank results page, to look at.
// Usage: node e2e/first-screens.mjs [dist] [outdir]
import path from 'node:path';
import fs from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const out = path.resolve(process.argv[3] || 'target/screens/first');
fs.mkdirSync(out, { recursive: true });
const { server, base } = await serve(dist);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
const page = await context.newPage();
await page.goto(base);
const starts = page.getByRole('button', { name: /^Commencer (une évaluation|le quiz)\s*: / });
await starts.first().waitFor();
const n = await starts.count();
for (let i = 0; i < n; i++) {
  await page.goto(base);
  const start = page.getByRole('button', { name: /^Commencer (une évaluation|le quiz)\s*: / }).nth(i);
  await start.waitFor();
  await start.click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/form-${i + 1}.png` });
  await page.getByRole('button', { name: 'Voir les résultats' }).first().click();
  await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
  await page.screenshot({ path: `${out}/results-${i + 1}.png` });
}
await browser.close();
server.close();
console.log(`${n} forms: screenshots in ${out}`);
