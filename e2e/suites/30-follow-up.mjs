// Follow-up and review (#14, helper D): a follow-up started from a UNICEF assessment from its
// home card, its carried answers marked until confirmed, the comparison and the band change on
// the results page and in the PDF, a reviewer's confirmed rating beside the self-assessed one,
// the action plan's dated history; everything still there after a reload.

const NB = '\u00a0';

/** Every stored assessment, as storage.rs keeps them. */
async function stored(page) {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('psea:v1:a:'))
    .map((k) => JSON.parse(localStorage.getItem(k))));
}

export default async function (t) {
  const { test, fresh, expect, startUnicef, rate, exportPdf, UNICEF, STANDARDS } = t;

  /** A rated UNICEF assessment for « ONG Départ » dated 1 May 2026 (14 points: medium capacity). */
  async function baseline(page) {
    await startUnicef(page, 'ONG Départ');
    await page.locator('#meta-date').fill('2026-05-01');
    for (const s of STANDARDS) await rate(page, s);
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Mes évaluations' }).waitFor();
  }

  await test('the home card counts the action plan as the results page lists it, before the results were ever opened', async () => {
    const { context, page } = await fresh();
    await page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles('questionnaires/examples/unicef-psea-2020.json');
    const card = page.locator('.plan-progress').first();
    await card.filter({ hasText: /sur \d+ faites/ }).waitFor();
    const before = (await card.textContent()).match(/(\d+) sur (\d+) faites/);
    await page.getByRole('button', { name: /^Ouvrir : / }).first().click();
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    const listed = await page.locator('textarea[id^="plan-"][id$="-action"]').count();
    expect(listed > 1 && Number(before[2]) === listed, `card said « ${before[0]} », the results page lists ${listed} actions`);
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Mes évaluations' }).waitFor();
    await card.filter({ hasText: `sur ${listed} faites` }).waitFor();
    await context.close();
  });

  await test('a follow-up starts from the home card, carries the answers marked (« Confirmer », any change confirms), compares with its baseline on screen and in the PDF', async () => {
    const { context, page, errors } = await fresh();
    await baseline(page);
    // Each save records the result the questionnaire version gives (kept when it is revised).
    const [base] = await stored(page);
    expect(base.file.result && base.file.result.band === 'medium' && base.file.result.version, `no recorded result: ${JSON.stringify(base.file.result)}`);
    expect(base.file.assessment.id, 'the baseline has no stable id');

    await page.getByRole('button', { name: /^Nouvelle évaluation de suivi\s*:\s*ONG Départ/ }).click();
    await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
    const all = await stored(page);
    const next = all.find((s) => s.id !== base.id);
    expect(all.length === 2 && next, `${all.length} assessments stored`);
    expect(next.file.baseline && next.file.baseline.id === base.file.assessment.id, `not linked: ${JSON.stringify(next.file.baseline)}`);
    expect(next.file.assessment.id && next.file.assessment.id !== base.file.assessment.id, 'the follow-up has no id of its own');
    expect(Object.values(next.file.answers).filter((a) => a.carried).length === 6, 'the six answers are not carried');

    // Each carried answer is marked next to its question; « Confirmer » clears one mark.
    const header = page.locator('.carried-all');
    await header.getByText(`Réponses reprises à confirmer${NB}: 6`).waitFor();
    const policy = page.locator('#item-cs1_policy');
    await policy.locator('.carried-mark').getByText(`Reprise de l’évaluation du 1er mai 2026${NB}: à confirmer`).waitFor();
    await policy.getByRole('button', { name: 'Confirmer', exact: true }).click();
    await policy.locator('.carried-mark').waitFor({ state: 'detached' });
    await header.getByText(`Réponses reprises à confirmer${NB}: 5`).waitFor();
    // Two answers changed (which confirms them): 3 + 3 + 3 + 3 + 1 + 3 = 16 → full capacity.
    await rate(page, [STANDARDS[1][0], 'Adéquate']);
    await rate(page, [STANDARDS[3][0], 'Adéquate']);
    await header.getByText(`Réponses reprises à confirmer${NB}: 3`).waitFor();
    // The bar's rating says it is indicative, as everywhere a self-assessed rating shows.
    await page.locator('.fill-bar .bar-band').getByText(`Indicatif${NB}: Pleine capacité (faible risque)`, { exact: true }).waitFor();
    await page.waitForTimeout(300);
    const now = (await stored(page)).find((s) => s.id === next.id);
    expect(Object.values(now.file.answers).filter((a) => a.carried).length === 3, 'confirmed answers still carried in storage');
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    const suivi = page.locator('section.follow-up');
    await suivi.getByRole('heading', { level: 2, name: 'Suivi' }).waitFor();
    await suivi.getByText('Suivi de l’évaluation du 1er mai 2026').waitFor();
    expect(await page.getByLabel('Comparer avec…').inputValue() === base.id, 'the baseline is not the one compared with');
    const band = `Note${NB}: Capacité moyenne (risque modéré) → Pleine capacité (faible risque) (↑ en progrès)`;
    await suivi.getByText(band).waitFor();
    await suivi.getByText(`Questions qui ont changé${NB}: 2`).waitFor();
    await suivi.getByText(`${NB}: En progression → Adéquate (↑ en progrès)`).first().waitFor();
    const pdf = await exportPdf(page);
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat.includes('Suivi') && flat.includes('Capacité moyenne (risque modéré) → Pleine capacité (faible risque)'), `the PDF lacks the comparison: ${flat.slice(0, 3000)}`);

    // Compared with nothing: the section says nothing more; with the baseline again, it does.
    await page.getByLabel('Comparer avec…').selectOption('');
    await suivi.getByText(band).waitFor({ state: 'detached' });
    await page.getByLabel('Comparer avec…').selectOption(base.id);
    await suivi.getByText(band).waitFor();

    // The home card of the follow-up says whose follow-up it is.
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByText('Suivi de l’évaluation du 1er mai 2026').waitFor();
    // English.
    await page.locator('.lang select').selectOption('en');
    await page.getByText('Follow-up of the assessment of 1 May 2026').waitFor();
    await page.getByRole('button', { name: /^New follow-up assessment: ONG Départ/ }).first().waitFor();
    await page.locator('.lang select').selectOption('fr');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('« Tout confirmer » confirms every carried answer; a follow-up whose baseline is not on this device says so', async () => {
    const { context, page, errors } = await fresh();
    await baseline(page);
    await page.getByRole('button', { name: /^Nouvelle évaluation de suivi\s*:\s*ONG Départ/ }).click();
    await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
    // « Tout confirmer » confirms every carried answer at once.
    await page.locator('.carried-all').getByRole('button', { name: 'Tout confirmer' }).click();
    await page.locator('.carried-all').waitFor({ state: 'detached' });
    expect(await page.locator('.item .carried-mark').count() === 0, 'marks left after « Tout confirmer »');
    // The baseline deleted: the follow-up keeps its link, the results page says where it is.
    const base = (await stored(page)).find((s) => !s.file.baseline);
    await page.evaluate((id) => localStorage.removeItem(`psea:v1:a:${id}`), base.id);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.locator('section.follow-up').getByText('L’évaluation de départ n’est pas sur cet appareil').waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('a review with a lower confirmed rating shows both bands and the disagreement, and stays after a reload and in the exported file', async () => {
    const { context, page, errors } = await fresh();
    // Self-assessed 16 points: full capacity.
    await startUnicef(page, 'ONG Examinée');
    for (const s of STANDARDS) await rate(page, s);
    await rate(page, [STANDARDS[1][0], 'Adéquate']);
    await rate(page, [STANDARDS[3][0], 'Adéquate']);
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    await page.locator('section.review summary').click();
    // The reviewer confirms « Absente » for the policy: 1 + 3 + 3 + 3 + 1 + 3 = 14 → medium.
    const select = page.locator('#review-cs1_policy');
    await select.selectOption('absent');
    await page.getByLabel('Étape').selectOption('preliminary');
    await page.getByLabel('Date de la détermination').fill('2026-11-20');
    await page.getByLabel('Date de la détermination').blur();
    await page.getByLabel('Examinateur·rice (organisation ou fonction)').fill('UNICEF Mopti (point focal PEAS)');
    await page.getByLabel('Examinateur·rice (organisation ou fonction)').blur();
    const summary = page.locator('section.summary');
    await summary.getByText('Note auto-évaluée (indicative)').waitFor();
    await summary.getByText('Note confirmée par l’examen').waitFor();
    await summary.locator('dl.ratings dd').filter({ hasText: 'Pleine capacité' }).waitFor();
    await summary.locator('dl.ratings dd').filter({ hasText: 'Capacité moyenne' }).waitFor();
    await summary.getByText(/^⚠ Désaccord — .*auto-évaluée Adéquate, confirmée Absente \(↓ en recul\)/).waitFor();
    await summary.getByText(`Détermination préliminaire${NB}: 20 novembre 2026, UNICEF Mopti (point focal PEAS)`).waitFor();
    await page.locator('section.review p.disagreement').getByText(/^⚠ Désaccord — .*confirmée Absente/).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    await page.locator('section.summary dl.ratings').getByText('Capacité moyenne', { exact: false }).waitFor();
    expect(await page.locator('#review-cs1_policy').inputValue() === 'absent', 'the confirmed rating is not shown after a reload');
    expect(await page.locator('#det-reviewer').inputValue() === 'UNICEF Mopti (point focal PEAS)', 'the reviewer is lost');
    const [s] = await stored(page);
    expect(s.file.review && s.file.review.items.cs1_policy.value === 'absent' && s.file.review.determination.stage === 'preliminary', `review not in the file: ${JSON.stringify(s.file.review)}`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('an action plan status change is dated in a folded history; a past due date is flagged late in words', async () => {
    const { context, page, errors } = await fresh();
    await startUnicef(page, 'ONG Plan');
    for (const s of STANDARDS) await rate(page, s);
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    await page.locator('#plan-0-status').selectOption('in_progress');
    await page.locator('#plan-0-due').fill('2020-01-15');
    const entry = page.locator('li.plan-entry').first();
    await entry.getByText(/^⚠ En retard \(échéance 15\u00a0janvier 2020\)/).waitFor();
    await entry.locator('details.history summary').click();
    await entry.locator('details.history li').filter({ hasText: 'En cours' }).waitFor();
    const [s] = await stored(page);
    const h = s.file.action_plan[0].history;
    expect(h.length === 1 && h[0].status === 'in_progress' && /^\d{4}-\d{2}-\d{2}$/.test(h[0].date), `history: ${JSON.stringify(h)}`);
    // The home card shows the plan's progress and the late entry.
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByText(new RegExp(`^Plan d’action${NB}: 0 sur \\d+ faites, 1 en retard$`)).waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });
}
