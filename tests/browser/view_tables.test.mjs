// The numbers behind every figure: each view has its data table in the DOM (closed or open),
// the tables hold the numbers the readouts print, they follow the state, the CSV download
// holds the table, the estimator table has exactly its named columns and estimators, and the
// page's mathematical sentences about readouts hold (E[y] = π for a uniform π; not otherwise).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { numbers, readNumber, screenshot, setRange, settle, text, typeInto, viewNames, withPage } from './helpers.mjs';

const TIMEOUT = 90_000;

/** The table #data-<view> as { headers, rows } of strings, read from the DOM. */
async function domTable(page, view) {
  return page.$eval(`table#data-${view}`, (table) => ({
    headers: Array.from(table.tHead.rows[0]?.cells ?? [], (c) => c.textContent),
    rows: Array.from(table.tBodies[0].rows, (r) => Array.from(r.cells, (c) => c.textContent)),
  }));
}

/** Column `name` of a table read by domTable, as numbers. */
function col(table, name) {
  const i = table.headers.indexOf(name);
  assert.ok(i >= 0, `no column ${name} in ${table.headers.join(',')}`);
  return table.rows.map((r) => (r[i] === '' ? NaN : Number(r[i])));
}

/** Half a unit in the last place of a number printed with `digits` significant digits. */
function halfUlp(x, digits) {
  return x === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(x))) - (digits - 1));
}

test('every view has its data table in the DOM, closed, filled and linked to its canvas', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page }) => {
    const views = await viewNames(page);
    for (const view of views) {
      const info = await page.evaluate((v) => {
        const table = document.getElementById('data-' + v);
        const details = table?.closest('details');
        const canvas = document.getElementById('view-' + v);
        return table && {
          open: details.open,
          sameFigure: details.closest('figure') === canvas.closest('figure'),
          linked: canvas.getAttribute('aria-details') === details.id,
          caption: table.caption?.textContent ?? '',
          rows: table.tBodies[0].rows.length,
          columns: table.tHead.rows[0]?.cells.length ?? 0,
          button: !!details.querySelector('button.csv'),
        };
      }, view);
      assert.ok(info, `no table#data-${view}`);
      assert.equal(info.open, false, `${view}: the data toggle starts closed`);
      assert.ok(info.sameFigure && info.linked, `${view}: the table is not under its figure or not linked`);
      assert.ok(info.caption.length > 10, `${view}: the table has no caption`);
      assert.ok(info.rows > 0 && info.columns > 1, `${view}: the table is empty (${info.rows} × ${info.columns})`);
      assert.ok(info.button, `${view}: no CSV button`);
    }
    // Every number cell is plain decimal or 1.2e-5 notation.
    const bad = await page.$$eval('table[id^="data-"] td.num', (cells) =>
      cells.map((c) => c.textContent).filter((t) => !/^-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?$/.test(t)));
    assert.deepEqual(bad, [], 'cells in another notation');
    // The toggle works from the keyboard.
    await page.focus('#data-box-gumbel-max > summary');
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval('#data-box-gumbel-max', (d) => d.open), true, 'Enter does not open the toggle');
    await page.keyboard.press('Space');
    assert.equal(await page.$eval('#data-box-gumbel-max', (d) => d.open), false, 'Space does not close the toggle');
  });
});

test('the tables hold the numbers the readouts print, and follow the state', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    const check = async (label) => {
      // View 1: the counts add up to N, and χ² recomputed from them is the readout's.
      const g = await domTable(page, 'gumbel-max');
      const counts = col(g, 'count');
      const pi = col(g, 'pi');
      const n = counts.reduce((a, b) => a + b, 0);
      assert.equal(n, Number(await page.inputValue('#samples-text')), `${label}: counts do not add up to N`);
      const chi2 = counts.reduce((s, c, i) => s + (c - n * pi[i]) ** 2 / (n * pi[i]), 0);
      const m = /^χ² = ([0-9.]+) on (\d+) d\.f\.$/.exec(await text(page, '#chi2-stat'));
      assert.ok(m, `${label}: chi-square readout`);
      assert.ok(Math.abs(chi2 - Number(m[1])) <= 0.006, `${label}: χ² from the table ${chi2}, readout ${m[1]}`);
      assert.equal(Number(m[2]), counts.length - 1);
      col(g, 'frequency').forEach((f, i) => assert.ok(Math.abs(f - counts[i] / n) <= 1e-6, `${label}: frequency ${i}`));
      // View 2: E[y] as the readout prints it (three significant digits).
      const e = await domTable(page, 'expectation');
      const readout = numbers(await text(page, '#mean-out'));
      col(e, 'mean_y').forEach((v, i) => assert.ok(Math.abs(v - readout[i]) <= halfUlp(v, 3) * 1.001 + 1e-9,
        `${label}: E[y${i + 1}] table ${v}, readout ${readout[i]}`));
      const tau = Number(await page.inputValue('#tau-text'));
      col(e, 'tau').forEach((t) => assert.ok(Math.abs(t - tau) <= 1e-5 * tau, `${label}: τ ${t} vs ${tau}`));
      // View 4: the soft sample of the one draw.
      const st = await domTable(page, 'straight-through');
      const soft = /^soft y = \((.*)\), forward z = e/.exec(await text(page, '#st-out'));
      assert.ok(soft, `${label}: straight-through readout`);
      const printed = numbers(soft[1]);
      col(st, 'soft_y').forEach((v, i) => assert.ok(Math.abs(v - printed[i]) <= halfUlp(v, 3) * 1.001 + 1e-9,
        `${label}: soft y${i + 1}`));
      // Views 6 and 7: the current rows are the readouts.
      const a = await domTable(page, 'annealing');
      const current = a.rows.find((r) => r[2] === 'current');
      const annealed = readNumber(await text(page, '#annealed-tau'));
      assert.ok(Math.abs(Number(current[1]) - annealed) <= halfUlp(annealed, 4) * 1.001, `${label}: annealed τ`);
      assert.equal(current[0], await text(page, '#step-out'));
      const c = await domTable(page, 'cost');
      const now = c.rows.find((r) => r[2] === 'current');
      const speedup = readNumber(await text(page, '#speedup-out'));
      assert.ok(Math.abs(Number(now[1]) - speedup) <= halfUlp(speedup, 3) * 1.001, `${label}: speed-up`);
    };
    await check('defaults');
    const estimatorsBefore = await domTable(page, 'estimators');
    await typeInto(page, '#tau-text', '2.5', { log });
    await typeInto(page, '#samples-text', '5000', { log });
    await setRange(page, '#step', 3000);
    await setRange(page, '#cost-k', 40);
    await settle(page, { log });
    await check('after τ, N, step and cost changes');
    // The estimator table does not depend on τ; it follows π.
    assert.deepEqual(await domTable(page, 'estimators'), estimatorsBefore);
    await page.click('button[data-preset="uniform"]');
    await settle(page, { log });
    assert.notDeepEqual(await domTable(page, 'estimators'), estimatorsBefore, 'the estimator table did not follow π');
    await check('uniform π');
    // The density table follows k.
    await setRange(page, '#k', 2);
    await settle(page, { log });
    assert.deepEqual((await domTable(page, 'density')).headers, ['tau', 'y1_from', 'y1_to', 'sampled_density', 'exact_density']);
    assert.match(await text(page, '#data-note-density'), /^Per bin of y₁/);
    await setRange(page, '#k', 5);
    await settle(page, { log });
    assert.equal((await domTable(page, 'density')).rows.length, 5);
    assert.match(await text(page, '#data-note-density'), /polygon/);
    await check('k = 5');
  });
});

