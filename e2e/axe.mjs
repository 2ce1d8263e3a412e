// Accessibility: axe-core on the home, filling and results pages. Fails on any serious or
// critical violation. Usage: node e2e/axe.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const axeSource = fs.readFileSync('tools/node_modules/axe-core/axe.min.js', 'utf8');
const { server, base } = await serve(dist);
const browser = await launch();
// axe is injected as a script: the test context bypasses the app's CSP for that only.
const context = await browser.newContext({ bypassCSP: true });
const page = await context.newPage();
let passed = 0, failed = 0;

async function check(name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.length - bad.length;
  if (bad.length) {
    failed++;
    console.log(`FAIL axe ${name}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}`).join('; ')}`);
  } else {
    passed++;
    console.log(`ok   axe ${name}: no serious or critical violation (${minor} minor)`);
  }
}

await page.goto(base);
await page.getByRole('heading', { level: 1 }).waitFor();
await check('home');
await page.getByRole('button', { name: /^Commencer une évaluation : Risques d’EAS dans un transfert/ }).click();
await page.getByRole('heading', { level: 1, name: 'Risques d’EAS dans un transfert monétaire' }).waitFor();
await page.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Argent mobile/ }).check();
await check('filling (cash transfer risks)');
await page.getByRole('button', { name: 'Voir les résultats' }).click();
await page.getByRole('heading', { name: 'Matrice des risques résiduels' }).waitFor();
await check('results (risk register and heat matrix)');

// The quiz: a validated answer (locked, with its feedback), one waiting for « Valider », and
// the results with « Recommencer le quiz ».
await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
await page.getByRole('button', { name: 'Commencer le quiz : Quiz de formation PEAS' }).click();
await page.getByRole('heading', { level: 1, name: 'Quiz de formation PEAS' }).waitFor();
const first = page.locator('#item-q_gross_misconduct');
await first.getByRole('radio', { name: /^une affaire privée/ }).check();
await first.getByRole('button', { name: 'Valider' }).click();
await first.locator('.quiz-feedback .verdict').waitFor();
await page.locator('#item-q_age_of_consent').getByRole('radio', { name: 'Faux', exact: true }).check();
await check('quiz (validated and locked, feedback, « Valider »)');
await page.evaluate(() => { location.hash = location.hash + '/results'; });
await page.getByRole('button', { name: 'Recommencer le quiz' }).waitFor();
await check('quiz results');

await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
