// End-to-end tests of the built app (dist/) in headless Debian Chromium.
// Usage: node e2e/run.mjs [dist]. Prints one line per test and "N passed, N failed".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const { server, base } = await serve(dist);
const browser = await launch();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'psea-e2e-'));
let passed = 0, failed = 0;
const foreign = [];

async function fresh(opts = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...opts });
  context.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  // Console warnings and errors of the page and its workers, from the first load on (e.g.
  // wasm-bindgen's deprecated-call warning, a preload's ignored attribute).
  const warnings = [];
  context.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(`${m.worker() ? 'worker' : 'page'}: ${m.text()}`); });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page, errors, warnings };
}

// E2E_ONLY=<text>: run only the tests whose name contains it (while working on one).
const only = process.env.E2E_ONLY;

async function test(name, body) {
  if (only && !name.includes(only)) return;
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.stack || e).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

function expect(cond, msg) { if (!cond) throw new Error(msg); }

const UNICEF = 'Évaluation PEAS des partenaires – UNICEF 2020';
const STANDARDS = [
  ['L’organisation dispose d’un document de politique', 'Adéquate'],
  ['Les contrats et accords de partenariat comportent', 'En progression'],
  ['Tout le personnel (y compris bénévoles', 'Adéquate'],
  ['Des mécanismes sûrs, confidentiels, transparents et accessibles', 'En progression'],
  ['Un système garantit que les survivant·es', 'Absente'],
  ['L’organisation dispose d’un processus d’enquête', 'Adéquate'],
]; // 3 + 2 + 3 + 2 + 1 + 3 = 14 → « Capacité moyenne (risque modéré) »

/** Keyboard only: focus a control found by its accessible name, then press a key. */
async function press(locator, key) {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

/** Starts a UNICEF assessment with the keyboard, for `organisation` if given. */
async function startUnicef(page, organisation) {
  await press(page.getByRole('button', { name: `Commencer une évaluation : ${UNICEF}` }), 'Enter');
  await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
  if (organisation) await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill(organisation);
}

/** Presses « Section suivante » and, as a keyboard user does, waits until focus has moved to
 *  the next section's heading (moved once it is drawn): on a slow machine a key pressed
 *  sooner on an answer would be taken away by that focus move. */
async function nextSection(page) {
  const from = await page.evaluate(() => document.activeElement && document.activeElement.id);
  await press(page.getByRole('button', { name: 'Section suivante', exact: true }), 'Enter');
  await page.waitForFunction((from) => {
    const id = document.activeElement && document.activeElement.id;
    return id && id.startsWith('section-') && id !== from;
  }, from);
}

async function rate(page, [question, choice]) {
  const group = page.getByRole('group', { name: new RegExp('^' + question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await press(group.getByRole('radio', { name: choice, exact: true }), 'Space');
}

/** Clicks "Export the PDF report" (French labels unless given), saves the download, waits for
 *  the status line, returns the file's name, path and text (poppler). */
async function exportPdf(page, button = 'Exporter le rapport PDF', done = 'Rapport PDF téléchargé') {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString() === '%PDF-', 'not a PDF');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  await page.getByRole('status').filter({ hasText: done }).waitFor();
  return { name: download.suggestedFilename(), file, text };
}

await test('complete the UNICEF 2020 assessment with the keyboard and accessible names', async () => {
  const { context, page, errors } = await fresh();
  await startUnicef(page);
  await page.getByRole('textbox', { name: 'Organisation', exact: true }).focus();
  await page.keyboard.type('ONG Espoir Ségou');
  for (const s of STANDARDS) await rate(page, s);
  const live = page.getByRole('complementary', { name: 'Résultat en direct' });
  await live.getByText('Capacité moyenne (risque modéré)').waitFor();
  // "Why this rating": what each answer contributed, opened with the keyboard.
  await press(live.getByText('Pourquoi ce résultat'), 'Enter');
  const why = live.locator('ul.why');
  await why.waitFor({ state: 'visible' });
  expect((await why.textContent()).includes('Absente (1/3)'), `why: ${await why.textContent()}`);
  // Guidance is folded until asked for.
  const guidance = page.locator('#item-cs1_policy details.guidance');
  const guidanceText = guidance.getByText(/Adéquate\u00a0: une politique ou un code de conduite écrit/);
  expect(!(await guidanceText.isVisible()), 'guidance shown before it is asked for');
  await press(guidance.getByText('Comment noter'), 'Enter');
  await guidanceText.waitFor({ state: 'visible' });
  await press(page.getByRole('button', { name: 'Voir les résultats' }), 'Enter');
  await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
  const summary = page.locator('.summary');
  expect((await summary.textContent()).includes('Capacité moyenne (risque modéré)'), 'rating missing');
  expect((await summary.textContent()).includes('14 / 18'), 'score missing');
  expect((await summary.textContent()).includes('Risque d’EAS modéré'), 'risk label missing');
  await page.getByRole('heading', { name: 'Plan d’action' }).waitFor();
  // Back home, the assessment's card shows its progress and rating.
  await press(page.getByRole('button', { name: 'Évaluation PEAS' }).first(), 'Enter');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'ONG Espoir Ségou' }) });
  await card.getByText('6 / 6', { exact: true }).waitFor();
  await card.getByText('Capacité moyenne (risque modéré)', { exact: true }).waitFor();
  expect(errors.length === 0, errors.join('\n'));
  await context.close();
});

await test('"Export PDF" downloads a report whose text holds the organisation and the rating; no warning in the console, from the first load to the exports', async () => {
  const { context, page, errors, warnings } = await fresh();
  await startUnicef(page, 'ONG Espoir Ségou – Ɲɛtaa');
  for (const s of STANDARDS) await rate(page, s);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  const first = await exportPdf(page);
  expect(/^unicef-psea-2020-ong-espoir-segou-netaa-\d{4}-\d{2}-\d{2}\.pdf$/.test(first.name), `file name ${first.name}`);
  expect(first.text.includes('ONG Espoir Ségou – Ɲɛtaa'), 'organisation missing from the PDF text');
  expect(first.text.includes('Capacité moyenne (risque modéré)'), 'rating missing from the PDF text');
  // A second export reuses the running worker and gives the same document.
  await page.getByLabel('Langue').selectOption('en');
  const english = await exportPdf(page, 'Export the PDF report', 'PDF report downloaded');
  expect(english.text.includes('Medium Capacity (Moderate Risk)'), 'English report lacks the English rating');
  expect(errors.length === 0, errors.join('\n'));
  expect(warnings.length === 0, `console: ${warnings.join('\n')}`);
  await context.close();
});

await test('a character no PDF font can show is named to the user after the export', async () => {
  const { context, page } = await fresh();
  await startUnicef(page, 'ONG 中文 Tombouctou');
  await rate(page, STANDARDS[0]);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await exportPdf(page);
  const text = await page.getByRole('status').filter({ hasText: 'Rapport PDF téléchargé' }).textContent();
  expect(text.includes('qu’aucune police du PDF ne peut afficher') && text.includes('中文'), `status: ${text}`);
  await context.close();
});

await test('when the PDF module cannot be loaded, the page says so and a retry works', async () => {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  await context.route('**/pdf_worker_loader.js', (r) => r.abort());
  const page = await context.newPage();
  await page.goto(base);
  await startUnicef(page);
  await rate(page, STANDARDS[0]);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  const button = page.getByRole('button', { name: 'Exporter le rapport PDF' });
  await button.click();
  await page.getByRole('status').filter({ hasText: 'le module PDF n’a pas pu être chargé' }).waitFor();
  await context.unroute('**/pdf_worker_loader.js');
  await exportPdf(page); // the retry gives a PDF
  await context.close();
});