test('the estimator table has exactly the named columns and one row per estimator and τ', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page }) => {
    const t = await domTable(page, 'estimators');
    assert.deepEqual(t.headers, ['estimator', 'tau', 'bias', 'bias_se', 'variance', 'variance_se', 'exact']);
    const names = ['SF', 'SF+baseline', 'SF+b*', 'ST', 'GS', 'ST-GS'];
    assert.deepEqual([...new Set(t.rows.map((r) => r[0]))].sort(), [...names].sort());
    const taus = [...new Set(t.rows.map((r) => r[1]))];
    assert.equal(t.rows.length, names.length * taus.length);
    for (const r of t.rows) {
      assert.ok(['yes', 'no'].includes(r[6]), `exact = ${r[6]}`);
      for (const v of r.slice(1, 6)) assert.ok(Number.isFinite(Number(v)) && v !== '', `value ${v}`);
    }
  });
});

test('each CSV button downloads its table', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page }) => {
    for (const view of await viewNames(page)) {
      await page.click(`#data-box-${view} > summary`);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.click(`#data-box-${view} button.csv`),
      ]);
      assert.equal(download.suggestedFilename(), `gumbel-softmax-${view}.csv`);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.trimEnd().split('\n').map((l) => l.split(','));
      const t = await domTable(page, view);
      // No field of these tables needs quoting, so a split reads them.
      assert.deepEqual(lines[0], t.headers, `${view}: CSV header`);
      assert.deepEqual(lines.slice(1), t.rows, `${view}: CSV rows differ from the table`);
      if (view === 'gumbel-max' || view === 'estimators') {
        await page.$eval(`#view-${view}`, (c) => c.closest('figure').scrollIntoView());
        await screenshot(page, `data-table-${view}`, { fullPage: false });
      }
      await page.click(`#data-box-${view} > summary`);
    }
  });
});

test('E[y] = π for a uniform π at every τ (within 4 SE), and not for π = (.1, .2, .3, .4) at τ = 1', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    await page.click('button[data-preset="uniform"]');
    await typeInto(page, '#samples-text', '100000', { log });
    for (const tau of ['0.1', '1', '10']) {
      await typeInto(page, '#tau-text', tau, { log });
      const e = await domTable(page, 'expectation');
      const mean = col(e, 'mean_y');
      const se = col(e, 'mean_y_se');
      col(e, 'pi').forEach((p, i) => assert.ok(Math.abs(mean[i] - p) < 4 * se[i],
        `τ = ${tau}: E[y${i + 1}] = ${mean[i]} ± ${se[i]} vs π = ${p}`));
    }
    await page.click('button[data-preset="figure1"]');
    await settle(page, { log });
    const e = await domTable(page, 'expectation');
    const mean = col(e, 'mean_y');
    const se = col(e, 'mean_y_se');
    const gaps = col(e, 'pi').map((p, i) => Math.abs(mean[i] - p) / se[i]);
    assert.ok(Math.max(...gaps) > 4, `E[y] is within 4 SE of π at τ = 1: ${gaps}`);
  });
});

test('the τ hint and the slider mark name the log-convexity threshold 1/(k − 1)', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    for (const k of [2, 3, 4, 5, 10]) {
      await setRange(page, '#k', k);
      await settle(page, { log });
      const printed = readNumber((await text(page, '#tau-convex')).replace(/^=\s*/, ''));
      const want = 1 / (k - 1);
      assert.ok(Math.abs(printed - want) <= halfUlp(want, 3) * 1.001, `k = ${k}: the hint prints ${printed}`);
      const mark = Number(await page.$eval('#tau-mark-convex', (o) => o.value));
      assert.ok(Math.abs(mark - Math.log10(want)) < 1e-12, `k = ${k}: the slider mark is at 10^${mark}`);
    }
  });
});
