// Work too long for one task, done in slices: each job registers a step that does one bounded
// piece of work and says whether more remains. A slice calls the steps in turn, back to back,
// while the next one is expected to end inside its budget (each job's recent step time is
// kept), then gives the browser back (input, frames) before the next one, so no task grows
// long however much work is waiting. A slice always runs one step, whatever it is expected to
// cost, so that every job moves on.

import { nextTask } from './start-tasks.js';

/**
 * Milliseconds of work a slice starts steps within; one step may overrun it a little. Five,
 * with steps of two or three: a slice then takes well under 50 ms on a phone four times slower
 * than a laptop, even when the laptop is busy or a step runs long.
 */
export const SLICE_BUDGET_MS = 5;

const jobs = new Map();
// Each job's expected step time (ms): the longest recent step, decaying as steps get shorter.
const expected = new Map();
const DECAY = 0.75;
// Whether the next slice is asked for. Slices follow each other in tasks of their own
// (nextTask: a message, not a timer, which browsers hold back 4 ms each once nested); the
// browser still runs input and frames between two of them.
let asked = false;
// The last slices, for the tests (window.__explorerSlices): { ms, steps, lastStartMs }, where
// lastStartMs is when the slice's last step started, which is always within the budget.
const durations = [];
window.__explorerSlices = durations;

/**
 * Registers `step` under `name` (replacing a job of that name): it is called in slices until
 * it returns false. A step that throws ends its job; the error is reported on the console.
 */
export function addSliceWork(name, step) {
  jobs.set(name, step);
  wake();
}

/** Ends job `name` (if any) before its next step. */
export function cancelSliceWork(name) {
  jobs.delete(name);
}

/**
 * Whether a step of `name` may start `spent` ms into a slice: always as the slice's first
 * step, else only if it is expected to end within the budget.
 */
export function fitsSlice(name, spent) {
  return spent === 0 || spent + (expected.get(name) ?? 0) < SLICE_BUDGET_MS;
}

function learn(name, ms) {
  expected.set(name, Math.max(ms, DECAY * (expected.get(name) ?? 0)));
}

/** Whether job `name` has work left. */
export function hasSliceWork(name) {
  return jobs.has(name);
}

function wake() {
  if (asked || !jobs.size) return;
  asked = true;
  nextTask().then(runSlice);
}

function runSlice() {
  asked = false;
  const start = performance.now();
  let spent = 0;
  let steps = 0;
  let lastStartMs = 0;
  let ran = true;
  while (jobs.size && spent < SLICE_BUDGET_MS && ran) {
    ran = false;
    for (const [name, step] of [...jobs]) {
      if (!fitsSlice(name, spent)) continue;
      let more = false;
      lastStartMs = spent;
      steps++;
      ran = true;
      const t = performance.now();
      try {
        more = step();
      } catch (e) {
        console.error(`slice work "${name}" failed:`, e);
      }
      const end = performance.now();
      learn(name, end - t);
      if (!more && jobs.get(name) === step) jobs.delete(name);
      spent = end - start;
      if (spent >= SLICE_BUDGET_MS) break;
    }
  }
  durations.push({ ms: spent, steps, lastStartMs });
  if (durations.length > 200) durations.splice(0, durations.length - 200);
  wake();
}
