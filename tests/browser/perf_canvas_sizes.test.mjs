// Canvases drawn at the sizes a ResizeObserver reported: a redraw reads no canvas's size from
// the page's layout (which, after another canvas's backing store was resized, would lay the
// whole page out again), and a canvas that changes size is redrawn at its new size, its
// backing store round(clientWidth × devicePixelRatio) by round(clientHeight × ratio).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setRange, settle, withPage } from './helpers.mjs';

// In view at 1280 × 900 when the page opens.
const VIEW = 'gumbel-max';

const drawCount = (page) => page.evaluate(() => window.__explorer.draws.length);
const drawnSince = (page, mark) => page.evaluate((mark) => window.__explorer.draws.slice(mark).map((d) => d.view), mark);
const backing = (page, view) => page.$eval(`#view-${view}`, (c) => ({
  width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, ratio: devicePixelRatio,
}));
const inViewport = (page, view) => page.$eval(`#view-${view}`, (el) => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
});

test('a redraw after a τ change reads no canvas size from the layout', async () => {
  await withPage('', async ({ page, log }) => {
    // Every read of a canvas's clientWidth or clientHeight from now on is counted.
    await page.evaluate(() => {
      window.__sizeReads = 0;
      for (const name of ['clientWidth', 'clientHeight']) {
        const read = Object.getOwnPropertyDescriptor(Element.prototype, name).get;
        Object.defineProperty(HTMLCanvasElement.prototype, name, {
          configurable: true,
          get() {
            window.__sizeReads++;
            return read.call(this);
          },
        });
      }
    });
    const mark = await drawCount(page);
    for (const value of [-0.5, -0.2, 0.3]) {
      await setRange(page, '#tau', value);
      await settle(page, { log });
    }
    const drawn = await drawnSince(page, mark);
    assert.ok(drawn.length >= 3, `the τ changes drew ${drawn.length} view(s)`);
    assert.equal(await page.evaluate(() => window.__sizeReads), 0, 'a redraw read a canvas size from the layout');
  });
});

test('a canvas that changes size is redrawn at once at round(clientWidth × ratio)', async () => {
  await withPage('', async ({ page, log }) => {
    assert.ok(await inViewport(page, VIEW), `#view-${VIEW} must start in view`);
    const before = await backing(page, VIEW);
    assert.equal(before.ratio, 2);
    assert.equal(before.width, Math.round(before.cssWidth * 2));
    const mark = await drawCount(page);
    // A width with a fraction of a pixel: the backing store follows clientWidth, as laid out.
    await page.$eval(`#view-${VIEW}`, (c) => { c.closest('figure').style.width = '613.4px'; });
    await page.waitForFunction(({ mark, view }) => window.__explorer.draws.slice(mark).some((d) => d.view === view),
      { mark, view: VIEW }, { timeout: 10_000 });
    await settle(page, { log });
    const after = await backing(page, VIEW);
    assert.notEqual(after.cssWidth, before.cssWidth, 'the canvas did not change size');
    assert.equal(after.width, Math.round(after.cssWidth * after.ratio), `backing width ${after.width} for clientWidth ${after.cssWidth}`);
    assert.equal(after.height, Math.round(after.cssHeight * after.ratio), `backing height ${after.height} for clientHeight ${after.cssHeight}`);
    const errors = await page.$$eval('canvas[data-error]', (els) => els.map((e) => `${e.id}: ${e.dataset.error}`));
    assert.deepEqual(errors, []);
  }, { deviceScaleFactor: 2 });
});
