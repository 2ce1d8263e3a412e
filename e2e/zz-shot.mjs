import { serve } from '/work/main/e2e/server.mjs';
import { launch } from '/work/main/e2e/browser.mjs';
import path from 'node:path';
const EX = '/work/main/questionnaires/examples/';
const { server, base } = await serve(path.resolve('dist'));
const browser = await launch();
for (const [name, vp] of [['narrow', { width: 360, height: 740 }], ['wide', { width: 1280, height: 800 }]]) {
  const context = await browser.newContext({ viewport: vp, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (const f of ['unicef-psea-2020.json', 'cash-transfer-sea-risk.json', 'un-common-psea.json']) {
    await page.getByLabel('Importer un fichier de réponses', { exact: true }).setInputFiles(EX + f);
    await page.waitForTimeout(400);
  }
  let release; const held = new Promise((r) => { release = r; });
  await context.route('**/split_fill-*.wasm', async (r) => { await held; await r.continue(); });
  await page.reload(); await page.getByRole('heading', { level: 1 }).waitFor(); await page.waitForTimeout(500);
  await page.locator('section[aria-labelledby=mine]').screenshot({ path: `/tmp/walk9/p-held-${name}.png` });
  release(); await page.waitForTimeout(1000);
  await page.locator('section[aria-labelledby=mine]').screenshot({ path: `/tmp/walk9/p-after-${name}.png` });
  await context.close();
}
await browser.close(); server.close();
