// The swatch beside each π slider has its class's colour in the figures: each swatch colour is
// painted in the Gumbel-Max view, in the bars of its own class (left to right by class).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from './helpers.mjs';

const TIMEOUT = 60_000;

test('π swatches use the figures\' class colours', { timeout: TIMEOUT }, async () => {
  await withPage('#k=10&n=2000', async ({ page }) => {
    const found = await page.evaluate(() => {
      const swatches = [...document.querySelectorAll('#pi-sliders .swatch')]
        .map((s) => getComputedStyle(s).backgroundColor.match(/\d+/g).map(Number));
      const canvas = document.getElementById('view-gumbel-max');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      // Mean x of the pixels of each colour.
      const sumX = new Map();
      const count = new Map();
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        const x = (i / 4) % canvas.width;
        sumX.set(key, (sumX.get(key) ?? 0) + x);
        count.set(key, (count.get(key) ?? 0) + 1);
      }
      return swatches.map(([r, g, b]) => {
        const key = (r << 16) | (g << 8) | b;
        const n = count.get(key) ?? 0;
        return { rgb: [r, g, b], painted: n > 0, meanX: n ? sumX.get(key) / n : NaN };
      });
    });
    assert.equal(found.length, 10);
    assert.equal(new Set(found.map((f) => f.rgb.join())).size, 10, 'two classes share a colour');
    for (const [i, f] of found.entries()) {
      assert.ok(f.painted, `class ${i + 1}'s swatch rgb(${f.rgb}) is not a colour of the Gumbel-Max bars`);
      if (i > 0) {
        assert.ok(f.meanX > found[i - 1].meanX,
          `class ${i + 1}'s colour is painted left of class ${i}'s: the swatches and the bars disagree`);
      }
    }
  });
});
