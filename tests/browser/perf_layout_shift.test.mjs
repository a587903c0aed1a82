// Nothing on the page moves while it loads: the browser's layout-shift entries, summed from the
// first byte until the page is ready, stay at nothing to speak of, on a phone and on a laptop.
// (The loading status used to sit in the page's flow and the π sliders were built into an empty
// box: their going and coming moved everything below by about 50 px, a shift of 0.047.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './helpers.mjs';

// The largest shift allowed, summed over the load. Lighthouse calls a page "good" below 0.1; a
// readout's number reflowing the hint beside it is the one movement left (about 0.001).
const MAX_SHIFT = 0.005;

// Records every layout shift from the document's start, for the test to read.
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        sources: entry.sources.map((s) => `${s.node?.id || s.node?.nodeName || '?'}: y ${s.previousRect.y} → ${s.currentRect.y}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

const VIEWPORTS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'laptop', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
];

for (const { name, viewport, deviceScaleFactor } of VIEWPORTS) {
  test(`nothing moves while the page loads (${name}, ${viewport.width} × ${viewport.height})`, async () => {
    await withPage('', async ({ page }) => {
      // Two frames after "ready", so that a shift the last draw caused has been reported.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const shifts = await page.evaluate(() => window.__shifts);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      assert.ok(total < MAX_SHIFT, `layout shift ${total.toFixed(4)} ≥ ${MAX_SHIFT}: ${JSON.stringify(shifts)}`);
    }, { viewport, deviceScaleFactor, setup: ({ page }) => page.addInitScript(recordShifts) });
  });
}
