// The redraw scheduler: at most one redraw per animation frame, in which Rust draws each view whose
// inputs changed and that can be seen; views out of sight are left stale and drawn when they scroll
// into view or, once input pauses, in slices of idle time. While an input is in progress the k = 3
// heatmap is drawn at a reduced resolution, and refined to the full one when the input pauses: its
// full-resolution raster is computed in slices (the coarse one stands in meanwhile) and drawn once
// complete. What follows a redraw (readouts, tables, the link) is registered with `afterRedraw` and
// runs after every redraw, whatever was drawn, so it never depends on a view being visible; it runs
// in a task of its own right after the frame's (before the next frame), so that the drawing, the
// tables and the layout they cause never add up to one long task; a follower with much to do (many
// tables) stops at the slice budget and goes on in the next such task, and so do the followers
// after it once the budget is spent. A large N is sampled in slices between frames; every long work
// goes through the same slices (`addSliceWork`), so no task grows long; the training view's steps
// run through them too (`addSlicedWork`). Views are drawn at the CSS sizes www/canvas-sizes.js
// keeps, so that a redraw reads nothing of the page's layout. Until the full module has taken the
// handle over (www/full-module.js), the views the first module does not draw stay stale, and so
// do the views out of sight, so that the first module draws only what is in sight.
import { $, root, session, errorText, setError } from './page.js';
import { recordViewTime } from './bench-hooks.js';
import { holdInteraction, interacting, onInteractionPause, onInteractionStart, watchInteraction } from './interaction.js';
import { cssSize, liveSize, watchSizes } from './canvas-sizes.js';
import { SLICE_BUDGET_MS, addSliceWork, cancelSliceWork, hasSliceWork } from './slices.js';
import { isVisible, visibilityKnown, watchVisibility } from './visibility.js';
import { onLanguage, t } from './i18n.js';
import { module_view_names, view_names } from './first-module.js';

export { addSliceWork, cancelSliceWork, hasSliceWork } from './slices.js';

const STALE_JOB = 'views out of sight';
const SAMPLES_JOB = 'samples of a large N';
const RASTER_JOB = 'full-resolution heatmap';

let views = [];
// The views the handle draws, and whether the full module is still to take the handle over.
let drawable = new Set();
let waitingForFull = false;
// What waits for the full module's handle (see whenFull).
const afterFull = [];
let frame = 0;
// Whether the pending frame was asked for by an input (its time is the one #redraw-ms shows);
// the first paint counts as one.
let byInput = true;
// Whether the last drawn frame holds a reduced-resolution heatmap.
let coarse = false;
let holdStale = false;
const stale = new Set();
const followers = [];
// What waits for the first redraw (see afterFirstRedraw).
const afterFirst = [];
// Whether the followers of a redraw are waiting for their task.
let following = false;
// Whether a redraw happened since the followers last ran (else only the unfinished ones run).
let followAll = false;
const unfinished = new Set();
const followChannel = new MessageChannel();
// What each draw drew, for the tests (window.__explorer.draws): { view, pass }.
const draws = [];
// Long work in the training view's form ({ pending(), run(deadline) }), run as one slice job.
const slicedWork = [];
const TRAINING_SLICE_MS = SLICE_BUDGET_MS;
// Milliseconds of a stale view's preparation per step (its bands take about one each).
const PREPARE_MS = 3;

/** The views' names as Rust lists them; call once the module is loaded. */
export function loadViews() {
  views = view_names();
  drawable = new Set(module_view_names());
  waitingForFull = drawable.size < views.length;
  session.ex.defer_raster_bands(true);
  labelUndrawable('figure.waiting');
  return views;
}

// The figures of the views the handle does not draw say why they are empty (`key` of the
// words), in the page's language; once the handle draws every view, none does.
let undrawnKey = null;
function labelUndrawable(key) {
  undrawnKey = key;
  for (const view of views) {
    const figure = canvasOf(view).closest('figure');
    if (drawable.has(view) || !key) figure.removeAttribute('data-waiting');
    else figure.dataset.waiting = t(key);
  }
}
onLanguage(() => { if (undrawnKey) labelUndrawable(undrawnKey); });

/**
 * The page's handle is now the full module's, which draws the views named `names`: they are
 * drawn as any stale view is (at once in sight, else in slices).
 */
export function adoptHandle(names) {
  drawable = new Set(names);
  labelUndrawable(null);
  session.ex.defer_raster_bands(true);
  requestFrame();
  endWaitForFull();
}

/** Whether views wait for the full module (false once it took over, failed, or was not needed). */
export function waitsForFull() {
  return waitingForFull;
}

/**
 * Runs `fn` once the page's handle is the full module's (at once if it is), or once the full
 * module has failed to load: an action on a view the first module does not draw (training's
 * run, a figure's PNG) is taken when the full module can take it.
 */
export function whenFull(fn) {
  if (waitingForFull) afterFull.push(fn);
  else fn();
}

function endWaitForFull() {
  waitingForFull = false;
  drawStaleLater();
  for (const fn of afterFull.splice(0)) fn();
}

/** Whether the page's handle draws view `view`. */
export function handleDraws(view) {
  return drawable.has(view);
}

