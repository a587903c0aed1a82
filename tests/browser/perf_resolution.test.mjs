// Pixels where they matter: while τ is being dragged the k = 3 heatmap is drawn at a reduced
// resolution; when the input pauses it is refined to the full one, and the final frame is the
// one a fresh full-resolution draw gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasHash, setRange, settle, withPage } from './helpers.mjs';

for (const dpr of [1, 2]) {
  test(`at DPR ${dpr} the heatmap is coarse while dragging and refined when input pauses`, async () => {
    await withPage('', async ({ page, log }) => {
      await page.$eval('#view-density', (el) => el.scrollIntoView({ block: 'center' }));
      await settle(page, { log });
      assert.match(await page.textContent('#density-caption'), /triangle/, 'the density view must show k = 3');
      await page.evaluate(() => window.__explorer.holdInteraction(true));
      const mark = await page.evaluate(() => window.__explorer.draws.length);
      const refineBefore = await page.textContent('#refine-ms');
      await setRange(page, '#tau', -0.4);
      await page.waitForFunction((mark) => window.__explorer.draws.slice(mark)
        .some((d) => d.view === 'density' && d.pass === 'input'), mark);
      const coarse = await canvasHash(page, '#view-density');
      const redrawMs = await page.textContent('#redraw-ms');

      await page.evaluate(() => window.__explorer.holdInteraction(false));
      await settle(page, { log });
      const refined = await canvasHash(page, '#view-density');
      assert.notEqual(refined, coarse, 'the refined heatmap has the same pixels as the coarse one');
      assert.equal(await page.textContent('#redraw-ms'), redrawMs, 'the refinement overwrote #redraw-ms');
      assert.notEqual(await page.textContent('#refine-ms'), refineBefore, '#refine-ms was not written');

      await page.evaluate(() => window.__explorer.drawAll({ fresh: true }));
      assert.equal(await canvasHash(page, '#view-density'), refined, 'the refined frame differs from a fresh full draw');
    }, { deviceScaleFactor: dpr });
  });
}
