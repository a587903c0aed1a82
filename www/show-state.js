// Every control shows the Rust state: sliders, selects, typed fields and their readouts, after
// start-up and after any change that can move several controls at once (k, a preset, a link).
import { $, session } from './page.js';
import { syncPiSliders } from './pi-sliders.js';
import { syncText } from './text-fields.js';

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
  // The label has a text for each kind (index.html); the one of the state is shown.
  const linear = ex.objective_kind() === 'linear';
  $('objective-values-target').hidden = linear;
  $('objective-values-payoffs').hidden = !linear;
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
