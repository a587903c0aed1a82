// Every view is drawn, and it is redrawn exactly when one of its inputs changes: τ moves the
// relaxed views but not Gumbel-Max or Figure 1 (which show fixed temperatures), π moves all
// sample views, the costs move only view 7, the schedule and step only view 6, the objective
// only view 5. One screenshot per view is saved as target/screenshots/view-<name>.png.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { SCREENSHOT_DIR, allCanvasStats, numbers, setRange, settle, typeInto, viewNames, withPage } from './helpers.mjs';

const TIMEOUT = 60_000;

// The views that show relaxed samples at the current τ.
// The training view follows τ too: its relaxed estimators train at the page's τ, and its k = 3
// background is the density at that τ.
const TAU_VIEWS = ['components', 'expectation', 'strip', 'density', 'straight-through', 'estimators', 'training'];
const SAMPLE_VIEWS = ['gumbel-max', 'figure1', ...TAU_VIEWS];

/** Opens the page at N = `samples` (unless null) and runs `body`; the page must log nothing. */
async function atN(samples, body) {
  await withPage('', async (opened) => {
    if (samples) await typeInto(opened.page, '#samples-text', samples, { log: opened.log });
    await body(opened);
  });
}

/** Does `action`, lets the page settle, and returns the names of the views whose pixels changed. */
async function changedBy(page, log, action) {
  const before = await allCanvasStats(page);
  await action();
  await settle(page, { log });
  const after = await allCanvasStats(page);
  const views = Object.keys(after);
  for (const view of views) {
    assert.ok(after[view].nonBackground > 0, `#view-${view} went blank`);
  }
  const errors = await page.$$eval('canvas[data-error]', (els) => els.map((e) => `${e.id}: ${e.dataset.error}`));
  assert.deepEqual(errors, [], 'a view failed to draw');
  return views.filter((v) => after[v].hash !== before[v].hash);
}

const sorted = (list) => [...list].sort();

test('every view is drawn on a laid-out canvas, with no error', { timeout: TIMEOUT }, async () => {
  await atN(null, async ({ page, log }) => {
    // The page has one canvas per view the module lists, and no other view canvas.
    const views = await viewNames(page);
    const canvases = await page.$$eval('canvas[id^="view-"]', (els) => els.map((e) => e.id.slice('view-'.length)));
    assert.deepEqual(sorted(canvases), sorted(views), 'the view canvases and the module\'s view names differ');
    const stats = await allCanvasStats(page);
    for (const view of views) {
      const s = stats[view];
      assert.ok(s.width >= 200 && s.height >= 100, `#view-${view} is ${s.width}×${s.height}`);
      // Axes, labels and marks cover well over 1 % of any figure's pixels.
      assert.ok(s.nonBackground > 0.01 * s.width * s.height,
        `#view-${view} is (nearly) blank: ${s.nonBackground} of ${s.width * s.height} pixels drawn`);
    }
    const hashes = new Set(views.map((v) => stats[v].hash));
    assert.equal(hashes.size, views.length, 'two views have identical pixels');
    const errors = await page.$$eval('canvas[data-error]', (els) => els.map((e) => e.id));
    assert.deepEqual(errors, []);
    const redrawMs = Number(await page.textContent('#redraw-ms'));
    assert.ok(Number.isFinite(redrawMs) && redrawMs > 0, `#redraw-ms reads ${redrawMs}`);

    // One picture per view, for people to look at.
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const view of views) {
      const figure = page.locator(`figure:has(#view-${view})`);
      await figure.scrollIntoViewIfNeeded();
      await figure.screenshot({ path: path.join(SCREENSHOT_DIR, `view-${view}.png`) });
    }
    for (const section of await page.$$eval('section.view', (els) => els.map((e) => e.id))) {
      await page.locator(`#${section}`).screenshot({ path: path.join(SCREENSHOT_DIR, `view-${section}.png`) });
    }
    // The other two density pictures: k = 2 and k = 5.
    await page.click('button[data-preset="k2"]');
    await settle(page, { log });
    await page.locator('figure:has(#view-density)').screenshot({ path: path.join(SCREENSHOT_DIR, 'view-density-k2.png') });
    await page.locator('figure:has(#view-straight-through)').screenshot({ path: path.join(SCREENSHOT_DIR, 'view-straight-through-k2.png') });
    await setRange(page, '#k', 5);
    await settle(page, { log });
    await page.locator('figure:has(#view-density)').screenshot({ path: path.join(SCREENSHOT_DIR, 'view-density-k5.png') });
    await page.locator('figure:has(#view-components)').screenshot({ path: path.join(SCREENSHOT_DIR, 'view-components-k5.png') });
  });
});

