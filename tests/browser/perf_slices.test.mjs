// The slices that carry long work: a job resumes across slices until it says it is done, each
// of its steps runs once and in order, and a slice starts no further step that it expects to
// overrun its budget (it learns each job's step time from the steps it ran).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './helpers.mjs';

test('a job resumes across slices, each step once, in order', async () => {
  await withPage('', async ({ page }) => {
    const { order, total } = await page.evaluate(async () => {
      const { addSliceWork } = await import('./www/slices.js');
      const order = [];
      const total = 500;
      await new Promise((done) => {
        let i = 0;
        addSliceWork('test: counting', () => {
          order.push(i++);
          if (i < total) return true;
          done();
          return false;
        });
      });
      return { order, total };
    });
    assert.equal(order.length, total);
    order.forEach((v, i) => assert.equal(v, i, `step ${i} ran as ${v}`));
  });
});

test('a slice does not start a step it expects to end past its budget', async () => {
  await withPage('', async ({ page }) => {
    const { slices, budget, stepMs } = await page.evaluate(async () => {
      const { addSliceWork, SLICE_BUDGET_MS } = await import('./www/slices.js');
      // Each step works for at least 60 % of the budget: two never fit in one slice.
      const stepMs = 0.6 * SLICE_BUDGET_MS;
      // The record keeps the last 200 slices: emptied, it holds this job's slices only, however
      // many the page ran before.
      window.__explorerSlices.length = 0;
      const mark = 0;
      await new Promise((done) => {
        let left = 6;
        addSliceWork('test: long steps', () => {
          const end = performance.now() + stepMs;
          while (performance.now() < end) { /* the step's work */ }
          if (--left > 0) return true;
          done();
          return false;
        });
      });
      return { slices: window.__explorerSlices.slice(mark), budget: SLICE_BUDGET_MS, stepMs };
    });
    const ran = slices.reduce((a, s) => a + s.steps, 0);
    assert.ok(ran >= 6, `only ${ran} steps ran`);
    // The first step teaches the slice its cost; from then on a slice holds one such step.
    for (const s of slices.slice(1)) {
      assert.ok(s.lastStartMs === 0 || s.lastStartMs + stepMs < budget,
        `a ${stepMs} ms step started ${s.lastStartMs.toFixed(1)} ms into a ${budget} ms slice`);
    }
  });
});
