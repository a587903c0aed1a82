// The π sliders: one per class, built for the current k with the figures' class colour beside
// each; moving one sends all k weights to Rust, which normalises them.
import { $, session } from './page.js';
import { apply } from './actions.js';
import { syncText } from './text-fields.js';
import { class_colours, subscript } from './first-module.js';

// A slider's weight range: any positive weight is a valid π, and Rust normalises the k of them.
const WEIGHT_MIN = '0.001';
const WEIGHT_MAX = '1';
const WEIGHT_STEP = '0.001';

let colours = null;

export function piMode() {
  return $('pi-mode-logits').checked ? 'logits' : 'probs';
}

/** Rebuilds the sliders for the current k. */
export function buildPiSliders() {
  const { ex } = session;
  colours ??= class_colours();
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
    swatch.style.backgroundColor = colours[i % colours.length];
    label.append(swatch, ' π' + subscript(i + 1));
    const input = document.createElement('input');
    input.type = 'range';
    input.id = 'pi-' + i;
    input.min = WEIGHT_MIN;
    input.max = WEIGHT_MAX;
    input.step = WEIGHT_STEP;
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
  for (let i = 0; i < session.ex.k(); i++) weights.push(Number($('pi-' + i).value));
  if (apply('err-pi', null, () => session.ex.set_probs(weights))) syncText();
}

/** Moves the sliders to the state's π (rebuilding them if k changed). */
export function syncPiSliders() {
  const probs = session.ex.probs();
  if ($('pi-sliders').children.length !== probs.length) {
    buildPiSliders();
    return;
  }
  probs.forEach((p, i) => { $('pi-' + i).value = String(p); });
}