await test('when a part of the app cannot be fetched, the page says so, keeps the data, and a retry works', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // 1. The questionnaire library's module: the home page still lists the questionnaires.
  await context.route('**/split_library-*.wasm', (r) => r.abort());
  await page.goto(base);
  const start = page.getByRole('button', { name: `Commencer une évaluation : ${UNICEF}` });
  await start.click();
  await page.getByRole('alert').filter({ hasText: 'n’a pas pu être chargée' }).waitFor();
  await context.unroute('**/split_library-*.wasm');
  // 2. The filling page's module: the new assessment is saved, the page offers a retry.
  await context.route('**/split_fill-*.wasm', (r) => r.abort());
  await start.click();
  // (The home page's alert from step 1 has no "Try again" button.)
  const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Réessayer' }) });
  await alert.waitFor();
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:a:')).length);
  expect(saved === 1, `${saved} assessments stored`);
  await context.unroute('**/split_fill-*.wasm');
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
  await context.close();
});

await test('the PDF made in the browser is byte-identical to the command line\'s for the same answers and date', async () => {
  const { context, page } = await fresh();
  await page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles('questionnaires/examples/cash-transfer-sea-risk.json');
  await page.getByRole('button', { name: /^Ouvrir : / }).first().click();
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.getByRole('img').first().waitFor(); // the heat matrix
  const [answers] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les réponses (.json)' }).click()]);
  const json = path.join(tmp, 'same-answers.json');
  await answers.saveAs(json);
  const pdf = await exportPdf(page);
  const web = pdf.file;
  const date = pdf.name.match(/(\d{4}-\d{2}-\d{2})\.pdf$/)[1];
  const cli = path.join(tmp, 'cli.pdf');
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'psea-assess', '--', 'report', 'questionnaires/cash-transfer-sea-risk.toml', json, '-o', cli, '--lang', 'fr', '--date', date], { stdio: ['ignore', 'pipe', 'pipe'] });
  const [a, b] = [fs.readFileSync(web), fs.readFileSync(cli)];
  expect(a.length > 10000 && a.equals(b), `browser PDF (${a.length} bytes) differs from the command line's (${b.length} bytes)`);
  await context.close();
});

await test('duplicate, rename and delete (with confirmation) from the home page, kept on reload', async () => {
  const { context, page } = await fresh();
  await startUnicef(page, 'ONG Alpha');
  await rate(page, STANDARDS[0]);
  await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'ONG Alpha' }) });
  await card.getByText('1 / 6', { exact: true }).waitFor(); // progress; no rating until all six
  page.once('dialog', (d) => d.accept('Évaluation Kayes'));
  await page.getByRole('button', { name: 'Renommer : ONG Alpha' }).click();
  await page.getByRole('heading', { level: 3, name: 'Évaluation Kayes' }).waitFor();
  await page.getByRole('button', { name: 'Dupliquer : Évaluation Kayes' }).click();
  await page.getByRole('heading', { level: 3, name: 'Copie de Évaluation Kayes' }).waitFor();
  page.once('dialog', (d) => { expect(d.type() === 'confirm', d.type()); d.dismiss(); });
  await page.getByRole('button', { name: 'Supprimer : Évaluation Kayes' }).click();
  expect(await page.getByRole('heading', { level: 3, name: 'Évaluation Kayes', exact: true }).count() === 1, 'deleted without confirmation');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Supprimer : Évaluation Kayes' }).click();
  await page.getByRole('heading', { level: 3, name: 'Évaluation Kayes', exact: true }).waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('heading', { level: 3, name: 'Copie de Évaluation Kayes' }).waitFor();
  expect(await page.getByRole('heading', { level: 3, name: 'Évaluation Kayes', exact: true }).count() === 0, 'deleted entry came back');
  await page.getByRole('button', { name: 'Ouvrir : Copie de Évaluation Kayes' }).click();
  const group = page.getByRole('group', { name: /^L’organisation dispose d’un document/ });
  expect(await group.getByRole('radio', { name: 'Adéquate', exact: true }).isChecked(), 'the copy lost its answer');
  await context.close();
});

