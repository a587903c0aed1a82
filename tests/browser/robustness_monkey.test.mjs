// A seeded monkey: 2,400 random actions on every control (sliders, good and bad typed text,
// presets, τ buttons, play/pause, the objective select, k), in batches run inside the page.
// After every batch: no console error, no view failed to draw, no #fatal, the controls agree
// with each other. At the end the page still responds and its link restores the same state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allCanvasStats,
  assertClean,
  canvasHash,
  reopen,
  settle,
  waitCanvasChange,
  withPage,
} from './helpers.mjs';

const TIMEOUT = 240_000; // a guard against a stuck browser, not a speed target
const SEED = 20170214; // fixed: the same actions on every run
const BATCHES = 96;
const PER_BATCH = 25; // 2,400 actions

/**
 * Runs `count` random actions in the page. The generator's state lives in the page
 * (window.__monkey), so batches continue one sequence. Returns the actions, for messages.
 * Deterministic: the new-seed button (crypto randomness) is left out, and annealing never
 * plays across a batch boundary: each play lasts exactly one animation frame (one tick).
 */
async function runBatch(page, count) {
  return page.evaluate(async ({ seed, count }) => {
    // mulberry32: a small seeded PRNG.
    if (!window.__monkey) window.__monkey = { state: seed >>> 0 };
    const m = window.__monkey;
    const rand = () => {
      m.state = (m.state + 0x6d2b79f5) >>> 0;
      let t = m.state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (list) => list[Math.floor(rand() * list.length)];
    const uniform = (lo, hi) => lo + (hi - lo) * rand();
    const int = (lo, hi) => Math.floor(uniform(lo, hi + 1));
    const $ = (s) => document.querySelector(s);
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const k = () => Number($('#k').value);
    const list = (n, lo, hi) => Array.from({ length: n }, () => uniform(lo, hi).toPrecision(3)).join(', ');

    const BAD = ['', ' ', 'abc', '-1', '0', '1e400', '-1e400', 'NaN', 'Infinity', '1..2', '1,,', ',',
      '<img src=x onerror=alert(1)>', '٣', '9'.repeat(40), '1e-400', '0x', '--1', '1 2 3 4 5 6 7 8 9 10 11'];
    const typed = {
      '#tau-text': () => uniform(0.01, 10).toPrecision(3),
      '#samples-text': () => String(int(100, 5000)),
      '#seed': () => String(int(0, 1e6)),
      '#logits': () => list(int(2, 10), -5, 5),
      '#objective-values': () => list(k(), -2, 2),
      '#sched-tau0': () => uniform(0.05, 5).toPrecision(3),
      '#sched-rate': () => uniform(0, 0.01).toPrecision(3),
      '#sched-min': () => uniform(0.01, 1).toPrecision(3),
      '#sched-every': () => String(int(1, 2000)),
    };
    const slider = (sel, lo, hi) => {
      const el = $(sel);
      el.value = String(uniform(lo ?? Number(el.min), hi ?? Number(el.max)));
      el.dispatchEvent(new Event('input', { bubbles: true }));
      return `${sel} ← ${el.value}`;
    };

    const typeSomething = () => {
      const sel = pick(Object.keys(typed));
      const value = rand() < 0.5 ? typed[sel]() : pick(BAD);
      const el = $(sel);
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      return `${sel} typed ${JSON.stringify(value.slice(0, 40))}`;
    };
    const actions = [
      // Typing is three times as likely as any other action: it has the most ways to go wrong.
      typeSomething, typeSomething, typeSomething,
      () => slider('#k'),
      () => slider(`#pi-${int(0, k() - 1)}`),
      () => slider('#tau'),
      // N up to 5,000 keeps each redraw quick; the slider itself goes to 10^6.
      () => slider('#samples', 2, 3.7),
      () => slider('#step'),
      () => slider(pick(['#cost-d', '#cost-i', '#cost-g', '#cost-k'])),
      () => {
        const b = pick(Array.from(document.querySelectorAll('button[data-preset]')));
        b.click();
        return `preset ${b.dataset.preset}`;
      },
      () => {
        const b = pick(Array.from(document.querySelectorAll('button[data-tau]')));
        b.click();
        return `τ button ${b.dataset.tau}`;
      },
      () => {
        const el = $(pick(['#pi-mode-probs', '#pi-mode-logits']));
        el.click();
        return `radio ${el.id}`;
      },
      () => {
        const el = $('#objective');
        el.value = pick(['linear', 'squared']);
        el.dispatchEvent(new Event('change', { bubbles: true }));
        return `objective ${el.value}`;
      },
      () => {
        $('#play').click();
        return 'play/pause';
      },
      () => {
        document.activeElement?.blur();
        return 'blur';
      },
    ];

    const done = [];
    for (let i = 0; i < count; i++) {
      done.push(pick(actions)());
      // Sometimes let a frame pass mid-batch, so that redraws interleave with actions.
      if (rand() < 0.1) await frame();
      // Annealing plays for exactly one frame, then pauses: the same ticks on every run.
      if ($('#play').getAttribute('aria-pressed') === 'true') {
        await frame();
        if ($('#play').getAttribute('aria-pressed') === 'true') $('#play').click();
      }
    }
    return done;
  }, { seed: SEED, count });
}

/** Problems visible in the page after a batch. */
async function problems(page) {
  return page.evaluate(() => {
    const $ = (s) => document.querySelector(s);
    const found = [];
    for (const c of document.querySelectorAll('canvas[data-error]')) found.push(`${c.id} failed: ${c.dataset.error}`);
    if (!$('#fatal').hidden) found.push(`#fatal: ${$('#fatal').textContent}`);
    const k = Number($('#k').value);
    if ($('#k-out').textContent !== String(k)) found.push(`#k-out ${$('#k-out').textContent} but #k ${k}`);
    const sliders = $('#pi-sliders').children.length;
    if (sliders !== k) found.push(`${sliders} π sliders for k = ${k}`);
    const pi = Array.from(document.querySelectorAll('#pi-sliders output'), (o) => Number(o.textContent));
    const sum = pi.reduce((a, b) => a + b, 0);
    if (!(Math.abs(sum - 1) < 0.01 && pi.every((p) => p >= 0))) found.push(`π = ${pi} does not sum to 1`);
    // A field that shows no error and is not being typed in shows the state: one value per class.
    const objective = $('#objective-values');
    if (!$('#err-objective').textContent && document.activeElement !== objective &&
      objective.value.split(',').length !== k) found.push(`#objective-values "${objective.value}" for k = ${k}`);
    if ($('#mean-out').textContent.split(',').length !== k) found.push(`E[y] = ${$('#mean-out').textContent} for k = ${k}`);
    if ($('#play').getAttribute('aria-pressed') !== 'false') found.push('annealing still playing');
    return found;
  });
}


test('2,400 seeded random actions leave the page working and consistent', { timeout: TIMEOUT }, async () => {
  const dialogs = [];
  const setup = ({ page }) => page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await withPage('#n=2000', async (opened) => {
    const { page, log } = opened;
    let total = 0;
    for (let b = 0; b < BATCHES; b++) {
      const actions = await runBatch(page, PER_BATCH);
      total += actions.length;
      await settle(page, { log });
      const found = await problems(page);
      const where = `after batch ${b} (actions ${total - actions.length}–${total - 1}):\n  ${actions.join('\n  ')}`;
      assert.deepEqual(found, [], `problems ${where}`);
      assertClean(log, `the page ${where}\n`);
      assert.deepEqual(dialogs, [], `a dialog opened ${where}`);
    }
    assert.ok(total >= 2000, `only ${total} actions`);

    // Still responsive: a new τ redraws a view and the page gets ready again.
    await page.click('#copy-link');
    const oldTau = Number(await page.inputValue('#tau-text'));
    const hash = await canvasHash(page, '#view-components');
    await page.fill('#tau-text', oldTau > 1 ? '0.2' : '3');
    await waitCanvasChange(page, '#view-components', hash);
    await settle(page, { log }); // throws unless the page reached data-state="ready"

    // The link of the state the monkey left restores it exactly, without a notice.
    await page.click('#copy-link');
    const link = await page.evaluate(() => location.hash);
    const readouts = async () => page.evaluate(() => ['#k-out', '#tau-text', '#mean-out', '#chi2-stat', '#exact-out',
      '#annealed-tau', '#speedup-out'].map((s) => document.querySelector(s).value ?? document.querySelector(s).textContent));
    const want = await readouts();
    const pixels = await allCanvasStats(page);
    await reopen(opened, link);
    assert.equal(await page.isHidden('#notice'), true, `the link ${link} was refused: ${await page.textContent('#notice')}`);
    assert.deepEqual(await readouts(), want, `the link ${link} did not restore the readouts`);
    const again = await allCanvasStats(page);
    for (const view of Object.keys(pixels)) assert.equal(again[view].hash, pixels[view].hash, `#view-${view} after reload`);
  }, { viewport: { width: 1000, height: 800 }, setup });
});
