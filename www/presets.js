// One-click states: the preset buttons (π, τ and the objective together, applied by Rust from
// its preset table), the τ buttons of Figure 1, and the cost presets of view 7.
import { $, setError, session } from './page.js';
import { apply } from './actions.js';
import { buildPiSliders } from './pi-sliders.js';
import { stopPlaying } from './playback.js';
import { syncAll } from './show-state.js';

export function wirePresets() {
  for (const b of document.querySelectorAll('button[data-preset]')) {
    b.addEventListener('click', () => applyPreset(b.dataset.preset));
  }
  for (const b of document.querySelectorAll('button[data-tau]')) {
    b.addEventListener('click', () => {
      stopPlaying();
      if (apply('err-tau', $('tau-text'), () => session.ex.set_tau(Number(b.dataset.tau)))) syncAll();
    });
  }
  for (const b of document.querySelectorAll('button[data-cost]')) {
    b.addEventListener('click', () => {
      const [d, i, g, k] = b.dataset.cost.split(',').map(Number);
      if (apply('err-cost', null, () => session.ex.set_cost(d, i, g, k))) syncAll();
    });
  }
}

// Rust applies the whole preset or nothing; the controls then show the new state.
function applyPreset(name) {
  stopPlaying();
  // A preset rewrites every field, the one that had the focus included (a click on a button
  // takes the focus; a scripted click does not).
  if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur();
  if (!apply('err-pi', null, () => session.ex.apply_preset(name))) return;
  setError('err-tau', $('tau-text'), '');
  setError('err-objective', $('objective-values'), '');
  buildPiSliders();
  syncAll();
}