/** The full module could not be loaded: the first module draws every view it can. */
export function fullModuleMissing() {
  labelUndrawable('figure.missing');
  endWaitForFull();
  updateState();
}

/**
 * Runs `fn(deadline)` after every redraw (in the order registered). A follower that returns
 * true stopped at `deadline` (a performance.now() time) with work left, and is called again
 * in the next task; drawAll calls each with no deadline (Infinity).
 */
export function afterRedraw(fn) {
  followers.push(fn);
}

/** Asks for a redraw on the next frame, as the consequence of an input. */
export function scheduleRedraw() {
  byInput = true;
  requestFrame();
}

function requestFrame() {
  if (!frame && !session.dead) frame = requestAnimationFrame(redraw);
}

const canvasOf = (view) => $('view-' + view);

/**
 * Draws one view at the CSS size `size` ([width, height]: its canvas's clientWidth and
 * clientHeight); returns whether anything was drawn.
 */
function drawView(view, pass, size) {
  const canvas = canvasOf(view);
  const start = performance.now();
  try {
    const drew = session.ex.draw_at(view, canvas, size[0], size[1]);
    canvas.removeAttribute('data-error');
    if (drew) {
      recordViewTime(view, performance.now() - start);
      draws.push({ view, pass });
      if (draws.length > 500) draws.splice(0, draws.length - 500);
    }
    return drew;
  } catch (e) {
    // The last good picture stays on the canvas; the message says why it did not change,
    // and the control the view names (data-error-at) shows it too.
    canvas.dataset.error = errorText(e);
    if (canvas.dataset.errorAt) setError(canvas.dataset.errorAt, null, canvas.dataset.error);
    return false;
  }
}

/**
 * Redraws the views that can be seen and whose size or inputs changed, marks the others
 * stale, then runs what follows a redraw. An input's redraw writes its time to #redraw-ms;
 * any other (refinement, a view scrolled into view, a large N's next chunk) to #refine-ms.
 */
export function redraw() {
  frame = 0;
  // Until the browser reports which views can be seen, nothing is drawn; the report asks for
  // a frame (www/visibility.js).
  if (session.dead || !visibilityKnown()) return;
  const input = byInput;
  byInput = false;
  coarse = interacting();
  session.ex.set_interactive(coarse);
  const pass = input ? 'input' : 'refine';
  const t0 = performance.now();
  let drew = false;
  const seen = [];
  for (const view of views) {
    if (drawable.has(view) && isVisible(canvasOf(view))) seen.push(view);
    else stale.add(view);
  }
  // Every size before any drawing: a size not known yet is read while the layout is current.
  const sizes = seen.map((view) => cssSize(canvasOf(view)));
  seen.forEach((view, i) => {
    stale.delete(view);
    if (drawView(view, pass, sizes[i])) drew = true;
  });
  if (drew) $(input ? 'redraw-ms' : 'refine-ms').textContent = (performance.now() - t0).toFixed(1);
  followLater();
  refineSamples();
  refineRaster();
  if (!coarse) drawStaleLater();
  updateState();
  sliceLater();
  for (const fn of afterFirst.splice(0)) fn();
}

/** Runs `fn` once, at the end of the first redraw that knows which views can be seen. */
export function afterFirstRedraw(fn) {
  afterFirst.push(fn);
}

// What follows a redraw, in the next task (one for any number of redraws before it runs).
function followLater(all = true) {
  followAll ||= all;
  if (following) return;
  following = true;
  followChannel.port2.postMessage(null);
}

followChannel.port1.onmessage = () => {
  if (!following) return;
  following = false;
  if (session.dead) return;
  const run = followAll ? followers : followers.filter((fn) => unfinished.has(fn));
  followAll = false;
  unfinished.clear();
  const deadline = performance.now() + SLICE_BUDGET_MS;
  let ran = false;
  for (const fn of run) {
    // Once the budget is spent, the followers left wait for the next task (one always runs).
    if (ran && performance.now() >= deadline) unfinished.add(fn);
    else if (fn(deadline) === true) unfinished.add(fn);
    ran = true;
  }
  if (unfinished.size) followLater(false);
  // A table may have started work (the estimator table asks for the exact curves).
  refineSamples();
  updateState();
};

/**
 * Registers long work done in slices: `pending()` says whether any is left, `run(deadline)`
 * works until the performance.now() time `deadline`. The work goes through the same slices as
 * every other long work (`addSliceWork`), and the views are redrawn after each piece.
 */
export function addSlicedWork(work) {
  slicedWork.push(work);
}

function sliceLater() {
  if (session.dead || hasSliceWork('sliced') || !slicedWork.some((w) => w.pending())) return;
  addSliceWork('sliced', () => {
    if (session.dead) return false;
    const deadline = performance.now() + TRAINING_SLICE_MS;
    for (const w of slicedWork) if (w.pending()) w.run(deadline);
    scheduleRedraw();
    return false;
  });
}

