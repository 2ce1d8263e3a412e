// The filling page (#12, helper C): numbers refused with a message, answers set aside by a
// questionnaire revision shown and exported, typing that never loses a concurrent tick,
// conditional questions that still come and go.
import fs from 'node:fs';

const CASH = 'Risques d’EAS dans un transfert monétaire';

/** The stored assessment (the only one of this fresh profile), as storage.rs keeps it. */
async function storedFile(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('psea:v1:a:'));
    return key ? JSON.parse(localStorage.getItem(key)).file : null;
  });
}

async function startCash(page) {
  await page.getByRole('button', { name: new RegExp(`^Commencer une évaluation\\s*:\\s*${CASH}`) }).click();
  await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
}

export default async function (t) {
  const { test, fresh, expect, tmp } = t;

  await test('Tab then Shift+Tab through the cash form at 360 and 1280 px: no control that takes focus is under the sticky bar', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 740 });
      await page.locator('main h1').focus();
      for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
      const under = [];
      let reached = 0;
      for (let i = 0; i < 50; i++) {
        await page.keyboard.press('Shift+Tab');
        const r = await page.evaluate(() => {
          const a = document.activeElement;
          const bar = document.querySelector('.fill-bar').getBoundingClientRect();
          const box = a.getBoundingClientRect();
          return { name: `${a.tagName} ${a.type || ''} ${a.id || ''}`, inBar: !!a.closest('.fill-bar'), body: a === document.body, stuck: bar.top <= 1, barBottom: bar.bottom, top: box.top };
        });
        if (r.inBar || r.body) continue;
        reached++;
        if (r.stuck && r.top < r.barBottom - 1) under.push(`${r.name} at ${r.top.toFixed(0)} px (bar to ${r.barBottom.toFixed(0)})`);
      }
      expect(reached > 30, `${width} px: only ${reached} controls reached`);
      expect(under.length === 0, `${width} px: under the bar: ${under.join('; ')}`);
    }
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('at 360 px every section chip fits the screen with its count in view, the current one too', async () => {
    const { context, page, errors } = await fresh();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: /^Commencer une évaluation\s*:\s*Évaluation PEAS des partenaires – UNICEF/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const chips = page.locator('.section-nav li button');
    const n = await chips.count();
    expect(n >= 6, `${n} chips`);
    for (let i = 0; i < n; i++) {
      await chips.nth(i).click();
      await page.waitForTimeout(150);
      const r = await chips.nth(i).evaluate((b) => {
        const box = b.getBoundingClientRect();
        const count = b.querySelector('.progress').getBoundingClientRect();
        return { w: box.width, left: box.left, right: box.right, cl: count.left, cr: count.right, text: b.textContent };
      });
      expect(r.w <= 360 - 32, `chip ${i} is ${r.w.toFixed(0)} px wide: ${r.text}`);
      expect(r.left >= 0 && r.right <= 360, `chip ${i} not in view (${r.left.toFixed(0)}–${r.right.toFixed(0)}): ${r.text}`);
      expect(r.cl >= r.left && r.cr <= r.right, `chip ${i}'s count is outside it: ${r.text}`);
    }
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('the tab names the page and its questionnaire in the language chosen; at 360 px « Enregistré » shows once, in the bar', async () => {
    const { context, page, errors } = await fresh();
    await page.setViewportSize({ width: 360, height: 740 });
    const title = async (want) => {
      await page.waitForFunction((w) => document.title === w, want, { timeout: 3000 }).catch(() => {});
      return page.title();
    };
    expect(await title('Évaluation PEAS') === 'Évaluation PEAS', `home: ${await page.title()}`);
    await startCash(page);
    const fillTitle = `${CASH} — Évaluation PEAS`;
    expect(await title(fillTitle) === fillTitle, `filling: ${await page.title()}`);
    // An answer saved: the bar says so, the header's copy is for screen readers only.
    await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill('ONG Test');
    await page.locator('.bar-saved').filter({ hasText: 'Enregistré' }).waitFor({ timeout: 10000 });
    const header = await page.locator('header .save-state').evaluate((p) => ({ w: p.getBoundingClientRect().width, text: p.textContent }));
    expect(header.w <= 1 && header.text.includes('Enregistré'), `header save state: ${JSON.stringify(header)}`);
    await page.locator('header select').selectOption('en');
    expect(/ — PSEA assessment$/.test(await title('x')) && !(await page.title()).includes('Évaluation'), `English: ${await page.title()}`);
    await page.getByRole('button', { name: 'PSEA assessment' }).first().click();
    expect(await title('PSEA assessment') === 'PSEA assessment', `home again: ${await page.title()}`);
    // Back at home, the header says it in view again.
    const w = await page.locator('header .save-state').evaluate((p) => p.getBoundingClientRect().width);
    expect(w > 1, `header save state hidden at home (${w} px)`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('a whole number from 0 refuses -3 and 12.5 with a message by the field, keeps the typed text, and stores only a number that fits', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    const field = page.getByRole('textbox', { name: 'Nombre de ménages bénéficiaires prévus' });
    const message = page.locator('#households-number-msg');
    for (const bad of ['-3', '12.5', '12,5']) {
      await field.fill(bad);
      await message.getByText('Nombre entier de 0 à 1000000 attendu').waitFor();
      expect(await field.getAttribute('aria-invalid') === 'true', `${bad}: aria-invalid not set`);
      expect(await field.inputValue() === bad, `${bad}: the typed text was not kept: « ${await field.inputValue()} »`);
      // The message is the field's description: read out with it.
      expect((await field.getAttribute('aria-describedby')) === 'households-number-msg', 'message not tied to the field');
      await page.waitForTimeout(500); // past the save delay
      const stored = (await storedFile(page)).answers.households;
      expect(!stored || stored.value === null, `${bad} stored as ${JSON.stringify(stored)}`);
    }
    // In English, the same rule in English words.
    await page.locator('.lang select').selectOption('en');
    await message.getByText('A whole number from 0 to 1000000 expected').waitFor();
    await page.locator('.lang select').selectOption('fr');
    await field.fill('1200');
    await message.getByText(/attendu/).waitFor({ state: 'detached' });
    expect(await field.getAttribute('aria-invalid') === null, 'aria-invalid left on a number that fits');
    await page.waitForTimeout(500);
    expect((await storedFile(page)).answers.households.value === 1200, 'a number that fits was not stored (as 1200)');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Nombre de ménages bénéficiaires prévus' }).inputValue() === '1200', 'reloaded as something else than « 1200 »');
    // The bar counts what the section tabs count, added up (it had counted scored questions
    // only: « 0 / 15 répondues » over a first tab saying « 1/5 »).
    const tabs = await page.locator('.section-nav .progress').allTextContents();
    const [done, shown] = tabs.map((t) => t.split('/').map(Number)).reduce(([d, s], [a, b]) => [d + a, s + b], [0, 0]);
    const bar = (await page.locator('.fill-bar .bar-count').textContent()).replace(/\s+/g, ' ');
    expect(tabs[0] === '1/5' && bar.startsWith(`${done} / ${shown} `) && done === 1, `bar « ${bar} », tabs ${tabs.join(' ')}`);
    // The live list names every unanswered question, and marks one the rating does not wait for.
    await page.locator('aside.live li').getByText('Programme ou projet concerné (hors note)', { exact: true }).waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('an assessment made for an older questionnaire version shows its set-aside answer at the top of the page, and exports it', async () => {
    const { context, page, errors } = await fresh();
    // An assessment stored by an earlier version of the app, for UNICEF 2020 « 0.9.0 », with an
    // answer to a question the current version no longer has.
    await page.evaluate(() => {
      localStorage.setItem('psea:v1:a:old-one', JSON.stringify({
        id: 'old-one', name: '',
        file: {
          schema: 2,
          questionnaire: { id: 'unicef-psea-2020', version: '0.9.0' },
          assessment: { organisation: 'ONG Ancienne', assessor: '', place: '', date: '2025-05-02' },
          answers: {
            cs1_policy: { value: 'adequate' },
            cs0_focal_point: { value: 'yes', comment: 'Point focal nommé en 2024' },
          },
          action_plan: [],
        },
      }));
    });
    await page.reload();
    await page.getByRole('button', { name: /^Ouvrir\s*:\s*ONG Ancienne/ }).click();
    const section = page.getByRole('region', { name: 'Réponses mises de côté (conservées dans le fichier)' });
    await section.waitFor();
    expect(await section.isVisible(), 'the set-aside answers are not in sight');
    const text = await section.textContent();
    expect(text.includes('cs0_focal_point'), `item id missing: ${text}`);
    expect(text.includes('n’existe pas dans la version 1.1.0'), `reason missing: ${text}`);
    expect(text.includes('Point focal nommé en 2024') && text.includes('yes'), `answer missing: ${text}`);
    // What still fits is in its place.
    const group = page.getByRole('group', { name: /^L’organisation dispose d’un document/ });
    expect(await group.getByRole('radio', { name: 'Adéquate', exact: true }).isChecked(), 'the answer that fits was lost');
    // The placement is saved, and goes with the exported answers file.
    const stored = await storedFile(page);
    expect(stored.questionnaire.version === '1.1.0' && stored.unplaced?.cs0_focal_point?.answer?.value === 'yes', `stored: ${JSON.stringify(stored)}`);
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les réponses (.json)' }).click()]);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(exported.unplaced?.cs0_focal_point?.answer?.comment === 'Point focal nommé en 2024', `export: ${JSON.stringify(exported.unplaced)}`);
    // In English too.
    await page.goBack();
    await page.locator('.lang select').selectOption('en');
    await page.getByRole('region', { name: 'Answers set aside (kept in the file)' }).getByText(/does not exist in version 1\.1\.0/).waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('typing in one field then ticking a box at once, then reloading at once: both are kept', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    const programme = page.getByRole('textbox', { name: 'Programme ou projet concerné' });
    await programme.focus();
    await page.keyboard.type('Filets sociaux Mopti');
    // No pause: the text's save is still waiting when the box is ticked and the page reloads.
    await page.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Argent mobile/ }).check();
    await page.keyboard.press('Tab');
    await programme.focus();
    await page.keyboard.type(' – cycle 2');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Programme ou projet concerné' }).inputValue() === 'Filets sociaux Mopti – cycle 2', 'typed text lost');
    expect(await page.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Argent mobile/ }).isChecked(), 'the tick was lost');
    // Leaving for the results at once keeps the text too.
    await programme.fill('Projet Ségou');
    await page.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    expect((await storedFile(page)).answers.programme.value === 'Projet Ségou', 'text typed just before leaving was lost');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('conditional questions still appear and go with the answer they hang on, with the count and the note', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    const modalities = page.getByRole('group', { name: 'Modalités de transfert utilisées' });
    const sim = page.locator('#item-r_sim_pin');
    const vendors = page.locator('#item-r_vendors');
    expect(await sim.count() === 0 && await vendors.count() === 0, 'conditional risks shown before any modality');
    const count = page.locator('.bar-count');
    const before = await count.textContent();
    await modalities.getByRole('checkbox', { name: /Argent mobile/ }).check();
    await sim.waitFor();
    // The note next to the answer says what appeared, with a way there.
    await page.locator('#item-modalities .revealed').getByText(/questions? ajoutées?/).waitFor();
    expect(await count.textContent() !== before, `the count did not follow: ${before}`);
    await modalities.getByRole('checkbox', { name: /Coupons/ }).check();
    await vendors.waitFor();
    await modalities.getByRole('checkbox', { name: /Argent mobile/ }).uncheck();
    await sim.waitFor({ state: 'detached' });
    expect(await vendors.isVisible(), 'the vouchers risk went with mobile money');
    // A rating given to a shown risk counts in the live result.
    await vendors.getByRole('group', { name: 'Probabilité' }).getByRole('radio', { name: /^4/ }).check();
    await vendors.getByRole('group', { name: 'Impact' }).getByRole('radio', { name: /^4/ }).check();
    await vendors.locator('.risk-live').getByText(/16/).waitFor();
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('an answer changed in another tab shows in this one, and this tab\'s own typing is kept', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    await other.getByRole('heading', { level: 1, name: CASH }).waitFor();
    // The other tab ticks a box and writes the programme.
    await other.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Coupons/ }).check();
    await other.getByRole('textbox', { name: 'Programme ou projet concerné' }).fill('Programme de l’autre onglet');
    // This tab shows both, and what they bring (the vouchers risk).
    const box = page.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Coupons/ });
    for (let i = 0; i < 50 && !(await box.isChecked()); i++) await page.waitForTimeout(100);
    expect(await box.isChecked(), 'the tick made in the other tab does not show');
    await page.locator('#item-r_vendors').waitFor();
    const programme = page.getByRole('textbox', { name: 'Programme ou projet concerné' });
    for (let i = 0; i < 50 && (await programme.inputValue()) !== 'Programme de l’autre onglet'; i++) await page.waitForTimeout(100);
    expect(await programme.inputValue() === 'Programme de l’autre onglet', `text from the other tab: « ${await programme.inputValue()} »`);
    // Typing here goes on from there and is saved.
    await programme.fill('Programme de cet onglet');
    await page.waitForTimeout(600);
    expect((await storedFile(page)).answers.programme.value === 'Programme de cet onglet', 'this tab\'s typing was not saved');
    expect(await programme.inputValue() === 'Programme de cet onglet', 'this tab\'s typing was overwritten');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('at 1280 px, where every section is shown, a reload brings the view back to the section the list names as current', async () => {
    const { context, page, errors } = await fresh();
    await page.setViewportSize({ width: 1280, height: 800 });
    await startCash(page);
    const entry = page.locator('.section-nav button.link').nth(3);
    const sid = (await entry.getAttribute('id')).replace(/^nav-/, '');
    await entry.click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
    await page.waitForFunction((id) => {
      const top = document.getElementById(`section-${id}`)?.getBoundingClientRect().top;
      return top !== undefined && top >= 0 && top < innerHeight / 2;
    }, sid, { timeout: 5000 });
    const current = await page.locator('.section-nav button[aria-current]').getAttribute('id');
    expect(current === `nav-${sid}`, `the list names ${current} as current, the view shows ${sid}`);
    expect(await page.evaluate(() => document.activeElement?.id) === 'fill-title', 'the title lost focus');
    // The first section, kept: the page opens at its top.
    await page.locator('.section-nav button.link').first().click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => scrollY) === 0, 'the page did not open at its top');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });
}