await test('training quiz: feedback only after « Valider », the answer then locked (even after a reload), percentage and pass mark, « Recommencer le quiz »', async () => {
  const { context, page, errors } = await fresh();
  await page.getByRole('button', { name: 'Commencer le quiz : Quiz de formation PEAS' }).click();
  await page.getByRole('heading', { level: 1, name: 'Quiz de formation PEAS' }).waitFor();
  // Training words: a participant in a session, never an assessor or an assessment.
  await page.getByRole('textbox', { name: 'Participant·e', exact: true }).waitFor();
  expect(await page.getByRole('heading', { level: 2, name: 'La session' }).count() === 1, 'details not headed « La session »');
  const live = page.getByRole('complementary', { name: 'Résultat en direct' });
  expect((await live.textContent()).includes('Note\u00a0: —'), `score before any answer: ${await live.textContent()}`);
  const item = page.locator('#item-q_gross_misconduct');
  const validate = item.getByRole('button', { name: 'Valider' });
  expect(await validate.isDisabled(), '« Valider » enabled before any answer');
  await item.getByRole('radio', { name: /^une affaire privée/ }).check();
  const feedback = item.locator('.quiz-feedback');
  expect((await feedback.textContent()).trim() === '', `feedback before « Valider »: ${await feedback.textContent()}`);
  // The participant may still change their mind before validating.
  await item.getByRole('radio', { name: /^une faute grave/ }).check();
  await item.getByRole('radio', { name: /^une affaire privée/ }).check();
  await press(validate, 'Enter');
  await feedback.filter({ hasText: '✗ Réponse incorrecte' }).waitFor();
  const said = await feedback.textContent();
  expect(said.includes('La bonne réponse\u00a0: une faute grave, motif de licenciement'), said);
  expect(said.includes('Premier principe\u00a0: l’EAS commise par des travailleur·euses humanitaires est une faute grave'), 'explanation missing');
  expect(!said.includes('Faux'), `verdict collides with the answer « faux »: ${said}`);
  // Locked: the choices are disabled and the button is gone.
  expect(await item.getByRole('radio', { name: /^une faute grave/ }).isDisabled(), 'answer not locked after feedback');
  // The locked answer is marked by its label, not only by a greyed dot.
  const weights = await item.locator('label.choice').evaluateAll((ls) => ls.map((l) => [l.textContent.trim().slice(0, 12), getComputedStyle(l).fontWeight]));
  const chosen = weights.find(([t]) => t.startsWith('une affaire'));
  expect(chosen && chosen[1] === '600' && weights.filter(([, w]) => w === '600').length === 1, `locked labels: ${JSON.stringify(weights)}`);
  expect(await validate.count() === 0, '« Valider » still offered');
  // A right answer.
  const tf = page.locator('#item-q_age_of_consent');
  await tf.getByRole('radio', { name: 'Faux', exact: true }).check();
  await tf.getByRole('button', { name: 'Valider' }).click();
  await tf.locator('.quiz-feedback').filter({ hasText: '✓ Bonne réponse' }).waitFor();
  // The first unanswered question is now the third one; its entry moves focus there.
  await press(live.locator('ul.missing button').first(), 'Enter');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  expect(focused === 'item-q_mistaken_age', `focus went to ${focused}`);
  // A reload keeps the answer locked, with its feedback.
  await page.reload();
  await item.locator('.quiz-feedback').filter({ hasText: '✗ Réponse incorrecte' }).waitFor();
  expect(await item.getByRole('radio', { name: /^une affaire privée/ }).isChecked(), 'answer lost');
  expect(await item.getByRole('radio', { name: /^une affaire privée/ }).isDisabled(), 'unlocked by a reload');
  // The results page explains validated answers only.
  await page.evaluate(() => { location.hash = location.hash + '/results'; });
  await page.getByRole('button', { name: 'Recommencer le quiz' }).waitFor();
  const review = await page.locator('main').textContent();
  expect(review.includes('Premier principe') && !review.includes('L’erreur sur l’âge de l’enfant ne constitue pas une défense'), 'the results explain a question not yet validated');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Quiz de formation PEAS' }).waitFor();
  // Answer and validate every other question: the first choice or tick of each.
  const pending = page.locator('.item:has(.quiz-validate)');
  while (await pending.count()) {
    const q = page.locator(`#${await pending.first().getAttribute('id')}`);
    await q.locator('input').first().check();
    await q.getByRole('button', { name: 'Valider' }).click();
    await q.locator('.quiz-feedback .verdict').waitFor();
  }
  // « Pourquoi ce résultat »: a question that ends on its colon or on « ? » takes its answer
  // without a second colon (« …constituent : : une faute grave » before).
  await page.locator('.live details summary').click();
  await page.locator('.live ul.why li').first().waitFor(); // built once opened
  const why = (await page.locator('.live ul.why').innerText()).replace(/[ \t\n]+/g, ' ');
  expect(why.includes('constituent\u00a0: une ') && !/:\s*:/.test(why) && !/\?\s*:/.test(why), `why: ${why}`);
  await page.locator('.live details summary').click();
  const score = await live.textContent();
  // The verdict heads the live result, once; the score under it keeps the pass mark.
  const live_m = score.match(/(Réussi|Non réussi)Note\u00a0: \d+ \/ 23 — \d+\u202f% \(seuil\u00a080\u202f%\)/);
  expect(live_m && score.split(live_m[1]).length === 2, `live score: ${score}`);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
  const summary = await page.locator('.summary').textContent();
  const m = summary.match(/(\d+) \/ 23 — (\d+)\u202f% \(seuil\u00a080\u202f%\)/);
  expect(m, `result without percentage and pass mark: ${summary}`);
  // « Réussi » or « Non réussi » is said once, by the rating, not again after the score.
  const verdicts = summary.match(/Non réussi|Réussi/g) || [];
  expect(verdicts.length === 1 && (await page.locator('.summary .rating').textContent()).trim() === verdicts[0], `verdicts: ${verdicts} in ${summary}`);
  expect((Number(m[2]) >= 80) === (verdicts[0] === 'Réussi'), `verdict ${verdicts[0]} at ${m[2]} %`);
  expect(Number(m[2]) === Math.round((100 * Number(m[1])) / 23), `percentage ${m[2]} for ${m[1]} / 23`);
  expect(!summary.includes('Règle vérifiée'), `a quiz shows the verified-rule badge: ${summary}`);
  // « Recommencer le quiz » asks first, then clears every answer.
  page.once('dialog', (d) => { expect(d.type() === 'confirm', d.type()); d.dismiss(); });
  await page.getByRole('button', { name: 'Recommencer le quiz' }).click();
  expect((await page.locator('.summary').textContent()).includes('/ 23'), 'cleared without confirmation');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Recommencer le quiz' }).click();
  await page.getByRole('heading', { level: 1, name: 'Quiz de formation PEAS' }).waitFor();
  await item.getByRole('button', { name: 'Valider' }).waitFor();
  expect(!(await item.getByRole('radio', { name: /^une affaire privée/ }).isChecked()), 'answer kept after « Recommencer »');
  expect(!(await item.getByRole('radio', { name: /^une affaire privée/ }).isDisabled()), 'still locked after « Recommencer »');
  expect((await live.textContent()).includes('Note\u00a0: —'), `score after « Recommencer »: ${await live.textContent()}`);
  expect(errors.length === 0, errors.join('\n'));
  await context.close();
});

await test('at 360 px: every questionnaire\'s results page fits without sideways scrolling; the heat matrix labels render at 12 px or more', async () => {
  const { context, page, errors } = await fresh({ viewport: { width: 360, height: 740 } });
  const shots = path.join(os.tmpdir(), 'psea-shots-13');
  fs.mkdirSync(shots, { recursive: true });
  const examples = ['unicef-psea-2020', 'un-common-psea', 'cash-transfer-sea-risk', 'distribution-sea-risk', 'programme-sea-risk-flags', 'psea-training-quiz'];
  const sizes = [];
  for (const id of examples) {
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles(`questionnaires/examples/${id}.json`);
    await page.getByText(/Réponses importées/).waitFor();
    await page.getByRole('button', { name: /^Ouvrir : / }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate((id) => { location.hash = location.hash.replace(/\/?$/, '/results'); }, id);
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    await page.locator('.summary').waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: path.join(shots, `results-${id}-360.png`), fullPage: true });
    expect(wide <= 360, `${id}: the results page is ${wide} px wide`);
    // Nothing but the register's own box scrolls sideways.
    const overflowing = await page.evaluate(() => [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > 361 && !e.closest('.table-wrap.scrolls') && getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length)
      .map((e) => e.tagName + '.' + e.className).slice(0, 5));
    expect(overflowing.length === 0, `${id}: past the right edge: ${overflowing.join(', ')}`);
    // A short value of the summary (« 0 sur 5 », « 12 / 18 ») stays on one line, however
    // long its term.
    const squeezed = await page.evaluate(() => [...document.querySelectorAll('.summary dd')]
      .filter((d) => d.textContent.trim().length <= 12 && d.getClientRects().length)
      // The text's own height (the box stretches to its term's row).
      .filter((d) => { const r = document.createRange(); r.selectNodeContents(d); return r.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(d).lineHeight); })
      .map((d) => d.textContent.trim()));
    expect(squeezed.length === 0, `${id}: short values broken over lines: ${squeezed.join(' | ')}`);
    if (await page.locator('svg.heat').count()) {
      const px = await page.evaluate(() => [...document.querySelectorAll('svg.heat text')].filter((t) => t.textContent.trim())
        .map((t) => { const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); }));
      const label = await page.locator('svg.heat text.axis').first().evaluate((t) => t.getBoundingClientRect().height);
      sizes.push(`${id}: ${Math.min(...px).toFixed(1)} px (label box ${label.toFixed(1)} px high)`);
      expect(Math.min(...px) >= 12, `${id}: a heat-matrix label renders at ${Math.min(...px).toFixed(1)} px`);
      expect(label >= 12, `${id}: a likelihood label box is ${label} px high`);
      // The register reads as stacked rows, each value with its label: nothing to scroll
      // sideways, so no hint to (its narrow columns made rows 20 lines tall or more).
      const reg = await page.locator('table.register').evaluate((t) => {
        const wrap = t.closest('.table-wrap');
        const rows = [...t.tBodies[0].rows];
        return {
          scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
          hint: getComputedStyle(document.getElementById('register-hint')).display !== 'none',
          unlabelled: rows.flatMap((r) => [...r.cells]).filter((c) => c.tagName === 'TD' && (!c.dataset.label || ['none', 'normal'].includes(getComputedStyle(c, '::before').content))).length,
          tallest: Math.max(...rows.map((r) => r.getBoundingClientRect().height)),
          lineHeight: parseFloat(getComputedStyle(t).lineHeight),
        };
      });
      expect(!reg.scrolls && !reg.hint, `${id}: the register still scrolls sideways (${reg.scrolls}) or says so (${reg.hint})`);
      expect(reg.unlabelled === 0, `${id}: ${reg.unlabelled} register values without their label`);
      sizes.push(`${id}: register's tallest row ${Math.round(reg.tallest / reg.lineHeight)} lines`);
    }
  }
  console.log(`     at 360 px, heat-matrix text's smallest rendered size and the register's tallest row: ${sizes.join('; ')}; screenshots in ${shots}`);
  expect(errors.length === 0, errors.join('\n'));
  await context.close();
});

