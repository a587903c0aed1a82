// View 8, training with each estimator: its controls → Rust, the run moved in slices by the
// page's scheduler (a few milliseconds per frame, so the page stays responsive), and the step
// and the sentence read from Rust whenever the run pauses (tables.js keeps its data table).
import { $, session, errorText, setError } from './page.js';
import { apply } from './actions.js';
import { fieldNumber, groupedCount, parseNumber } from './format.js';
import { addSlicedWork, afterRedraw, handleDraws, scheduleRedraw, whenFull } from './scheduler.js';
import { onLanguage, t } from './i18n.js';

// Steps per call into Rust, adapted so that one call takes about CALL_MS.
const CALL_MS = 2;
let chunk = 32;
let running = false;
let tableKey = '';
let writer = null;

const ex = () => session.ex;

/** A typed field: each edit goes to `setter`; on success the run starts over and redraws. */
function typed(id, errorId, setter) {
  const input = $(id);
  input.addEventListener('input', () => apply(errorId, input, () => setter(input.value)));
}

export function wireTraining() {
  $('train-optimiser').addEventListener('change', (e) => {
    apply('err-train-rate', null, () => ex().set_train_optimiser(e.target.value));
  });
  typed('train-rate', 'err-train-rate', (text) => ex().set_learning_rate(parseNumber(text, t('field.learningRate'))));
  typed('train-seed', 'err-train-seed', (text) => ex().set_train_seed(
    text.trim() === '' ? undefined : parseNumber(text, t('field.trainSeed'))));
  $('train-anneal').addEventListener('change', (e) => {
    apply('err-train-until', null, () => ex().set_train_annealed(e.target.checked));
  });
  // The run's actions wait for the full module (the first module has no training run).
  $('train-play').addEventListener('click', () => whenFull(() => (running ? pause() : play())));
  $('train-step').addEventListener('click', () => whenFull(() => {
    pause();
    apply('err-train-until', null, () => ex().step_training());
  }));
  $('train-reset').addEventListener('click', () => {
    pause();
    apply('err-train-until', null, () => ex().set_train_steps(0));
  });
  $('train-run').addEventListener('click', runUntil);
  $('train-until').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') runUntil();
  });
  // A preset restarts the run from step 0: a running run stops first.
  for (const b of document.querySelectorAll('button[data-preset]')) b.addEventListener('click', pause, true);
  addSlicedWork({ pending: () => running || ex().train_pending(), run: slice });
  afterRedraw(showTraining);
  // Rust writes the sentence in the page's language: after a switch it is read again.
  onLanguage(() => { tableKey = ''; });
  syncTraining();
}

function runUntil() {
  pause();
  const input = $('train-until');
  apply('err-train-until', input, () => ex().set_train_steps(parseNumber(input.value, t('field.untilStep'))));
}

function play() {
  if (session.dead) return;
  running = true;
  setError('err-train-until', $('train-until'), '');
  showRunning();
  scheduleRedraw();
}

/** Stops running, and stops a run on its way to a later step where it stands. */
function pause() {
  if (session.dead) return;
  running = false;
  ex().pause_training();
  showRunning();
  scheduleRedraw();
}

/** One slice of training, until `deadline` (a performance.now() time). */
function slice(deadline) {
  try {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      if (running) {
        const before = ex().train_step();
        if (ex().train_for(chunk) === before) {
          running = false; // the largest step is reached
          break;
        }
      } else if (!ex().train(chunk)) {
        break;
      }
      const ms = performance.now() - t0;
      // Aim at CALL_MS per call, changing by at most a factor of two per call.
      const ratio = Math.min(2, Math.max(0.5, CALL_MS / Math.max(ms, 0.01)));
      chunk = Math.max(1, Math.min(200_000, Math.round(chunk * ratio)));
    }
  } catch (e) {
    running = false;
    setError('err-train-until', null, errorText(e));
  }
  showRunning();
}

function showRunning() {
  const busy = running || (!session.dead && ex().train_pending());
  $('section-training').dataset.run = busy ? 'running' : 'idle';
  $('train-play').setAttribute('aria-pressed', running ? 'true' : 'false');
}

/** After each redraw: the step; when the run stands still, the sentence too (the data table
 * under the figure is kept current by tables.js, as every view's). */
function showTraining() {
  if (session.dead) return;
  const step = ex().train_step();
  $('train-step-out').textContent = groupedCount(step);
  showRunning();
  if (running || ex().train_pending()) return;
  // The state and the handle that wrote the sentence (the full module's handle writes it anew).
  const key = ex().state();
  if (key === tableKey && writer === ex()) return;
  tableKey = key;
  writer = ex();
  // Without the full module there is no run to speak of (the figure says why it is empty).
  $('train-summary').textContent = handleDraws('training') ? ex().training_summary() : '';
  syncTraining();
}

/** The training controls show the Rust state (the field being typed in is left alone). */
export function syncTraining() {
  if (session.dead) return;
  const active = document.activeElement;
  const put = (id, text) => { if ($(id) !== active) $(id).value = text; };
  $('train-optimiser').value = ex().train_optimiser();
  put('train-rate', fieldNumber(ex().learning_rate(), 4));
  const seed = ex().train_seed();
  put('train-seed', seed === undefined ? '' : String(seed));
  $('train-seed').placeholder = t('train.seedPlaceholder', { seed: ex().seed() });
  $('train-anneal').checked = ex().train_annealed();
}
