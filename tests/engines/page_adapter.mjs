// The adapter the cross-engine suite (suite.mjs) drives, for an engine whose driver hands out a
// Playwright- or Puppeteer-style page: both record console errors and uncaught exceptions, click,
// type and take screenshots alike; only going to a page, sizing it and evaluating differ.

/**
 * The suite's adapter for `page` in `browser`: `own` supplies goto, setViewport and evaluate;
 * the rest (clicks, key presses, screenshots, the errors the page reported) is shared.
 */
export function pageAdapter(browser, page, own) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.stack || String(err)}`));
  return {
    ...own,
    click: (selector) => page.click(selector),
    type: (text) => page.keyboard.type(text),
    screenshot: (file) => page.screenshot({ path: file, fullPage: true }),
    nativeErrors: () => [...errors],
    close: () => browser.close(),
  };
}

/** Runs `open()` for `browser`, closing the browser when that fails. */
export async function openOrClose(browser, open) {
  try {
    return await open();
  } catch (err) {
    await browser.close();
    throw err;
  }
}
