// Gumbel-Softmax Explorer: the page's controller. It reads the controls, hands their values
// to the one Rust handle (`Explorer`), and asks it to draw. All computation happens in Rust;
// an `Err` from Rust is shown next to the control that caused it and nothing else changes.
import init, { Explorer, class_colours, random_seed, wasm_memory_bytes } from './pkg/gumbel_explorer.js';
import { parseNumber, parseList, formatNumber, formatList, subscript } from './format.js';

const VIEWS = ['gumbel-max', 'components', 'expectation', 'strip', 'figure1', 'density',
  'straight-through', 'estimators', 'annealing', 'cost'];
// Class colours of the figures (from the Rust palette once the module is loaded), for the
// swatches beside the π sliders.
let classColours = ['#000000'];

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
let ex = null;
let dead = false;
let frame = 0;
let playing = 0;
let lastUrl = '';
let refineTimer = 0;
// Milliseconds of each view's last draw, for the benchmark (window.__explorerViewTimings).
const viewTimings = {};
window.__explorerViewTimings = viewTimings;

window.explorerPanicked = (message) => {
  dead = true;
  root.dataset.state = 'error';
  $('fatal-text').textContent = 'The explorer stopped after an internal error (' + message +
    '). Reloading the page restores the view from its link.';
  $('fatal').hidden = false;
};

function setError(id, input, message) {
  const el = $(id);
  if (el) el.textContent = message;
  if (input) input.setAttribute('aria-invalid', message ? 'true' : 'false');
}

// Calls `fn` (which talks to Rust); shows its error at the control or schedules a redraw.
function apply(errorId, input, fn) {
  if (dead) return false;
  try {
    fn();
    setError(errorId, input, '');
    scheduleRedraw();
    return true;
  } catch (e) {
    setError(errorId, input, e && e.message ? e.message : String(e));
    return false;
  }
}

function scheduleRedraw() {
  if (!frame && !dead) frame = requestAnimationFrame(redraw);
}

function redraw() {
  frame = 0;
  if (dead) return;
  const t0 = performance.now();
  let drew = false;
  for (const view of VIEWS) {
    const canvas = $('view-' + view);
    const start = performance.now();
    try {
      if (ex.draw(view, canvas)) {
        drew = true;
        viewTimings[view] = performance.now() - start;
      }
      canvas.removeAttribute('data-error');
    } catch (e) {
      // The last good picture stays on the canvas; the message says why it did not change.
      canvas.dataset.error = e && e.message ? e.message : String(e);
      if (view === 'estimators') setError('err-objective', null, canvas.dataset.error);
    }
  }
  const ms = performance.now() - t0;
  if (drew) $('redraw-ms').textContent = ms.toFixed(1);
  updateReadouts();
  writeUrl();
  // A large N is drawn in chunks between frames: each frame adds one chunk and redraws what
  // depends on the samples, so the page stays responsive and the views converge.
  if (ex.refining()) {
    root.dataset.state = 'refining';
    if (!refineTimer) {
      refineTimer = setTimeout(() => {
        refineTimer = 0;
        if (dead) return;
        ex.refine();
        scheduleRedraw();
      }, 0);
    }
  } else if (!dead) {
    root.dataset.state = 'ready';
  }
}

function updateReadouts() {
  const k = ex.k();
  $('k-out').textContent = String(k);
  const probs = ex.probs();
  probs.forEach((p, i) => {
    const out = $('pi-out-' + i);
    if (out) out.textContent = p.toFixed(3);
  });
  const convex = ex.log_convex_threshold();
  $('tau-convex').textContent = '= ' + formatNumber(convex, 3);
  // The slider's tick at τ = 1/(k − 1), where the density stops being log-convex.
  $('tau-mark-convex').value = String(Math.log10(convex));
  const chi2 = ex.chi_square();
  $('chi2-p').textContent = chi2.length ? formatNumber(chi2[2], 3) : '–';
  $('chi2-stat').textContent = chi2.length ? 'χ² = ' + chi2[0].toFixed(2) + ' on ' + chi2[1] + ' d.f.' : '–';
  $('mean-out').textContent = formatList(ex.mean(), 3);
  $('exact-out').textContent = formatList(ex.exact_gradient(), 4);
  $('st-out').textContent = 'soft y = (' + formatList(ex.first_sample(), 3) + '), forward z = e' +
    subscript(ex.first_sample_class() + 1);
  $('speedup-out').textContent = formatNumber(ex.speedup(), 3);
  $('annealed-tau').textContent = formatNumber(ex.annealed_tau(), 4);
  $('step-out').textContent = String(ex.step());
  $('step-out2').textContent = String(ex.step());
  const [done, target] = ex.progress();
  $('progress').textContent = done < target
    ? 'sampling: ' + Math.round(done).toLocaleString('en-US') + ' of ' + Math.round(target).toLocaleString('en-US') + ' draws'
    : '';
  const caption = k === 2 ? 'Density of y₁ (curve) over the histogram of sampled y₁'
    : k === 3 ? 'Log density over the triangle, samples on top'
      : 'Samples projected into a ' + k + '-gon';
  $('density-caption').textContent = caption;
  $('density-note').textContent = k > 3
    ? 'The heatmap exists for k = 2 and 3; for k = ' + k + ' the samples are shown projected into a polygon.'
    : '';
}

