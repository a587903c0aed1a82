// Smoke test of the explorer page as a person first meets it: it loads cleanly, every figure
// is drawn, the τ slider redraws, and the packaged dist/ works under a sub-path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canvasHash,
  canvasStats,
  screenshot,
  setRange,
  withDistUnderSubPath,
  withPage,
} from './helpers.mjs';

const TIMEOUT = 90_000;
// A drawn figure (axes, labels, marks) inks a few percent of its canvas; a one-line
// placeholder message inks about 0.2%, which a person would still call blank.
const MIN_INK = 0.005;

test('the page loads cleanly, draws every canvas, and redraws when τ moves', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page }) => {
    const canvases = await page.$$eval('canvas', (els) => els.map((el, i) => el.id || `canvas #${i}`));
    assert.ok(canvases.length > 0, 'the page has no <canvas>');
    const selectors = canvases.map((_, i) => `canvas >> nth=${i}`);
    const before = [];
    const blank = [];
    for (const [i, name] of canvases.entries()) {
      const stats = await canvasStats(page, selectors[i]);
      if (stats.inked < MIN_INK) {
        blank.push(`${name}: ${(100 * stats.inked).toFixed(2)}% of ${stats.width}×${stats.height} pixels inked`);
      }
      before.push(stats.hash);
    }
    assert.deepEqual(blank, [], 'blank canvases');

    // Move τ to somewhere clearly different from where it starts.
    const { min, max, value } = await page.$eval('#tau', (el) => ({
      min: Number(el.min || 0),
      max: Number(el.max || 100),
      value: Number(el.value),
    }));
    const target = value - min > (max - min) / 2 ? min + (max - min) * 0.1 : min + (max - min) * 0.9;
    await setRange(page, '#tau', target);

    let changed = [];
    for (let attempt = 0; attempt < 100 && changed.length === 0; attempt++) {
      await page.waitForTimeout(50); // the page may redraw on the next animation frame
      const after = await Promise.all(selectors.map((s) => canvasHash(page, s)));
      changed = canvases.filter((_, i) => after[i] !== before[i]);
    }
    assert.ok(changed.length > 0, `moving #tau to ${target} changed no canvas`);

    await screenshot(page, 'smoke.png');
  });
});

test('dist/ works from a sub-path such as /explorer/', { timeout: TIMEOUT }, async (t) => {
  await withDistUnderSubPath(t, 'index.html', async ({ url, origin }) => {
    const requests = [];
    const setup = ({ page }) => page.on('request', (req) => requests.push(req.url()));
    await withPage('', async ({ page }) => {
      // Relative paths only: nothing on the origin is asked for outside the sub-path.
      const outside = requests.filter((u) => u.startsWith(origin) && !u.startsWith(url));
      assert.deepEqual(outside, [], 'requests outside /explorer/');
      const canvases = await page.locator('canvas').count();
      assert.ok(canvases > 0, 'no <canvas> under the sub-path');
      const stats = await canvasStats(page, 'canvas >> nth=0');
      assert.ok(stats.inked >= MIN_INK, 'the first canvas is blank under the sub-path');
    }, { base: url, setup });
  });
});
