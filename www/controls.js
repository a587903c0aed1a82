// The controls → Rust: each slider, field and select hands its value to one Rust setter, whose
// error (if any) is shown next to it; the other controls are then brought in line with Rust.
import { $, session } from './page.js';
import { apply } from './actions.js';
import { parseList, parseNumber } from './format.js';
import { buildPiSliders, piMode } from './pi-sliders.js';
import { stopPlaying, togglePlaying } from './playback.js';
import { syncAll } from './show-state.js';
import { syncText } from './text-fields.js';
import { random_seed } from './first-module.js';
import { t } from './i18n.js';

const SCHEDULE_FIELDS = ['sched-tau0', 'sched-rate', 'sched-min', 'sched-every'];
const COST_SLIDERS = ['cost-d', 'cost-i', 'cost-g', 'cost-k'];

// A log-scale slider's value as a number with a few significant digits, as a person would
// type it (τ = 0.501, not 0.50118723…).
const fromLogSlider = (input, digits) => Number((10 ** Number(input.value)).toPrecision(digits));

/** A typed field: every edit goes to `setter`; `after` runs when Rust accepted it. */
function typed(inputId, errorId, setter, after) {
  const input = $(inputId);
  input.addEventListener('input', () => {
    if (apply(errorId, input, () => setter(input.value)) && after) after();
  });
}

export function wireControls() {
  const ex = () => session.ex;
  $('k').addEventListener('input', (e) => {
    if (apply('err-k', e.target, () => ex().set_k(Number(e.target.value)))) {
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
  typed('logits', 'err-logits', (text) => ex().set_logits(parseList(text, t('field.logit'))), syncAll);

  $('tau').addEventListener('input', (e) => {
    stopPlaying();
    const tau = fromLogSlider(e.target, 3);
    if (apply('err-tau', $('tau-text'), () => ex().set_tau(tau))) syncText();
  });
  typed('tau-text', 'err-tau', (text) => { stopPlaying(); ex().set_tau(parseNumber(text, t('field.tau'))); },
    () => { $('tau').value = String(Math.log10(ex().tau())); });

  $('samples').addEventListener('input', (e) => {
    const n = fromLogSlider(e.target, 2);
    if (apply('err-samples', $('samples-text'), () => ex().set_samples(n))) syncText();
  });
  typed('samples-text', 'err-samples', (text) => ex().set_samples(parseNumber(text, t('field.samples'))),
    () => { $('samples').value = String(Math.log10(ex().samples())); });
  typed('seed', 'err-seed', (text) => ex().set_seed(parseNumber(text, t('field.seed'))));
  $('new-seed').addEventListener('click', () => {
    if (apply('err-seed', $('seed'), () => ex().set_seed(random_seed()))) syncText();
  });

  $('objective').addEventListener('change', (e) => {
    if (apply('err-objective', $('objective-values'), () => ex().set_objective_kind(e.target.value))) syncAll();
  });
  typed('objective-values', 'err-objective',
    (text) => ex().set_objective($('objective').value, parseList(text, t('field.objectiveValue'))));

  // The schedule's four fields are one setting: each edit sends all four.
  for (const id of SCHEDULE_FIELDS) {
    const input = $(id);
    input.addEventListener('input', () => {
      const ok = apply('err-schedule', input, () => {
        const [tau0, rate, tauMin, every] = SCHEDULE_FIELDS.map((f) => parseNumber($(f).value, $(f).labels[0].textContent));
        ex().set_schedule(tau0, rate, tauMin, every);
      });
      if (ok) {
        for (const f of SCHEDULE_FIELDS) $(f).setAttribute('aria-invalid', 'false');
        syncAll();
      }
    });
  }
  $('step').addEventListener('input', (e) => {
    stopPlaying();
    apply('err-schedule', e.target, () => ex().set_step(Number(e.target.value)));
  });
  $('play').addEventListener('click', togglePlaying);

  for (const id of COST_SLIDERS) {
    $(id).addEventListener('input', () => {
      const [d, i, g, k] = COST_SLIDERS.map((f) => Number($(f).value));
      if (apply('err-cost', $(id), () => ex().set_cost(d, i, g, k))) {
        $(id + '-out').textContent = $(id).value;
      }
    });
  }
  $('controls').addEventListener('submit', (e) => e.preventDefault());
}