// The address bar follows the state, at most a few times a second: replaceState costs about
// a millisecond, too much to pay on every frame of a slider drag.
let urlTimer = 0;
function writeUrl() {
  if (urlTimer) return;
  urlTimer = setTimeout(writeUrlNow, 250);
}

function writeUrlNow() {
  clearTimeout(urlTimer);
  urlTimer = 0;
  if (dead) return;
  const state = '#' + ex.state();
  if (state !== lastUrl) {
    lastUrl = state;
    history.replaceState(null, '', state);
  }
}

// ---- controls → Rust ---------------------------------------------------------------

function piMode() {
  return $('pi-mode-logits').checked ? 'logits' : 'probs';
}

function buildPiSliders() {
  const box = $('pi-sliders');
  const k = ex.k();
  const probs = ex.probs();
  box.replaceChildren();
  for (let i = 0; i < k; i++) {
    const row = document.createElement('div');
    row.className = 'control';
    const label = document.createElement('label');
    label.htmlFor = 'pi-' + i;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.backgroundColor = classColours[i % classColours.length];
    label.append(swatch, ' π' + subscript(i + 1));
    const input = document.createElement('input');
    input.type = 'range';
    input.id = 'pi-' + i;
    input.min = '0.001';
    input.max = '1';
    input.step = '0.001';
    input.value = String(probs[i]);
    input.setAttribute('aria-describedby', 'pi-out-' + i);
    input.addEventListener('input', onPiSlider);
    const out = document.createElement('output');
    out.id = 'pi-out-' + i;
    out.htmlFor = input.id;
    out.textContent = probs[i].toFixed(3);
    row.append(label, input, out);
    box.append(row);
  }
  box.hidden = piMode() !== 'probs';
}

function onPiSlider() {
  const weights = [];
  for (let i = 0; i < ex.k(); i++) weights.push(Number($('pi-' + i).value));
  if (apply('err-pi', null, () => ex.set_probs(weights))) syncText();
}

function syncPiSliders() {
  const probs = ex.probs();
  if ($('pi-sliders').children.length !== probs.length) {
    buildPiSliders();
    return;
  }
  probs.forEach((p, i) => { $('pi-' + i).value = String(p); });
}

// Writes the Rust state into the text fields, except the one being typed in.
function syncText() {
  const active = document.activeElement;
  const put = (id, text) => { if ($(id) !== active) $(id).value = text; };
  put('logits', formatList(ex.logits(), 4));
  put('tau-text', formatNumber(ex.tau(), 4));
  put('samples-text', String(ex.samples()));
  put('seed', String(ex.seed()));
  put('objective-values', formatList(ex.objective_values(), 4));
  const [tau0, rate, tauMin, every] = ex.schedule();
  put('sched-tau0', formatNumber(tau0, 4));
  put('sched-rate', formatNumber(rate, 4));
  put('sched-min', formatNumber(tauMin, 4));
  put('sched-every', String(every));
}

function syncAll() {
  const k = ex.k();
  $('k').value = String(k);
  $('k-out').textContent = String(k);
  syncPiSliders();
  $('tau').value = String(Math.log10(ex.tau()));
  $('samples').value = String(Math.log10(ex.samples()));
  $('objective').value = ex.objective_kind();
  $('objective-values-label').textContent = ex.objective_kind() === 'linear'
    ? 'payoffs c, comma-separated' : 'target t, comma-separated';
  const horizon = ex.annealing_horizon();
  $('step').max = String(horizon);
  $('step').step = String(Math.max(1, Math.round(horizon / 1000)));
  $('step').value = String(ex.step());
  const [d, i, g, kc] = ex.cost();
  $('cost-d').value = String(d); $('cost-d-out').textContent = String(d);
  $('cost-i').value = String(i); $('cost-i-out').textContent = String(i);
  $('cost-g').value = String(g); $('cost-g-out').textContent = String(g);
  $('cost-k').value = String(kc); $('cost-k-out').textContent = String(kc);
  syncText();
}

