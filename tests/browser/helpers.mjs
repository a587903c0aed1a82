// Shared helpers for the Playwright tests of the explorer page.
// The page is served by scripts/test.sh; its address comes in EXPLORER_URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { canvasStats as canvasStatsInPage } from '../engines/probes.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'target', 'screenshots');

// Debian's Chromium, started without the features that try to reach the network.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The address of the served page, always ending in '/'. */
export function baseUrl() {
  const url = process.env.EXPLORER_URL;
  if (!url) {
    throw new Error('EXPLORER_URL is not set: run the browser tests with `make test`, or serve the site and set it');
  }
  return url.endsWith('/') ? url : `${url}/`;
}

/** Starts that Chromium, headless; the tests and the benchmarks all start it here. */
export function startChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * Starts Chromium and opens a page whose problems are recorded as they happen:
 *   errors          console messages of type 'error' and uncaught exceptions ('pageerror')
 *   failedRequests  requests that failed outright, and responses with status >= 400
 *   foreignRequests requests to any origin other than the page's (these are also blocked)
 * Close the browser in a `finally`, or a failed assertion leaves node waiting forever.
 */
export async function launch({ viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, locale } = {}) {
  const browser = await startChromium();
  try {
    // `locale` (e.g. 'zh-CN') is what navigator.languages reports; Chromium's own by default.
    const context = await browser.newContext({ viewport, deviceScaleFactor, ...(locale ? { locale } : {}) });
    const page = await context.newPage();
    const log = { errors: [], failedRequests: [], foreignRequests: [] };
    let pageOrigin = null;

    // The main frame's navigation sets the page's origin; anything else must share it.
    await context.route('**/*', (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        pageOrigin = url.origin;
      } else if (!LOCAL_SCHEMES.has(url.protocol) && url.origin !== pageOrigin) {
        log.foreignRequests.push(request.url());
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const where = msg.location()?.url ? ` (${msg.location().url})` : '';
        log.errors.push(`console.error: ${msg.text()}${where}`);
      }
    });
    // Some errors (a failed module import) arrive with an empty stack; String(err) still names them.
    page.on('pageerror', (err) => log.errors.push(`uncaught: ${err.stack || String(err)}`));
    page.on('requestfailed', (req) => {
      log.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) log.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
    });
    return { browser, context, page, log };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * Waits until the page says it has drawn everything once (`<html data-state="ready">`).
 * If the page reports a fatal error (`data-state="error"`) or never gets ready, throws with
 * whatever the page logged, when a `log` from launch() is given.
 */
export async function waitReady(page, { timeout = 30_000, log } = {}) {
  const details = () => (log ? `\n${[...log.errors, ...log.failedRequests].join('\n')}` : '');
  // The state is read in the same evaluation that saw it settle: the page may start new work
  // right after (a view scrolled into sight is drawn), and a second read would see "drawing".
  let state;
  try {
    const handle = await page.waitForFunction(
      () => {
        const now = document.documentElement.dataset.state;
        return ['ready', 'error'].includes(now) ? now : false;
      },
      null,
      { timeout },
    );
    state = await handle.jsonValue();
  } catch (err) {
    const now = await page.evaluate(() => document.documentElement.dataset.state).catch(() => undefined);
    throw new Error(`page not ready after ${timeout} ms (data-state=${now})${details()}`, { cause: err });
  }
  if (state !== 'ready') throw new Error(`page reported data-state="${state}"${details()}`);
}

/**
 * Reads a canvas's pixels in the page, as the cross-engine probe does (see canvasStats in
 * tests/engines/probes.mjs). Among them: `hash` changes when the picture changes;
 * `nonBackground` counts pixels that differ from the most common colour, so 0 means a blank
 * canvas, and `inked` is that count as a fraction of all pixels (a one-line message inks well
 * under 1%).
 * The canvas is copied onto a scratch canvas, so this works whatever context it uses.
 */
export async function canvasStats(page, selector) {
  return (await statsOf(page, [selector]))[0];
}

