// Screenshots of the main pages to look at, at phone width (360 px) and desktop width, in
// French and English. Usage: node e2e/shots.mjs [dist] [outdir]
import path from 'node:path';
import fs from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const out = path.resolve(process.argv[3] || 'target/screens');
fs.mkdirSync(out, { recursive: true });
const { server, base } = await serve(dist);
const browser = await launch();

/** A cash risk check with one risk rated under the floor, measures with statuses and a
 *  justified residual; screenshots of the risk, the results and the PDF export panel. */
async function run(width, tag) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height: 740 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path: `${out}/home-${tag}.png`, fullPage: true });
  await page.getByRole('button', { name: /^Commencer une évaluation\s*: Risques d’EAS dans un transfert/ }).click();
  await page.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Argent mobile/ }).check();
  const risk = page.locator('#item-r_gatekeeping');
  await risk.getByRole('group', { name: 'Probabilité' }).getByRole('radio', { name: /^5/ }).check();
  await risk.getByRole('group', { name: 'Impact' }).getByRole('radio', { name: /^2/ }).check();
  const selects = risk.locator('.measure select');
  await selects.nth(0).selectOption('in_place');
  await selects.nth(1).selectOption('partly');
  await selects.nth(2).selectOption('planned');
  await page.locator('#r_gatekeeping-m-' + (await selects.nth(2).getAttribute('id')).split('-m-')[1] + '-owner').fill('Cheffe de projet');
  await risk.getByText('Ajuster le risque résiduel').click();
  await page.locator('#r_gatekeeping-residual-impact').selectOption('5');
  await page.locator('#r_gatekeeping-justification').fill('Rumeurs de listes payantes à Markala');
  await risk.scrollIntoViewIfNeeded();
  await risk.screenshot({ path: `${out}/fill-risk-${tag}.png` });
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.getByRole('heading', { name: 'Matrice des risques résiduels' }).waitFor();
  await page.screenshot({ path: `${out}/results-${tag}.png`, fullPage: true });
  await page.locator('section:has(#register-title)').screenshot({ path: `${out}/register-${tag}.png` });
  await page.locator('.lang select').selectOption('en');
  await page.getByRole('heading', { name: 'Residual risk matrix' }).waitFor();
  await page.screenshot({ path: `${out}/results-${tag}-en.png`, fullPage: true });
  await context.close();
}

await run(360, '360');
await run(1280, 'desktop');
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
