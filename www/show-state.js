// Every control shows the Rust state: sliders, selects, typed fields and their readouts, after
// start-up and after any change that can move several controls at once (k, a preset, a link).
import { $, session } from './page.js';
import { syncPiSliders } from './pi-sliders.js';
import { syncText } from './text-fields.js';

// index.html gives the objective's field a label for each kind; the label holds the one of the
// state's kind, the other waits here (and is switched to the page's language all the same).
let objectiveLabels = null;

function showObjectiveLabel(linear) {
  objectiveLabels ??= { target: $('objective-values-target'), payoffs: $('objective-values-payoffs') };
  const text = linear ? objectiveLabels.payoffs : objectiveLabels.target;
  text.hidden = false;
  const label = $('objective-values-label');
  if (label.childNodes.length !== 1 || label.firstChild !== text) label.replaceChildren(text);
}

export function syncAll() {
  if (session.dead) return;
  const { ex } = session;
  const k = ex.k();
  $('k').value = String(k);
  $('k-out').textContent = String(k);
  syncPiSliders();
  $('tau').value = String(Math.log10(ex.tau()));
  $('samples').value = String(Math.log10(ex.samples()));
  $('objective').value = ex.objective_kind();
  showObjectiveLabel(ex.objective_kind() === 'linear');
  const horizon = ex.annealing_horizon();
  $('step').max = String(horizon);
  // About a thousand slider positions, whatever the horizon.
  $('step').step = String(Math.max(1, Math.round(horizon / 1000)));
  $('step').value = String(ex.step());
  const [d, i, g, kc] = ex.cost();
  for (const [id, v] of [['cost-d', d], ['cost-i', i], ['cost-g', g], ['cost-k', kc]]) {
    $(id).value = String(v);
    $(id + '-out').textContent = String(v);
  }
  syncText();
}