function typed(inputId, errorId, setter, after) {
  const input = $(inputId);
  input.addEventListener('input', () => {
    if (apply(errorId, input, () => setter(input.value)) && after) after();
  });
}

function wire() {
  $('k').addEventListener('input', (e) => {
    if (apply('err-k', e.target, () => ex.set_k(Number(e.target.value)))) {
      buildPiSliders();
      syncAll();
    }
  });
  for (const radio of document.getElementsByName('pi-mode')) {
    radio.addEventListener('change', () => {
      const logits = piMode() === 'logits';
      $('pi-sliders').hidden = logits;
      $('logits-control').hidden = !logits;
      syncText();
    });
  }
  // Logits of another length change k: every control that depends on k follows.
  typed('logits', 'err-logits', (text) => ex.set_logits(parseList(text, 'logit')), syncAll);

  $('tau').addEventListener('input', (e) => {
    stopPlaying();
    const tau = Number((10 ** Number(e.target.value)).toPrecision(3));
    if (apply('err-tau', $('tau-text'), () => ex.set_tau(tau))) syncText();
  });
  typed('tau-text', 'err-tau', (text) => { stopPlaying(); ex.set_tau(parseNumber(text, 'τ')); },
    () => { $('tau').value = String(Math.log10(ex.tau())); });
  for (const b of document.querySelectorAll('button[data-tau]')) {
    b.addEventListener('click', () => {
      stopPlaying();
      if (apply('err-tau', $('tau-text'), () => ex.set_tau(Number(b.dataset.tau)))) syncAll();
    });
  }

  $('samples').addEventListener('input', (e) => {
    const n = Number((10 ** Number(e.target.value)).toPrecision(2));
    if (apply('err-samples', $('samples-text'), () => ex.set_samples(n))) syncText();
  });
  typed('samples-text', 'err-samples', (text) => ex.set_samples(parseNumber(text, 'N')),
    () => { $('samples').value = String(Math.log10(ex.samples())); });
  typed('seed', 'err-seed', (text) => ex.set_seed(parseNumber(text, 'the seed')));
  $('new-seed').addEventListener('click', () => {
    if (apply('err-seed', $('seed'), () => ex.set_seed(random_seed()))) syncText();
  });

  $('objective').addEventListener('change', (e) => {
    if (apply('err-objective', $('objective-values'), () => ex.set_objective_kind(e.target.value))) syncAll();
  });
  typed('objective-values', 'err-objective',
    (text) => ex.set_objective($('objective').value, parseList(text, 'objective value')));

  for (const b of document.querySelectorAll('button[data-preset]')) {
    b.addEventListener('click', () => preset(b.dataset.preset));
  }

  const scheduleFields = ['sched-tau0', 'sched-rate', 'sched-min', 'sched-every'];
  for (const id of scheduleFields) {
    const input = $(id);
    input.addEventListener('input', () => {
      const ok = apply('err-schedule', input, () => {
        const [tau0, rate, tauMin, every] = scheduleFields.map((f) => parseNumber($(f).value, $(f).labels[0].textContent));
        ex.set_schedule(tau0, rate, tauMin, every);
      });
      if (ok) {
        for (const f of scheduleFields) $(f).setAttribute('aria-invalid', 'false');
        syncAll();
      }
    });
  }
  $('step').addEventListener('input', (e) => {
    stopPlaying();
    apply('err-schedule', e.target, () => ex.set_step(Number(e.target.value)));
  });
  $('play').addEventListener('click', () => (playing ? stopPlaying() : startPlaying()));

  for (const id of ['cost-d', 'cost-i', 'cost-g', 'cost-k']) {
    $(id).addEventListener('input', () => {
      const v = ['cost-d', 'cost-i', 'cost-g', 'cost-k'].map((f) => Number($(f).value));
      if (apply('err-cost', $(id), () => ex.set_cost(v[0], v[1], v[2], v[3]))) {
        $(id + '-out').textContent = $(id).value;
      }
    });
  }

  for (const b of document.querySelectorAll('button[data-cost]')) {
    b.addEventListener('click', () => {
      const [d, i, g, kc] = b.dataset.cost.split(',').map(Number);
      if (apply('err-cost', null, () => ex.set_cost(d, i, g, kc))) syncAll();
    });
  }

  for (const b of document.querySelectorAll('button.export')) {
    b.addEventListener('click', () => exportPng(b.dataset.view));
  }
  $('copy-link').addEventListener('click', copyLink);
  $('reload').addEventListener('click', () => location.reload());
  $('controls').addEventListener('submit', (e) => e.preventDefault());

  const resize = new ResizeObserver(() => scheduleRedraw());
  for (const view of VIEWS) resize.observe($('view-' + view));
}