await test('small things: rename prefilled, « Exporter tout » by the backup reminder, export said on the page, erase keeps exported files, « Comment noter » only where something is rated, « Langue » on one line', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
  // « Langue » is never broken into « Lang / ue ».
  const lang = page.locator('.lang span');
  const [h, lh] = await lang.evaluate((e) => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).lineHeight)]);
  expect(h < 1.5 * lh, `« Langue » takes ${h} px (line ${lh} px)`);
  // « Comment noter » under rated questions only; a date, number or text field's guidance is a hint.
  await page.getByRole('button', { name: 'Commencer une évaluation : Risques d’EAS dans un transfert monétaire' }).click();
  await page.getByRole('heading', { level: 1, name: 'Risques d’EAS dans un transfert monétaire' }).waitFor();
  for (const id of ['programme', 'households', 'first_payment']) {
    const item = page.locator(`#item-${id}`);
    expect(await item.getByText('Comment noter').count() === 0, `« Comment noter » under ${id}`);
    expect(await item.locator('.field-hint').count() === 1, `${id} lost its guidance`);
  }
  expect(await page.locator('#item-r_gatekeeping').getByText('Comment noter').count() === 1, 'a risk lost « Comment noter »');
  await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill('ONG Kayes');
  await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
  await startUnicef(page);
  await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
  // Rename: the prompt holds the name shown.
  let prompted = null;
  page.once('dialog', (d) => { prompted = d.defaultValue(); d.dismiss(); });
  await page.getByRole('button', { name: 'Renommer : ONG Kayes' }).click();
  expect(prompted === 'ONG Kayes', `rename prompt prefilled with « ${prompted} »`);
  // « Exporter tout » sits in the backup section, under the reminder: one file per assessment.
  const backup = page.getByRole('region', { name: 'Sauvegarde' });
  await backup.getByText('Des évaluations ont changé depuis votre dernière sauvegarde').waitFor();
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await backup.getByRole('button', { name: 'Exporter tout' }).click();
  await backup.getByRole('status').filter({ hasText: 'Fichier enregistré dans les téléchargements' }).waitFor();
  const said = await backup.getByRole('status').textContent();
  expect(said.includes('cash-transfer-sea-risk-ong-kayes-') && said.includes('unicef-psea-2020-2026-'), `export all said: ${said}`);
  for (let i = 0; i < 50 && downloads.length < 2; i++) await page.waitForTimeout(100);
  expect(downloads.length === 2, `export all gave ${downloads.length} files: ${downloads.join(', ')}`);
  await backup.getByText('Des évaluations ont changé').waitFor({ state: 'detached' });
  // A card's export is said on the card.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'ONG Kayes' }) });
  await card.getByRole('button', { name: 'Exporter : ONG Kayes' }).click();
  await card.getByRole('status').filter({ hasText: /Fichier enregistré dans les téléchargements\u00a0: cash-transfer-sea-risk-ong-kayes-\d{4}-\d{2}-\d{2}\.json/ }).waitFor();
  // Erasing says the exported files stay.
  let erase = null;
  page.once('dialog', (d) => { erase = d.message(); d.dismiss(); });
  await page.getByRole('button', { name: 'Effacer toutes mes données sur cet appareil' }).click();
  expect(erase && erase.includes('Les fichiers déjà exportés (dossier Téléchargements) restent sur l’appareil'), `erase confirmation: ${erase}`);
  await context.close();
});

await test('conditional items appear and disappear at once (cash transfer: mobile money adds the agents risk)', async () => {
  const { context, page } = await fresh();
  await page.getByRole('button', { name: 'Commencer une évaluation : Risques d’EAS dans un transfert monétaire' }).click();
  await page.getByRole('heading', { level: 1, name: 'Risques d’EAS dans un transfert monétaire' }).waitFor();
  const agents = page.locator('#item-r_fsp_agents');
  expect(!(await agents.isVisible()), 'the agents risk is shown before mobile money is ticked');
  const mobile = page.getByRole('group', { name: /^Modalités de transfert utilisées/ }).getByRole('checkbox', { name: /^Argent mobile/ });
  await mobile.check();
  await agents.waitFor({ state: 'visible' });
  await mobile.uncheck();
  await agents.waitFor({ state: 'hidden' });
  await context.close();
});

