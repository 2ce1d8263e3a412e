// One presentation layer (#12, helper A): answers set aside listed on the results page and in
// the PDF with their reason in the user's language; the answers file and the PDF named with the
// same slug of a non-ASCII organisation; the English UI without French spacing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NB = '\u00a0';
const NNB = '\u202f';

/** An assessment already fitted to UNICEF 2020 « 1.1.0 », with two answers set aside: one
 *  with its typed reason, one from an older file that has only the stored English words. */
const SET_ASIDE = {
  id: 'placed-one', name: '',
  file: {
    schema: 2,
    questionnaire: { id: 'unicef-psea-2020', version: '1.1.0' },
    assessment: { organisation: 'Ségou – Ɲɛtaa', assessor: '', place: '', date: '2026-05-02' },
    answers: { cs1_policy: { value: 'adequate' } },
    action_plan: [],
    unplaced: {
      cs0_focal_point: {
        answer: { value: 'yes', comment: 'Point focal nommé en 2024' },
        reason: 'item `cs0_focal_point` does not exist in version 1.1.0',
        why: [{ kind: 'item_gone', version: '1.1.0' }],
        from_version: '0.9.0',
      },
      cs9_legacy: {
        answer: { value: 'progressing' },
        reason: 'item `cs9_legacy` does not exist in version 1.0.0',
        from_version: '0.8.0',
      },
    },
  },
};

/** Text of the page's main content with French spacing that English must never show. */
const FRENCH_SPACING = /[\u00a0\u202f ][:;!?%]|«|»/;

