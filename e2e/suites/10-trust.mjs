// Issue #12, helper B: nothing lost (two tabs, blocked storage, browsers that cannot run the
// app), messages in sight (landing at the top on the heading, home page messages next to
// their control), imports that tell the truth (wrong questionnaire, the same assessment
// again, a BOM, the last change date), and a full language switch on the home page's cards.
import fs from 'node:fs';
import path from 'node:path';

const CASH = 'Risques d’EAS dans un transfert monétaire';
const EXAMPLE = 'questionnaires/examples/unicef-psea-2020.json';
const EXAMPLE_ORG = 'Association Ɲɛtaa « Sɔrɔ » – Œuvre d’entraide';

export default async function (t) {
  const { test, fresh, expect, press, startUnicef, rate, base, browser, tmp, UNICEF, STANDARDS } = t;

  const cards = (page) => page.getByRole('region', { name: /^(Mes évaluations|My assessments)$/ }).getByRole('listitem');
  const stored = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:a:')).length);
  const importFile = (page, file) => page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles(file);
  const write = (name, text) => { const f = path.join(tmp, name); fs.writeFileSync(f, text); return f; };
  /** The element's box lies within the window (its top at least, for a tall message). */
  const inView = async (locator, what) => {
    const box = await locator.boundingBox();
    const vh = await locator.page().evaluate(() => innerHeight);
    expect(box && box.y >= 0 && box.y < vh && box.height > 0, `${what} is out of view: ${JSON.stringify(box)} in a ${vh} px window`);
  };
  /** Holds back `storage` events in this page, as a tab frozen in the background would. */
  const deaf = (page) => page.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  /** A second tab on the assessment `first` has open. */
  const secondTab = async (context, first, { hearing = true } = {}) => {
    const page = await context.newPage();
    if (!hearing) await deaf(page);
    await page.goto(first.url());
    await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
    return page;
  };
  const field = (page, name) => page.getByRole('textbox', { name, exact: true });
  const settle = (page) => page.waitForTimeout(700); // past any typing debounce
  /** Tab A starts an assessment for `organisation`; tab B opens it too. */
  const twoTabs = async (organisation, opts) => {
    const { context, page: a, errors } = await fresh();
    await startUnicef(a, organisation);
    await settle(a);
    return { context, a, b: await secondTab(context, a, opts), errors };
  };
  /** Types `value` in the field `name` and waits until it is saved. */
  const type = async (page, name, value) => {
    await field(page, name).fill(value);
    await settle(page);
  };
  /** Reloads `page` and checks the assessment's details fields hold `values`. */
  const keptOnReload = async (page, values) => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: UNICEF }).waitFor();
    for (const [name, value] of Object.entries(values)) {
      const found = await field(page, name).inputValue();
      expect(found === value, `« ${name} »: « ${found} », not « ${value} »`);
    }
  };

  // ---- 1. Two tabs never overwrite silently --------------------------------------------

  await test('two tabs on one assessment: A types « Lieu », B (kept up to date) the assessor; after a reload both are kept', async () => {
    const { context, a, b, errors } = await twoTabs('ONG Deux Onglets');
    await type(a, 'Lieu', 'Mopti');
    await type(b, 'Évaluateur·rice', 'Awa Traoré');
    for (const p of [a, b]) await keptOnReload(p, { Lieu: 'Mopti', 'Évaluateur·rice': 'Awa Traoré', Organisation: 'ONG Deux Onglets' });
    expect(await stored(a) === 1, `${await stored(a)} assessments stored`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('two tabs: B, in the background, shows A\'s « Lieu » and answer on its open form without a reload', async () => {
    const { context, a, b } = await twoTabs('ONG Arrière-plan');
    await b.evaluate(() => Object.defineProperty(document, 'hidden', { get: () => true, configurable: true }));
    await rate(a, STANDARDS[0]);
    await type(a, 'Lieu', 'Mopti');
    await b.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === 'Mopti'), null, { timeout: 5000 });
    expect(await field(b, 'Lieu').inputValue() === 'Mopti', `B shows « ${await field(b, 'Lieu').inputValue()} »`);
    const group = b.getByRole('group', { name: /^L’organisation dispose d’un document/ });
    expect(await group.getByRole('radio', { name: 'Adéquate', exact: true }).isChecked(), 'B does not show A\'s answer');
    await context.close();
  });

  await test('two tabs: B has not heard of A\'s change (frozen tab); different fields are merged on save and B is told', async () => {
    const { context, a, b } = await twoTabs('ONG Fusion', { hearing: false });
    await rate(a, STANDARDS[0]);
    await type(a, 'Lieu', 'Mopti');
    await type(b, 'Évaluateur·rice', 'Awa Traoré');
    const told = b.getByRole('status').filter({ hasText: 'aussi été modifiée dans un autre onglet' });
    await told.waitFor();
    await inView(told, 'the merge notice');
    await keptOnReload(b, { Lieu: 'Mopti', 'Évaluateur·rice': 'Awa Traoré' });
    const group = b.getByRole('group', { name: /^L’organisation dispose d’un document/ });
    expect(await group.getByRole('radio', { name: 'Adéquate', exact: true }).isChecked(), 'A\'s answer lost by B\'s save');
    expect(await stored(b) === 1, `${await stored(b)} assessments stored`);
    await context.close();
  });

  await test('two tabs change the same field: both versions are kept (a « (conflit) » copy) and the user is told', async () => {
    const { context, a, b } = await twoTabs('ONG Conflit', { hearing: false });
    await type(a, 'Lieu', 'Mopti');
    await type(b, 'Lieu', 'Gao');
    const told = b.getByRole('alert').filter({ hasText: 'Les deux versions sont gardées' });
    await told.waitFor();
    expect((await told.textContent()).includes('ONG Conflit (conflit)'), `notice: ${await told.textContent()}`);
    await inView(told, 'the conflict notice');
    expect(await stored(b) === 2, `${await stored(b)} assessments stored`);
    const places = await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:a:'))
      .map((k) => JSON.parse(localStorage.getItem(k))).map((s) => `${s.name}|${s.file.assessment.place}`).sort());
    expect(JSON.stringify(places) === JSON.stringify(['ONG Conflit (conflit)|Gao', '|Mopti']), `stored: ${JSON.stringify(places)}`);
    await b.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await b.getByRole('heading', { level: 3, name: 'ONG Conflit (conflit)' }).waitFor();
    await b.getByRole('heading', { level: 3, name: 'ONG Conflit', exact: true }).waitFor();
    await context.close();
  });

  await test('another tab\'s rename, deletion and language choice show in this tab without a reload', async () => {
    const { context, page: a } = await fresh();
    await startUnicef(a, 'ONG Alpha');
    await settle(a);
    await a.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    const b = await context.newPage();
    await b.goto(base);
    await b.getByRole('heading', { level: 3, name: 'ONG Alpha' }).waitFor();
    a.once('dialog', (d) => d.accept('Évaluation Kayes'));
    await a.getByRole('button', { name: 'Renommer : ONG Alpha' }).click();
    await b.getByRole('heading', { level: 3, name: 'Évaluation Kayes' }).waitFor();
    await a.getByLabel('Langue').selectOption('en');
    await b.getByRole('heading', { level: 2, name: 'My assessments' }).waitFor();
    a.once('dialog', (d) => d.accept());
    await a.getByRole('button', { name: 'Delete: Évaluation Kayes' }).click();
    await b.getByText('No assessment on this device.').waitFor();
    await context.close();
  });

  // ---- 2. Blocked storage --------------------------------------------------------------

  await test('with site data blocked, the app runs in memory with a warning, and the answers export', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base);
    await page.getByRole('heading', { level: 1, name: 'Évaluation PEAS' }).waitFor();
    const warning = page.getByRole('alert').filter({ hasText: 'Le stockage de ce navigateur est bloqué\u00a0: vos réponses ne seront pas gardées après fermeture. Exportez-les.' });
    await warning.waitFor();
    await startUnicef(page, 'ONG Mémoire');
    await rate(page, STANDARDS[0]);
    expect(await page.getByRole('alert').filter({ hasText: 'Le stockage de ce navigateur est bloqué' }).isVisible(), 'warning gone on the filling page');
    // Nothing claims the answers are saved on the device.
    await page.getByRole('status').filter({ hasText: 'Gardé en mémoire seulement (stockage bloqué)' }).waitFor();
    const claims = await page.getByText(/Enregistré/).evaluateAll((els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent));
    expect(claims.length === 0, `claims to have saved: ${claims.join(' | ')}`);
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les réponses (.json)' }).click()]);
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(saved.answers.cs1_policy.value === 'adequate' && saved.assessment.organisation === 'ONG Mémoire', `export: ${JSON.stringify(saved.assessment)}`);
    await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
    await page.getByRole('heading', { level: 3, name: 'ONG Mémoire' }).waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  // ---- 3. Browsers that cannot run the app ---------------------------------------------

  await test('without WebAssembly the page says so in French and English, with the minimum versions', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => { delete window.WebAssembly; });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('heading', { level: 1, name: 'Ce navigateur ne peut pas faire fonctionner l’application' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'This browser cannot run the app' }).waitFor();
    const text = await page.getByRole('alert').textContent();
    for (const s of ['Chrome ou Android WebView 96', 'Firefox 79', 'Safari 15', 'Firefox 79', 'Chrome or Android WebView 96 or later']) {
      expect(text.includes(s), `« ${s} » missing: ${text}`);
    }
    await context.close();
  });

  await test('a WebAssembly module that fails to start gives a message, not a white page', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route(/\/app-[0-9a-f]+_bg\.wasm$/, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 99]) }));
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('heading', { level: 1, name: 'L’application n’a pas pu démarrer' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'The app could not start' }).waitFor();
    await context.close();
  });

  // ---- 4. In sight ---------------------------------------------------------------------

  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    await test(`at ${viewport.width} px, « Commencer », « Ouvrir » and « Voir les résultats » land at the top with the heading focused`, async () => {
      const { context, page } = await fresh({ viewport });
      const landed = async (name, what) => {
        const h1 = page.getByRole('heading', { level: 1, name });
        await h1.waitFor();
        await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1' && scrollY === 0, null, { timeout: 5000 })
          .catch(async () => { throw new Error(`${what}: focus on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))}, scrollY ${await page.evaluate(() => scrollY)}`); });
        const focused = await page.evaluate(() => document.activeElement.textContent);
        expect(name.test ? name.test(focused) : focused === name, `${what}: focus on « ${focused} »`);
      };
      const start = page.getByRole('button', { name: `Commencer une évaluation : ${CASH}` });
      await start.scrollIntoViewIfNeeded();
      await start.click();
      await landed(CASH, '« Commencer »');
      await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill('ONG Long');
      const results = page.getByRole('button', { name: 'Voir les résultats' });
      await results.scrollIntoViewIfNeeded();
      await results.click();
      await landed(/^Résultats/, '« Voir les résultats »');
      await page.getByRole('button', { name: 'Évaluation PEAS' }).first().click();
      await landed('Évaluation PEAS', 'home');
      const open = page.getByRole('button', { name: 'Ouvrir : ONG Long' });
      await open.scrollIntoViewIfNeeded();
      await open.click();
      await landed(CASH, '« Ouvrir »');
      await context.close();
    });

    await test(`at ${viewport.width} px, home page messages show next to their control, in view, with focus`, async () => {
      const { context, page } = await fresh({ viewport });
      // Make the page long: three saved assessments above the file controls.
      for (const org of ['ONG Un', 'ONG Deux', 'ONG Trois']) {
        await importFile(page, write(`long-${org}.json`, JSON.stringify({ ...JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')), assessment: { organisation: org, assessor: '', place: '', date: '2026-11-20' } })));
        await page.getByRole('heading', { level: 3, name: org }).waitFor();
      }
      const focusedIn = (locator) => locator.evaluate((el) => el.closest('.report') === document.activeElement.closest('.report') && !!document.activeElement.closest('.report'));
      // The import report.
      const imported = page.getByRole('status').filter({ hasText: 'Réponses importées' });
      await inView(imported, 'the import report');
      expect(await focusedIn(imported), 'focus not on the import report');
      // A broken questionnaire file.
      const bad = write('casse.toml', fs.readFileSync('questionnaires/unicef-psea-2020.toml', 'utf8').replace('kind = "scale"', 'kind = "scael"'));
      await page.getByLabel('Ouvrir un fichier de questionnaire', { exact: true }).setInputFiles(bad);
      const error = page.getByRole('alert').filter({ hasText: 'Ce fichier n’est pas un questionnaire valide' });
      await error.waitFor();
      await inView(error, 'the questionnaire file error');
      expect(await focusedIn(error), 'focus not on the questionnaire file error');
      // The export status, under the card's button.
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      const exportButton = page.getByRole('button', { name: 'Exporter : ONG Deux' });
      await exportButton.scrollIntoViewIfNeeded();
      await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      const done = cards(page).filter({ hasText: 'ONG Deux' }).getByRole('status').filter({ hasText: 'Fichier enregistré dans les téléchargements' });
      await done.waitFor();
      await inView(done, 'the export status');
      // Erasing everything: the result where the button was.
      await page.evaluate(() => scrollTo(0, 0));
      page.once('dialog', (d) => d.accept());
      const erase = page.getByRole('button', { name: 'Effacer toutes mes données sur cet appareil' });
      await erase.click();
      const erased = page.getByRole('status').filter({ hasText: 'Toutes les données de cet appareil ont été effacées.' });
      await erased.waitFor();
      await inView(erased, 'the erase result');
      expect(await focusedIn(erased), 'focus not on the erase result');
      await context.close();
    });
  }

  // ---- 5. Imports that tell the truth ----------------------------------------------------

  await test('an answers file for a questionnaire not in the library is refused, naming it; nothing is created', async () => {
    const { context, page } = await fresh();
    const other = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    other.questionnaire.id = 'inconnu-2030';
    await importFile(page, write('autre.json', JSON.stringify(other)));
    const alert = page.getByRole('alert').filter({ hasText: 'Aucun questionnaire sur cet appareil pour ce fichier' });
    await alert.waitFor();
    expect((await alert.textContent()).includes('«\u00a0inconnu-2030\u00a0»'), `message: ${await alert.textContent()}`);
    // Another questionnaire's answers under this one's id: nothing fits, nothing is created.
    const cash = JSON.parse(fs.readFileSync('questionnaires/examples/cash-transfer-sea-risk.json', 'utf8'));
    cash.questionnaire = other.questionnaire;
    cash.questionnaire.id = 'unicef-psea-2020';
    await importFile(page, write('melange.json', JSON.stringify(cash)));
    await page.getByRole('alert').filter({ hasText: 'Aucune réponse de ce fichier ne correspond au questionnaire' }).waitFor();
    expect(await page.getByText('Réponses importées').count() === 0, 'an import was reported');
    expect(await stored(page) === 0 && await cards(page).count() === 0, 'an assessment was created');
    await context.close();
  });

  await test('the same assessment imported again asks « remplacer / garder les deux »; never a silent duplicate', async () => {
    const { context, page } = await fresh();
    // A file without a stable id (made before ids): the same questionnaire, organisation, date and answers.
    await importFile(page, EXAMPLE);
    await page.getByRole('status').filter({ hasText: 'Réponses importées' }).waitFor();
    await importFile(page, EXAMPLE);
    const ask = page.getByRole('alert').filter({ hasText: 'Déjà présente sur cet appareil' });
    await ask.waitFor();
    expect(await stored(page) === 1, `${await stored(page)} stored before the choice`);
    await ask.getByRole('button', { name: 'Garder les deux' }).click();
    await page.getByRole('status').filter({ hasText: 'Réponses importées' }).waitFor();
    expect(await stored(page) === 2 && await cards(page).count() === 2, 'keep both did not keep both');
    // A file exported from the app carries the assessment's stable id.
    await page.getByRole('button', { name: `Renommer : ${EXAMPLE_ORG}` }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Exporter : ${EXAMPLE_ORG}` }).first().click()]);
    const file = path.join(tmp, 'with-id.json');
    await download.saveAs(file);
    const id = JSON.parse(fs.readFileSync(file, 'utf8')).assessment.id;
    expect(/^[0-9a-f]{32}$/.test(id || ''), `stable id: ${id}`);
    const changed = JSON.parse(fs.readFileSync(file, 'utf8'));
    changed.assessment.place = 'Kayes'; // the same assessment, changed elsewhere
    await importFile(page, write('with-id-changed.json', JSON.stringify(changed)));
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Remplacer' }).click();
    await page.getByRole('status').filter({ hasText: 'Évaluation remplacée par le fichier importé' }).waitFor();
    expect(await stored(page) === 2, `${await stored(page)} stored after « Remplacer »`);
    const places = await page.evaluate((id) => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:a:'))
      .map((k) => JSON.parse(localStorage.getItem(k)).file.assessment).filter((a) => a.id === id).map((a) => a.place), id);
    expect(JSON.stringify(places) === '["Kayes"]', `replaced: ${JSON.stringify(places)}`);
    await context.close();
  });

  await test('an answers file saved with a UTF-8 BOM imports; the imported card shows its last change', async () => {
    const { context, page } = await fresh();
    await importFile(page, write('bom.json', '\ufeff' + fs.readFileSync(EXAMPLE, 'utf8')));
    await page.getByRole('status').filter({ hasText: /Réponses importées\s.* \(6\s+réponses reprises\)/ }).waitFor();
    const card = cards(page).filter({ hasText: EXAMPLE_ORG });
    const changed = await card.locator('dt', { hasText: 'Dernière modification' }).evaluate((dt) => dt.nextElementSibling.textContent);
    const year = String(new Date().getFullYear());
    expect(changed.includes(year), `last change: « ${changed} »`);
    await context.close();
  });

  await test('import and questionnaire file messages are in the user\'s language, and follow a switch', async () => {
    const { context, page } = await fresh();
    const bad = write('mal.toml', fs.readFileSync('questionnaires/unicef-psea-2020.toml', 'utf8').replace('kind = "scale"', 'kind = "scael"'));
    const line = fs.readFileSync(bad, 'utf8').split('\n').findIndex((l) => l.includes('scael')) + 1;
    await page.getByLabel('Ouvrir un fichier de questionnaire', { exact: true }).setInputFiles(bad);
    const alert = page.getByRole('alert');
    await alert.getByText(`mal.toml:${line}:8: type de question \`scael\` inconnu`).waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await alert.getByText(`mal.toml:${line}:8: unknown item kind \`scael\``).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await importFile(page, write('pas-json.json', 'bonjour'));
    const refused = page.getByRole('alert').filter({ hasText: 'pas-json.json' });
    await refused.getByText(/ce n’est pas un fichier de réponses\u00a0: ligne 1, colonne 1/).waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await refused.getByText(/not a valid answers file: line 1, column 1/).waitFor();
    await context.close();
  });

  // ---- 6. Full language switch -------------------------------------------------------------

  await test('switching language re-renders the saved assessments\' cards at once, and back', async () => {
    const { context, page } = await fresh();
    await importFile(page, EXAMPLE);
    const card = cards(page).filter({ hasText: EXAMPLE_ORG });
    await card.getByText('Capacité moyenne (risque modéré)', { exact: false }).waitFor();
    const french = await card.textContent();
    await page.getByLabel('Langue').selectOption('en');
    await card.getByText('Last change').waitFor();
    await card.getByText(/Capacity/).waitFor();
    const english = await card.textContent();
    for (const word of ['Questionnaire', 'Last change', 'Progress', 'Rating', 'Open', 'Export', 'Duplicate', 'Rename', 'Delete']) {
      expect(english.includes(word), `« ${word} » missing in English: ${english}`);
    }
    for (const word of ['Dernière modification', 'Avancement', 'Ouvrir', 'Dupliquer', 'Supprimer', 'Capacité']) {
      expect(!english.includes(word), `« ${word} » left in French: ${english}`);
    }
    await page.getByRole('button', { name: `Open: ${EXAMPLE_ORG}` }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await card.getByText('Dernière modification').waitFor();
    await card.getByText('Capacité moyenne (risque modéré)', { exact: false }).waitFor();
    expect(await card.textContent() === french, `back in French: ${await card.textContent()}`);
    await context.close();
  });
}
