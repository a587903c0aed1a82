// The cross-engine suite: what a student does first, checked the same way in every engine.
// One body for all engines; each engine's test file only supplies a small adapter (below) that
// starts its browser and drives it. The page is served by scripts/test.sh (EXPLORER_URL) and
// reached through proxy.mjs, which adds the error hook, so every engine reports problems alike.
//
// An adapter is { name, goto(url), setViewport(width, height), evaluate(fn, ...args),
// click(selector), type(text), screenshot(file), nativeErrors(), close() }: evaluate runs a
// function of probes.mjs in the page and returns its (JSON) result, type sends key presses to
// the focused element, nativeErrors lists what the driver itself saw (may be empty).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startProxy } from './proxy.mjs';
import * as probe from './probes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots', 'engines');
const TIMEOUT = 120_000;
// A drawn figure inks a few percent of its canvas and spans most of it; a one-line message
// such as "(too small to draw)" inks about 1% in a strip a tenth of the canvas high.
const MIN_INK = 0.005;
const MIN_SPREAD = 0.5;
export const drawn = (s) => s && s.inked >= MIN_INK && s.spread >= MIN_SPREAD;
export const summary = (view, s) => s
  ? `${view} (${s.width}×${s.height}): ${(100 * s.inked).toFixed(2)}% inked, spread ${s.spread.toFixed(2)}`
  : `${view}: no canvas`;
// The widths a student's window or tablet has: laptop, desktop, phone, and the narrowest
// window every figure must still draw in.
const WIDTHS = [1024, 1440, 390, 320];
const HEIGHT = 900;

function upstream() {
  const url = process.env.EXPLORER_URL;
  if (!url) throw new Error('EXPLORER_URL is not set: run `scripts/test.sh build-site engine-tests`');
  return url.endsWith('/') ? url : `${url}/`;
}