await test('risk check: impact under the SEA floor is counted 4 everywhere; a residual set by hand needs a justification and both values reach the PDF', async () => {
  const { context, page } = await fresh();
  const title = 'Risques d’EAS dans un transfert monétaire';
  await page.getByRole('button', { name: `Commencer une évaluation : ${title}` }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill('ONG Kènè');
  const risk = page.locator('#item-r_gatekeeping');
  const live = page.locator('#r_gatekeeping-live');
  await risk.getByRole('group', { name: 'Probabilité' }).getByRole('radio', { name: /^5 – / }).check();
  const low = risk.getByRole('group', { name: 'Impact' }).getByRole('radio', { name: /^2 – / });
  const lowName = await low.evaluate((e) => e.labels[0].textContent);
  expect(lowName.includes('compté\u00a04\u00a0: plancher EAS'), `impact 2 does not say it counts 4: ${lowName}`);
  await low.check();
  await live.filter({ hasText: 'impact noté 2, compté 4\u00a0: plancher EAS' }).waitFor();
  expect((await live.textContent()).includes('Inhérent\u00a0: 5\u00a0×\u00a04\u00a0=\u00a020 (Très élevé)'), await live.textContent());
  // Every measure in place: the bound keeps it at « Élevé ».
  const selects = risk.locator('.measure select');
  const n = await selects.count();
  expect(n >= 2, `only ${n} measures`);
  for (let i = 0; i < n; i++) await selects.nth(i).selectOption('in_place');
  await live.filter({ hasText: 'Résiduel\u00a0: 3 × 4 = 12 (Élevé)' }).waitFor();
  // A residual chosen by hand does not count until it is justified.
  await risk.getByText('Ajuster le risque résiduel').click();
  await page.locator('#r_gatekeeping-residual-likelihood').selectOption('1');
  await risk.getByRole('status').filter({ hasText: 'Valeur choisie sans justification' }).waitFor();
  expect((await live.textContent()).includes('Résiduel\u00a0: 3\u00a0×\u00a04\u00a0=\u00a012'), 'an unjustified choice counted');
  await page.locator('#r_gatekeeping-justification').fill('Comité de ciblage dissous, listes tirées au sort');
  await live.filter({ hasText: '1 × 4 = 4 (Faible)' }).waitFor();
  expect((await live.textContent()).includes('sous le minimum que les mesures permettent (12)'), await live.textContent());
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
  // White space folded (the product and « compté 4 » hold together with no-break spaces).
  const register = (await page.locator('.table-wrap[aria-labelledby="register-title"]').textContent()).replace(/\s+/g, ' ');
  for (const want of ['impact noté 2, compté 4 : plancher EAS', '3 × 4 = 12 (Élevé)', '1 × 4 = 4 (Faible)', 'Comité de ciblage dissous', 'En place']) {
    expect(register.includes(want), `register lacks « ${want} »`);
  }
  // The heat matrix places the risk on the retained residual (1 × 4 = 4), not the computed 12.
  const counted = await page.locator('svg.heat g').evaluateAll((cells) => cells
    .map((g) => [g.querySelector('.score')?.textContent, g.querySelector('.count')?.textContent])
    .filter(([, n]) => n && n.trim() !== '' && n.trim() !== '—'));
  expect(JSON.stringify(counted) === '[["4","1"]]', `heat matrix cells with risks: ${JSON.stringify(counted)}`);
  const pdf = await exportPdf(page);
  const flat = pdf.text.replace(/\s+/g, ' ');
  for (const want of ['compté 4', 'plancher EAS', 'calculé 3 × 4 = 12', 'retenu 1 × 4 = 4', 'Comité de ciblage dissous', 'sous le minimum']) {
    expect(flat.includes(want), `PDF lacks « ${want} »`);
  }
  await context.close();
});

await test('UN common: standard 8 offers « Sans objet » only while no allegation was received; no contact with beneficiaries is stated with the result', async () => {
  const { context, page } = await fresh();
  const title = 'Évaluation commune des Nations Unies des capacités PEAS des partenaires';
  await page.getByRole('button', { name: new RegExp(`^Commencer une évaluation\\s*: ${title}`) }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const std8 = page.locator('#item-std8_corrective');
  const na = std8.getByRole('radio', { name: 'Sans objet', exact: true });
  const allegations = page.locator('#item-allegations_received');
  await allegations.getByRole('radio', { name: 'Oui', exact: true }).check();
  await na.waitFor({ state: 'detached' });
  await allegations.getByRole('radio', { name: 'Non', exact: true }).check();
  await na.waitFor();
  await na.check();
  // Changing the answer to « Oui » takes the option away and the standard waits for an answer.
  await allegations.getByRole('radio', { name: 'Oui', exact: true }).check();
  await na.waitFor({ state: 'detached' });
  const missing = await page.locator('.live .missing').textContent();
  expect(missing.includes('Norme 8'), `standard 8 not listed as unanswered: ${missing}`);
  await page.locator('#item-beneficiary_contact').getByRole('radio', { name: 'Non', exact: true }).check();
  await page.locator('.live').filter({ hasText: 'Aucun contact avec les bénéficiaires' }).waitFor();
  await context.close();
});

await test('"erase all my data on this device" asks first; once accepted nothing is left, even after a reload', async () => {
  const { context, page } = await fresh();
  await startUnicef(page, 'ONG Formation');
  await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
  const card = page.getByRole('heading', { level: 3, name: 'ONG Formation' });
  await card.waitFor();
  const erase = page.getByRole('button', { name: 'Effacer toutes mes données sur cet appareil' });
  page.once('dialog', (d) => { expect(d.type() === 'confirm', d.type()); d.dismiss(); });
  await erase.click();
  expect(await card.count() === 1, 'erased without confirmation');
  page.once('dialog', (d) => d.accept());
  await erase.click();
  await page.getByRole('status').filter({ hasText: 'Toutes les données de cet appareil ont été effacées.' }).waitFor();
  await card.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByText('Aucune évaluation sur cet appareil.').waitFor();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:a:')).length);
  expect(left === 0, `${left} assessments left in storage`);
  await context.close();
});

await test('results: per-standard table, validity date, and an action plan whose owner, due date and status are kept', async () => {
  const { context, page } = await fresh();
  await startUnicef(page);
  for (const s of STANDARDS) await rate(page, s);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
  const table = page.getByRole('region', { name: 'Pourquoi ce résultat' });
  expect(await table.getByRole('row').count() === 7, 'the per-standard table has not 6 rows and a header');
  const summary = await page.locator('.summary').textContent();
  const until = String(new Date().getFullYear() + 5); // dated today, valid five years
  expect(summary.includes('À revoir avant le') && summary.includes(until), `review date missing: ${summary}`);
  // A partner's self-assessment says so next to the rating, with the sources behind the rule.
  expect(summary.includes('Auto-évaluation — notation indicative\u202f; la notation officielle est celle de l’agence'), `self-assessment notice missing: ${summary}`);
  const sources = await page.locator('.summary .sources').textContent();
  expect(sources.includes('https://'), `sources not listed: ${sources}`);
  // The method and its sources are folded under « Méthode et sources », and open on demand.
  const method = page.locator('.summary details.method');
  expect(!(await page.locator('.summary .sources').isVisible()), 'the sources are not folded');
  await method.locator('summary').click();
  expect(await page.locator('.summary .sources').isVisible(), 'the sources do not open');
  // Gaps (one absent, two progressing standards) give plan entries; edit the first one.
  await page.getByLabel('Responsable').first().fill('Aminata Traoré');
  await page.getByLabel('Échéance').first().fill('2027-03-31');
  await page.getByLabel('Statut').first().selectOption('in_progress');
  const mine = 'Former deux points focaux d’ici juin';
  await page.getByLabel('Action', { exact: true }).nth(1).fill(mine);
  await page.reload();
  await page.getByRole('heading', { name: 'Plan d’action' }).waitFor();
  expect(await page.getByLabel('Responsable').first().inputValue() === 'Aminata Traoré', 'owner lost');
  expect(await page.getByLabel('Échéance').first().inputValue() === '2027-03-31', 'due date lost');
  expect(await page.getByLabel('Statut').first().inputValue() === 'in_progress', 'status lost');
  // At desktop width owner, due date and status share one row (four full-width rows each
  // before); the entry keeps its number.
  const tops = await Promise.all(['Responsable', 'Échéance', 'Statut'].map(async (l) => (await page.getByLabel(l).first().boundingBox()).y));
  expect(Math.max(...tops) - Math.min(...tops) < 2, `plan fields not on one row: ${tops.join(', ')}`);
  expect(await page.locator('.plan-entry').first().evaluate((e) => getComputedStyle(e).display) === 'list-item', 'plan entry lost its number');
  await page.setViewportSize({ width: 360, height: 740 });
  const narrow = await Promise.all(['Responsable', 'Statut'].map(async (l) => (await page.getByLabel(l).first().boundingBox()).y));
  expect(narrow[1] > narrow[0] + 40, `plan fields side by side at 360 px: ${narrow.join(', ')}`);
  // Each action is read whole: its box is as tall as its text.
  const cut = await page.getByLabel('Action', { exact: true }).evaluateAll((l) => l.filter((t) => t.scrollHeight > t.clientHeight + 1).map((t) => t.id));
  expect(cut.length === 0, `actions cut at 360 px: ${cut.join(', ')}`);
  // In English, the drafted actions read in English; the one the user rewrote stays theirs.
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('heading', { name: 'Action plan' }).waitFor();
  const actions = await page.getByLabel('Action', { exact: true }).evaluateAll((l) => l.map((t) => t.value));
  const english = ['Add the PSEA clause', 'Set up at least one safe', 'Get the GBV referral pathway'];
  expect(actions.length === 3 && actions[1] === mine, `the rewritten action changed: ${actions.join(' | ')}`);
  for (const a of [actions[0], actions[2]]) expect(english.some((e) => a.startsWith(e)), `a drafted action not in English: « ${a} »`);
  await context.close();
});

await test('at 360 px wide: no sideways scrolling on home, filling and results, and every control at least 44 px tall', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
  const check = async (where) => {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide <= 360, `${where}: the page is ${wide} px wide`);
    const small = await page.evaluate(() => [...document.querySelectorAll('main button, main select, main input[type=text], main input[type=date], main input[type=number], main textarea, main .choice, main summary')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.getBoundingClientRect().height, (e.textContent || e.id || e.tagName).trim().slice(0, 40)])
      .filter(([h]) => h < 44));
    expect(small.length === 0, `${where}: controls under 44 px: ${JSON.stringify(small.slice(0, 5))}`);
  };
  await check('home');
  await page.getByRole('button', { name: 'Commencer une évaluation : Risques d’EAS dans un transfert monétaire' }).click();
  await page.getByRole('heading', { level: 1, name: 'Risques d’EAS dans un transfert monétaire' }).waitFor();
  await check('filling');
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
  await check('results');
  // Back home, the card of that assessment gives its values the wider column: « Risques
  // d’EAS dans un transfert monétaire » took four lines of a 120 px column.
  await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
  const dl = page.locator('.card dl').first();
  await dl.waitFor();
  const [term, value] = await dl.evaluate((d) => getComputedStyle(d).gridTemplateColumns.split(' ').map(parseFloat));
  expect(value >= term, `a card's values get ${value} px, its terms ${term} px`);
  await context.close();
});

