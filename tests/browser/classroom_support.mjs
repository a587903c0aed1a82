// Shared by the classroom tests (single file, projector, embed): where the built files are,
// opening a file:// page with the network cut off, and what is visible on the page.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT } from './helpers.mjs';

export const SINGLE_FILE = path.join(ROOT, 'dist', 'gumbel-softmax-explorer.html');

/**
 * The path of a built file under dist/, or null after skipping the test `t` (a failure
 * instead when EXPLORER_REQUIRE_DIST is set, as in `make test`).
 */
export function builtFile(t, file) {
  if (existsSync(file)) return file;
  if (process.env.EXPLORER_REQUIRE_DIST) assert.fail(`${file} is missing: \`make dist\` did not run`);
  t.skip(`${path.relative(ROOT, file)} is not built; run \`make dist\` first`);
  return null;
}

/**
 * Starts Chromium with every request aborted except for `file` itself (any query or hash),
 * as on a computer with no network. Returns { browser, context, page, log, url } where `url`
 * is the file's address; `log` gathers console errors, uncaught exceptions and the addresses
 * of aborted requests. Close the browser in a `finally`.
 */
export async function openOffline(file, { viewport = { width: 1280, height: 900 } } = {}) {
  const url = pathToFileURL(file).href;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
    const page = await context.newPage();
    const log = { errors: [], aborted: [] };
    await context.route('**', (route) => {
      const asked = route.request().url();
      if (asked.split(/[?#]/)[0] === url) return route.continue();
      log.aborted.push(asked);
      return route.abort('internetdisconnected');
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') log.errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => log.errors.push(`uncaught: ${err.stack || String(err)}`));
    return { browser, context, page, log, url };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** The ids of the figure canvases a person can see (laid out, not hidden). */
export async function visibleCanvases(page) {
  return page.$$eval('canvas.plot', (els) => els
    .filter((el) => el.getClientRects().length > 0 && el.clientWidth > 0 && el.clientHeight > 0)
    .map((el) => el.id));
}

/** The page's view names, read from its canvases (`#view-<name>`, in page order). */
export async function canvasViewNames(page) {
  return page.$$eval('canvas.plot[id^="view-"]', (els) => els.map((el) => el.id.slice('view-'.length)));
}

/** Whether the element matching `selector` is shown (laid out with a size). */
export async function isShown(page, selector) {
  // Shown to the eye: a box of more than one pixel (a title kept only for screen readers is
  // clipped to 1 × 1 px).
  return page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    return el.getClientRects().length > 0 && box.width > 1 && box.height > 1;
  });
}
