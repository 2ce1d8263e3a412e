// Debian Chromium through playwright-core: no browser download (tech.md §6).
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
}

/** Makes the window of `page` taller than its viewport. Headless Chromium puts the window at
 *  the viewport's size, but never shows its bottom ~90 px: a frame whose only change is
 *  there is drawn and then skipped, so Event Timing waits for the next visible change (1.2 s
 *  for keys typed in a field at y = 741 of an 800 px viewport, 16 ms once the window is
 *  taller; found on 2026-11-24). For scripts that time paints. */
export async function showWholeViewport(browser, context, page, extra = 200) {
  const { width, height } = page.viewportSize();
  const session = await browser.newBrowserCDPSession();
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
  const { windowId } = await session.send('Browser.getWindowForTarget', { targetId: targetInfo.targetId });
  await session.send('Browser.setWindowBounds', { windowId, bounds: { width, height: height + extra } });
  await session.detach();
}