const CASH = 'Risques d’EAS dans un transfert monétaire';

/** At 360 × 740: opens a blank form and steps through its sections with « Section
 *  suivante »; each page has one section, no sideways scrolling; returns the tallest page. */
async function tallestPage(page, title) {
  await page.getByRole('button', { name: `Commencer une évaluation : ${title}` }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const next = page.getByRole('button', { name: 'Section suivante', exact: true });
  let tallest = 0;
  for (let step = 0; ; step++) {
    const [height, width, shown] = await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth,
      [...document.querySelectorAll('.q-section')].filter((e) => e.offsetParent !== null).length]);
    expect(width <= 360, `${title}, page ${step + 1}: ${width} px wide`);
    expect(shown === 1, `${title}, page ${step + 1}: ${shown} sections shown`);
    tallest = Math.max(tallest, height);
    if (await next.isDisabled()) break;
    await press(next, 'Enter');
    expect(step < 20, 'next section never ends');
  }
  return tallest;
}

await test('at 360 × 740 px, one section at a time: the blank cash form is at most 8 screens tall and UNICEF at most 4', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
  const cash = await tallestPage(page, CASH);
  expect(cash <= 8 * 740, `cash transfer: ${cash} px (${(cash / 740).toFixed(1)} screens)`);
  await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
  const unicef = await tallestPage(page, UNICEF);
  expect(unicef <= 4 * 740, `UNICEF: ${unicef} px (${(unicef / 740).toFixed(1)} screens)`);
  await context.close();
});

await test('at 360 px: the sticky bar shows progress and the save state; the section list jumps to a section with its count, kept on reload', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
  // The home page scrolled to its end: the form still opens at its top, its title focused.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.getByRole('button', { name: `Commencer une évaluation : ${CASH}` }).click();
  await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'fill-title' && window.scrollY === 0);
  const bar = page.getByRole('region', { name: 'Avancement' });
  // Every shown question counts, as the section tabs count them (12 risks, 5 context questions).
  await bar.getByText('0 / 17 répondues').waitFor();
  await page.locator('#item-review_stage').getByRole('radio', { name: 'Conception du programme' }).check();
  await bar.getByText('✓ Enregistré').waitFor();
  // The bar stays in view at the bottom of the page.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const top = await bar.evaluate((e) => e.getBoundingClientRect().top);
  expect(top >= 0 && top < 10, `bar not at the top of the screen: ${top}`);
  // The list of sections, with their completion; one press shows the chosen one.
  const list = page.getByRole('navigation', { name: 'Sections du questionnaire' });
  const entry = list.getByRole('button', { name: /^Ménage/ });
  expect((await entry.textContent()).includes('0/2'), `count missing: ${await entry.textContent()}`);
  await press(entry, 'Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'section-household');
  expect(await page.locator('#item-r_household_control').isVisible(), 'the chosen section is not shown');
  expect(!(await page.locator('#item-programme').isVisible()), 'the first section is still shown');
  expect(await entry.getAttribute('aria-current') === 'step', 'the list does not mark the current section');
  const household = page.locator('#item-r_household_control');
  await household.getByRole('group', { name: 'Probabilité' }).getByRole('radio', { name: /^2 – / }).check();
  await household.getByRole('group', { name: 'Impact' }).getByRole('radio', { name: /^3 – / }).check();
  await bar.getByText('2 / 17 répondues').waitFor();
  await list.getByRole('button', { name: /^Ménage.*1\/2$/ }).waitFor();
  // Previous / next.
  await press(bar.getByRole('button', { name: 'Section précédente' }), 'Enter');
  await page.getByRole('heading', { level: 2, name: 'Paiement, retrait et achats' }).waitFor();
  await press(bar.getByRole('button', { name: 'Section suivante' }), 'Enter');
  await page.getByRole('heading', { level: 2, name: 'Ménage' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
  await page.locator('#item-r_household_control').waitFor({ state: 'visible' });
  expect(!(await page.locator('#item-programme').isVisible()), 'reload went back to the first section');
  await context.close();
});

await test('a revealed item is announced next to the answer that revealed it, and « Aller à la question » moves focus to it', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
  await page.getByRole('button', { name: `Commencer une évaluation : ${CASH}` }).click();
  await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
  const modalities = page.locator('#item-modalities');
  await modalities.getByRole('checkbox', { name: /^Argent mobile/ }).check();
  const note = modalities.getByRole('status').filter({ hasText: '2 questions ajoutées\u00a0: Des agents du prestataire' });
  await note.waitFor();
  await press(note.getByRole('button', { name: 'Aller à la question' }), 'Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'item-r_fsp_agents');
  expect(await page.locator('#item-r_fsp_agents').isVisible(), 'the revealed risk is not shown');
  const box = await page.locator('#item-r_fsp_agents').boundingBox();
  expect(box.y >= 0 && box.y < 740, `the revealed risk is off screen (${box.y})`);
  await context.close();
});

await test('compact risk scales: five native radios in a named group, 44 px segments, arrow keys move along, the chosen label shown', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
  await page.getByRole('button', { name: `Commencer une évaluation : ${CASH}` }).click();
  await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
  await nextSection(page);
  const risk = page.locator('#item-r_own_staff');
  const group = risk.getByRole('group', { name: 'Probabilité' });
  const radios = group.getByRole('radio');
  expect(await radios.count() === 5, `${await radios.count()} likelihood radios`);
  const sizes = await group.locator('label').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect()));
  expect(sizes.every((r) => r.height >= 44 && r.width >= 44), `segments: ${JSON.stringify(sizes.map((r) => [r.width, r.height]))}`);
  expect(new Set(sizes.map((r) => Math.round(r.top))).size === 1, 'the five steps are not on one row');
  await press(radios.first(), 'Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  expect(await group.getByRole('radio', { name: /^4 – / }).isChecked(), 'arrow keys did not move to 4');
  // The label follows the native radio once its frame is painted (Ctx::edit).
  const label = group.locator('.step-label');
  await label.filter({ hasText: /^4 – \S/ }).waitFor({ timeout: 2000 }).catch(() => {});
  const shown = await label.textContent();
  expect(/^4 – \S/.test(shown), `chosen label: ${shown}`);
  // A comment is asked for, not shown by default.
  expect(!(await risk.getByRole('textbox', { name: 'Commentaire' }).isVisible()), 'comment box open');
  await context.close();
});