test('τ redraws the relaxed views and leaves Gumbel-Max, Figure 1, annealing and cost alone', { timeout: TIMEOUT }, async () => {
  await atN('2000', async ({ page, log }) => {
    const ways = [
      ['typed τ = 2', () => page.fill('#tau-text', '2')],
      ['τ slider at 0.05', () => setRange(page, '#tau', Math.log10(0.05))],
      ['τ button 10', () => page.click('button[data-tau="10"]')],
      ['τ button 0.1', () => page.click('button[data-tau="0.1"]')],
    ];
    for (const [label, action] of ways) {
      const changed = await changedBy(page, log, action);
      assert.deepEqual(sorted(changed), sorted(TAU_VIEWS), `${label}: the views that changed`);
    }
  });
});

test('π and the seed redraw every sample view and nothing else; N the views built from all draws', { timeout: TIMEOUT }, async () => {
  await atN('2000', async ({ page, log }) => {
    const ways = [
      ['π₁ slider', () => setRange(page, '#pi-0', 0.9)],
      ['peaked preset', () => page.click('button[data-preset="peaked"]')],
      ['logits typed', async () => {
        await page.check('#pi-mode-logits');
        await page.fill('#logits', '1, 0, -1');
      }],
      // At step 0 the training run has drawn no noise yet: the seed does not change its picture.
      ['seed typed', () => page.fill('#seed', '99'), SAMPLE_VIEWS.filter((v) => v !== 'training')],
    ];
    for (const [label, action, expected = SAMPLE_VIEWS] of ways) {
      const changed = await changedBy(page, log, action);
      assert.deepEqual(sorted(changed), sorted(expected), `${label}: the views that changed`);
    }
    // N: the views built from all N draws change; the strip and the straight-through draw show
    // the first draws of the same seeded stream, which a larger N does not alter.
    const byN = await changedBy(page, log, () => page.fill('#samples-text', '3000'));
    for (const view of ['gumbel-max', 'components', 'expectation']) {
      assert.ok(byN.includes(view), `N = 3000 did not redraw ${view} (changed: ${byN})`);
    }
    for (const view of ['strip', 'straight-through', 'annealing', 'cost']) {
      assert.ok(!byN.includes(view), `N = 3000 changed ${view} (changed: ${byN})`);
    }
    // π changes the Gumbel-Max bars even at a fixed τ and seed.
    const changed = await changedBy(page, log, () => setRange(page, '#k', 4));
    assert.ok(changed.includes('gumbel-max') && changed.includes('figure1'), `k = 4 changed only ${changed}`);
    assert.ok(!changed.includes('cost') && !changed.includes('annealing'), `k = 4 changed ${changed}`);
  });
});

test('the costs redraw view 7 only, the schedule and step view 6 only, the objective views 5 and 8 only', { timeout: TIMEOUT }, async () => {
  await atN('2000', async ({ page, log }) => {
    const ways = [
      ['cost D', () => setRange(page, '#cost-d', 4), ['cost']],
      ['cost I', () => setRange(page, '#cost-i', 0.3), ['cost']],
      ['cost G', () => setRange(page, '#cost-g', 7.5), ['cost']],
      ['cost k', () => setRange(page, '#cost-k', 100), ['cost']],
      ['schedule τ0', () => page.fill('#sched-tau0', '3'), ['annealing']],
      ['schedule rate', () => page.fill('#sched-rate', '0.0005'), ['annealing']],
      ['schedule τmin', () => page.fill('#sched-min', '0.2'), ['annealing']],
      ['schedule N', () => page.fill('#sched-every', '250'), ['annealing']],
      ['step', () => setRange(page, '#step', 2000), ['annealing']],
      // The training view trains on the page's objective.
      ['objective squared', () => page.selectOption('#objective', 'squared'), ['estimators', 'training']],
      ['objective target typed', () => page.fill('#objective-values', '0, 0, 1'), ['estimators', 'training']],
      ['objective linear', () => page.selectOption('#objective', 'linear'), ['estimators', 'training']],
      ['objective payoffs typed', () => page.fill('#objective-values', '3, -1, 2'), ['estimators', 'training']],
    ];
    for (const [label, action, expected] of ways) {
      const changed = await changedBy(page, log, action);
      assert.deepEqual(changed, expected, `${label}: the views that changed`);
    }
  });
});

test('the exact gradient readout follows the objective', { timeout: TIMEOUT }, async () => {
  await atN('2000', async ({ page, log }) => {
    // ∇θF = Σ_i π_i f(e_i)(e_i − π); for the linear payoff f(e_i) = c_i, so ∇F_j = π_j (c_j − π·c).
    const check = async (c) => {
      const pi = (await page.$$eval('#pi-sliders output', (els) => els.map((e) => Number(e.textContent))));
      const shown = numbers(await page.textContent('#exact-out'));
      const mean = pi.reduce((a, p, i) => a + p * c[i], 0);
      pi.forEach((p, j) => {
        const want = p * (c[j] - mean);
        assert.ok(Math.abs(shown[j] - want) <= 2e-3 * Math.max(1, Math.abs(want)),
          `c = ${c}: ∇F shown ${shown}, expected component ${j + 1} = ${want}`);
      });
    };
    await check([0, 0.5, 1]); // the default payoff
    await typeInto(page, '#objective-values', '3, -1, 2', { log });
    await check([3, -1, 2]);
  });
});