/** canvasStats of the canvases matching `selectors` (Playwright selectors), read in one pass. */
async function statsOf(page, selectors) {
  const canvases = await Promise.all(selectors.map(async (selector) => {
    const handle = await page.$(selector);
    if (!handle) throw new Error(`no element matches ${selector}`);
    return handle;
  }));
  try {
    return await page.evaluate(canvasStatsInPage, canvases);
  } finally {
    await Promise.all(canvases.map((handle) => handle.dispose()));
  }
}

/** Just the hash of a canvas's pixels (see canvasStats). */
export async function canvasHash(page, selector) {
  return (await canvasStats(page, selector)).hash;
}

/** Waits until the canvas's pixels differ from `previousHash`; returns the new stats. */
export async function waitCanvasChange(page, selector, previousHash, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const stats = await canvasStats(page, selector);
    if (stats.hash !== previousHash) return stats;
    if (Date.now() > deadline) throw new Error(`${selector} did not change within ${timeout} ms`);
    await page.waitForTimeout(50);
  }
}

/** Lets the page paint: resolves after two animation frames. */
export async function nextFrames(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Sets an <input type=range> as a person dragging it would: the value changes and an
 * 'input' event fires. Returns the value the input took (after min/max/step).
 */
export async function setRange(page, selector, value) {
  return page.$eval(
    selector,
    (input, v) => {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return input.value;
    },
    value,
  );
}

/** Saves a PNG under target/screenshots/ (full page unless told otherwise); returns its path. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Serves a folder with Python's static server on a free loopback port, as scripts/test.sh
 * serves the repository. Returns { url, close }; call close() in a `finally`.
 */
export async function serveDir(dir) {
  const server = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const close = () =>
    new Promise((done) => {
      if (server.exitCode !== null || server.signalCode !== null) return done();
      server.once('exit', () => done());
      server.kill();
    });
  try {
    const port = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`http.server did not start: ${out}`)), 10_000);
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const m = out.match(/port (\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      server.stderr.on('data', () => {}); // access log; keep the pipe drained
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`http.server exited with ${code}: ${out}`));
      });
    });
    return { url: `http://127.0.0.1:${port}/`, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Runs `body({ url, origin })` with the packaged site (dist/) copied under the sub-path
 * /explorer/ of a static server: `url` is the page's address there, `origin` the server's.
 * Without `needed` (a path inside dist/) the test `t` is skipped, or fails under
 * EXPLORER_REQUIRE_DIST.
 */
export async function withDistUnderSubPath(t, needed, body) {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, needed))) {
    if (process.env.EXPLORER_REQUIRE_DIST) assert.fail(`dist/${needed} is missing: \`make dist\` did not run`);
    t.skip('dist/ is not built; run `make dist` first');
    return;
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'explorer-dist-'));
  let server;
  try {
    await cp(dist, path.join(tmp, 'explorer'), { recursive: true });
    server = await serveDir(tmp);
    await body({ url: `${server.url}explorer/`, origin: server.url });
  } finally {
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

// ---- shared by the view_* and robustness_* tests ----------------------------------------

/**
 * Loads the page afresh at `hash` in an opened browser and waits until it is ready. It goes
 * through about:blank first, or a link differing only in its hash would not reload the page.
 * `base` is the page's address (default: baseUrl()).
 */
export async function reopen({ page, log }, hash = '', { timeout = 45_000, base = baseUrl() } = {}) {
  // Leaving the page cancels what it was still fetching (the training worker's module, say):
  // the browser reports those as aborted, which says nothing about the page, so they are not
  // counted. Any other failure while leaving still is.
  const before = log?.failedRequests.length ?? 0;
  await page.goto('about:blank');
  if (log) {
    const during = log.failedRequests.splice(before);
    log.failedRequests.push(...during.filter((f) => !f.endsWith(': net::ERR_ABORTED')));
  }
  await page.goto(base + hash);
  await waitReady(page, { log, timeout });
}

/**
 * Starts Chromium (see launch) and opens the page at `hash`, ready. `setup(opened)` runs
 * before the page loads (to expose functions, add init scripts, listen for dialogs). Returns
 * launch()'s { browser, context, page, log }; close the browser in a `finally`.
 */
export async function openPage(hash = '', { viewport, deviceScaleFactor, locale, timeout, base, setup } = {}) {
  const opened = await launch({ viewport, deviceScaleFactor, locale });
  try {
    if (setup) await setup(opened);
    await reopen(opened, hash, { timeout, base });
    return opened;
  } catch (err) {
    await opened.browser.close();
    throw err;
  }
}

/**
 * Opens the page at `hash` (see openPage), runs `body(opened)`, then asserts that the page
 * logged no error (unless `clean: false`); always closes the browser.
 */
export async function withPage(hash, body, { clean = true, ...options } = {}) {
  const opened = await openPage(hash, options);
  try {
    await body(opened);
    if (clean) assertClean(opened.log);
  } finally {
    await opened.browser.close();
  }
}

/**
 * The page's figures, by the name used in `#view-<name>` and `button.export[data-view]`, as
 * the wasm module lists them (read through the loaded page, so the tests hold no copy).
 */
export async function viewNames(page) {
  return exported(page, 'view_names');
}

/** The result of calling the wasm module's export `name` (no arguments) in the loaded page. */
export async function exported(page, name) {
  return page.evaluate(async (fn) => {
    // The same module instance the page uses: ES modules are loaded once per page.
    const wasm = await import('./www/pkg/gumbel_explorer.js');
    return wasm[fn]();
  }, name);
}

/** Fails with every console error, failed request and foreign request the page logged. */
export function assertClean(log, what = 'the page') {
  const { errors, failedRequests, foreignRequests } = log;
  if (errors.length || failedRequests.length || foreignRequests.length) {
    throw new Error(`${what} logged errors, failed to load something, or left its origin:\n` +
      JSON.stringify({ errors, failedRequests, foreignRequests }, null, 2));
  }
}

/**
 * Waits until the page has acted on what was just done: two animation frames (the redraw is
 * scheduled on the next one), then `data-state="ready"` (a large N is refined over several
 * frames while data-state is "refining").
 */
export async function settle(page, { timeout = 30_000, log } = {}) {
  await nextFrames(page);
  await waitReady(page, { timeout, log });
}

/** canvasStats of every view, keyed by view name (one round trip to the page). */
export async function allCanvasStats(page) {
  const views = await viewNames(page);
  const stats = await statsOf(page, views.map((view) => `#view-${view}`));
  return Object.fromEntries(views.map((view, i) => [view, stats[i]]));
}

/** The trimmed text of an element. */
export async function text(page, selector) {
  return ((await page.textContent(selector)) ?? '').trim();
}

/**
 * Replaces a text field's content at once, as pasting would (Playwright's fill: focus, select
 * all, the new text, one 'input' event), and lets the page settle. An empty string clears the
 * field. One event on purpose: typing key by key passes through prefixes that are states of
 * their own (typing τ = 2000 sets τ = 2 on the way).
 */
export async function typeInto(page, selector, value, { log } = {}) {
  await page.fill(selector, value);
  await settle(page, { log });
}

const SUPERSCRIPTS = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

/**
 * A number as the readouts print it (Rust's figure formatter): a true minus sign (U+2212),
 * "m·10ⁿ" or "10ⁿ" for very small or large magnitudes, "–" for no value (NaN).
 */
export function readNumber(textContent) {
  const t = String(textContent).trim().replace(/\u2212/g, '-');
  const power = /^(-?)(?:([0-9.]+)·)?10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)$/.exec(t);
  if (power) {
    const exponent = Number([...power[3]].map((c) => SUPERSCRIPTS[c]).join(''));
    return Number(`${power[1]}${power[2] ?? '1'}e${exponent}`);
  }
  return t === '' || t === '–' ? NaN : Number(t);
}

/** Numbers from a readout such as "−0.13, 0.045" (each as readNumber reads it). */
export function numbers(textContent) {
  return String(textContent).split(',').map(readNumber);
}
