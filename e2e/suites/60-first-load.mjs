// Issue #16: the first load reads only a head of each stored assessment (src/web/storage.rs
// `Head`); the full answers files are read by the library module after the first paint. These
// tests pin what the home page shows from the heads alone, and that the full read still sets
// aside what it cannot read, whatever the head reader made of it; and that the cards, which
// come with the filling page's module, wait for it and say so when it cannot be fetched.

export default async function (t) {
  const { test, fresh, expect, browser, base, UNICEF } = t;

  /** A stored entry as the app writes it: { id, name, file, rev }. */
  const entry = (id, file, extra = {}) => JSON.stringify({ id, name: '', file, rev: 1, ...extra });

  await test('with the library module unavailable, the home page shows each stored assessment from its head: name, questionnaire, last change, last backup', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate((items) => { for (const [k, v] of items) localStorage.setItem(k, v); }, [
      // Offsets on both sides of midnight UTC: the card shows the UTC date, as chrono reads it.
      ['psea:v1:a:one', entry('one', {
        schema: 3, questionnaire: { id: 'unicef-psea-2020', version: '1.1.0' },
        assessment: { id: 'a1', organisation: 'ONG Tête', updated: '2026-03-01T23:30:00-02:00' },
        answers: { cs1_policy: { value: 'adequate' } },
      })],
      ['psea:v1:a:two', entry('two', {
        schema: 3, questionnaire: { id: 'unicef-psea-2020', version: '1.1.0' },
        assessment: { id: 'a2', organisation: 'ONG Seconde', updated: '2026-02-10T00:30:00.123456+01:00' },
      }, { name: 'Nommée à la main' })],
      ['psea:v1:last-export', '2026-03-05T10:00:00.5+00:00'],
    ]);
    await context.route('**/split_library-*.wasm', (r) => r.abort());
    await page.reload();
    const mine = page.getByRole('region', { name: 'Mes évaluations' });
    const cards = mine.getByRole('listitem');
    await cards.first().waitFor();
    expect(await cards.count() === 2, `${await cards.count()} cards`);
    // Newest change first.
    const first = cards.nth(0);
    const second = cards.nth(1);
    expect(await first.getByRole('heading', { level: 3 }).innerText() === 'ONG Tête', `first card: ${await first.getByRole('heading', { level: 3 }).innerText()}`);
    expect(await second.getByRole('heading', { level: 3 }).innerText() === 'Nommée à la main', 'the name given by hand is not shown');
    // A card's lines under its name come a moment after it (CI read « ONG Tête » alone once).
    await first.filter({ hasText: UNICEF }).waitFor();
    await second.filter({ hasText: /\d{4}/ }).waitFor();
    const firstText = await first.innerText();
    expect(firstText.includes('2\u00a0mars 2026'), `first card's last change (2026-03-01T23:30-02:00 is 2 March UTC): ${firstText}`);
    expect(firstText.includes(UNICEF), `first card lacks the questionnaire title: ${firstText}`);
    const secondText = await second.innerText();
    expect(secondText.includes('9\u00a0février 2026'), `second card's last change (2026-02-10T00:30+01:00 is 9 February UTC): ${secondText}`);
    const backup = await page.getByRole('region', { name: 'Sauvegarde' }).innerText();
    expect(backup.includes('5\u00a0mars 2026'), `last backup date: ${backup}`);
    // Nothing is set aside while the full read cannot run.
    expect(await page.getByRole('alert').filter({ hasText: 'illisible' }).count() === 0, 'an entry was reported unreadable');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':aside:')));
    expect(keys.length === 0, `set aside: ${keys.join(', ')}`);
    // A card action that needs the full file says why nothing happened, and changes nothing.
    // (Accepted in the handler: the click returns only once the dialog is closed.)
    const dialog = page.waitForEvent('dialog', { timeout: 15000 });
    page.once('dialog', (d) => d.accept());
    await first.getByRole('button', { name: 'Dupliquer : ONG Tête' }).click();
    const said = (await dialog).message();
    expect(said.includes('n’a pas pu être chargée'), `message: ${said}`);
    expect(await cards.count() === 2, `${await cards.count()} cards after a copy that could not be made`);
    await context.close();
  });

  await test('the saved assessments\' cards come with the filling page\'s module: « Chargement… » and each card’s name in the room it will take, then the cards; if it cannot be fetched, a message and « Réessayer » (focus kept), the rest of the page works, and nothing is lost', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate((item) => localStorage.setItem(...item), ['psea:v1:a:one', entry('one', {
      schema: 3, questionnaire: { id: 'unicef-psea-2020', version: '1.1.0' },
      assessment: { id: 'a1', organisation: 'ONG Tête', updated: '2026-03-01T10:00:00Z' },
      answers: { cs1_policy: { value: 'adequate' } },
    })]);
    // Held back: the section says what it waits for.
    let release;
    const held = new Promise((r) => { release = r; });
    await context.route('**/split_fill-*.wasm', async (r) => { await held; await r.continue(); });
    await page.reload();
    const mine = page.getByRole('region', { name: 'Mes évaluations' });
    // Meanwhile « Chargement… », and the card with its name in the room a card takes.
    await mine.getByRole('status').getByText('Chargement…').waitFor();
    const pending = mine.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'ONG Tête' }) });
    const heldHeight = (await pending.boundingBox()).height;
    release();
    const open = mine.getByRole('button', { name: 'Ouvrir : ONG Tête' });
    await open.waitFor();
    expect(await mine.getByText('Chargement…').count() === 0, 'the loading line stayed');
    const cardHeight = (await mine.getByRole('listitem').first().boundingBox()).height;
    expect(Math.abs(cardHeight - heldHeight) < 0.35 * cardHeight, `the card is ${cardHeight} px high, ${heldHeight} px while it loaded`);
    // Cannot be fetched: a message where the cards go; the catalogue still starts.
    await context.unroute('**/split_fill-*.wasm');
    await context.route('**/split_fill-*.wasm', (r) => r.abort());
    await page.reload();
    await mine.getByRole('alert').getByText(/n’a pas pu être chargée/).waitFor();
    expect(await mine.getByRole('button', { name: /^Ouvrir/ }).count() === 0, 'cards without their module');
    // The names at least stay in sight.
    expect(await mine.getByRole('heading', { level: 3, name: 'ONG Tête' }).count() === 1, 'the saved assessment\'s name is gone');
    expect(await page.getByRole('button', { name: /^Commencer/ }).count() === 6, 'the catalogue is not there');
    const kept = await page.evaluate(() => localStorage.getItem('psea:v1:a:one'));
    expect(kept && kept.includes('ONG Tête'), `the assessment was not kept: ${kept}`);
    // « Réessayer » once it can be fetched: the card is there.
    await context.unroute('**/split_fill-*.wasm');
    await mine.getByRole('alert').getByRole('button', { name: 'Réessayer' }).click();
    await open.waitFor();
    // Focus is not lost with the button: it is on the section's heading, the cards next.
    await page.waitForFunction(() => document.activeElement?.id === 'mine');
    await page.keyboard.press('Tab');
    expect(await open.evaluate((b) => b === document.activeElement), 'Tab after the retry does not reach the card');
    await context.close();
  });

  await test('a message about an imported file waits for the filling page\'s module with « Chargement… » where it will show, and if the module cannot be fetched, says so with « Réessayer », which brings the message', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    await context.route('**/split_fill-*.wasm', async (r) => { await held; await r.continue(); });
    await page.goto(base);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const input = page.getByLabel('Importer un fichier de réponses', { exact: true });
    await input.setInputFiles('questionnaires/examples/unicef-psea-2020.json');
    const report = page.locator('#report-files');
    await report.getByRole('status').getByText('Chargement…').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'report-files');
    release();
    await report.getByText(/^Réponses importées/).waitFor();
    // Cannot be fetched (a fresh page, the module never fetched): the import is done, the
    // message says the part could not be loaded and offers to try again.
    await context.unroute('**/split_fill-*.wasm');
    await context.route('**/split_fill-*.wasm', (r) => r.abort());
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await input.setInputFiles('questionnaires/examples/cash-transfer-sea-risk.json');
    const retry = report.getByRole('alert').getByRole('button', { name: 'Réessayer' });
    await retry.waitFor();
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psea:v1:a:')).length);
    expect(stored === 2, `${stored} assessments stored`);
    await context.unroute('**/split_fill-*.wasm');
    await retry.click();
    await report.getByText(/^Réponses importées/).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'report-files');
    await context.close();
  });

  await test('a returning visit\'s home page does not move as its parts arrive (the cards, the storage line): layout shift under 0.05 at 360 and 1280 px', async () => {
    for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(base);
      await page.getByRole('heading', { level: 1 }).waitFor();
      for (const f of ['unicef-psea-2020.json', 'cash-transfer-sea-risk.json']) {
        await page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles(`questionnaires/examples/${f}`);
        await page.locator('#report-files').getByText(/^Réponses importées/).waitFor();
      }
      await page.addInitScript(() => {
        window.__shift = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
      });
      for (let visit = 0; visit < 2; visit++) {
        await page.reload();
        await page.getByRole('button', { name: /^Ouvrir : / }).first().waitFor();
        await page.waitForTimeout(1000);
      }
      const shifts = await page.evaluate(() => window.__shift);
      const total = shifts.reduce((a, b) => a + b, 0);
      expect(total < 0.05, `${viewport.width} px: layout shift ${total.toFixed(3)} (${shifts.map((v) => v.toFixed(3)).join(', ')})`);
      await context.close();
    }
  });

  await test('a page whose module takes 7 s to come (a slow link) still gets focus on its heading when it shows', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await context.route(/\/split_workspace-[0-9a-f]+\.wasm$/, async (r) => {
      await new Promise((done) => setTimeout(done, 7000));
      await r.continue();
    });
    await page.goto(base);
    await page.getByRole('heading', { level: 1, name: 'Évaluation PEAS' }).waitFor();
    const asked = Date.now();
    await page.getByRole('link', { name: 'Espace de coordination' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Espace de coordination' });
    await heading.waitFor({ timeout: 20000 });
    const waited = Date.now() - asked;
    expect(waited > 6500, `the module came after ${waited} ms: the delay did not apply`);
    await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1', null, { timeout: 2000 });
    expect(await heading.evaluate((h) => h === document.activeElement), 'focus is not on the workspace heading');
    await context.close();
  });

  await test('an entry the head reader accepts but the full reader cannot read is set aside raw and reported, and its card goes', async () => {
    const { context, page } = await fresh();
    const raw = entry('half', { schema: 3, questionnaire: { id: 'unicef-psea-2020', version: '1.1.0' }, assessment: { organisation: 'ONG Moitié' }, answers: 5 });
    await page.evaluate((raw) => localStorage.setItem('psea:v1:a:half', raw), raw);
    await page.reload();
    await page.getByRole('alert').getByText(/Une évaluation enregistrée est illisible/).waitFor();
    const kept = await page.evaluate(() => localStorage.getItem('psea:v1:aside:psea:v1:a:half'));
    expect(kept === raw, `raw entry not kept: ${kept}`);
    const mine = page.getByRole('region', { name: 'Mes évaluations' });
    await mine.getByText('Aucune évaluation sur cet appareil.').waitFor();
    await context.close();
  });
}