function preset(name) {
  stopPlaying();
  const ok = apply('err-pi', null, () => {
    switch (name) {
      case 'uniform': ex.set_probs(new Array(ex.k()).fill(1)); break;
      case 'peaked': {
        const w = new Array(ex.k()).fill(0.02);
        w[ex.k() - 1] = 1;
        ex.set_probs(w);
        break;
      }
      case 'figure1': ex.set_probs([0.1, 0.2, 0.3, 0.4]); ex.set_tau(1); break;
      case 'k2':
        ex.set_probs([0.5, 0.5]);
        ex.set_tau(0.5);
        ex.set_objective('squared', [0.45, 0.55]);
        break;
      case 'k3':
        ex.set_probs([0.2, 0.3, 0.5]);
        ex.set_tau(0.5);
        ex.set_objective_kind('linear');
        break;
      default: break;
    }
  });
  if (ok) {
    setError('err-tau', $('tau-text'), '');
    setError('err-objective', $('objective-values'), '');
    buildPiSliders();
    syncAll();
  }
}

// ---- annealing playback -------------------------------------------------------------

function startPlaying() {
  const horizon = ex.annealing_horizon();
  if (ex.step() >= horizon) ex.set_step(0);
  const stride = Math.max(1, Math.ceil(horizon / 600));
  $('play').setAttribute('aria-pressed', 'true');
  $('play').textContent = '⏸ pause annealing';
  const tick = () => {
    if (!playing) return;
    const next = Math.min(horizon, ex.step() + stride);
    const ok = apply('err-schedule', null, () => {
      ex.set_step(next);
      ex.set_tau(Math.min(1000, Math.max(0.001, ex.annealed_tau())));
    });
    $('step').value = String(next);
    $('tau').value = String(Math.log10(ex.tau()));
    syncText();
    if (!ok || next >= horizon) { stopPlaying(); return; }
    playing = requestAnimationFrame(tick);
  };
  playing = requestAnimationFrame(tick);
}

function stopPlaying() {
  if (playing) cancelAnimationFrame(playing);
  playing = 0;
  $('play').setAttribute('aria-pressed', 'false');
  $('play').textContent = '▶ play annealing';
}

// ---- export and links ----------------------------------------------------------------

function exportPng(view) {
  const canvas = $('view-' + view);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'gumbel-softmax-' + view + '.png';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}

async function copyLink() {
  writeUrlNow();
  try {
    await navigator.clipboard.writeText(location.href);
    $('copy-status').textContent = 'copied';
  } catch {
    $('copy-status').textContent = 'copy the address bar: it holds this view';
  }
}

// ---- start -------------------------------------------------------------------------

async function main() {
  try {
    await init();
  } catch (e) {
    root.dataset.state = 'error';
    $('status').textContent = 'The WebAssembly core could not be loaded: ' + (e && e.message ? e.message : e);
    $('status').classList.add('error');
    return;
  }
  ex = new Explorer();
  classColours = class_colours();
  // For the long-use memory test and the benchmark: the module's linear memory in bytes.
  window.__explorerWasmMemoryBytes = wasm_memory_bytes;
  if (location.hash.length > 1) {
    try {
      ex.restore(decodeURIComponentSafe(location.hash));
    } catch (e) {
      const notice = $('notice');
      // textContent only: nothing from the address bar is ever inserted as markup.
      const message = e && e.message ? e.message : String(e);
      notice.textContent = message.charAt(0).toUpperCase() + message.slice(1) + '. The defaults are shown instead.';
      notice.hidden = false;
    }
  }
  $('status').textContent = '';
  $('status').hidden = true;
  buildPiSliders();
  syncAll();
  wire();
  redraw();
}

function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

main();