await test('at 360 px, complete the UNICEF 2020 assessment with the keyboard, section by section', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
  await startUnicef(page, 'ONG Keneya');
  const next = page.getByRole('button', { name: 'Section suivante', exact: true });
  for (const [n, s] of STANDARDS.entries()) {
    await rate(page, s);
    if (n < STANDARDS.length - 1) {
      await nextSection(page);
    }
  }
  expect(await next.isDisabled(), 'a section after the last');
  await page.getByRole('region', { name: 'Avancement' }).getByText('Capacité moyenne (risque modéré)').waitFor();
  await page.getByRole('complementary', { name: 'Résultat en direct' }).getByText('Capacité moyenne (risque modéré)').waitFor();
  await press(page.getByRole('button', { name: 'Voir les résultats' }), 'Enter');
  await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
  await context.close();
});

await test('print stylesheet: results without navigation or buttons', async () => {
  const { context, page } = await fresh();
  await startUnicef(page);
  for (const s of STANDARDS) await rate(page, s);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.locator('.summary').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.topbar', 'main button', '.pdf-export']) {
    const shown = await page.locator(sel).evaluateAll((els) => els.filter((e) => e.offsetParent !== null || getComputedStyle(e).display !== 'none').length);
    expect(shown === 0, `${sel} still shown in print (${shown})`);
  }
  expect(await page.locator('.summary').isVisible(), 'summary hidden in print');
  expect(await page.getByRole('heading', { name: 'Plan d’action' }).isVisible(), 'plan hidden in print');
  await context.close();
});

await test('reload half-way and find every answer', async () => {
  const { context, page } = await fresh();
  await startUnicef(page, 'Association Ɲɛtaa');
  for (const s of STANDARDS.slice(0, 3)) await rate(page, s);
  // The comment box is folded until asked for.
  const comment = page.getByRole('textbox', { name: 'Commentaire', exact: true }).first();
  expect(!(await comment.isVisible()), 'comment box shown before it is asked for');
  await page.locator('#item-cs1_policy').getByText('Ajouter un commentaire').click();
  await comment.fill('Politique adoptée en mars ; « code » signé');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
  expect(await page.getByRole('textbox', { name: 'Organisation', exact: true }).inputValue() === 'Association Ɲɛtaa', 'organisation lost');
  for (const [q, choice] of STANDARDS.slice(0, 3)) {
    const group = page.getByRole('group', { name: new RegExp('^' + q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    expect(await group.getByRole('radio', { name: choice, exact: true }).isChecked(), `${choice} lost for ${q}`);
  }
  expect(await page.getByRole('textbox', { name: 'Commentaire', exact: true }).first().inputValue() === 'Politique adoptée en mars ; « code » signé', 'comment lost');
  await context.close();
});

await test('export the answers file and import it into a fresh browser profile', async () => {
  const first = await fresh();
  await startUnicef(first.page, 'ONG Export');
  for (const s of STANDARDS) await rate(first.page, s);
  await first.page.getByRole('button', { name: 'Voir les résultats' }).click();
  const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('button', { name: 'Exporter les réponses (.json)' }).click()]);
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  expect(/^unicef-psea-2020-ong-export-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename()), download.suggestedFilename());
  await first.page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
  const backup = await first.page.getByRole('region', { name: 'Sauvegarde' }).textContent();
  expect(backup.includes('Dernière sauvegarde exportée') && !backup.includes('jamais'), `backup date not shown: ${backup}`);
  await first.context.close();

  const second = await fresh();
  expect(await second.page.getByText('Aucune évaluation sur cet appareil.').isVisible(), 'profile not fresh');
  await second.page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles(file);
  await second.page.getByText(/Réponses importées\s.* \(6\s+réponses reprises\)/).waitFor();
  const card = second.page.getByRole('listitem').filter({ hasText: 'ONG Export' });
  expect((await card.textContent()).includes('Capacité moyenne (risque modéré)'), 'imported rating missing');
  await second.context.close();
});

await test('a malformed questionnaire file shows its error with the line', async () => {
  const { context, page } = await fresh();
  const bad = path.join(tmp, 'mauvais.toml');
  fs.writeFileSync(bad, fs.readFileSync('questionnaires/unicef-psea-2020.toml', 'utf8').replace('kind = "scale"', 'kind = "scael"'));
  const line = fs.readFileSync(bad, 'utf8').split('\n').findIndex((l) => l.includes('scael')) + 1;
  await page.getByLabel('Ouvrir un fichier de questionnaire', { exact: true }).setInputFiles(bad);
  const alert = page.getByRole('alert');
  await alert.getByText(`mauvais.toml:${line}:8: type de question \`scael\` inconnu`).waitFor();
  await context.close();
});

await test('switch language to English and back, remembered on reload', async () => {
  const { context, page } = await fresh();
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('heading', { level: 2, name: 'My assessments' }).waitFor();
  expect(await page.locator('html').getAttribute('lang') === 'en', 'html lang not updated');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'My assessments' }).waitFor();
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('heading', { level: 2, name: 'Mes évaluations' }).waitFor();
  await context.close();
});

await test('offline after the first visit (service worker): reload, complete an assessment, export its PDF; installable manifest', async () => {
  const { context, page, errors } = await fresh();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'no service worker in control');
  const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
  expect(manifest.name === 'Évaluation PEAS' && manifest.icons.length === 2, 'manifest');
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Évaluation PEAS' }).waitFor();
  await startUnicef(page);
  for (const s of STANDARDS) await rate(page, s);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.locator('.summary').getByText('Capacité moyenne (risque modéré)').waitFor();
  // The PDF worker comes from the service worker's cache too.
  const pdf = await exportPdf(page);
  expect(pdf.text.includes('Capacité moyenne (risque modéré)'), 'offline PDF lacks the rating');
  expect(errors.length === 0, errors.join('\n'));
  await context.close();
});

/** A copy of dist/ served on its own port, changed by `edit(dir, packed)` (packed: sw.js's
 *  PACKED); a context with the service worker allowed, on its first visit, controlled. */
async function installedCopy(edit) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'psea-dist-'));
  fs.cpSync(dist, copy, { recursive: true });
  const packed = JSON.parse(fs.readFileSync(path.join(copy, 'sw.js'), 'utf8').match(/const PACKED = (\{[\s\S]*?\n\});/)[1]);
  edit(copy, packed);
  const site = await serve(copy);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.base);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Évaluation PEAS' }).waitFor();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'no service worker in control');
  return { context, page, errors, packed, close: async () => { await context.close(); site.server.close(); } };
}

/** Every packed module is in the worker's cache, byte for byte the built one, as wasm. */
async function expectModulesCached(page, packed) {
  const cached = await page.evaluate(async (files) => {
    const out = [];
    for (const file of files) {
      const hit = await caches.match(file);
      if (!hit) { out.push([file, null]); continue; }
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await hit.arrayBuffer()));
      out.push([file, [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''), hit.headers.get('Content-Type')]);
    }
    return out;
  }, packed.parts.map(([f]) => f));
  for (const [file, digest, type] of cached) {
    const built = execFileSync('sha256sum', [path.join(dist, file)], { encoding: 'utf8' }).split(' ')[0];
    expect(digest === built, `${file}: cached ${digest === null ? 'nothing' : digest}, built ${built}`);
    expect(type === 'application/wasm', `${file}: cached as ${type}`);
  }
}