/** Polls `read()` (what the page shows) until `ok(result)`; returns the result or throws `what`. */
export async function waitFor(read, ok, what, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what} (after ${timeout} ms; last: ${JSON.stringify(last)})`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * canvasStats (probes.mjs) of every view's canvas, by view name (null: no canvas). The names
 * come from the page's module, or with `fromCanvases` from the page's figure canvases (a page
 * whose module cannot be imported by its address: the single file).
 */
async function viewStats(b, fromCanvases = false) {
  const views = await b.evaluate(fromCanvases ? probe.canvasViewNames : probe.viewNames);
  const stats = await b.evaluate(probe.canvasStats, views.map((view) => `view-${view}`));
  return Object.fromEntries(views.map((view, i) => [view, stats[i]]));
}

/** Waits until the page is ready and has drawn every canvas at its current size. */
export async function settle(b, { fromCanvases = false } = {}) {
  await b.evaluate(probe.twoFrames);
  const health = await waitFor(() => b.evaluate(probe.pageHealth), (h) => h.state === 'ready' || h.state === 'error',
    'the page never reported data-state="ready"', { timeout: 60_000 });
  assert.equal(health.state, 'ready', `the page reported an error: ${JSON.stringify(health)}`);
  return waitFor(() => viewStats(b, fromCanvases), (s) => Object.values(s).every((v) => v?.sized),
    'some canvas was not redrawn at its size');
}

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Waits until the page has written its state into the link: it does so at most four times a
 * second after a redraw, so the hash must stay the same across two reads 300 ms apart.
 */
export async function linkWritten(b) {
  let last = (await b.evaluate(probe.readState)).hash;
  for (let i = 0; i < 30; i++) {
    await pause(300);
    const now = (await b.evaluate(probe.readState)).hash;
    if (now === last) return;
    last = now;
  }
  throw new Error('the link kept changing');
}

// Gecko reports a MathML element laid out with the wrong number of children as an error in
// the page. It can lay a formula out while the HTML parser is still inside it (a parser
// interrupted on a busy machine), and then says so although the finished formula is well formed.
const MATHML_ARITY = /^uncaught: Error: Invalid markup: Incorrect number of children for <\w+\/> tag\.$/;

/**
 * What the driver itself saw going wrong. A MathML arity report counts only if a formula of the
 * page is malformed now (then the malformed elements are named too); a report made while the
 * parser was inside a formula that ended well formed does not.
 */
export async function driverErrors(b) {
  const errors = b.nativeErrors();
  if (!errors.some((e) => MATHML_ARITY.test(e))) return errors;
  const malformed = await b.evaluate(probe.malformedMath);
  if (malformed.length) return [...errors, ...malformed.map((m) => `malformed formula: ${m}`)];
  return errors.filter((e) => !MATHML_ARITY.test(e));
}

/** Fails with everything the page, the hook, the driver and the proxy saw going wrong. */
async function assertClean(b, proxy, what) {
  const health = await b.evaluate(probe.pageHealth);
  assert.ok(health.hooked, 'the error hook did not run: the page was not loaded through the proxy');
  const problems = [...health.errors, ...(await driverErrors(b)), ...proxy.failures];
  if (health.fatal) problems.push(`fatal: ${health.fatal}`);
  problems.push(...health.viewErrors);
  assert.deepEqual(problems, [], `${what}: the page logged errors or failed to load something`);
}

/** Registers the suite for one engine; `launch()` starts its browser and returns its adapter. */
export function crossEngineSuite(engine, launch) {
  describe(`in ${engine}`, { timeout: 10 * TIMEOUT }, () => {
    let b;
    let proxy;
    const open = async (hash = '') => {
      await b.goto('about:blank');
      await b.goto(proxy.url + hash);
      return settle(b);
    };
    const shot = async (name) => {
      await mkdir(SCREENSHOTS, { recursive: true });
      await b.screenshot(path.join(SCREENSHOTS, `${engine}-${name}.png`));
    };

    before(async () => {
      proxy = await startProxy(upstream());
      b = await launch();
      await b.setViewport(1280, HEIGHT);
    });
    after(async () => {
      await b?.close();
      await proxy?.close();
    });

    test('the page loads with no error and draws every canvas', { timeout: TIMEOUT }, async () => {
      const stats = await open();
      assert.ok(Object.keys(stats).length > 0, 'the module lists no views');
      const blank = Object.entries(stats).filter(([, s]) => !drawn(s)).map(([v, s]) => summary(v, s));
      assert.deepEqual(blank, [], 'canvases blank or showing only a message');
      await assertClean(b, proxy, 'loading the page');
      await shot('1280');
    });

    test('a τ change redraws the figures', { timeout: TIMEOUT }, async () => {
      const before = await open();
      // A Figure 1 τ button, clicked as a person would, then the slider moved.
      await b.click('button[data-tau="0.1"]');
      const clicked = await settle(b);
      const changed = (a, z) => Object.keys(a).filter((v) => a[v].hash !== z[v].hash);
      assert.ok(changed(before, clicked).length > 0, 'the τ = 0.1 button changed no canvas');
      assert.equal((await b.evaluate(probe.readState)).fields['tau-text'], '0.1');
      await b.evaluate(probe.setInput, 'tau', 0.5);
      const moved = await settle(b);
      assert.ok(changed(clicked, moved).length > 0, 'moving the τ slider changed no canvas');
      await assertClean(b, proxy, 'changing τ');
    });

    test('typed nonsense is refused beside its field and the view is kept', { timeout: TIMEOUT }, async () => {
      const before = await open();
      await linkWritten(b);
      const state = await b.evaluate(probe.readState);
      for (const [field, error] of [['tau-text', 'err-tau'], ['seed', 'err-seed'], ['sched-rate', 'err-schedule']]) {
        assert.ok(await b.evaluate(probe.focusAndSelect, field), `#${field} cannot take the focus`);
        await b.type('abc');
        await settle(b);
        const shown = await b.evaluate(probe.fieldError, field, error);
        assert.equal(shown.value, 'abc', `#${field} did not take the typed text`);
        assert.equal(shown.invalid, 'true', `#${field} is not marked invalid`);
        assert.match(shown.message, /not a number/, `#${error} does not say what is wrong`);
        assert.ok(shown.visible && shown.besideControl, `#${error} is not shown next to #${field}`);
      }
      const after = await settle(b);
      for (const view of Object.keys(before)) {
        assert.equal(after[view].hash, before[view].hash, `view ${view} changed after nonsense was typed`);
      }
      await linkWritten(b);
      assert.equal((await b.evaluate(probe.readState)).hash, state.hash, 'the link changed after nonsense');
      await assertClean(b, proxy, 'typing nonsense');
    });

    test('a link restores the state', { timeout: TIMEOUT }, async () => {
      await open();
      await b.click('button[data-preset="figure1"]');
      await b.evaluate(probe.setInput, 'tau', -0.5);
      assert.ok(await b.evaluate(probe.focusAndSelect, 'seed'));
      await b.type('4242');
      await b.evaluate(probe.setInput, 'samples', 3.5);
      const drawn = await settle(b);
      await linkWritten(b);
      const written = await b.evaluate(probe.readState);
      assert.match(written.hash, /seed=4242/, 'the page did not write its state into the link');
      const restored = await open(written.hash);
      await linkWritten(b);
      assert.deepEqual(await b.evaluate(probe.readState), written, 'the link restored a different state');
      for (const view of Object.keys(drawn)) {
        assert.equal(restored[view].hash, drawn[view].hash, `view ${view} differs after the link`);
      }
      await assertClean(b, proxy, 'restoring a link');
    });

    test('PNG export gives each figure as a PNG of its pixels', { timeout: TIMEOUT }, async () => {
      const stats = await open('#k=3');
      await b.evaluate(probe.captureDownloads);
      const views = Object.keys(stats);
      for (const view of views) await b.click(`button.export[data-view="${view}"]`);
      const downloads = await waitFor(() => b.evaluate(probe.readDownloads), (d) => d.length >= views.length,
        'not every export button gave a download');
      for (const [i, d] of downloads.entries()) {
        const view = views[i];
        assert.equal(d.name, `gumbel-softmax-${view}.png`);
        assert.ok(d.blob && d.type === 'image/png' && d.png, `${view}: the export is not a PNG: ${JSON.stringify(d)}`);
        assert.deepEqual([d.width, d.height], d.canvas, `${view}: the PNG is not the canvas's size`);
        assert.ok(d.samePixels, `${view}: the PNG's pixels are not the canvas's`);
      }
      await assertClean(b, proxy, 'exporting');
    });

    for (const width of WIDTHS) {
      test(`at ${width} px wide every formula and figure fits its column and is drawn`, { timeout: TIMEOUT }, async () => {
        await b.setViewport(width, HEIGHT);
        try {
          const stats = await open();
          const layout = await b.evaluate(probe.overflowReport);
          await shot(String(width));
          assert.equal(layout.width, width, 'the window did not take the width asked for');
          assert.deepEqual(layout.outside, {}, `elements outside the ${layout.column}-px column (px beyond it)`);
          assert.ok(layout.documentOverflow <= 0, `the page scrolls sideways by ${layout.documentOverflow} px`);
          const blank = Object.entries(stats).filter(([, s]) => !drawn(s)).map(([v, s]) => summary(v, s));
          assert.deepEqual(blank, [], 'figures not drawn (blank or "too small to draw")');
          await assertClean(b, proxy, `the page at ${width} px`);
        } finally {
          await b.setViewport(1280, HEIGHT);
        }
      });
    }
  });
}
