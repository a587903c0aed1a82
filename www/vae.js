// View 9's controller: the categorical VAE trained in a Web Worker with its own module. The
// view's settings (N, K, the temperature's mode, the step to run until) live in the page's
// Rust state, so the link keeps them; the run also takes the page's seed and, when τ is fixed,
// the page's τ. The worker is started when the view first scrolls into sight or a button asks
// for it; whenever the settings that define the run change, the run starts again from step 0,
// so the curves on screen always belong to the settings (and the link) shown.
import { $, session, setError } from './page.js';
import { apply } from './actions.js';
import { groupedCount, parseNumber } from './format.js';
import { afterRedraw } from './scheduler.js';
import {
  PICTURES, clearPictures, clearRun, pictureSizes, showHeader, showProgress, wirePictureExport,
} from './vae-show.js';
import { format_number } from './first-module.js';
import { startVaeWorker } from './vae-worker-source.js';
import { language, onLanguage, t } from './i18n.js';

const RESIZE_DELAY_MS = 150;

let worker = null;
let runId = 0;
let runKey = '';
let running = false;
let refused = false;
let maxSteps = Infinity;
let resizeTimer = 0;

/** The settings that define a run, from the page's state. */
function runSettings() {
  const { ex } = session;
  const [latents, categories, annealed, until] = ex.vae_settings();
  const tau = ex.tau();
  return { latents, categories, annealed: annealed === 1, seed: ex.seed(), tau, until };
}

/** What identifies a run: τ counts only when it is fixed. */
function keyOf(s) {
  return JSON.stringify([s.latents, s.categories, s.annealed, s.seed, s.annealed ? null : s.tau]);
}

let shownStatus = ['', {}]; // the status line's key and values, written again after a switch

/** The status line: the text `key` (empty: none) with `params`. */
function status(key, params = {}) {
  shownStatus = [key, params];
  $('vae-status').textContent = key ? t(key, params) : '';
}

function showRunning(on) {
  running = on;
  $('vae-play').setAttribute('aria-pressed', String(on));
}

/** Starts the worker (once), then a run of the current settings. */
function ensureWorker() {
  if (worker || session.dead) return;
  status('vae.loading');
  worker = startVaeWorker();
  worker.onmessage = (event) => receive(event.data);
  worker.onerror = (event) => stopped(event.message || t('vae.workerFailed'));
  worker.postMessage({ type: 'language', tag: language() });
  newRun();
}

/** Replaces the run by one of the current settings, at step 0 (paused). */
function newRun() {
  if (!worker) return;
  const s = runSettings();
  runId += 1;
  runKey = keyOf(s);
  showRunning(false);
  clearRun();
  refused = false;
  setError('err-vae-annealed', $('vae-annealed'), '');
  worker.postMessage({
    type: 'setup',
    id: runId,
    latents: s.latents,
    categories: s.categories,
    annealed: s.annealed,
    seed: s.seed,
    tau: s.tau,
    sizes: pictureSizes(),
    horizon: s.until,
  });
}

/** Asks the worker to train until `until` (the axis reaching `horizon`). */
function runTo(until, horizon) {
  ensureWorker();
  if (refused) return;
  worker?.postMessage({ type: 'run', until, horizon });
  showRunning(true);
  status('vae.training');
}

function receive(message) {
  switch (message.type) {
    case 'hello':
      showHeader(message.header);
      maxSteps = message.maxSteps;
      status('');
      break;
    case 'header':
      showHeader(message.header);
      break;
    case 'progress':
      if (message.id !== runId) return;
      showProgress(message);
      showRunning(message.running);
      if (!message.running) {
        if (message.step > 0) status('vae.paused', { step: groupedCount(message.step) });
        else status('vae.ready');
      }
      break;
    case 'refused':
      if (message.id !== runId) return;
      refused = true;
      showRunning(false);
      setError('err-vae-annealed', $('vae-annealed'), message.message);
      clearPictures(t('vae.refused', { message: message.message }));
      status('vae.notStarted');
      break;
    case 'fatal':
      stopped(message.loading ? t('vae.moduleFailed', { message: message.message }) : message.message);
      break;
    default:
      break;
  }
}

/** The worker has stopped for good: say so; the next button press starts a fresh one. */
function stopped(message) {
  worker?.terminate();
  worker = null;
  showRunning(false);
  status('vae.stopped', { message });
}

/** After every redraw of the page: readouts of the page's seed and τ, and a new run if they
 *  (or the view's own settings) changed what defines it. */
function follow() {
  const s = runSettings();
  $('vae-seed').textContent = String(s.seed);
  $('vae-fixed-tau').textContent = format_number(s.tau, 3);
  if (worker && keyOf(s) !== runKey) {
    newRun();
    status('vae.restarted');
  }
}

/** Shows the Rust state in the view's controls (after start-up or a link). */
function syncControls() {
  const [latents, categories, annealed, until] = session.ex.vae_settings();
  $('vae-latents').value = String(latents);
  $('vae-categories').value = String(categories);
  $('vae-annealed').checked = annealed === 1;
  $('vae-until').value = String(until);
}

/** After a switch of language: the worker draws and writes in the new one (and sends the
 *  table again), and the status line follows. */
function changeLanguage(tag) {
  if (worker) {
    $('data-vae').tBodies[0].replaceChildren();
    worker.postMessage({ type: 'language', tag });
    // A refused run has nothing to lose: set it up again, so the worker words its refusal anew.
    if (refused) newRun();
  }
  status(...shownStatus);
}

/** A typed field of the view: its value goes to `setter`; an error shows next to it. */
function typed(id, errorId, what, setter) {
  const input = $(id);
  input.addEventListener('input', () => {
    apply(errorId, input, () => setter(parseNumber(input.value, t(what))));
  });
}

export function wireVae() {
  // The page's handle when the control is used (the full module takes over after load).
  const ex = () => session.ex;
  syncControls();
  typed('vae-latents', 'err-vae-latents', 'field.latents', (n) => ex().set_vae('latents', n));
  typed('vae-categories', 'err-vae-categories', 'field.categories', (k) => ex().set_vae('categories', k));
  typed('vae-until', 'err-vae-until', 'field.untilStep', (t) => ex().set_vae('until', t));
  $('vae-annealed').addEventListener('change', (e) => {
    apply('err-vae-annealed', null, () => ex().set_vae('annealed', e.target.checked ? 1 : 0));
  });
  $('vae-run').addEventListener('click', () => {
    const input = $('vae-until');
    if (apply('err-vae-until', input, () => ex().set_vae('until', parseNumber(input.value, t('field.untilStep'))))) {
      const until = runSettings().until;
      runTo(until, until);
    }
  });
  $('vae-play').addEventListener('click', () => {
    if (running) {
      worker?.postMessage({ type: 'pause' });
      showRunning(false);
    } else {
      runTo(maxSteps, runSettings().until);
    }
  });
  $('vae-reset').addEventListener('click', () => {
    if (worker) newRun();
    else ensureWorker();
    status('vae.reset');
  });
  wirePictureExport();
  afterRedraw(follow);
  onLanguage(changeLanguage);
  // The worker (and its module) load only once the view is in sight.
  const sight = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      sight.disconnect();
      ensureWorker();
    }
  });
  sight.observe($('section-vae'));
  const resize = new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => worker?.postMessage({ type: 'resize', sizes: pictureSizes() }), RESIZE_DELAY_MS);
  });
  for (const name of PICTURES) resize.observe($(name + '-box'));
}
