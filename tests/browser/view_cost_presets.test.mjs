// View 7's presets: equal costs, and a classifier eight times inference plus generation,
// which reproduces the paper's 2× at k = 10; the sliders and the readout follow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canvasHash, readNumber, settle, text, withPage } from './helpers.mjs';

const TIMEOUT = 60_000;
const speedup = (d, i, g, k) => (d + k * (i + g)) / (d + i + g);

test('the cost presets set the sliders and the speed-up, and redraw the cost view', { timeout: TIMEOUT }, async () => {
  await withPage('#n=2000', async ({ page, log }) => {
    const before = await canvasHash(page, '#view-cost');
    await page.click('button[data-cost="8,0.5,0.5,10"]');
    await settle(page, { log });
    assert.equal(readNumber(await text(page, '#speedup-out')), speedup(8, 0.5, 0.5, 10));
    assert.equal(readNumber(await text(page, '#speedup-out')), 2);
    assert.deepEqual(
      await page.$$eval(['#cost-d', '#cost-i', '#cost-g', '#cost-k'].join(','), (els) => els.map((e) => Number(e.value))),
      [8, 0.5, 0.5, 10],
    );
    assert.notEqual(await canvasHash(page, '#view-cost'), before, 'the cost view did not redraw');
    // k = 100 on the slider: the formula's 12× (the paper measured 9.9×).
    await page.$eval('#cost-k', (el) => { el.value = '100'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    await settle(page, { log });
    assert.equal(readNumber(await text(page, '#speedup-out')), 12);
    await page.click('button[data-cost="1,1,1,10"]');
    await settle(page, { log });
    assert.equal(readNumber(await text(page, '#speedup-out')), speedup(1, 1, 1, 10));
    assert.equal(await canvasHash(page, '#view-cost'), before, 'equal costs do not restore the default picture');
  });
});
