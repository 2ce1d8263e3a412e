// Interaction latency (#16, helper L): a click's change, its save and the live result wait
// until the page has been redrawn (src/web/fill.rs, Ctx::edit, Ctx::queue and the `settled`
// counter). Nothing may be lost by that wait, and everything still follows the click.

const CASH = 'Risques d’EAS dans un transfert monétaire';

/** Opens a new cash-transfer risk check. */
const startCash = (page) => page.getByRole('button', { name: new RegExp(`^Commencer une évaluation\\s*:\\s*${CASH}`) }).click()
  .then(() => page.getByRole('heading', { level: 1, name: CASH }).waitFor());

export default async function (t) {
  const { test, fresh, expect } = t;

  await test('a choice clicked then the page reloaded at once is kept; progress and the conditional questions follow the clicks', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    const stage = page.getByRole('group', { name: /^À quel moment faites-vous cette analyse/ });
    const count = page.locator('#nav-context .progress');
    const before = await count.textContent();
    await stage.getByRole('radio', { name: 'Avant le premier paiement' }).check();
    // The section's progress is derived after the paint: it still follows the click.
    await page.waitForFunction((b) => document.querySelector('#nav-context .progress').textContent !== b, before, { timeout: 5000 });
    // A tick that reveals questions (vouchers: the traders' risks).
    const modalities = page.getByRole('group', { name: 'Modalités de transfert utilisées' });
    const hidden = await page.locator('fieldset.risk').count();
    await modalities.getByRole('checkbox', { name: /Coupons/ }).check();
    await page.waitForFunction((n) => document.querySelectorAll('fieldset.risk').length > n, hidden, { timeout: 5000 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
    expect(await page.getByRole('group', { name: /^À quel moment faites-vous cette analyse/ }).getByRole('radio', { name: 'Avant le premier paiement' }).isChecked(), 'the choice clicked just before the reload was lost');
    expect(await page.getByRole('group', { name: 'Modalités de transfert utilisées' }).getByRole('checkbox', { name: /Coupons/ }).isChecked(), 'the tick clicked just before the reload was lost');
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('a choice and a detail are saved once the page is idle, and at once when the tab is hidden', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    await page.getByRole('group', { name: /^À quel moment faites-vous cette analyse/ }).getByRole('radio', { name: 'Pendant la mise en œuvre' }).check();
    // Saved without leaving the page (idle callback, one second at most).
    await page.waitForFunction(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('psea:v1:a:'));
      return key && JSON.parse(localStorage.getItem(key)).file.answers.review_stage?.value === 'during';
    }, null, { timeout: 5000 });
    // Typed and the tab hidden at once (a phone may end a hidden tab without `pagehide`).
    await page.getByRole('textbox', { name: 'Lieu', exact: true }).fill('Kayes');
    await page.getByRole('group', { name: /^À quel moment faites-vous cette analyse/ }).getByRole('radio', { name: 'Après le transfert (bilan)' }).check();
    const saved = await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { get: () => true, configurable: true });
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      const key = Object.keys(localStorage).find((k) => k.startsWith('psea:v1:a:'));
      const file = JSON.parse(localStorage.getItem(key)).file;
      return { place: file.assessment.place, stage: file.answers.review_stage?.value };
    });
    expect(saved.place === 'Kayes', `place saved on hiding: « ${saved.place} »`);
    expect(saved.stage === 'after', `choice saved on hiding: « ${saved.stage} »`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });

  await test('a click is drawn before the app updates the page; the update follows, and a reload in the same task keeps the choice', async () => {
    const { context, page, errors } = await fresh();
    await startCash(page);
    const scale = page.locator('fieldset.steps').first();
    await scale.scrollIntoViewIfNeeded();
    const shown = await page.evaluate(() => new Promise((resolve) => {
      const field = document.querySelector('fieldset.steps');
      const step = field.querySelectorAll('label.step')[2];
      const words = () => field.querySelector('.step-label').textContent;
      const before = words();
      const seen = [];
      const watch = new MutationObserver((list) => seen.push(...list));
      watch.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
      step.click();
      const input = document.getElementById(step.htmlFor);
      // A frame's callbacks run before it is painted: the app's change must not have run yet.
      requestAnimationFrame(() => {
        const inFrame = seen.length + watch.takeRecords().length;
        const ticked = input.checked;
        setTimeout(() => {
          watch.disconnect();
          resolve({ before, inFrame, ticked, after: words() });
        }, 300);
      });
    }));
    expect(shown.ticked, 'the clicked step is not ticked in the frame after the click');
    expect(shown.inFrame === 0, `the app changed the page ${shown.inFrame} time(s) before the click's frame was painted`);
    expect(shown.after !== shown.before && !shown.after.includes('…'), `the chosen step's words did not follow the click: « ${shown.before} » → « ${shown.after} »`);
    // Clicked, then the page reloaded in the same task: the change still waits for its frame
    // when the page goes, and is saved on the way out.
    const id = await page.evaluate(() => {
      const step = document.querySelectorAll('fieldset.steps')[1].querySelectorAll('label.step')[3];
      step.click();
      location.reload();
      return step.htmlFor;
    });
    await page.waitForURL(/./);
    await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
    await page.locator(`[id="${id}"]`).waitFor({ state: 'attached' });
    expect(await page.locator(`[id="${id}"]`).isChecked(), `the step clicked just before the reload (${id}) was lost`);
    expect(errors.length === 0, errors.join('\n'));
    await context.close();
  });
}
