// The sliders' ranges come from Rust's rules (the same constants its setters check), so the
// page never offers a value Rust refuses nor hides one it accepts.
import { $ } from './page.js';
import { limits } from './first-module.js';

/** Sets the range of every slider whose range is a Rust rule; returns the rules. */
export function applyLimits() {
  const rules = JSON.parse(limits());
  setRange('k', rules.k[0], rules.k[1]);
  // τ and N move on a log scale: the slider holds log10 of the value.
  const [tauLo, tauHi] = rules.tau_slider.map(Math.log10);
  setRange('tau', tauLo, tauHi);
  setRange('samples', Math.log10(rules.samples[0]), Math.log10(rules.samples[1]));
  $('cost-k').max = String(rules.cost_k_max);
  decadeMarks($('tau-marks'), tauLo, tauHi);
  return rules;
}

function setRange(id, min, max) {
  const input = $(id);
  input.min = String(min);
  input.max = String(max);
}

// A tick at each power of ten within the τ slider's range, before the marks already there.
function decadeMarks(list, lo, hi) {
  const first = list.firstChild;
  for (let d = Math.ceil(lo); d <= Math.floor(hi); d++) {
    const option = document.createElement('option');
    option.value = String(d);
    list.insertBefore(option, first);
  }
}
