// Drawing only what can be seen: a view out of sight is not drawn when τ changes, yet its data
// table and readouts follow τ at once; it is drawn when it scrolls into view. And the first
// paint draws the views in view in its own task, the others later in slices of bounded work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasHash, nextFrames, setRange, settle, text, withPage } from './helpers.mjs';

// The density view sits far below the fold at 1280 × 900; its table and the straight-through
// readout both depend on τ.
const HIDDEN = 'density';

const drawsSince = (page, mark) => page.evaluate((mark) => window.__explorer.draws.slice(mark), mark);
const drawCount = (page) => page.evaluate(() => window.__explorer.draws.length);
const inViewport = (page, id) => page.$eval(id, (el) => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
});

test('an off-screen view stays stale on a τ change while its table and readouts follow', async () => {
  await withPage('', async ({ page, log }) => {
    assert.equal(await inViewport(page, `#view-${HIDDEN}`), false, `#view-${HIDDEN} must start off screen`);
    const before = {
      hash: await canvasHash(page, `#view-${HIDDEN}`),
      table: await text(page, `#data-${HIDDEN}`),
      readout: await text(page, '#st-out'),
    };
    await page.evaluate(() => window.__explorer.holdStale(true));
    const mark = await drawCount(page);
    await setRange(page, '#tau', -0.5);
    // The input's frame (the redraw runs in the frame after the input), then the frame that
    // follows the interaction's pause.
    await nextFrames(page);
    await page.waitForFunction(() => !window.__explorer.interacting());
    await nextFrames(page);
    const drawn = (await drawsSince(page, mark)).map((d) => d.view);
    assert.ok(!drawn.includes(HIDDEN), `the off-screen view was drawn: ${drawn.join(', ')}`);
    assert.ok((await page.evaluate(() => window.__explorer.stale())).includes(HIDDEN));
    assert.equal(await canvasHash(page, `#view-${HIDDEN}`), before.hash, 'the hidden canvas changed');
    assert.notEqual(await text(page, `#data-${HIDDEN}`), before.table, 'the hidden view\'s table did not follow τ');
    assert.notEqual(await text(page, '#st-out'), before.readout, 'the readout did not follow τ');

    const scrolled = await drawCount(page);
    await page.$eval(`#view-${HIDDEN}`, (el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(({ mark, view }) => window.__explorer.draws.slice(mark).some((d) => d.view === view),
      { mark: scrolled, view: HIDDEN });
    assert.notEqual(await canvasHash(page, `#view-${HIDDEN}`), before.hash, 'scrolled into view, it was not redrawn');
    await page.evaluate(() => window.__explorer.holdStale(false));
    await settle(page, { log });
  });
});

test('the first paint draws the views in view first and the rest in bounded slices', async () => {
  await withPage('', async ({ page }) => {
    const { draws, visible, slices, budget } = await page.evaluate(async () => {
      const { SLICE_BUDGET_MS } = await import('./www/slices.js');
      const seen = [...document.querySelectorAll('canvas.plot')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }).map((c) => c.id.slice('view-'.length));
      return { draws: window.__explorer.draws, visible: seen, slices: window.__explorerSlices, budget: SLICE_BUDGET_MS };
    });
    const first = draws.filter((d) => d.pass === 'input').map((d) => d.view);
    for (const view of visible) assert.ok(first.includes(view), `${view} is in view but not in the first paint`);
    const later = draws.filter((d) => d.pass === 'idle').map((d) => d.view);
    const all = new Set([...first, ...later]);
    const views = await page.evaluate(() => [...document.querySelectorAll('canvas.plot')].map((c) => c.id.slice(5)));
    for (const view of views) assert.ok(all.has(view), `${view} was never drawn`);
    assert.ok(later.length > 0, 'every view was drawn in the first task');
    // No step starts once a slice has spent its budget: a slice is one step longer at most.
    for (const s of slices) assert.ok(s.lastStartMs < budget, `a step started ${s.lastStartMs} ms into a slice`);
    process.stdout.write(`# first load: ${slices.length} slices, longest ${Math.max(...slices.map((s) => s.ms)).toFixed(1)} ms\n`);
  });
});
