// The numbers the views print are right: the chi-square readout of view 1, E[y] of view 2
// against MATH.md's Figure 1 values, the annealed τ of view 6, the speed-up of view 7, and
// the density view's caption for k = 2, 3 and 5.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canvasStats, numbers, readNumber, setRange, settle, text, typeInto, withPage } from './helpers.mjs';

const TIMEOUT = 60_000;

/** Half a unit in the last place of a number printed with `digits` significant digits. */
function halfUlp(x, digits) {
  if (x === 0) return 0;
  return 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(x))) - (digits - 1));
}

/** Parses "χ² = 1.81 on 2 d.f." into { stat, df }. */
function parseChi2(textValue) {
  const m = /^χ² = ([0-9.]+) on (\d+) d\.f\.$/.exec(textValue);
  assert.ok(m, `#chi2-stat reads "${textValue}", not "χ² = <x> on <n> d.f."`);
  return { stat: Number(m[1]), df: Number(m[2]) };
}

/** Reads the chi-square readouts; asserts the 2-d.f. identity p = exp(−χ²/2) within display rounding. */
async function checkChi2TwoDf(page, label) {
  const { stat, df } = parseChi2(await text(page, '#chi2-stat'));
  const pText = await text(page, '#chi2-p');
  const p = readNumber(pText);
  assert.equal(df, 2, `${label}: k = 3 must give 2 d.f.`);
  assert.ok(Number.isFinite(p) && p >= 0 && p <= 1, `${label}: #chi2-p reads "${pText}"`);
  // The statistic is printed with 2 decimals, p with 3 significant digits.
  const lo = Math.exp(-(stat + 0.005) / 2);
  const hi = Math.exp(-Math.max(0, stat - 0.005) / 2);
  const slack = halfUlp(p, 3) * 1.001 + 1e-12;
  assert.ok(p >= lo - slack && p <= hi + slack,
    `${label}: p = ${p} but exp(−χ²/2) with χ² = ${stat} is in [${lo}, ${hi}]`);
  return { stat, p };
}

test('view 1: the chi-square p-value at k = 3 is exp(−χ²/2), τ does not move it, and a uniform π passes', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    await checkChi2TwoDf(page, 'defaults');

    // Several seeds at N = 2000: different statistics, the same identity each time.
    await typeInto(page, '#samples-text', '2000', { log });
    const seen = new Set();
    for (const seed of [2, 3, 5, 8, 13, 21]) {
      await typeInto(page, '#seed', String(seed), { log });
      const { stat } = await checkChi2TwoDf(page, `seed ${seed}, N = 2000`);
      seen.add(stat);
    }
    assert.ok(seen.size >= 4, `six seeds gave only ${seen.size} different χ² values: the readout does not follow the seed`);

    // The Gumbel-Max counts do not depend on τ, so neither does the test.
    const before = [await text(page, '#chi2-stat'), await text(page, '#chi2-p')];
    for (const tau of ['0.1', '10']) {
      await page.click(`button[data-tau="${tau}"]`);
      await settle(page, { log });
      assert.deepEqual([await text(page, '#chi2-stat'), await text(page, '#chi2-p')], before,
        `the chi-square readout changed when τ became ${tau}`);
    }

    // Uniform π and N = 100000 (fixed seed): χ² < 13.8 (p > 0.001) means every frequency is
    // within about 0.007 of 1/3, since χ² = N Σ (f_i − 1/3)² / (1/3).
    await page.click('button[data-preset="uniform"]');
    await typeInto(page, '#seed', '7', { log });
    await typeInto(page, '#samples-text', '100000', { log });
    const probs = await page.$$eval('#pi-sliders output', (els) => els.map((e) => e.textContent));
    assert.deepEqual(probs, ['0.333', '0.333', '0.333'], 'the uniform preset did not set π = 1/3');
    const { stat, p } = await checkChi2TwoDf(page, 'uniform π, N = 100000');
    assert.ok(stat < 13.8 && p > 0.001, `uniform π with N = 100000 fails the test: χ² = ${stat}, p = ${p}`);

    // The peaked preset is still an exact sampler: it must pass too.
    await page.click('button[data-preset="peaked"]');
    await settle(page, { log });
    const peaked = await checkChi2TwoDf(page, 'peaked π, N = 100000');
    assert.ok(peaked.p > 0.001, `peaked π fails the chi-square test: p = ${peaked.p}`);
  });
});

