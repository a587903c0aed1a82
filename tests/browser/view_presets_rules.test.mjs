// Presets and rules come from Rust. Every preset button names one of the module's presets and
// does what it always did; an unknown preset changes nothing; the sliders span the ranges the
// module exports, whose ends Rust accepts and whose beyond it refuses; playing the annealing
// keeps τ inside that range; the readouts print numbers as the figures do.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  exported,
  numbers,
  reopen,
  settle,
  text,
  typeInto,
  withPage,
} from './helpers.mjs';

const TIMEOUT = 90_000;

/** The page's link, brought up to date by the "copy link" button. */
async function currentLink(page) {
  await page.click('#copy-link');
  return page.evaluate(() => location.hash);
}

/** What the controls show of the state a preset sets. */
async function shown(page) {
  return page.evaluate(() => {
    const $ = (s) => document.querySelector(s);
    return {
      k: $('#k-out').textContent,
      pi: Array.from(document.querySelectorAll('#pi-sliders output'), (o) => o.textContent),
      tau: $('#tau-text').value,
      objective: $('#objective').value,
      values: $('#objective-values').value,
      errors: ['#err-pi', '#err-tau', '#err-objective'].map((s) => $(s).textContent).join(''),
    };
  });
}

test('every preset button names a preset of the module, and each does what it always did', { timeout: TIMEOUT }, async () => {
  // A link that names no objective opens the linear payoff (links keep their view), so the
  // defaults' link names the squared distance, the objective of a new page.
  await withPage('#n=2000&obj=sq', async (opened) => {
    const { page, log } = opened;
    const buttons = await page.$$eval('button[data-preset]', (els) => els.map((e) => e.dataset.preset));
    assert.deepEqual([...buttons].sort(), [...await exported(page, 'preset_names')].sort(),
      'the preset buttons and the module\'s presets differ');
    const defaults = await currentLink(page);

    // From five classes at τ = 2: the presets that keep k, then those that set it.
    await reopen(opened, '#k=5&p=1,2,3,4,5&tau=2&n=2000');
    const click = async (name) => {
      await page.click(`button[data-preset="${name}"]`);
      await settle(page, { log });
      return shown(page);
    };
    const payoff5 = '0, 0.25, 0.5, 0.75, 1';
    assert.deepEqual(await click('uniform'), {
      k: '5', pi: Array(5).fill('0.200'), tau: '2', objective: 'linear', values: payoff5, errors: '',
    });
    // Weight 0.02 on every class but the last, 1 on the last: 0.02/1.08 and 1/1.08.
    assert.deepEqual(await click('peaked'), {
      k: '5', pi: [...Array(4).fill('0.019'), '0.926'], tau: '2', objective: 'linear', values: payoff5, errors: '',
    });
    assert.deepEqual(await click('figure1'), {
      k: '4', pi: ['0.100', '0.200', '0.300', '0.400'], tau: '1', objective: 'linear', values: '0, 0.3333, 0.6667, 1', errors: '',
    });
    assert.deepEqual(await click('k2'), {
      k: '2', pi: ['0.500', '0.500'], tau: '0.5', objective: 'squared', values: '0.45, 0.55', errors: '',
    });
    assert.deepEqual(await click('k3'), {
      k: '3', pi: ['0.200', '0.300', '0.500'], tau: '0.5', objective: 'squared', values: '0.45, 0.275, 0.275', errors: '',
    });
    // The k = 3 teaching case is the default distribution and objective: the link is the
    // defaults' link.
    assert.equal(await currentLink(page), defaults);
  });
});

test('an unknown preset is refused with its name and changes nothing', { timeout: TIMEOUT }, async () => {
  await withPage('#n=2000', async ({ page }) => {
    const seen = await page.evaluate(async () => {
      const wasm = await import('./www/pkg/gumbel_explorer.js');
      const ex = new wasm.Explorer();
      ex.set_tau(2);
      const before = ex.state();
      let message = '';
      try {
        ex.apply_preset('no-such-preset');
      } catch (e) {
        message = e.message;
      }
      const after = ex.state();
      ex.apply_preset('k2');
      const k2 = ex.state();
      ex.free();
      return { before, after, message, k2 };
    });
    assert.match(seen.message, /no preset called "no-such-preset"/);
    assert.match(seen.message, /uniform/, 'the message lists the known presets');
    assert.equal(seen.after, seen.before, 'the refused preset changed the state');
    assert.notEqual(seen.k2, seen.before, 'a known preset changed nothing');
  });
});

