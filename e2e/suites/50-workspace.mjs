// The coordinator's workspace (#15, helper W): many answers files brought in at once through
// the file input, the summary (assessments, duplicates folded, files refused with their reason,
// versions to choose), the capacity matrix with its band counts and training priorities checked
// against a computation made here from the generated ratings, the CSV files, filters, the lists
// behind each count, a reload, « Effacer toutes mes données », and a phone's width. Then a
// smaller risk (cash) workspace and a quiz workspace.
import fs from 'node:fs';
import path from 'node:path';

const NB = '\u00a0';
const here = path.dirname(new URL(import.meta.url).pathname);
const example = (name) => fs.readFileSync(path.join(here, '..', '..', 'questionnaires', 'examples', name), 'utf8');

/** A small seeded generator (mulberry32), so the files are the same at every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STANDARD_IDS = ['cs1_policy', 'cs2_management', 'cs3_training', 'cs4_reporting', 'cs5_assistance', 'cs6_investigations'];
const TITLES = ['Norme 1 – Politique organisationnelle', 'Norme 2 – Gestion organisationnelle et ressources humaines', 'Norme 3 – Formation obligatoire', 'Norme 4 – Signalement', 'Norme 5 – Assistance et orientation', 'Norme 6 – Enquêtes'];
const LABEL = { absent: 'Absente', progressing: 'En progression', adequate: 'Adéquate' };
const VALUE = { absent: 1, progressing: 2, adequate: 3 };
const PLACES = ['Mopti', 'Ségou', 'Bamako', 'Gao', 'Kayes'];
const ORGS = ['ONG Keneya', 'Association Jigiya', 'ONG Sabati', 'Réseau Benkadi', 'ONG Yiriwa', 'Association Ton'];

/** `n` UNICEF answers files: organisations, places, dates and ratings vary; standard 5 is the
 *  one most often below « Adéquate »; every seventh has a review confirming a lower rating.
 *  Each entry: { name, text, file } (file: the JSON object). */
export function unicefFiles(n, seed = 15) {
  const rnd = random(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const answers = {};
    for (const id of STANDARD_IDS) {
      const top = id === 'cs5_assistance' ? 0.1 : 0.6;
      const r = rnd();
      answers[id] = { value: r < top ? 'adequate' : r < top + (1 - top) / 2 ? 'progressing' : 'absent' };
    }
    const day = new Date(Date.UTC(2021, 11, 1) + i * 47 * 86400000).toISOString().slice(0, 10);
    const file = {
      schema: 3,
      questionnaire: { id: 'unicef-psea-2020', version: '1.1.0' },
      assessment: {
        id: `ws${String(i).padStart(4, '0')}aa`,
        organisation: `${ORGS[i % ORGS.length]} ${i + 1}`,
        assessor: `Point focal ${i + 1}`,
        place: PLACES[i % PLACES.length],
        date: day,
        updated: `${day}T10:00:00Z`,
      },
      answers,
    };
    if (i % 7 === 3) {
      // The reviewer confirms the first « Adéquate » standard one step lower.
      const id = STANDARD_IDS.find((s) => answers[s].value === 'adequate');
      if (id) file.review = { items: { [id]: { value: 'progressing', comment: 'Preuve manquante' } }, determination: { stage: 'preliminary', date: day, reviewer: 'UNICEF Mopti' } };
    }
    out.push({ name: `unicef-${i + 1}.json`, text: JSON.stringify(file, null, 1), file });
  }
  return out;
}

/** The result that counts (the reviewer's rating where there is one), computed here. */
function counted(file) {
  const r = {};
  for (const id of STANDARD_IDS) r[id] = (file.review && file.review.items[id] && file.review.items[id].value) || file.answers[id].value;
  return r;
}
function band(file) {
  const sum = STANDARD_IDS.reduce((s, id) => s + VALUE[counted(file)[id]], 0);
  return sum <= 8 ? 'Faible capacité (risque élevé)' : sum <= 14 ? 'Capacité moyenne (risque modéré)' : 'Pleine capacité (faible risque)';
}
function whoOf(file) {
  return `${file.assessment.organisation} — ${file.assessment.place}`;
}