test('view 1: the chi-square readout has k − 1 degrees of freedom', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    await typeInto(page, '#samples-text', '2000', { log });
    for (const k of [2, 5, 10]) {
      await setRange(page, '#k', k);
      await settle(page, { log });
      const { df, stat } = parseChi2(await text(page, '#chi2-stat'));
      assert.equal(df, k - 1, `k = ${k}`);
      assert.ok(Number.isFinite(stat) && stat >= 0, `k = ${k}: χ² = ${stat}`);
      const p = readNumber(await text(page, '#chi2-p'));
      assert.ok(p >= 0 && p <= 1, `k = ${k}: p = ${p}`);
    }
  });
});

test('view 7: the speed-up readout is (D + k(I+G)) / (D + I + G)', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    assert.equal(await text(page, '#speedup-out'), '7', 'defaults D = I = G = 1, k = 10 give 7');
    const settings = [
      [0, 1, 2, 10],
      [2, 1, 1, 10],
      [10, 0.1, 0, 1000],
      [0.1, 10, 10, 1000],
      [5, 3, 0, 2],
      [3.3, 0.7, 4.1, 57],
      [1, 0, 0.1, 100],
    ];
    for (const wanted of settings) {
      const got = [];
      for (const [i, id] of ['#cost-d', '#cost-i', '#cost-g', '#cost-k'].entries()) {
        got.push(Number(await setRange(page, id, wanted[i])));
      }
      assert.deepEqual(got, wanted, 'the sliders did not take the values');
      await settle(page, { log });
      const [d, i, g, k] = got;
      const exact = (d + k * (i + g)) / (d + i + g);
      const shown = readNumber(await text(page, '#speedup-out'));
      assert.ok(Math.abs(shown - exact) <= halfUlp(exact, 3) * 1.001,
        `D=${d} I=${i} G=${g} k=${k}: shown ${shown}×, formula gives ${exact}`);
      for (const [j, id] of ['cost-d', 'cost-i', 'cost-g', 'cost-k'].entries()) {
        assert.equal(Number(await text(page, `#${id}-out`)), got[j], `#${id}-out`);
      }
      assert.equal(await text(page, '#err-cost'), '', `D=${d} I=${i} G=${g} k=${k} is valid`);
    }
  });
});

test('view 2: E[y] matches MATH.md Figure 1 values at τ = 0.1, 0.5, 1 and 10 (N = 100000)', { timeout: TIMEOUT }, async () => {
  // MATH.md section 3: Monte Carlo with 1.6e7 draws. With N = 1e5 the standard error is about
  // 0.0015, so 0.01 is a wide margin for a correct sampler and a tight one for a wrong τ.
  const expected = {
    0.1: [0.1003, 0.2002, 0.3001, 0.3994],
    0.5: [0.1102, 0.2076, 0.2981, 0.3840],
    1: [0.1331, 0.2195, 0.2916, 0.3558],
    10: [0.2307, 0.2472, 0.2573, 0.2648],
  };
  await withPage('', async ({ page, log }) => {
    await page.click('button[data-preset="figure1"]');
    await settle(page, { log });
    assert.equal(await text(page, '#k-out'), '4', 'the figure1 preset sets k = 4');
    assert.equal(await page.inputValue('#tau-text'), '1', 'the figure1 preset sets τ = 1');
    await typeInto(page, '#samples-text', '100000', { log });
    for (const tau of ['1', '10', '0.5', '0.1']) {
      if (tau !== '1') {
        await page.click(`button[data-tau="${tau}"]`);
        await settle(page, { log });
      }
      assert.equal(await page.inputValue('#tau-text'), tau);
      const shown = numbers(await text(page, '#mean-out'));
      const want = expected[tau];
      assert.equal(shown.length, 4, `#mean-out at τ = ${tau}: ${shown}`);
      shown.forEach((v, i) => {
        assert.ok(Math.abs(v - want[i]) <= 0.01, `τ = ${tau}: E[y${i + 1}] shown ${v}, expected ${want[i]} ± 0.01 (all: ${shown})`);
      });
      const sum = shown.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) <= 0.003, `τ = ${tau}: E[y] sums to ${sum}`);
    }
  });
});

