// View 9's training worker: its own instance of the VAE module (www/pkg-vae/, built with the
// `vae-worker` feature), which trains the three models in slices of a few tens of milliseconds
// and draws the view's two figures on offscreen canvases. Between slices the worker hears the
// page's messages (pause, reset, new sizes). It sends plain numbers and text, and the figures as
// finished bitmaps, so the page's main thread only has to show them.
//
// Page → worker: {type: 'setup', id, latents, categories, annealed, seed, tau, sizes, horizon}
//                {type: 'run', until, horizon} · {type: 'pause'} · {type: 'resize', sizes}
//                {type: 'language', tag}: the figures, sentence and table in that language
// Worker → page: {type: 'hello', header, maxSteps} once loaded; {type: 'header', header} after
//                a switch of language; {type: 'refused', message}
//                when the settings are refused; {type: 'progress', id, …} after every slice
//                (`id` names the run, so the page can drop news of a run it has replaced);
//                {type: 'fatal', message, loading} if the module stopped (or never loaded).
import init, { VaeRun, vae_max_run_steps, vae_table_header } from './pkg-vae/gumbel_explorer.js';
// Served: nothing, so the glue fetches the wasm beside it; in the single file, the inlined bytes.
import { wasmSource } from './wasm-source.js';

// Training time per slice: long enough that the messages cost little, short enough that a
// pause is heard at once.
const SLICE_MS = 40;
// The curves are redrawn at every new record, and in between at most this often.
const CURVES_EVERY_MS = 250;
// Progress is sent at every new record, and in between at most this often: each message costs
// the page's main thread a few milliseconds.
const PROGRESS_EVERY_MS = 100;

let run = null;
let runId = 0;
let goal = 0;
let horizon = 0;
let sizes = null;
let sentRecords = 0;
let drawnRecords = -1;
let curvesAt = 0;
let postedAt = 0;
let timer = 0;
let dead = false;
let language = 'en';

const post = (message, transfer = []) => self.postMessage(message, transfer);
const errorText = (e) => (e && e.message ? e.message : String(e));

// Called by the module's panic hook (src/api/panic.rs), which looks for it on the global object.
self.explorerPanicked = (message) => {
  dead = true;
  post({ type: 'fatal', message });
};

const ready = init(wasmSource()).then(
  () => post({ type: 'hello', header: vae_table_header(language), maxSteps: vae_max_run_steps() }),
  (e) => {
    dead = true;
    post({ type: 'fatal', loading: true, message: errorText(e) });
  },
);

self.onmessage = async (event) => {
  await ready;
  if (dead) return;
  try {
    handle(event.data);
  } catch (e) {
    dead = true;
    post({ type: 'fatal', message: errorText(e) });
  }
};

function handle(message) {
  switch (message.type) {
    case 'setup': {
      stop();
      run?.free();
      run = null;
      sentRecords = 0;
      drawnRecords = -1;
      sizes = message.sizes;
      horizon = message.horizon;
      runId = message.id;
      try {
        // The last argument is the language of the run's words (refusals included).
        run = new VaeRun(message.latents, message.categories, message.annealed, message.seed, message.tau, language);
      } catch (e) {
        post({ type: 'refused', id: runId, message: errorText(e) });
        return;
      }
      report(true);
      break;
    }
    case 'run':
      if (!run) return;
      goal = Math.min(message.until, vae_max_run_steps());
      horizon = Math.max(horizon, message.horizon);
      report(true);
      schedule();
      break;
    case 'pause':
      stop();
      if (run) report(true);
      break;
    case 'language':
      language = message.tag;
      if (run) {
        speak(run);
        sentRecords = 0;
        report(true, true);
      }
      post({ type: 'header', header: vae_table_header(language) });
      break;
    case 'resize':
      sizes = message.sizes;
      if (run) report(true, true);
      break;
    default:
      break;
  }
}

/** Tells the run the page's language (a module without languages has no set_language). */
function speak(handle) {
  if (typeof handle.set_language === 'function') handle.set_language(language);
}

function stop() {
  goal = 0;
  clearTimeout(timer);
  timer = 0;
}

function schedule() {
  if (!timer && run && run.steps() < goal) timer = setTimeout(slice, 0);
}

function slice() {
  timer = 0;
  if (dead || !run) return;
  try {
    run.train(goal, SLICE_MS);
    if (run.steps() >= goal) goal = 0;
    report(goal === 0);
    schedule();
  } catch (e) {
    dead = true;
    post({ type: 'fatal', message: errorText(e) });
  }
}

/** A figure drawn by `draw(canvas, scale)` as a bitmap of `size` device pixels, or null. */
function picture(size, draw) {
  if (!size || size.width < 1 || size.height < 1) return null;
  const canvas = new OffscreenCanvas(size.width, size.height);
  draw(canvas, size.scale);
  return canvas.transferToImageBitmap();
}

/** Sends the run's state; figures when they changed, or all of them when `full`. */
function report(full, resized = false) {
  const records = run.records();
  const now = performance.now();
  const newRecords = records !== drawnRecords;
  if (!full && !newRecords && now - postedAt < PROGRESS_EVERY_MS) return;
  postedAt = now;
  let curves = null;
  let digits = null;
  if (full || newRecords || now - curvesAt >= CURVES_EVERY_MS) {
    curves = picture(sizes?.curves, (c, s) => run.draw_curves(c, s, horizon));
    curvesAt = now;
  }
  if (full || newRecords || resized) {
    digits = picture(sizes?.digits, (c, s) => run.draw_digits(c, s));
  }
  drawnRecords = records;
  const cells = run.table_cells(sentRecords);
  sentRecords = records;
  post({
    type: 'progress',
    id: runId,
    step: run.steps(),
    tau: run.tau(),
    rate: run.steps_per_second(),
    running: goal > 0,
    cells,
    sentence: run.sentence(),
    curves,
    digits,
  }, [curves, digits].filter(Boolean));
}