// Stale views, one per step, at full resolution, once no input is in progress. A view whose data
// needs long work (Figure 1's panel, the estimator sweep) waits while the refinement's slices do it
// (Rust begins it when asked), and is drawn once it is done, or at once if nothing refines. Before
// its draw, a view's canvas is allocated and its heatmap's raster computed in steps of their own
// (Rust's prepare_at), so that the draw itself is short.
function drawStaleLater() {
  if (!stale.size || holdStale || waitingForFull || hasSliceWork(STALE_JOB)) return;
  addSliceWork(STALE_JOB, () => {
    if (session.dead || interacting() || holdStale) return false;
    const waiting = [...stale].filter((v) => drawable.has(v));
    const view = waiting.find(dataReady) ?? (session.ex.refining() ? null : waiting[0]);
    refineSamples();
    if (view === null) return true;
    if (view === undefined) return false;
    const size = cssSize(canvasOf(view));
    if (prepareView(view, size)) return true;
    stale.delete(view);
    drawView(view, 'idle', size);
    refineRaster();
    if (!stale.size) updateState();
    return waiting.length > 1;
  });
}

// Steps of what drawing `view` at `size` needs first, for about PREPARE_MS; whether the draw must
// wait for another step (it gets a step of its own after any preparation).
function prepareView(view, size) {
  const until = performance.now() + PREPARE_MS;
  let worked = false;
  try {
    while (session.ex.prepare_at(view, canvasOf(view), size[0], size[1])) {
      worked = true;
      if (performance.now() >= until) break;
    }
  } catch {
    // drawView reports what fails.
  }
  return worked;
}

function dataReady(view) {
  try {
    return session.ex.data_ready(view);
  } catch {
    return true;
  }
}

// While Rust is still sampling a large N, chunks are added in slices and what depends on the
// samples is redrawn on the next frame, so the views converge without a long task. While an
// input is in progress the refinement waits (the next input would start it again); the
// frame after the pause resumes it.
function refineSamples() {
  if (session.dead || interacting() || !session.ex.refining() || hasSliceWork(SAMPLES_JOB)) return;
  addSliceWork(SAMPLES_JOB, () => {
    if (session.dead || interacting()) return false;
    const more = session.ex.refine();
    requestFrame();
    return more;
  });
}

// While the heatmap drawn last waits for its full-resolution raster, its bands are computed
// in slices; once complete, the next frame draws it.
function refineRaster() {
  if (session.dead || coarse || !session.ex.raster_pending() || hasSliceWork(RASTER_JOB)) return;
  addSliceWork(RASTER_JOB, () => {
    if (session.dead || interacting()) return false;
    const more = session.ex.refine_raster();
    if (!more) requestFrame();
    return more;
  });
}

// For a picture drawn now at full resolution: the pending raster's bands at once, and none
// deferred until the draw is over.
function finishRaster() {
  while (session.ex.refine_raster());
  cancelSliceWork(RASTER_JOB);
  session.ex.defer_raster_bands(false);
}

function updateState() {
  if (session.dead) return;
  const busy = coarse || stale.size > 0 || frame !== 0 || following || session.ex.raster_pending();
  root.dataset.state = session.ex.refining() ? 'refining' : busy ? 'drawing' : 'ready';
}

/**
 * Draws `view` now at full resolution, at its size as laid out now, if it is out of date
 * (before its picture is exported).
 */
export function drawCurrent(view) {
  if (session.dead || !drawable.has(view)) return;
  session.ex.set_interactive(false);
  finishRaster();
  coarse = false;
  stale.delete(view);
  drawView(view, 'export', liveSize(canvasOf(view)));
  session.ex.defer_raster_bands(true);
  updateState();
}

/**
 * Draws every view now at full resolution, seen or not (for the tests and the export);
 * `fresh` forgets what was drawn first, so every view is drawn anew.
 */
export function drawAll({ fresh = false } = {}) {
  if (session.dead) return;
  if (fresh) session.ex.invalidate();
  session.ex.set_interactive(false);
  finishRaster();
  coarse = false;
  // The sizes as laid out now (a report may be pending), all read before anything is drawn.
  const sizes = views.map((view) => liveSize(canvasOf(view)));
  views.forEach((view, i) => {
    if (!drawable.has(view)) return;
    stale.delete(view);
    drawView(view, 'all', sizes[i]);
  });
  session.ex.defer_raster_bands(true);
  following = false;
  followAll = false;
  unfinished.clear();
  for (const fn of followers) fn(Infinity);
  updateState();
}

/**
 * Redraws when a canvas changes size, when one comes into view, and at full resolution when
 * an input pauses; call once after loadViews().
 */
export function observeResizes() {
  const canvases = views.map(canvasOf);
  watchSizes(canvases, requestFrame);
  watchVisibility(canvases, requestFrame);
  onInteractionStart(() => cancelSliceWork(STALE_JOB));
  onInteractionPause(requestFrame);
  watchInteraction();
}

// For the tests: force every view drawn, see what each pass drew, keep stale views waiting.
window.__explorer = {
  drawAll,
  draws,
  stale: () => [...stale],
  holdInteraction,
  interacting,
  holdStale(on) {
    holdStale = Boolean(on);
    if (!holdStale) drawStaleLater();
  },
};
