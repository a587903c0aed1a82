// The page's two modules: it starts on the first module (www/pkg-first), which draws every view
// but those of gradient estimators and training, and the full module (www/pkg) takes the page's
// handle over once loaded. Held back here by intercepting its .wasm, to see each step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, baseUrl, canvasStats, launch, text, waitReady } from './helpers.mjs';

const FULL_WASM = '**/www/pkg/gumbel_explorer_bg.wasm';
// The views only the full module draws (sections 4, 5 and 8).
const LATER = ['straight-through', 'estimators', 'training'];

const drawn = (page) => page.evaluate(() => window.__explorer.draws.map((d) => d.view));
const state = (page) => page.evaluate(() => document.documentElement.dataset.state);
// The views whose figure says why it is empty, and what it says.
const waitingLabels = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('figure[data-waiting] canvas')].map((c) => [c.id.slice(5), c.closest('figure').dataset.waiting])));

/** Names from each module's glue: the first module's own instance, the one the page uses. */
const moduleNames = (page) => page.evaluate(async () => {
  const first = await import('./www/pkg-first/gumbel_explorer.js');
  return { all: first.view_names(), drawn: first.module_view_names() };
});

async function waitDrawn(page, view, what) {
  await page.waitForFunction((v) => window.__explorer?.draws.some((d) => d.view === v), view, { timeout: 20_000 })
    .catch(() => assert.fail(`${view} was never drawn ${what}`));
}

test('the first module draws the views in sight; the full module then draws the rest and redraws nothing', async () => {
  const opened = await launch();
  const { browser, page, log } = opened;
  try {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let asked = false;
    await page.route(FULL_WASM, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(baseUrl());
    await waitDrawn(page, 'gumbel-max', 'by the first module');

    const names = await moduleNames(page);
    assert.deepEqual(names.drawn, names.all.filter((v) => !LATER.includes(v)),
      'the first module draws every view but those of sections 4, 5 and 8');
    assert.notEqual(await state(page), 'ready', 'the page is not ready while views wait for the full module');
    for (const view of LATER) {
      assert.equal((await canvasStats(page, `#view-${view}`)).nonBackground, 0, `${view} is empty before the full module`);
    }
    const labels = await waitingLabels(page);
    assert.deepEqual(Object.keys(labels).sort(), [...LATER].sort(), 'the empty figures, and only they, say why');
    for (const label of Object.values(labels)) assert.match(label, /drawn once the rest of the page’s code has loaded/);
    assert.equal(await text(page, '#train-summary'), '', 'no sentence about a run the first module does not have');
    // Views out of sight wait for the full module too, so the first module draws only what is seen.
    assert.deepEqual([...new Set(await drawn(page))], ['gumbel-max'], 'only the view in sight is drawn first');
    for (let i = 0; !asked && i < 100; i++) await page.waitForTimeout(100);
    assert.ok(asked, 'the full module is asked for once the first views are drawn');
    const first = await canvasStats(page, '#view-gumbel-max');

    // A figure's PNG asked for now is downloaded once the full module has drawn it.
    let downloads = 0;
    page.on('download', () => { downloads++; });
    const png = page.waitForEvent('download', { timeout: 30_000 });
    await page.click('button.export[data-view="estimators"]');
    await page.waitForTimeout(300);
    assert.equal(downloads, 0, 'no PNG of an empty figure');
    const mark = (await drawn(page)).length;
    release();
    await waitReady(page, { log });
    for (const view of LATER) {
      assert.ok((await canvasStats(page, `#view-${view}`)).nonBackground > 0, `${view} is drawn by the full module`);
    }
    assert.deepEqual(await waitingLabels(page), {}, 'no figure waits any more');
    assert.equal((await png).suggestedFilename(), 'gumbel-softmax-estimators.png');
    const after = (await drawn(page)).slice(mark);
    assert.ok(!after.includes('gumbel-max'), `the full module takes over the first module's pictures (drew: ${after.join(', ')})`);
    assert.equal((await canvasStats(page, '#view-gumbel-max')).hash, first.hash);
    assert.doesNotMatch(await text(page, '#train-summary'), /full module/, 'the training sentence is written by the full module');
    assertClean(log);
  } finally {
    await browser.close();
  }
});

test('when the full module cannot be loaded, the notice says so and the first module draws the rest', async () => {
  const opened = await launch();
  const { browser, page } = opened;
  try {
    await page.route(FULL_WASM, (route) => route.abort('failed'));
    await page.goto(baseUrl());
    await waitDrawn(page, 'gumbel-max', 'by the first module');
    const names = await moduleNames(page);
    for (const view of names.drawn) await waitDrawn(page, view, 'by the first module alone');
    assert.match(await text(page, '#notice'), /sections 4, 5 and 8 could not be loaded/);
    for (const view of LATER) {
      assert.equal((await canvasStats(page, `#view-${view}`)).nonBackground, 0, `${view} stays empty`);
    }
    const labels = await waitingLabels(page);
    assert.deepEqual(Object.keys(labels).sort(), [...LATER].sort());
    for (const label of Object.values(labels)) assert.match(label, /could not be loaded/);
    assert.equal(await text(page, '#train-summary'), '');
    assert.ok((await canvasStats(page, '#view-gumbel-max')).nonBackground > 0);
  } finally {
    await browser.close();
  }
});