export default async function (t) {
  const { test, fresh, expect, exportPdf, base } = t;

  await test('answers set aside are listed on the results page and in the PDF, with their reason in French and in English', async () => {
    const { context, page, errors } = await fresh();
    await page.evaluate((s) => localStorage.setItem('psea:v1:a:placed-one', JSON.stringify(s)), SET_ASIDE);
    await page.goto(`${base}#/a/placed-one/results`);
    await page.reload();
    const section = page.getByRole('region', { name: 'Réponses mises de côté (conservées dans le fichier)' });
    await section.waitFor();
    const fr = await section.innerText();
    expect(fr.includes('cs0_focal_point') && fr.includes('Point focal nommé en 2024'), `answer missing: ${fr}`);
    expect(fr.includes('la question `cs0_focal_point` n’existe pas dans la version 1.1.0 (version 0.9.0)'), `typed reason not in French: ${fr}`);
    // A file written before reasons were typed still shows the words it carries.
    expect(fr.includes('cs9_legacy') && fr.includes('item `cs9_legacy` does not exist in version 1.0.0'), `stored reason missing: ${fr}`);
    const pdf = await exportPdf(page);
    expect(pdf.text.includes('Réponses mises de côté (conservées dans le fichier)'), 'PDF lacks the set-aside heading');
    expect(pdf.text.includes('Point focal nommé en 2024'), 'PDF lacks the set-aside answer');
    expect(/la\s+question\s+`cs0_focal_point`\s+n’existe\s+pas\s+dans\s+la\s+version\s+1\.1\.0/.test(pdf.text), `PDF reason not in French: ${pdf.text.slice(-600)}`);
    await page.locator('.lang select').selectOption('en');
    const en = page.getByRole('region', { name: 'Answers set aside (kept in the file)' });
    await en.getByText('question `cs0_focal_point` does not exist in version 1.1.0', { exact: false }).waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('the answers file and the PDF carry the same slug of a non-ASCII organisation', async () => {
    const { context, page, errors } = await fresh();
    await page.evaluate((s) => localStorage.setItem('psea:v1:a:placed-one', JSON.stringify(s)), SET_ASIDE);
    await page.goto(`${base}#/a/placed-one/results`);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les réponses (.json)' }).click()]);
    const json = download.suggestedFilename();
    expect(/^unicef-psea-2020-segou-netaa-\d{4}-\d{2}-\d{2}\.json$/.test(json), `answers file name ${json}`);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(exported.unplaced?.cs0_focal_point?.why?.[0]?.kind === 'item_gone', `typed reason not kept: ${JSON.stringify(exported.unplaced)}`);
    const pdf = await exportPdf(page);
    expect(pdf.name === json.replace(/\.json$/, '.pdf'), `PDF ${pdf.name} vs answers ${json}`);
    // The export said on the page, with the colon of the language.
    const said = await page.locator('.export-status').innerText();
    expect(said.includes(`Fichier enregistré dans les téléchargements\u00a0: ${json}`), `export status: ${said}`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('the English home, filling and results pages read as English: no « : » spacing, no French quotes', async () => {
    const { context, page, errors } = await fresh();
    await page.locator('.lang select').selectOption('en');
    // Home: « For whom: », never « For whom : ».
    const forWhom = await page.locator('.meta strong').first().textContent();
    expect(forWhom === 'For whom: ', `home label: ${JSON.stringify(forWhom)}`);
    await page.getByRole('button', { name: /^Start an assessment: Partner PSEA assessment/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Partner PSEA assessment – UNICEF 2020' }).waitFor();
    await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill('NGO Hope');
    const group = page.getByRole('group', { name: /^The organisation has a PSEA policy document/ });
    await group.getByRole('radio', { name: 'Adequate', exact: true }).check();
    // The live result: « Score: 3 / 3 — partial score », never « Score : 3 / 3 ».
    await page.getByText(/^Score: \d+ \/ \d+ — partial score$/).first().waitFor();
    expect(await page.getByText(/^Score\s:/).count() === 0, 'French spacing in the live score');
    await page.getByRole('button', { name: 'See the results' }).click();
    await page.getByRole('heading', { level: 1, name: /^Results — / }).waitFor();
    // The app's own words: labels of the summary, the table and the plan (questionnaire content
    // and sources are quoted as written, so only the UI's parts are read).
    const parts = await page.locator('main .summary dl, main .summary .risk-label, main .summary .result-status, main table thead, main .plan .gap strong').allInnerTexts();
    const bad = parts.filter((p) => FRENCH_SPACING.test(p));
    expect(parts.length > 0, 'nothing read');
    expect(bad.length === 0, `French spacing in English: ${JSON.stringify(bad)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers (.json)' }).click()]);
    const said = await page.locator('.export-status').innerText();
    expect(said.includes(`File saved to downloads: ${download.suggestedFilename()}`), `export status: ${said}`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('an address of an assessment that is not on this device says so under a heading, in French and English, with focus on it and the way home; the tab is named in the language chosen', async () => {
    const { context, page, errors } = await fresh();
    expect(await page.title() === 'Évaluation PEAS', `French tab title: ${await page.title()}`);
    for (const hash of ['#/a/absente', '#/a/absente/results']) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      const heading = page.getByRole('heading', { level: 1, name: 'Évaluation introuvable' });
      await heading.waitFor();
      await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1');
      expect(await page.getByText(/^Cette évaluation n’est pas \(ou plus\) sur cet appareil\u00a0: /).count() === 1, `${hash}: the reason is not said`);
      await page.getByRole('button', { name: 'Accueil', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Évaluation PEAS' }).waitFor();
    }
    await page.locator('.lang select').selectOption('en');
    await page.waitForFunction(() => document.title === 'PSEA assessment');
    await page.evaluate(() => { location.hash = '#/a/absent'; });
    await page.getByRole('heading', { level: 1, name: 'Assessment not found' }).waitFor();
    await page.getByText(/^This assessment is not \(or no longer\) on this device: /).waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('an address that names no page shows the home page, says so (French and English) and becomes home’s address; the notice goes with the next page', async () => {
    const { context, page, errors } = await fresh();
    // Opened at such an address, as from a truncated link.
    await page.goto('about:blank');
    await page.goto(`${base}#/zzz`);
    await page.getByRole('heading', { level: 1, name: 'Évaluation PEAS' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Cette adresse ne mène à aucune page de l’application\u00a0: voici l’accueil.' }).waitFor();
    await page.waitForFunction(() => location.hash === '#/');
    // Styled as a warning, not as the green of a success.
    const look = await page.locator('.notice').evaluate((e) => [e.className, getComputedStyle(e).borderTopColor]);
    expect(look[0].includes('warn') && look[1] !== 'rgb(30, 107, 52)', `the notice looks like a success: ${look}`);
    await page.getByRole('button', { name: 'Fermer', exact: true }).click();
    // Focus stays in the page (not on <body>, where a keyboard user would start over).
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main');
    // Reached from another page: the workspace, then a mistyped address, in English.
    await page.locator('.lang select').selectOption('en');
    await page.evaluate(() => { location.hash = '#/workspace'; });
    await page.getByRole('heading', { level: 1, name: 'Coordination workspace' }).waitFor();
    await page.evaluate(() => { location.hash = '#/a/x/y/z'; });
    await page.getByRole('heading', { level: 1, name: 'PSEA assessment' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'This address leads to no page of the app: here is the home page.' });
    await notice.waitFor();
    await page.waitForFunction(() => location.hash === '#/');
    // Back in the history goes to the workspace, not to the wrong address; the notice goes.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Coordination workspace' }).waitFor();
    expect(await notice.count() === 0, 'the notice stays on the next page');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('a quiz\'s results page says where each answer stands (unanswered, not validated, wrong), names the right answer once, and ticked options in the question\'s order', async () => {
    const { context, page, errors } = await fresh();
    const quiz = JSON.parse(fs.readFileSync('questionnaires/examples/psea-training-quiz.json', 'utf8'));
    quiz.assessment.id = 'quiz-en-cours';
    delete quiz.answers.q_gross_misconduct; // unanswered
    quiz.answers.q_age_of_consent = { value: false }; // answered, not validated
    quiz.answers.q_mistaken_age = { value: true, validated: true }; // wrong; its explanation opens « Faux. »
    quiz.answers.q_exchange = { value: ['goods', 'money'], validated: true }; // wrong, ticked out of order
    const file = path.join(os.tmpdir(), 'quiz-en-cours.json');
    fs.writeFileSync(file, JSON.stringify(quiz));
    await page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles(file);
    await page.getByText(/^Réponses importées/).waitFor();
    await page.getByRole('button', { name: /^Ouvrir : / }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Quiz de formation PEAS' }).waitFor();
    await page.evaluate(() => { location.hash = location.hash.replace(/\/?$/, '/results'); });
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    const review = async (start) => (await page.locator('article.quiz-review').filter({ has: page.getByRole('heading', { name: start }) }).innerText()).replace(/[ \t\n]+/g, ' ');
    const unanswered = await review(/^Pour un·e travailleur·euse humanitaire, l’exploitation/);
    expect(unanswered.includes(`Réponse${NB}: sans réponse`) && !unanswered.includes('— —'), `unanswered: ${unanswered}`);
    const pending = await review(/^Une relation sexuelle avec une personne de 17 ans/);
    expect(pending.includes(`Réponse${NB}: Faux — pas encore validée`), `not validated: ${pending}`);
    const age = await review(/^Un·e travailleur·euse qui croyait de bonne foi/);
    expect(age.includes(`Réponse${NB}: ✗${NB}Vrai — réponse incorrecte`) && age.includes('Faux. L’erreur sur l’âge'), `wrong: ${age}`);
    expect(!age.includes('La bonne réponse'), `the right answer said twice: ${age}`);
    const exchange = await review(/^Un·e travailleur·euse humanitaire propose quelque chose/);
    expect(exchange.includes(`Réponse${NB}: ✗${NB}Interdit contre de l’argent${NNB}; Interdit contre des biens ou des services — réponse incorrecte`), `ticked: ${exchange}`);
    expect(exchange.includes(`La bonne réponse${NB}: Interdit contre de l’argent${NNB}; Interdit contre un emploi`), `right answer: ${exchange}`);
    // The score says it is partial.
    const summary = (await page.locator('.summary').innerText()).replace(/[ \t\n]+/g, ' ');
    expect(summary.includes('note partielle'), `summary: ${summary}`);
    // And, as the PDF does, what it waits for: the unanswered and the unvalidated questions.
    expect(summary.includes('2 questions sans réponse validée avant la note finale'), `summary: ${summary}`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });
}
