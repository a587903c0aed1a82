// The data tables while Rust refines the exact curves in slices: a closed table is rebuilt once
// for the new state and once more when the refinement ends, not on every slice, and it holds
// the complete numbers when it is opened; an open table, opened mid-refinement, ends complete too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settle, withPage } from './helpers.mjs';

const VIEW = 'estimators';

// A change of π whose exact curves the page has not computed yet.
const changePi = (page) => page.click('button[data-preset="uniform"]');

/** The table's rows (header first) as the DOM shows them. */
const domRows = (page) => page.$eval(`table#data-${VIEW}`, (table) => [
  Array.from(table.tHead.rows[0]?.cells ?? [], (c) => c.textContent),
  ...Array.from(table.tBodies[0].rows, (r) => Array.from(r.cells, (c) => c.textContent)),
]);

/** The complete table at the page's state (its link), from a second explorer refined to the end. */
const referenceRows = (page) => page.evaluate(async (view) => {
  // The link follows the state within a quarter of a second.
  await new Promise((done) => setTimeout(done, 600));
  const wasm = await import('./www/pkg/gumbel_explorer.js');
  const ex = new wasm.Explorer();
  ex.restore(decodeURIComponent(location.hash));
  ex.table(view);
  while (ex.refining()) ex.refine();
  const csv = ex.table(view);
  ex.free();
  return csv.trim().split('\n').map((line) => line.split(','));
}, VIEW);

/** Counts the replacements of the table's body from now on (read with `rebuilds()`). */
const countRebuilds = (page) => page.evaluate((view) => {
  window.__rebuilds = 0;
  window.__rebuildObserver?.disconnect();
  window.__rebuildObserver = new MutationObserver(() => { window.__rebuilds++; });
  window.__rebuildObserver.observe(document.getElementById('data-' + view).tBodies[0], { childList: true });
}, VIEW);
const rebuilds = (page) => page.evaluate(() => window.__rebuilds);

test('a closed table is rebuilt at most twice while the exact curves are refined, and is complete', async () => {
  await withPage('', async ({ page, log }) => {
    assert.equal(await page.$eval(`#data-box-${VIEW}`, (d) => d.open), false);
    await countRebuilds(page);
    await changePi(page);
    const sawRefining = await page.evaluate(async () => {
      // The page refines for a while after the change; note whether it did (the rebuild bound
      // means something only then).
      // The click's redraw may not have begun yet: wait for the page to leave "ready" first.
      let seen = false;
      let left = false;
      const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      for (let i = 0; i < 600; i++) {
        const state = document.documentElement.dataset.state;
        if (state !== 'ready') left = true;
        if (state === 'refining') seen = true;
        if (left && state === 'ready') break;
        await frame();
      }
      return seen;
    });
    await settle(page, { log });
    assert.ok(sawRefining, 'the page did not refine the exact curves after π changed');
    const n = await rebuilds(page);
    assert.ok(n >= 1 && n <= 2, `the closed table was rebuilt ${n} times during one refinement`);
    assert.deepEqual(await domRows(page), await referenceRows(page), 'the closed table is not complete');
    await page.click(`#data-box-${VIEW} > summary`);
    assert.deepEqual(await domRows(page), await referenceRows(page), 'the opened table is not complete');
  });
});

test('a table opened while the exact curves are refined shows the current numbers and ends complete', async () => {
  await withPage('', async ({ page, log }) => {
    const before = await domRows(page);
    await changePi(page);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'refining');
    await page.click(`#data-box-${VIEW} > summary`);
    assert.notDeepEqual(await domRows(page), before, 'the opened table still shows the former π');
    await settle(page, { log });
    assert.deepEqual(await domRows(page), await referenceRows(page), 'the open table is not complete');
  });
});