export default async function (t) {
  const { test, fresh, expect, exportPdf, browser, base } = t;

  /** Opens the workspace from the home page and picks the questionnaire. */
  async function openWorkspace(page, questionnaire) {
    await page.getByRole('link', { name: 'Espace de coordination' }).click();
    await page.getByRole('heading', { level: 1, name: 'Espace de coordination' }).waitFor();
    await page.getByLabel('Questionnaire', { exact: true }).selectOption(questionnaire);
  }

  async function bringIn(page, files) {
    await page.getByLabel('Ajouter des fichiers', { exact: true }).and(page.locator('input')).setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  }

  async function download(page, button) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
  }

  await test('workspace: 30 UNICEF files with a duplicate, a foreign and an unreadable file and a second version: summary, matrix, bands, training priorities, CSV, filters, lists, reload, erase all, 360 px', async () => {
    const { context, page, errors } = await fresh();
    page.on('dialog', (d) => d.accept());
    const files = unicefFiles(30);
    // A second version of assessment 6: later change, standard 1 lowered.
    const v2 = JSON.parse(JSON.stringify(files[5].file));
    v2.assessment.updated = '2026-11-01T09:30:00Z';
    v2.answers.cs1_policy = { value: 'absent' };
    const extra = [
      { name: 'copie-de-unicef-8.json', text: files[7].text },
      { name: 'cash-ségou.json', text: example('cash-transfer-sea-risk.json') },
      { name: 'illisible.json', text: '{"schema": 3, "questionnaire": ' },
      { name: 'unicef-6-v2.json', text: JSON.stringify(v2) },
    ];
    await openWorkspace(page, 'unicef-psea-2020');
    await bringIn(page, [...files, ...extra]);
    const summary = page.locator('#ws-summary');
    await summary.locator('.ws-count').getByText('30 évaluations', { exact: true }).waitFor();
    // The rating's heading says a self-assessed rating is indicative, as the report's does;
    // the score's column is the score's.
    const heads = await page.locator('table.ws-matrix thead th').allTextContents();
    expect(heads[1] === 'Points' && heads[2] === 'Note auto-évaluée (indicative)', `matrix headings: ${heads.slice(0, 3).join(' | ')}`);
    await summary.getByText('1 fichier en double, compté une fois').waitFor();
    await summary.getByText(`copie-de-unicef-8.json → ${whoOf(files[7].file)}`, { exact: false }).waitFor();
    await summary.getByRole('heading', { name: 'Fichiers non retenus (2)' }).waitFor();
    const refused = await summary.locator('ul.refused li').allTextContents();
    expect(refused.length === 2, `refused: ${refused.join(' | ')}`);
    // The other questionnaire is named by its title, never by its internal id.
    expect(refused.some((r) => r.startsWith(`cash-ségou.json${NB}: fichier d’un autre questionnaire («${NB}Risques d’EAS dans un transfert monétaire${NB}»)`)), `foreign reason: ${refused.join(' | ')}`);
    const unreadable = refused.find((r) => r.startsWith(`illisible.json${NB}: `));
    expect(unreadable && unreadable.length > `illisible.json${NB}: `.length + 5, `unreadable reason: ${refused.join(' | ')}`);
    // One version prompt, the newer preselected; the user keeps it.
    await summary.getByRole('heading', { name: 'Plusieurs versions d’une même évaluation' }).waitFor();
    expect(await summary.locator('.ws-versions').count() === 1, 'not exactly one version prompt');
    const prompt = summary.locator('.ws-versions');
    expect((await prompt.locator('li').first().textContent()).includes('unicef-6-v2.json') && (await prompt.locator('li').first().textContent()).includes('version retenue'), 'the newer version is not first and preselected');
    await prompt.getByRole('button', { name: 'Garder la plus récente' }).click();
    await prompt.waitFor({ state: 'detached' });

    // What the views must show, computed here from the generated files (version 2 counts).
    const used = files.map((f, i) => (i === 5 ? v2 : f.file));
    const bands = {};
    for (const f of used) bands[band(f)] = (bands[band(f)] || 0) + 1;
    const unmet = STANDARD_IDS.map((id) => used.filter((f) => counted(f)[id] !== 'adequate').length);
    const most = Math.max(...unmet);
    expect(unmet.filter((n) => n === most).length === 1, `no single most unmet standard: ${unmet}`);
    const first = unmet.indexOf(most);

    // The indicative notice, the band counts, the first training priority.
    await page.getByRole('note').getByText('Notes auto-évaluées, indicatives').waitFor();
    for (const [name, n] of Object.entries(bands)) {
      const li = page.locator('.ws-bands li').filter({ hasText: name });
      const text = (await li.textContent()).replace(/\s+/g, ' ');
      expect(text.includes(`${name}${NB}: ${n} évaluation${n > 1 ? 's' : ''}`.replace(/\s+/g, ' ')), `band ${name}: ${text}, expected ${n}`);
    }
    const priority = (await page.locator('.ws-unmet li').first().textContent());
    expect(priority.startsWith(`${TITLES[first]}${NB}: ${most}${NB}sur${NB}30`), `first training priority: ${priority}; expected ${TITLES[first]} ${most}`);

    // The matrix: one row per assessment; a cell; a reviewed cell; the unmet mark.
    const rows = page.locator('table.ws-matrix tbody tr');
    expect(await rows.count() === 30, `${await rows.count()} matrix rows`);
    const r0 = rows.filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${files[0].file.assessment.organisation} —`) }) });
    // Columns: score, band, then the six standards.
    const cell0 = (await r0.locator('td').nth(2).textContent()).trim();
    const own0 = files[0].file.answers.cs1_policy.value;
    expect(cell0.startsWith(LABEL[own0]) && cell0.includes('×') === (own0 !== 'adequate'), `cell: ${cell0}`);
    const reviewed = files.find((f) => f.file.review);
    const rid = Object.keys(reviewed.file.review.items)[0];
    const rr = rows.filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${reviewed.file.assessment.organisation} —`) }) });
    const rcell = (await rr.locator('td').nth(2 + STANDARD_IDS.indexOf(rid)).textContent()).trim();
    expect(rcell.startsWith('Adéquate → En progression (confirmé)'), `reviewed cell: ${rcell}`);
    expect((await rr.locator('td.ws-band').textContent()).includes('(confirmé)'), 'the row of a reviewed assessment lacks its confirmed band');

    // A count opens the assessments behind it.
    const [bandName, bandN] = Object.entries(bands)[0];
    const opener = page.locator('.ws-bands li').filter({ hasText: bandName }).getByRole('button');
    await opener.click();
    expect(await opener.getAttribute('aria-expanded') === 'true', 'the count does not say it is open');
    expect(await page.locator('.ws-bands li').filter({ hasText: bandName }).locator('ul.behind li').count() === bandN, 'the list behind a band count has another length');

    // The CSV files: BOM, header, one row per assessment (30), « ; » in French.
    const csv = await download(page, 'Télécharger le CSV (une ligne par évaluation)');
    expect(/^unicef-psea-2020-evaluations-\d{4}-\d{2}-\d{2}\.csv$/.test(csv.name), `CSV name ${csv.name}`);
    expect(csv.text.startsWith('\ufeff'), 'no byte-order mark');
    const lines = csv.text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines[0].startsWith('fichiers;id de l’évaluation;organisation;lieu;'), `header: ${lines[0]}`);
    expect(lines.length === 31, `${lines.length} CSV lines, expected 31`);
    const ids = new Set(lines.slice(1).map((l) => l.split(';')[1]));
    expect(files.every((f) => ids.has(f.file.assessment.id)), 'an assessment is missing from the CSV');
    const long = await download(page, 'Télécharger le CSV (une ligne par réponse)');
    const longLines = long.text.slice(1).split('\r\n').filter((l) => l !== '');
    expect(longLines.length === 1 + 30 * 6, `${longLines.length} lines in the long CSV, expected ${1 + 30 * 6}`);

    // The consolidated PDF: made by the PDF worker from the same files and choice.
    const pdf = await exportPdf(page);
    expect(/^unicef-psea-2020-espace-de-coordination-\d{4}-\d{2}-\d{2}\.pdf$/.test(pdf.name), `PDF name ${pdf.name}`);
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const want of ['30 évaluations', TITLES[first], 'illisible.json', files[0].file.assessment.organisation]) {
      expect(flat.includes(want), `the PDF lacks « ${want} »: ${flat.slice(0, 1500)}`);
    }

    // Filters narrow the rows; the CSV follows them.
    await page.getByLabel('Lieu', { exact: true }).fill('mopti');
    const mopti = used.filter((f) => f.assessment.place === 'Mopti').length;
    await page.waitForFunction((n) => document.querySelectorAll('table.ws-matrix tbody tr').length === n, mopti);
    const filtered = await download(page, 'Télécharger le CSV (une ligne par évaluation)');
    expect(filtered.text.slice(1).split('\r\n').filter((l) => l !== '').length === mopti + 1, 'the CSV does not follow the filter');
    await page.getByLabel('Du', { exact: true }).fill('2024-01-01');
    const moptiSince = used.filter((f) => f.assessment.place === 'Mopti' && f.assessment.date >= '2024-01-01').length;
    await page.waitForFunction((n) => document.querySelectorAll('table.ws-matrix tbody tr').length === n, moptiSince);
    await page.getByLabel('Lieu', { exact: true }).fill('');
    await page.getByLabel('Du', { exact: true }).fill('');
    await page.waitForFunction(() => document.querySelectorAll('table.ws-matrix tbody tr').length === 30);
    // Sorted by band: the low capacity rows first.
    await page.getByLabel('Trier par').selectOption('band');
    const firstBand = (await rows.first().locator('td.ws-band').textContent());
    const lowest = ['Faible capacité (risque élevé)', 'Capacité moyenne (risque modéré)', 'Pleine capacité (faible risque)'].find((b) => bands[b]);
    expect(firstBand.includes(lowest), `first row after sorting by band: ${firstBand}`);

    // At 360 px the page does not scroll sideways (the matrix scrolls in its own box).
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(200);
    const wide = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-wrap'));
      return [document.documentElement.scrollWidth, w, over.slice(0, 5).map((e) => `${e.tagName}.${e.className}`).join(' ')];
    });
    expect(wide[0] <= wide[1], `the page scrolls sideways at 360 px: ${wide}`);
    const box = await page.evaluate(() => { const b = document.querySelector('.ws-scroll'); return [b.scrollWidth, b.clientWidth]; });
    expect(box[0] > box[1], 'the matrix does not scroll in its own box at 360 px');
    await page.setViewportSize({ width: 1280, height: 800 });

    // A reload keeps the workspace and the version chosen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Espace de coordination' }).waitFor();
    await page.locator('#ws-summary .ws-count').getByText('30 évaluations', { exact: true }).waitFor();
    expect(await page.locator('.ws-versions').count() === 0, 'the version choice was not kept');
    expect(await page.getByLabel('Questionnaire', { exact: true }).inputValue() === 'unicef-psea-2020', 'another questionnaire shown after the reload');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:ws:')));
    expect(keys.length === 1 && keys[0] === 'psea:v1:ws:unicef-psea-2020', `stored keys: ${keys}`);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:a:')).length) === 0, 'the workspace mixed with my assessments');

    // « Effacer toutes mes données » removes it.
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByRole('button', { name: 'Effacer toutes mes données sur cet appareil' }).click();
    await page.getByText('Toutes les données de cet appareil ont été effacées.').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:ws:')).length) === 0, 'the workspace survived « effacer toutes mes données »');
    await openWorkspace(page, 'unicef-psea-2020');
    await page.getByText('Aucun fichier pour ce questionnaire pour l’instant.').waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('workspace: « Vider l’espace » asks first; dropped files come in; when storage refuses, the page says so and the workspace works in memory, kept through another questionnaire and another page, and stored once storage takes it', async () => {
    const { context, page, errors } = await fresh();
    await openWorkspace(page, 'unicef-psea-2020');
    await bringIn(page, unicefFiles(3));
    await page.locator('#ws-summary .ws-count').getByText('3 évaluations', { exact: true }).waitFor();
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'Vider l’espace' }).click();
    expect(await page.locator('table.ws-matrix tbody tr').count() === 3, 'emptied without the confirmation');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Vider l’espace' }).click();
    await page.getByText('Aucun fichier pour ce questionnaire pour l’instant.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('psea:v1:ws:unicef-psea-2020')) === null, 'still stored after « Vider l’espace »');
    // Files dropped on the zone are brought in as picked ones are.
    const dropped = unicefFiles(2);
    await page.locator('section.ws-drop').evaluate((zone, files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, dropped.map((f) => ({ name: f.name, text: f.text })));
    await page.locator('#ws-summary .ws-count').getByText('2 évaluations', { exact: true }).waitFor();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Vider l’espace' }).click();
    await page.getByText('Aucun fichier pour ce questionnaire pour l’instant.').waitFor();
    // Storage refuses from now on.
    await page.evaluate(() => { window.realSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); }; });
    await bringIn(page, unicefFiles(4));
    await page.getByRole('alert').getByText('L’espace n’a pas pu être gardé sur cet appareil').waitFor();
    await page.locator('#ws-summary .ws-count').getByText('4 évaluations', { exact: true }).waitFor();
    expect(await page.locator('table.ws-matrix tbody tr').count() === 4, 'the workspace does not work in memory');
    // « il reste disponible tant que cette page est ouverte »: through another questionnaire's
    // workspace and back, and through the home page and back.
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('cash-transfer-sea-risk');
    await page.getByText('Aucun fichier pour ce questionnaire pour l’instant.').waitFor();
    expect(!(await page.getByRole('alert').getByText('L’espace n’a pas pu être gardé').isVisible()), 'the empty cash workspace says it was not kept');
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('unicef-psea-2020');
    await page.locator('#ws-summary .ws-count').getByText('4 évaluations', { exact: true }).waitFor();
    await page.getByRole('alert').getByText('L’espace n’a pas pu être gardé sur cet appareil').waitFor();
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Évaluation PEAS' }).waitFor();
    // The page opens again on the questionnaire shown last, without choosing it.
    await page.getByRole('link', { name: 'Espace de coordination' }).click();
    await page.getByRole('heading', { level: 1, name: 'Espace de coordination' }).waitFor();
    await page.locator('#ws-summary .ws-count').getByText('4 évaluations', { exact: true }).waitFor();
    expect(await page.getByLabel('Questionnaire', { exact: true }).inputValue() === 'unicef-psea-2020', 'not back on the questionnaire shown last');
    expect(await page.locator('table.ws-matrix tbody tr').count() === 4, 'the in-memory workspace was lost on the way home and back');
    // Storage takes it again: the next visit stores it and stops saying it is not kept.
    await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('cash-transfer-sea-risk');
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('unicef-psea-2020');
    await page.locator('#ws-summary .ws-count').getByText('4 évaluations', { exact: true }).waitFor();
    await page.waitForFunction(() => localStorage.getItem('psea:v1:ws:unicef-psea-2020') !== null);
    expect(JSON.parse(await page.evaluate(() => localStorage.getItem('psea:v1:ws:unicef-psea-2020'))).files.length === 4, 'not the 4 files stored');
    expect(!(await page.getByRole('alert').getByText('L’espace n’a pas pu être gardé').isVisible()), 'still says it was not kept once stored');
    // A workspace held in memory goes with « Effacer toutes mes données » (a shared device).
    await page.evaluate(() => { Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); }; });
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('cash-transfer-sea-risk');
    await page.getByText('Aucun fichier pour ce questionnaire pour l’instant.').waitFor();
    await bringIn(page, [{ name: 'cash.json', text: example('cash-transfer-sea-risk.json') }]);
    await page.getByRole('alert').getByText('L’espace n’a pas pu être gardé sur cet appareil').waitFor();
    // Home and back: the page opens on the cash workspace held in memory (the UNICEF one is
    // stored, and first in the list).
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByRole('link', { name: 'Espace de coordination' }).click();
    await page.locator('#ws-summary .ws-count').getByText('1 évaluation', { exact: true }).waitFor();
    expect(await page.getByLabel('Questionnaire', { exact: true }).inputValue() === 'cash-transfer-sea-risk', 'not back on the cash workspace held in memory');
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Effacer toutes mes données sur cet appareil' }).click();
    await page.getByText('Toutes les données de cet appareil ont été effacées.').waitFor();
    await openWorkspace(page, 'cash-transfer-sea-risk');
    await page.getByText('Aucun fichier pour ce questionnaire pour l’instant.').waitFor();
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('unicef-psea-2020');
    await page.getByText('Aucun fichier pour ce questionnaire pour l’instant.').waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('workspace: a cash risk workspace (5 files): register, heat matrix counts of all risks, a cell opens its risks, missing measures, English', async () => {
    const { context, page, errors } = await fresh();
    const base = JSON.parse(example('cash-transfer-sea-risk.json'));
    const files = [0, 1, 2, 3, 4].map((i) => {
      const f = JSON.parse(JSON.stringify(base));
      f.assessment.id = `cash${i}`;
      f.assessment.organisation = `Membre ${i + 1} du CWG`;
      f.assessment.place = PLACES[i];
      f.assessment.date = `2026-0${i + 1}-15`;
      // One risk rated higher at each site.
      f.answers.r_access.value = { likelihood: 1 + i, impact: 4 };
      return { name: `cash-${i + 1}.json`, text: JSON.stringify(f) };
    });
    const risks = Object.keys(base.answers).filter((k) => k.startsWith('r_')).length;
    await openWorkspace(page, 'cash-transfer-sea-risk');
    await bringIn(page, files);
    await page.locator('#ws-summary .ws-count').getByText('5 évaluations', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Registre consolidé des risques' }).waitFor();
    const lines = page.locator('section[aria-labelledby="ws-register-title"] li');
    expect(await lines.count() === risks, `${await lines.count()} risks in the register, expected ${risks}`);
    // Every risk of every file is in the heat matrix once.
    const counts = await page.locator('table.ws-heat tbody td').evaluateAll((tds) => tds.map((td) => td.querySelector('.ws-heat-count, span[aria-label]').textContent));
    const sum = counts.reduce((s, c) => s + (parseInt(c, 10) || 0), 0);
    // The level is said in words, not by colour alone: each cell shows its score (likelihood
    // × impact, rows from 5 down) and names its band; the legend gives the bands' ranges.
    // The axes read as on the results page and in the PDF: likelihood grows upward.
    const corner = await page.locator('table.ws-heat thead th').first().innerText();
    expect(corner === 'Probabilité ↑ / Impact →', `heat matrix corner: ${corner}`);
    const scores = await page.locator('table.ws-heat tbody td .ws-heat-score').allTextContents();
    const expected = [5, 4, 3, 2, 1].flatMap((l) => [1, 2, 3, 4, 5].map((i) => String(l * i)));
    expect(scores.join(' ') === expected.join(' '), `heat scores: ${scores.join(' ')}`);
    const named = await page.locator('table.ws-heat tbody td [aria-label]').first().getAttribute('aria-label');
    expect(/^Probabilité 5, impact 1 \(5, Moyen\)\s:\s/.test(named), `heat cell name: ${named}`);
    await page.getByText('Faible 1–4 · Moyen 5–9 · Élevé 10–16 · Très élevé 20–25').waitFor();
    expect(sum === 5 * risks, `heat matrix holds ${sum} ratings, expected ${5 * risks}`);
    const cell = page.locator('table.ws-heat button').first();
    const n = parseInt(await cell.textContent(), 10);
    expect((await cell.getAttribute('aria-label')).includes('Probabilité'), 'a heat cell has no accessible name');
    await cell.click();
    expect(await page.locator('.ws-heat-list li').count() === n, 'a heat cell does not list its risks');
    await page.getByRole('heading', { name: 'Mesures le plus souvent absentes' }).waitFor();
    await page.locator('.lang select').selectOption('en');
    await page.getByRole('heading', { name: 'Consolidated risk register' }).waitFor();
    await page.getByRole('button', { name: 'Download the CSV (one row per assessment)' }).waitFor();
    await page.locator('.lang select').selectOption('fr');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('workspace: a quiz workspace (5 files): results per participant, a before/after pair, most missed questions with explanation', async () => {
    const { context, page, errors } = await fresh();
    const base = JSON.parse(example('psea-training-quiz.json'));
    const files = [0, 1, 2, 3, 4].map((i) => {
      const f = JSON.parse(JSON.stringify(base));
      f.assessment.id = `quiz${i}`;
      // Participants 1 to 4; participant 1 takes it twice (before and after the session).
      f.assessment.assessor = `Participant·e ${i === 4 ? 1 : i + 1}`;
      f.assessment.date = i === 4 ? '2026-11-24' : '2026-11-20';
      if (i === 4) f.answers.q_relationship_2019 = { value: 'prohibited', validated: true };
      return { name: `quiz-${i + 1}.json`, text: JSON.stringify(f) };
    });
    await openWorkspace(page, 'psea-training-quiz');
    await bringIn(page, files);
    await page.locator('#ws-summary .ws-count').getByText('5 participations', { exact: true }).waitFor();
    expect(await page.locator('table.ws-class tbody tr').count() === 5, 'not one row per attempt');
    await page.getByRole('heading', { name: 'Avant et après (même participant·e, deux passages)' }).waitFor();
    const pair = await page.locator('section[aria-labelledby="ws-pairs-title"] li').allTextContents();
    expect(pair.length === 1 && pair[0].startsWith('Participant·e 1 —'), `pairs: ${pair}`);
    await page.getByRole('heading', { name: 'Questions le plus souvent manquées' }).waitFor();
    const missed = await page.locator('section[aria-labelledby="ws-missed-title"] li').first().textContent();
    expect(/\(manquée \d+\s+sur\s+5\) — /.test(missed), `most missed: ${missed}`);
    // A quiz has no bands: « Trier par » does not offer them.
    const sorts = await page.locator('#ws-sort option').evaluateAll((os) => os.map((o) => o.value));
    expect(!sorts.includes('band') && sorts.includes('score'), `sort options: ${sorts}`);
    // Its CSV is one row per attempt, and says so.
    await page.getByRole('button', { name: 'Télécharger le CSV (une ligne par participation)' }).waitFor();
    // Another questionnaire starts in the default order, and the menu says so (sorted by band
    // there, the quiz's menu lost its selected option while the rows kept that order).
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('unicef-psea-2020');
    await bringIn(page, unicefFiles(4));
    await page.locator('table.ws-matrix tbody tr').first().waitFor();
    await page.getByLabel('Trier par').selectOption('band');
    // A date filter too: another questionnaire clears the filter, and the date's field with
    // it (the field kept showing a date that no longer filtered anything).
    await page.getByLabel('Du', { exact: true }).fill('2030-01-01');
    await page.locator('table.ws-matrix tbody tr').first().waitFor({ state: 'detached' });
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('psea-training-quiz');
    await page.locator('table.ws-class tbody tr').first().waitFor();
    expect(await page.locator('#ws-sort').inputValue() === 'organisation', `sort shown: ${await page.locator('#ws-sort').inputValue()}`);
    expect(await page.getByLabel('Du', { exact: true }).inputValue() === '', `date field kept: ${await page.getByLabel('Du', { exact: true }).inputValue()}`);
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('unicef-psea-2020');
    await page.locator('table.ws-matrix tbody tr').nth(3).waitFor();
    expect(await page.locator('#ws-sort').inputValue() === 'organisation', 'the menu lost the order in force');
    expect(await page.getByLabel('Du', { exact: true }).inputValue() === '', 'date field kept after coming back');
    // And the rows are in the order the menu says.
    const orgs = await page.locator('table.ws-matrix tbody th[scope=row]').allTextContents();
    const sorted = [...orgs].sort((x, y) => x.localeCompare(y, 'fr', { sensitivity: 'base' }));
    expect(JSON.stringify(orgs) === JSON.stringify(sorted), `rows not in the order shown (organisation): ${orgs.join(' | ')}`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('workspace: axe finds no serious or critical violation on the matrix, register and class views (a count and a heat cell open)', async () => {
    // axe is injected as a script: this context bypasses the app's CSP for that only.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}#/workspace`);
    await page.getByRole('heading', { level: 1, name: 'Espace de coordination' }).waitFor();
    const axe = fs.readFileSync(path.join(here, '..', '..', 'tools', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const bad = [];
    async function check(name) {
      await page.addScriptTag({ content: axe });
      const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) bad.push(`${name}: ${v.id} (${v.nodes.length}×) ${v.nodes[0].target}`);
    }
    const base2 = JSON.parse(example('cash-transfer-sea-risk.json'));
    const quiz = JSON.parse(example('psea-training-quiz.json'));
    for (const [id, files, open] of [
      ['unicef-psea-2020', unicefFiles(8), '.ws-bands button'],
      ['cash-transfer-sea-risk', [0, 1].map((i) => ({ name: `c${i}.json`, text: JSON.stringify({ ...base2, assessment: { ...base2.assessment, id: `c${i}` } }) })), 'table.ws-heat button'],
      ['psea-training-quiz', [0, 1].map((i) => ({ name: `q${i}.json`, text: JSON.stringify({ ...quiz, assessment: { ...quiz.assessment, id: `q${i}`, assessor: `P ${i}` } }) })), 'section[aria-labelledby="ws-missed-title"] button'],
    ]) {
      await page.getByLabel('Questionnaire', { exact: true }).selectOption(id);
      await bringIn(page, files);
      await page.locator('#ws-summary .ws-count').getByText(new RegExp(`^${files.length}\\s`)).waitFor();
      await page.locator(open).first().click();
      await check(id);
    }
    expect(bad.length === 0, bad.join('\n'));
    await context.close();
  });

  await test('workspace: a follow-up takes its baseline over in the counts, the page and the PDF say so, and a tick counts both', async () => {
    const { context, page, errors } = await fresh();
    const files = unicefFiles(3, 21);
    const base = JSON.parse(files[1].text);
    const next = structuredClone(base);
    next.assessment.id = `${base.assessment.id}-suivi`;
    next.assessment.date = '2026-11-25';
    next.assessment.updated = '2026-11-25T10:00:00Z';
    next.baseline = { id: base.assessment.id, date: base.assessment.date, version: '1.1.0' };
    files.push({ name: 'suivi.json', text: JSON.stringify(next) });
    await openWorkspace(page, 'unicef-psea-2020');
    await bringIn(page, files);
    const kept = page.locator('.ws-kept');
    await page.waitForFunction(() => /3\s+sur\s+4/.test(document.querySelector('.ws-kept')?.textContent || ''), null, { timeout: 5000 });
    const said = (await kept.textContent()).trim();
    expect(said === `3${NB}évaluations (3${NB}sur${NB}4) — 1 évaluation reprise par un suivi plus récent n’est pas comptée`, `kept line: ${said}`);
    expect(await page.locator('table.ws-matrix tbody tr').count() === 3, 'the matrix still shows the baseline');
    const pdf = await exportPdf(page);
    expect(pdf.text.replace(/\s+/g, ' ').includes('1 évaluation reprise par un suivi plus récent n’est pas comptée'), 'the PDF does not say the baseline is left out');
    const both = page.getByLabel('Compter aussi les évaluations reprises par un suivi');
    await both.check();
    await page.waitForFunction(() => /^4\s+évaluations$/.test(document.querySelector('.ws-kept')?.textContent.trim() || ''), null, { timeout: 5000 });
    expect(await page.locator('table.ws-matrix tbody tr').count() === 4, 'the baseline is not back');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('workspace at 1280 px: a partly answered assessment\'s score says « note partielle »; the matrix that holds more than it shows says so; a quiz counts unfinished attempts apart', async () => {
    const { context, page, errors } = await fresh({ viewport: { width: 1280, height: 800 } });
    const files = unicefFiles(3, 7);
    const part = JSON.parse(files[2].text);
    delete part.answers.cs5_assistance;
    files[2] = { name: 'partielle.json', text: JSON.stringify(part) };
    await openWorkspace(page, 'unicef-psea-2020');
    await bringIn(page, files);
    const row = page.locator('table.ws-matrix tbody tr').filter({ hasText: part.assessment.organisation });
    await row.waitFor();
    const score = (await row.locator('td').first().textContent()).trim();
    expect(/^\d+ \/ 15 — note partielle$/.test(score), `partial score: ${score}`);
    // On one line (it wrapped onto three in a 7rem column).
    // Its text as tall as its first character alone (one line).
    const [textHeight, lineHeight] = await row.locator('td').first().evaluate((td) => {
      const r = document.createRange();
      r.selectNodeContents(td);
      const whole = r.getBoundingClientRect().height;
      const text = td.firstChild;
      r.setStart(text, 0);
      r.setEnd(text, 1);
      return [whole, r.getBoundingClientRect().height];
    });
    expect(textHeight < 1.5 * lineHeight, `the partial score takes ${textHeight} px, one line ${lineHeight} px`);
    const wrap = page.locator('#ws-matrix-wrap');
    const [sw, cw] = await wrap.evaluate((w) => [w.scrollWidth, w.clientWidth]);
    const hint = page.locator('#ws-matrix-hint');
    await page.waitForTimeout(200);
    expect((sw > cw) === (await hint.isVisible()), `matrix ${sw} > ${cw}: hint shown ${await hint.isVisible()}`);
    expect(sw > cw, `the matrix fits at 1280 px (${sw} / ${cw}): this check needs one that does not`);
    // A table that fits (a cash workspace's heat matrix at 1280 px) says nothing of scrolling.
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('cash-transfer-sea-risk');
    await bringIn(page, [{ name: 'cash.json', text: example('cash-transfer-sea-risk.json') }]);
    await page.locator('#ws-heat-wrap').waitFor();
    await page.waitForTimeout(200);
    const heat = await page.locator('#ws-heat-wrap').evaluate((w) => [w.scrollWidth, w.clientWidth]);
    expect(heat[0] <= heat[1] + 1, `the heat matrix does not fit at 1280 px: ${heat}`);
    expect(!(await page.locator('#ws-heat-hint').isVisible()), 'a scroll hint over a table that fits');
    // A quiz: one attempt finished, one half done, one not started.
    const quiz = JSON.parse(example('psea-training-quiz.json'));
    const attempt = (i, answers) => ({ name: `q${i}.json`, text: JSON.stringify({ ...quiz, assessment: { ...quiz.assessment, id: `qz${i}`, assessor: `Participant·e ${i}` }, answers }) });
    const half = Object.fromEntries(Object.entries(quiz.answers).slice(0, 5));
    await page.getByRole('button', { name: 'Vider l’espace' }).waitFor();
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('psea-training-quiz');
    await bringIn(page, [attempt(1, quiz.answers), attempt(2, half), attempt(3, {})]);
    await page.locator('#ws-summary .ws-count').getByText('3 participations', { exact: true }).waitFor();
    const counts = (await page.locator('section[aria-labelledby="ws-class-title"] ul.ws-list').innerText()).replace(/[ \t\n]+/g, ' ');
    expect(/Incomplet\u00a0:\s2\sparticipations/.test(counts), `counts: ${counts}`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });
}
