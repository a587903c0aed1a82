// View 6's play button: τ walks down the annealing schedule, every τ-dependent view follows,
// pause stops it where it is, and playing to the end leaves τ at the schedule's floor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allCanvasStats, text, typeInto, waitReady, withPage } from './helpers.mjs';

const TIMEOUT = 60_000;

/** τ(t) = max(τ_min, τ0·exp(−r·⌊t/N⌋·N)), as MATH.md section 6 defines it. */
function schedule(t, { tau0, rate, tauMin, every }) {
  return Math.max(tauMin, tau0 * Math.exp(-rate * Math.floor(t / every) * every));
}

test('play anneals τ along the schedule, the views follow, pause stops it', { timeout: TIMEOUT }, async () => {
  await withPage('#n=2000', async ({ page, log }) => {
    // A schedule from τ0 = 2 down to 0.2, updated every 100 steps.
    const sched = { tau0: 2, rate: 1e-3, tauMin: 0.2, every: 100 };
    await typeInto(page, '#sched-tau0', '2', { log });
    await typeInto(page, '#sched-rate', '0.001', { log });
    await typeInto(page, '#sched-min', '0.2', { log });
    await typeInto(page, '#sched-every', '100', { log });
    const before = await allCanvasStats(page);

    await page.click('#play');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
    await page.waitForFunction(() => Number(document.querySelector('#step-out').textContent) > 300, null, { timeout: 10_000 });
    await page.click('#play');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
    await waitReady(page, { log });

    const step = Number(await text(page, '#step-out'));
    const tau = Number(await page.inputValue('#tau-text'));
    const expected = schedule(step, sched);
    assert.ok(Math.abs(tau - expected) <= 1e-3 * expected, `τ ${tau} at step ${step}, schedule says ${expected}`);
    assert.ok(tau < 2, `τ did not move: ${tau}`);
    const after = await allCanvasStats(page);
    for (const view of ['components', 'expectation', 'strip', 'density', 'straight-through', 'estimators', 'annealing']) {
      assert.notEqual(after[view].hash, before[view].hash, `${view} did not follow the annealing`);
      assert.ok(after[view].nonBackground > 0, `${view} is blank`);
    }
    // Paused: nothing moves any more.
    await page.waitForTimeout(300);
    assert.equal(Number(await text(page, '#step-out')), step);

    // Played to the end, τ rests at the floor and the button is released.
    await page.click('#play');
    await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'false', null, { timeout: 30_000 });
    await waitReady(page, { log });
    assert.equal(Number(await page.inputValue('#tau-text')), sched.tauMin);
  });
});
