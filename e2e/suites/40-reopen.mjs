// Issue #12: reopening an assessment returns to where the user was. On a phone (one section
// at a time) the section the user was on is kept per assessment on the device, so closing the
// tab and opening the assessment again from the home page, in a new tab, lands on it — at the
// top of the page, its title focused.
const CASH = 'Risques d’EAS dans un transfert monétaire';

export default async function (t) {
  const { test, fresh, expect, base } = t;

  await test('at 360 px, reopening an assessment from the home page in a new tab returns to the section the user was on, at the top', async () => {
    const { context, page } = await fresh({ viewport: { width: 360, height: 740 } });
    await page.getByRole('button', { name: `Commencer une évaluation : ${CASH}` }).click();
    await page.getByRole('heading', { level: 1, name: CASH }).waitFor();
    const list = page.getByRole('navigation', { name: 'Sections du questionnaire' });
    await list.getByRole('button', { name: /^Ménage/ }).click();
    await page.locator('#item-r_household_control').waitFor({ state: 'visible' });
    await page.close();
    // A new tab (sessionStorage is not shared with it): home, then « Ouvrir ».
    const again = await context.newPage();
    await again.goto(base);
    await again.getByRole('heading', { level: 1 }).waitFor();
    await again.getByRole('button', { name: /^Ouvrir/ }).first().click();
    await again.getByRole('heading', { level: 1, name: CASH }).waitFor();
    await again.locator('#item-r_household_control').waitFor({ state: 'visible' });
    expect(!(await again.locator('#item-programme').isVisible()), 'reopened on the first section, not where the user was');
    await again.waitForFunction(() => window.scrollY === 0 && document.activeElement && document.activeElement.tagName === 'H1');
    await context.close();
  });
}
