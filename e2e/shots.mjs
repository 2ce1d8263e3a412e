// Screenshots of the main pages at phone width (360 px), to look at. Usage: node e2e/shots.mjs [dist] [outdir]
import path from 'node:path';
import fs from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const out = path.resolve(process.argv[3] || 'target/screens');
fs.mkdirSync(out, { recursive: true });
const { server, base } = await serve(dist);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
const page = await context.newPage();
await page.goto(base);
await page.getByRole('heading', { level: 1 }).waitFor();
await page.screenshot({ path: `${out}/home.png`, fullPage: true });
await page.getByRole('button', { name: /^Commencer une évaluation : Risques d’EAS dans un transfert/ }).click();
await page.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Argent mobile/ }).check();
const g = page.getByRole('group', { name: /^Des leaders, membres de comités/ });
await g.getByRole('group', { name: 'Probabilité' }).getByRole('radio', { name: /^4/ }).check();
await g.getByRole('group', { name: 'Impact' }).getByRole('radio', { name: /^4/ }).check();
await g.getByRole('checkbox', { name: /Critères de sélection/ }).check();
await page.screenshot({ path: `${out}/fill.png`, fullPage: false });
await page.getByRole('button', { name: 'Voir les résultats' }).click();
await page.getByRole('heading', { name: 'Matrice des risques résiduels' }).waitFor();
await page.screenshot({ path: `${out}/results.png`, fullPage: true });
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
