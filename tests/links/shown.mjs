// What a link must bring back, as the page shows it: the state text the page writes into the
// link, and every field and readout that follows from the state alone. Numbers drawn from
// samples (χ², E[y], the straight-through draw) are left out: they follow from the state too,
// but their digits are pinned by the value-stability tests, not by the links. So are the π
// sliders' positions and the logits field: they hold the weights or logits as entered until the
// page next rewrites them (π, their normalisation, is what the π readouts show).
// Shared by the recorder (record.mjs) and the corpus test (tests/browser/links_corpus.test.mjs).

/** The page's link, brought up to date by its "copy link" button (it writes the hash at once). */
export async function writtenLink(page) {
  await page.click('#copy-link');
  return page.evaluate(() => location.hash);
}

/** The fields and readouts that show the state, by element id. */
export async function shownState(page) {
  return page.evaluate(() => {
    const ids = (selector) => Array.from(document.querySelectorAll(selector), (el) => el.id);
    const fields = ['k', 'tau-text', 'samples-text', 'seed', 'objective', 'objective-values',
      'sched-tau0', 'sched-rate', 'sched-min', 'sched-every', 'step',
      'cost-d', 'cost-i', 'cost-g', 'cost-k'];
    const readouts = ['k-out', 'tau-convex', 'exact-out', 'speedup-out', 'annealed-tau', 'step-out',
      'objective-values-label', ...ids('#pi-sliders output')];
    const out = {};
    for (const id of fields) out[id] = document.getElementById(id)?.value ?? null;
    for (const id of readouts) out[id] = document.getElementById(id)?.textContent.trim() ?? null;
    return out;
  });
}
