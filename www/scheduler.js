// The redraw scheduler: at most one redraw per animation frame, in which Rust draws each view
// whose inputs changed; what follows a redraw (readouts, the link) is registered with
// `afterRedraw`; a large N is sampled, and training runs, in slices between frames, so the page
// stays responsive.
import { $, root, session, errorText, setError } from './page.js';
import { recordViewTime } from './bench-hooks.js';
import { view_names } from './pkg/gumbel_explorer.js';

let views = [];
let frame = 0;
let refineTimer = 0;
const followers = [];
// Long work registered with addSlicedWork: one slice of at most SLICE_MS between frames.
const SLICE_MS = 8;
const slicedWork = [];
let sliceTimer = 0;

/** The views' names as Rust lists them; call once the module is loaded. */
export function loadViews() {
  views = view_names();
  return views;
}

/** Runs `fn` after every redraw (in the order registered). */
export function afterRedraw(fn) {
  followers.push(fn);
}

export function scheduleRedraw() {
  if (!frame && !session.dead) frame = requestAnimationFrame(redraw);
}

/** Redraws every canvas whose size or inputs changed, then runs what follows a redraw. */
export function redraw() {
  frame = 0;
  if (session.dead) return;
  const { ex } = session;
  const t0 = performance.now();
  let drew = false;
  for (const view of views) {
    const canvas = $('view-' + view);
    const start = performance.now();
    try {
      if (ex.draw(view, canvas)) {
        drew = true;
        recordViewTime(view, performance.now() - start);
      }
      canvas.removeAttribute('data-error');
    } catch (e) {
      // The last good picture stays on the canvas; the message says why it did not change,
      // and the control the view names (data-error-at) shows it too.
      canvas.dataset.error = errorText(e);
      if (canvas.dataset.errorAt) setError(canvas.dataset.errorAt, null, canvas.dataset.error);
    }
  }
  if (drew) $('redraw-ms').textContent = (performance.now() - t0).toFixed(1);
  for (const fn of followers) fn();
  refineLater();
  sliceLater();
}

/**
 * Registers long work done in slices: `pending()` says whether any is left, `run(deadline)`
 * works until the performance.now() time `deadline`. After each redraw that leaves work, one
 * slice runs before the next frame, and the views are redrawn after it.
 */
export function addSlicedWork(work) {
  slicedWork.push(work);
}

function sliceLater() {
  if (sliceTimer || session.dead || !slicedWork.some((w) => w.pending())) return;
  sliceTimer = setTimeout(() => {
    sliceTimer = 0;
    if (session.dead) return;
    const deadline = performance.now() + SLICE_MS;
    for (const w of slicedWork) if (w.pending()) w.run(deadline);
    scheduleRedraw();
  }, 0);
}

// While Rust is still sampling a large N, one chunk is added between frames and what depends
// on the samples is redrawn, so the views converge without a long task.
function refineLater() {
  if (session.dead) return;
  if (!session.ex.refining()) {
    root.dataset.state = 'ready';
    return;
  }
  root.dataset.state = 'refining';
  if (refineTimer) return;
  refineTimer = setTimeout(() => {
    refineTimer = 0;
    if (session.dead) return;
    session.ex.refine();
    scheduleRedraw();
  }, 0);
}

/** Redraws when a canvas changes size. */
export function observeResizes() {
  const resize = new ResizeObserver(() => scheduleRedraw());
  for (const view of views) resize.observe($('view-' + view));
}