await test('the offline install fetches the later modules as one xz pack: without them on the server, the form, results and PDF still work', async () => {
  const { page, errors, packed, close } = await installedCopy((copy, packed) => {
    expect(packed.parts.length >= 5 && packed.parts.some(([f]) => f.startsWith('./pdf_worker')), `packed: ${packed.parts.map(([f]) => f).join(', ')}`);
    for (const [file] of packed.parts) fs.rmSync(path.join(copy, file));
  });
  await expectModulesCached(page, packed);
  await startUnicef(page);
  for (const s of STANDARDS) await rate(page, s);
  await page.getByRole('button', { name: 'Voir les résultats' }).click();
  await page.locator('.summary').getByText('Capacité moyenne (risque modéré)').waitFor();
  const pdf = await exportPdf(page);
  expect(pdf.text.includes('Capacité moyenne (risque modéré)'), 'PDF from the packed worker lacks the rating');
  expect(errors.length === 0, errors.join('\n'));
  await close();
});

await test('a pack that cannot be used (damaged, or no decoder) → the worker fetches the modules one by one, and works offline', async () => {
  for (const [what, edit] of [
    ['damaged', (copy, packed) => {
      const file = path.join(copy, packed.bundle);
      const bytes = fs.readFileSync(file);
      bytes.fill(0x55, bytes.length >> 1, (bytes.length >> 1) + 64);
      fs.writeFileSync(file, bytes);
    }],
    ['no decoder', (copy, packed) => fs.rmSync(path.join(copy, packed.decoder))],
  ]) {
    const { context, page, errors, packed, close } = await installedCopy(edit);
    try {
      await expectModulesCached(page, packed);
      await context.setOffline(true);
      await page.reload();
      await startUnicef(page);
      await rate(page, STANDARDS[0]);
      await page.getByRole('button', { name: 'Voir les résultats' }).click();
      await exportPdf(page);
      expect(errors.length === 0, `${what}: ${errors.join('\n')}`);
    } catch (e) {
      throw new Error(`${what}: ${e.message}`);
    } finally {
      await close();
    }
  }
});

await test('a new build shows "new version available" and updating keeps the open draft', async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'psea-dist-'));
  fs.cpSync(dist, copy, { recursive: true });
  const site = await serve(copy);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.base);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'no service worker in control');
  await startUnicef(page);
  const org = page.getByRole('textbox', { name: 'Organisation', exact: true });
  await org.fill('ONG Brouillon');
  await rate(page, STANDARDS[0]);
  // A new build is published: its sw.js carries another version.
  const sw = path.join(copy, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
  const banner = page.getByRole('status').filter({ hasText: 'Une nouvelle version de l’application est prête' });
  await banner.waitFor();
  expect(await org.inputValue() === 'ONG Brouillon', 'the draft changed before the user accepted the update');
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Mettre à jour maintenant' }).click()]);
  await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
  expect(await page.getByRole('textbox', { name: 'Organisation', exact: true }).inputValue() === 'ONG Brouillon', 'draft lost by the update');
  const group = page.getByRole('group', { name: /^L’organisation dispose d’un document/ });
  expect(await group.getByRole('radio', { name: 'Adéquate', exact: true }).isChecked(), 'answer lost by the update');
  const caches = await page.evaluate(async () => caches.keys());
  expect(caches.length === 1 && caches[0].endsWith('-next'), `caches after the update: ${caches.join(', ')}`);
  await context.close();
  site.server.close();
});

await test('a corrupt stored entry is set aside raw, never deleted, and reported', async () => {
  const { context, page } = await fresh();
  await page.evaluate(() => localStorage.setItem('psea:v1:a:broken', '{"id": "broken", "file": {not json'));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: /Une évaluation enregistrée est illisible/ });
  await alert.waitFor();
  const kept = await page.evaluate(() => localStorage.getItem('psea:v1:aside:psea:v1:a:broken'));
  expect(kept === '{"id": "broken", "file": {not json', `raw entry not kept: ${kept}`);
  // Still reported after another reload (the entry may have been set aside by a page the
  // user never looked at), and exportable as it was.
  await page.reload();
  await alert.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Exporter ces entrées (.txt)' }).click()]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.includes('{"id": "broken", "file": {not json'), `export lacks the raw entry: ${text}`);
  // The same key damaged again: its first copy is kept, the second goes beside it.
  await page.evaluate(() => localStorage.setItem('psea:v1:a:broken', '{"id": "broken", "second": {'));
  await page.reload();
  await alert.filter({ hasText: 'psea:v1:a:broken~2' }).waitFor();
  const copies = await page.evaluate(() => [localStorage.getItem('psea:v1:aside:psea:v1:a:broken'), localStorage.getItem('psea:v1:aside:psea:v1:a:broken~2')]);
  expect(copies[0] === '{"id": "broken", "file": {not json' && copies[1] === '{"id": "broken", "second": {', `copies: ${copies}`);
  // An entry set aside after the message was shown (another tab) is not deleted with the
  // ones listed.
  await page.evaluate(() => localStorage.setItem('psea:v1:aside:psea:v1:a:late', 'late'));
  // Removing them asks first: refused, nothing goes; accepted, the entries and the alert go.
  page.once('dialog', (d) => d.dismiss());
  await alert.getByRole('button', { name: 'Supprimer ces entrées' }).click();
  expect(await page.evaluate(() => localStorage.getItem('psea:v1:aside:psea:v1:a:broken')) !== null, 'removed without confirmation');
  page.once('dialog', (d) => d.accept());
  await alert.getByRole('button', { name: 'Supprimer ces entrées' }).click();
  await alert.waitFor({ state: 'detached' });
  // The page says it was done, where the alert was, and focus goes there (not to the top).
  const done = page.getByRole('status').filter({ hasText: 'Les entrées mises de côté ont été supprimées de cet appareil.' });
  await done.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'report-damaged');
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('aside')).sort().join(' '));
  expect(left === 'psea:v1:aside:psea:v1:a:late', `left after removal: ${left}`);
  await page.evaluate(() => localStorage.removeItem('psea:v1:aside:psea:v1:a:late'));
  const libraryRead = page.waitForResponse((r) => r.url().includes('/split_library-'));
  await page.reload();
  await libraryRead;
  await page.waitForTimeout(1000);
  expect(await alert.count() === 0, 'alert back after removal');
  await context.close();
});

await test('when storage refuses to save, the page says so and offers an export', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  await page.goto(base);
  await startUnicef(page);
  await rate(page, STANDARDS[0]);
  const alert = page.getByRole('alert').filter({ hasText: 'Le navigateur refuse d’enregistrer' });
  await alert.waitFor();
  // The answer is still there, in memory.
  const group = page.getByRole('group', { name: /^L’organisation dispose d’un document/ });
  expect(await group.getByRole('radio', { name: 'Adéquate', exact: true }).isChecked(), 'answer lost');
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Exporter les réponses (.json)' }).click()]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(saved.answers.cs1_policy.value === 'adequate', 'export lacks the answer');
  await context.close();
});

// Further suites, one file per concern in e2e/suites/ (run in name order), each exporting
// `default async function (t)` that receives the helpers above.
const suitesDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'suites');
for (const f of (fs.existsSync(suitesDir) ? fs.readdirSync(suitesDir) : []).filter((f) => f.endsWith('.mjs')).sort()) {
  const suite = await import(path.join(suitesDir, f));
  await suite.default({ test, fresh, expect, press, startUnicef, rate, exportPdf, base, browser, tmp, UNICEF, STANDARDS });
}

await test(only ? `${only}: no request ever leaves the origin` : 'no request ever leaves the origin', async () => {
  expect(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
});

await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
