// Work too long for one task, done in slices: each job registers a step that does one bounded
// piece of work and says whether more remains. A slice calls the steps in turn until its budget
// is spent, then gives the browser back (input, frames) before the next one, so no task grows
// long however much work is waiting.

/** Milliseconds of work a slice starts steps within; one step may overrun it a little. */
export const SLICE_BUDGET_MS = 10;

const jobs = new Map();
let timer = 0;
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

/** Whether job `name` has work left. */
export function hasSliceWork(name) {
  return jobs.has(name);
}

function wake() {
  if (!timer && jobs.size) timer = setTimeout(runSlice, 0);
}

function runSlice() {
  timer = 0;
  const start = performance.now();
  let spent = 0;
  let steps = 0;
  let lastStartMs = 0;
  while (jobs.size && spent < SLICE_BUDGET_MS) {
    for (const [name, step] of [...jobs]) {
      let more = false;
      lastStartMs = spent;
      steps++;
      try {
        more = step();
      } catch (e) {
        console.error(`slice work "${name}" failed:`, e);
      }
      if (!more && jobs.get(name) === step) jobs.delete(name);
      spent = performance.now() - start;
      if (spent >= SLICE_BUDGET_MS) break;
    }
  }
  durations.push({ ms: spent, steps, lastStartMs });
  if (durations.length > 200) durations.splice(0, durations.length - 200);
  wake();
}
