// Views far below the fold are not laid out until they come near (content-visibility), yet
// each is drawn at its full size when it scrolls into view, and a view scrolled to through the
// address bar lands in sight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, nextFrames, settle, viewNames, withPage } from './helpers.mjs';

const drawnSince = (page, mark, view) => page.waitForFunction(
  ({ mark, view }) => window.__explorer.draws.slice(mark).some((d) => d.view === view),
  { mark, view }, { timeout: 30_000 });

test('every view is drawn at its size when it scrolls into view', async () => {
  await withPage('', async ({ page, log }) => {
    const skipped = await page.$$eval('section.view', (sections) =>
      sections.filter((s) => getComputedStyle(s).contentVisibility === 'auto').length);
    assert.ok(skipped > 0, 'no view is laid out on demand (content-visibility: auto)');
    for (const view of await viewNames(page)) {
      const mark = await page.evaluate(() => window.__explorer.draws.length);
      const wasStale = await page.evaluate((view) => window.__explorer.stale().includes(view), view);
      await page.$eval(`#view-${view}`, (el) => el.scrollIntoView({ block: 'center' }));
      if (wasStale) await drawnSince(page, mark, view);
      await settle(page, { log });
      const size = await page.$eval(`#view-${view}`, (c) => ({
        css: [c.clientWidth, c.clientHeight], px: [c.width, c.height],
      }));
      assert.ok(size.css[0] > 0 && size.css[1] > 0, `${view}: the canvas has no size (${size.css})`);
      assert.ok(size.px[0] >= size.css[0] && size.px[1] >= size.css[1], `${view}: drawn at ${size.px}, shown at ${size.css}`);
      const stats = await canvasStats(page, `#view-${view}`);
      assert.ok(stats.inked > 0.02, `${view}: the canvas is nearly blank (${stats.inked})`);
    }
  });
});

test('a link to a view far below scrolls it into sight', async () => {
  await withPage('', async ({ page, log }) => {
    await page.$eval('#h-training', (h) => h.scrollIntoView());
    await nextFrames(page);
    await settle(page, { log });
    const top = await page.$eval('#h-training', (h) => h.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < 900, `the heading is at ${top} px`);
  });
});
