// Every view is drawn, and it is redrawn exactly when one of its inputs changes: τ moves the
// relaxed views but not Gumbel-Max or Figure 1 (which show fixed temperatures), π moves all
// sample views, the costs move only view 7, the schedule and step only view 6, the objective
// only view 5. One screenshot per view is saved as target/screenshots/view-<name>.png.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { SCREENSHOT_DIR, allCanvasStats, numbers, setRange, settle, typeInto, viewNames, withPage } from './helpers.mjs';

// A guard against a stuck page, not a speed target: the costs-and-objective test makes a dozen
// changes and waits for each to settle, 46–54 s on a loaded machine.
const TIMEOUT = 150_000;

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
    // (View 9, outside the registry, takes its own pictures in view_vae.test.mjs.)
    for (const section of await page.$$eval('section.view:has(canvas[id^="view-"])', (els) => els.map((e) => e.id))) {
      await page.locator(`#${section}`).screenshot({ path: path.join(SCREENSHOT_DIR, `view-${section}.png`), timeout: 10_000 })
        .catch((e) => { throw new Error(`screenshot of #${section}: ${e.message.split('\n')[0]}`); });
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
      ['objective linear', () => page.selectOption('#objective', 'linear'), ['estimators', 'training']],
      ['objective payoffs typed', () => page.fill('#objective-values', '3, -1, 2'), ['estimators', 'training']],
      ['objective squared', () => page.selectOption('#objective', 'squared'), ['estimators', 'training']],
      ['objective target typed', () => page.fill('#objective-values', '0, 0, 1'), ['estimators', 'training']],
    ];
    for (const [label, action, expected] of ways) {
      const changed = await changedBy(page, log, action);
      assert.deepEqual(changed, expected, `${label}: the views that changed`);
    }
  });
});

test('the exact gradient readout follows the objective', { timeout: TIMEOUT }, async () => {
  await atN('2000', async ({ page, log }) => {
    // ∇θF = Σ_i π_i f(e_i)(e_i − π), so ∇F_j = π_j (f(e_j) − Σ_i π_i f(e_i)), with f(e_i) = c_i
    // for the linear payoff and f(e_i) = ‖e_i − t‖² = Σ t² + 1 − 2 t_i for the squared distance.
    const check = async (vertexValues, label) => {
      const pi = (await page.$$eval('#pi-sliders output', (els) => els.map((e) => Number(e.textContent))));
      const shown = numbers(await page.textContent('#exact-out'));
      const mean = pi.reduce((a, p, i) => a + p * vertexValues[i], 0);
      pi.forEach((p, j) => {
        const want = p * (vertexValues[j] - mean);
        assert.ok(Math.abs(shown[j] - want) <= 2e-3 * Math.max(1, Math.abs(want)),
          `${label}: ∇F shown ${shown}, expected component ${j + 1} = ${want}`);
      });
    };
    const squared = (t) => t.map((ti) => t.reduce((a, x) => a + x * x, 0) + 1 - 2 * ti);
    await check(squared([0.45, 0.275, 0.275]), 'the default target');
    await page.selectOption('#objective', 'linear');
    await settle(page, { log });
    await check([0, 0.5, 1], 'the default payoff');
    await typeInto(page, '#objective-values', '3, -1, 2', { log });
    await check([3, -1, 2], 'c = 3, -1, 2');
  });
});

test('view 5 at the default state: the squared objective, exact curves drawn, readouts and table right', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    await settle(page, { log });
    assert.equal(await page.$eval('#objective', (e) => e.value), 'squared');
    assert.equal(await page.$eval('#objective-values', (e) => e.value), '0.45, 0.275, 0.275');
    assert.equal(await page.textContent('#objective-values-label'), 'target t, comma-separated');
    const stats = (await allCanvasStats(page)).estimators;
    assert.ok(stats.inked > 0.02, `#view-estimators is nearly blank (${stats.inked})`);
    assert.equal(await page.$eval('#view-estimators', (e) => e.dataset.error ?? ''), '');
    // Once the page is ready the exact curves are complete: no progress note, no linear note.
    assert.equal((await page.textContent('#estimators-note')).trim(), '');
    // The figure's numbers, read through a second explorer in the page at the same (default)
    // state: one row per estimator and τ, all exact at k = 3, the score functions' bias 0.
    const rows = await page.evaluate(async () => {
      const wasm = await import('./www/pkg/gumbel_explorer.js');
      const ex = new wasm.Explorer();
      ex.table_estimators();
      while (ex.refining()) ex.refine();
      const csv = ex.table_estimators();
      ex.free();
      return csv.trim().split('\n').map((line) => line.split(','));
    });
    assert.deepEqual(rows[0], ['estimator', 'tau', 'bias', 'bias_se', 'variance', 'variance_se', 'exact']);
    assert.equal(rows.length, 1 + 6 * 40);
    assert.deepEqual([...new Set(rows.slice(1).map((r) => r[0]))], ['SF', 'SF+baseline', 'SF+b*', 'ST', 'GS', 'ST-GS']);
    for (const r of rows.slice(1)) {
      assert.equal(r[6], 'yes', `${r}`);
      if (r[0].startsWith('SF')) assert.equal(r[2], '0', `${r}`);
    }
    // GS and ST-GS differ under the squared objective; ST is biased.
    const at = (name, tau) => rows.find((r) => r[0] === name && Number(r[1]) === tau);
    assert.notEqual(at('GS', 0.01)[2], at('ST-GS', 0.01)[2]);
    assert.ok(Number(at('ST', 0.01)[2]) > 0.01);
    // The linear payoff: the note beside the figure says ST is exact and ST-GS = GS.
    await page.selectOption('#objective', 'linear');
    await settle(page, { log });
    assert.match(await page.textContent('#estimators-note'), /ST is exact \(bias 0, variance 0\) and ST-GS = GS/);
    assert.ok((await allCanvasStats(page)).estimators.inked > 0.02);
  });
});