test('the sliders span the ranges Rust exports; their ends are accepted and beyond them refused', { timeout: TIMEOUT }, async () => {
  await withPage('#n=2000', async ({ page, log }) => {
    const rules = JSON.parse(await exported(page, 'limits'));
    const range = (id) => page.$eval(id, (el) => [Number(el.min), Number(el.max)]);
    assert.deepEqual(await range('#k'), rules.k);
    assert.deepEqual(await range('#tau'), rules.tau_slider.map(Math.log10));
    assert.deepEqual(await range('#samples'), rules.samples.map(Math.log10));
    assert.equal((await range('#cost-k'))[1], rules.cost_k_max);

    /** Types each value into `field` and asserts whether `error` stays empty. */
    const check = async (field, error, accepted, refused) => {
      for (const value of accepted) {
        await typeInto(page, field, value, { log });
        assert.equal(await text(page, error), '', `${field} = ${value} was refused`);
      }
      for (const value of refused) {
        await typeInto(page, field, value, { log });
        assert.notEqual(await text(page, error), '', `${field} = ${value} was accepted`);
      }
    };
    const [tauMin, tauMax] = rules.tau;
    await check('#tau-text', '#err-tau', [String(tauMin), String(tauMax)], [String(tauMin * 0.99), String(tauMax * 1.01)]);
    await check('#tau-text', '#err-tau', ['0.5'], []);
    const [nMin, nMax] = rules.samples;
    await check('#samples-text', '#err-samples', [String(nMin), String(nMax)], [String(nMin - 1), String(nMax + 1)]);
    await check('#samples-text', '#err-samples', ['2000'], []);
    await check('#seed', '#err-seed', [String(rules.seed_max)], [String(rules.seed_max + 1)]);
    await check('#seed', '#err-seed', ['1'], []);
    const [, everyMax] = rules.schedule_every;
    await check('#sched-every', '#err-schedule', [String(everyMax)], [String(everyMax + 1)]);
    await check('#sched-every', '#err-schedule', ['1000'], []);
    const big = rules.objective_abs_max;
    await check('#objective-values', '#err-objective', [`${big}, ${-big}, 0`], [`${big * 1.001}, 0, 0`, `0, ${-big * 1.001}, 0`]);
    await check('#objective-values', '#err-objective', ['0, 0.5, 1'], []);

    await page.check('#pi-mode-logits');
    const logits = (n) => Array(n).fill('0').join(', ');
    const [kMin, kMax] = rules.k;
    await check('#logits', '#err-logits', [logits(kMin), logits(kMax)], [logits(kMin - 1), logits(kMax + 1)]);
    assert.equal(await text(page, '#k-out'), String(kMax));
  });
});

test('playing the annealing below the smallest τ Rust accepts rests τ at that smallest τ', { timeout: TIMEOUT }, async () => {
  await withPage('#n=2000', async ({ page, log }) => {
    const [tauMin] = JSON.parse(await exported(page, 'limits')).tau;
    // τ0 = 1 falls by e^(−0.1) per step to a floor ten times below the accepted range.
    await typeInto(page, '#sched-rate', '0.1', { log });
    await typeInto(page, '#sched-min', String(tauMin / 10), { log });
    await typeInto(page, '#sched-every', '1', { log });
    assert.equal(await text(page, '#err-schedule'), '');
    await page.click('#play');
    await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'false', null, { timeout: 30_000 });
    await settle(page, { log });
    assert.equal(await text(page, '#err-schedule'), '', 'the playback reported an error');
    assert.equal(Number(await page.inputValue('#tau-text')), tauMin);
    assert.equal(Number(await page.inputValue('#step')), Number(await page.$eval('#step', (el) => el.max)), 'the play did not reach the end');
  });
});

test('the readouts print numbers as the figures do, tiny ones as m·10ⁿ', { timeout: TIMEOUT }, async () => {
  await withPage('#n=2000', async ({ page, log }) => {
    // ∇F_j = π_j (c_j − π·c) with π = (0.2, 0.3, 0.5) and c = (0, 1e−5, 0).
    await typeInto(page, '#objective-values', '0, 0.00001, 0', { log });
    const readout = await text(page, '#exact-out');
    assert.equal(readout, '−6·10⁻⁷, 2.1·10⁻⁶, −1.5·10⁻⁶');
    const want = [-6e-7, 2.1e-6, -1.5e-6];
    numbers(readout).forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= 1e-12, `∇F shown ${readout}`));
  });
});
