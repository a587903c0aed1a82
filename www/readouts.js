// The readouts: the numbers and captions printed beside the figures, read from Rust after
// every redraw and printed by Rust's number formatter, as the figures print them.
import { $, session } from './page.js';
import { t } from './i18n.js';
import { groupedCount } from './format.js';
import { format_list, format_number, subscript } from './first-module.js';

export function updateReadouts() {
  const { ex } = session;
  const k = ex.k();
  $('k-out').textContent = String(k);
  // π with a fixed three decimals, so the readouts keep their width while a slider moves.
  ex.probs().forEach((p, i) => {
    const out = $('pi-out-' + i);
    if (out) out.textContent = p.toFixed(3);
  });
  const convex = ex.log_convex_threshold();
  $('tau-convex').textContent = '= ' + format_number(convex, 3);
  // The slider's tick at τ = 1/(k − 1), where the density stops being log-convex.
  $('tau-mark-convex').value = String(Math.log10(convex));
  const chi2 = ex.chi_square();
  $('chi2-p').textContent = chi2.length ? format_number(chi2[2], 3) : '–';
  $('chi2-stat').textContent = chi2.length ? t('readout.chi2', { stat: chi2[0].toFixed(2), df: chi2[1] }) : '–';
  $('mean-out').textContent = format_list(ex.mean(), 3);
  $('exact-out').textContent = format_list(ex.exact_gradient(), 4);
  $('estimators-note').textContent = ex.estimators_note();
  $('st-out').textContent = t('readout.straightThrough', {
    soft: format_list(ex.first_sample(), 3),
    onehot: 'e' + subscript(ex.first_sample_class() + 1),
  });
  $('speedup-out').textContent = format_number(ex.speedup(), 3);
  $('annealed-tau').textContent = format_number(ex.annealed_tau(), 4);
  $('step-out').textContent = String(ex.step());
  $('step-out2').textContent = String(ex.step());
  const [done, target] = ex.progress();
  // Counts keep one format in every language: digits grouped by commas.
  $('progress').textContent = done < target
    ? t('readout.sampling', { done: groupedCount(done), target: groupedCount(target) })
    : '';
  const caption = k === 2 ? t('density.caption2') : k === 3 ? t('density.caption3') : t('density.captionPolygon', { k });
  $('density-caption').textContent = caption;
  $('density-note').textContent = k > 3 ? t('density.notePolygon', { k }) : '';
}
