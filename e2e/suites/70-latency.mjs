// Interaction latency (#16, helper L): a click's save and the live result wait until the page
// has been redrawn (src/web/fill.rs, Ctx::edit and the `settled` counter). Nothing may be lost
// by that wait, and everything still follows the click.

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
}
