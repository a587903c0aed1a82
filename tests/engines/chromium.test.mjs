// The cross-engine suite in Chromium (Blink) as well, driven by Playwright, so that the three
// engines are held to the same checks (the Chromium-only suite is tests/browser/).
import { chromium } from 'playwright-core';
import { openOrClose, pageAdapter } from './page_adapter.mjs';
import { crossEngineSuite } from './suite.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As in tests/browser/helpers.mjs: no GPU, nothing that reaches the network.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

crossEngineSuite('chromium', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return openOrClose(browser, async () => {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const page = await context.newPage();
    return pageAdapter(browser, page, {
      goto: (url) => page.goto(url),
      setViewport: (width, height) => page.setViewportSize({ width, height }),
      // Playwright passes one argument; the probes take theirs spread.
      evaluate: (fn, ...args) => page.evaluate(`(${fn})(...${JSON.stringify(args)})`),
    });
  });
});