test('view 6: the annealed τ is max(τmin, τ0·exp(−r·⌊t/N⌋·N)) at the step set', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    const check = async (label, [tau0, rate, tauMin, every], steps) => {
      for (const want of steps) {
        const t = Number(await setRange(page, '#step', want));
        await settle(page, { log });
        assert.equal(await text(page, '#step-out'), String(t), `${label}: #step-out`);
        assert.equal(await text(page, '#step-out2'), String(t), `${label}: #step-out2`);
        const exact = Math.max(tauMin, tau0 * Math.exp(-rate * Math.floor(t / every) * every));
        const shown = readNumber(await text(page, '#annealed-tau'));
        assert.ok(Math.abs(shown - exact) <= halfUlp(exact, 4) * 1.001,
          `${label}, t = ${t}: shown τ = ${shown}, formula gives ${exact}`);
      }
    };
    // The default schedule is the paper's VAE setting.
    assert.deepEqual(
      (await Promise.all(['#sched-tau0', '#sched-rate', '#sched-min', '#sched-every'].map((s) => page.inputValue(s)))).map(Number),
      [1, 1e-4, 0.5, 1000],
    );
    assert.equal(await text(page, '#annealed-tau'), '1', 'τ at step 0 is τ0 = 1');
    await check('paper VAE', [1, 1e-4, 0.5, 1000], [0, 990, 1000, 1990, 2500, 5000, 6930, 10000]);

    // A typed schedule with a short update interval.
    await typeInto(page, '#sched-tau0', '2', { log });
    await typeInto(page, '#sched-rate', '0.001', { log });
    await typeInto(page, '#sched-min', '0.1', { log });
    await typeInto(page, '#sched-every', '7', { log });
    assert.equal(await text(page, '#err-schedule'), '');
    await check('typed', [2, 0.001, 0.1, 7], [0, 6, 7, 100, 693, 1500, 2996, 4000]);

    // A floor above τ0·exp(−r t) for every t shown: τ is the floor.
    await typeInto(page, '#sched-min', '1.5', { log });
    await check('floored', [2, 0.001, 1.5, 7], [0, 300, 1000]);
  });
});

test('view 3: k = 2 shows the binary density, k = 3 the triangle, k = 5 a projection', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    await typeInto(page, '#samples-text', '2000', { log });
    const triangle = await canvasStats(page, '#view-density');
    assert.match(await text(page, '#density-caption'), /triangle/);
    assert.equal(await text(page, '#density-note'), '');

    await page.click('button[data-preset="k2"]');
    await settle(page, { log });
    assert.equal(await text(page, '#k-out'), '2');
    assert.match(await text(page, '#density-caption'), /^Density of y₁ \(curve\)/);
    const binary = await canvasStats(page, '#view-density');
    assert.ok(binary.nonBackground > 0.02 * binary.width * binary.height, `the k = 2 density is nearly blank: ${JSON.stringify(binary)}`);
    assert.notEqual(binary.hash, triangle.hash, 'the k = 2 density looks like the k = 3 one');

    await setRange(page, '#k', 5);
    await settle(page, { log });
    assert.match(await text(page, '#density-caption'), /projected into a 5-gon/);
    assert.match(await text(page, '#density-note'), /projected/);
    const projected = await canvasStats(page, '#view-density');
    assert.ok(projected.nonBackground > 0.02 * projected.width * projected.height, `the k = 5 density is nearly blank: ${JSON.stringify(projected)}`);
    assert.notEqual(projected.hash, binary.hash);

    for (const name of await page.$$eval('canvas[data-error]', (els) => els.map((e) => `${e.id}: ${e.dataset.error}`))) {
      assert.fail(`a view failed to draw: ${name}`);
    }
  });
});
