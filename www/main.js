// Gumbel-Softmax Explorer: the page's start-up. It loads the first WebAssembly module, creates the
// one Rust handle (`Explorer`), restores the state from the link, connects the controller
// modules and draws; then the full module takes the handle over (www/full-module.js). All
// computation happens in Rust, and each module below holds one concern. The page's language is
// chosen first (www/lang/choice.js) and its words loaded while the module loads.
import init, { Explorer, wasm_memory_bytes } from './first-module.js';
import { $, root, session, addNotice, errorText, showFatal } from './page.js';
import { exposeWasmMemory } from './bench-hooks.js';
import { wireControls } from './controls.js';
import { loadFullModule } from './full-module.js';
import { wireExport } from './export.js';
import { applyLimits } from './limits.js';
import { copyLink, restoreFromLink, writeUrl } from './link.js';
import { buildPiSliders } from './pi-sliders.js';
import { wirePresets } from './presets.js';
import { updateReadouts } from './readouts.js';
import { afterFirstRedraw, afterRedraw, loadViews, observeResizes, redraw } from './scheduler.js';
import { nextTask } from './start-tasks.js';
import { syncAll } from './show-state.js';
import { buildTables, refreshTables } from './tables.js';
import { wasmSource } from './wasm-source.js';
import { wireModes } from './modes.js';
import { resyncOnBlur } from './text-fields.js';
import { wireTraining } from './training.js';
import { wireVae } from './vae.js';
import { setLanguage, startingLanguage, t } from './i18n.js';
import { wireLanguage } from './language.js';

// Called by the module's panic hook (src/api/panic.rs).
window.explorerPanicked = showFatal;

async function main() {
  // The start begins in a task of its own, after the one that runs the page's scripts (on the
  // packaged site, one script, which can arrive before the page is parsed and share a task
  // with the page's layout).
  await nextTask();
  const start = startingLanguage();
  const words = setLanguage(start.tag, { chosen: start.explicit });
  try {
    await init(wasmSource());
  } catch (e) {
    await words.catch(() => {});
    root.dataset.state = 'error';
    $('status').textContent = t('status.noCore', { error: errorText(e) });
    $('status').classList.add('error');
    return;
  }
  try {
    await words;
  } catch (e) {
    // The page stays in English; the notice says why (the table could not be fetched).
    await setLanguage('en', { chosen: false });
    addNotice(() => t('notice.noWords', { tag: start.tag, error: errorText(e) }));
  }
  session.ex = new Explorer();
  wireLanguage(start);
  // For the long-use memory test and the benchmark: the module's linear memory in bytes.
  exposeWasmMemory(wasm_memory_bytes);
  const views = loadViews();
  applyLimits();
  restoreFromLink();
  // The rest of the start in tasks of a few milliseconds each, the browser's in between, so
  // that no task of the start is long on a phone either (www/start-tasks.js).
  while (session.ex.prepare_step()) await nextTask();
  await nextTask();
  buildTables(views);
  await nextTask();
  $('status').textContent = '';
  $('status').hidden = true;
  buildPiSliders();
  syncAll();
  afterRedraw(updateReadouts);
  afterRedraw(refreshTables);
  afterRedraw(writeUrl);
  wireControls();
  wirePresets();
  await nextTask();
  wireTraining();
  resyncOnBlur();
  wireExport();
  wireVae();
  $('copy-link').addEventListener('click', copyLink);
  $('reload').addEventListener('click', () => location.reload());
  wireModes(views);
  // The first redraw waits for the browser's first report of which views can be seen (after
  // its next layout). The full module is fetched once those views are on the screen (after
  // the frame that paints them), so that its download and compilation never delay that paint.
  afterFirstRedraw(() => setTimeout(loadFullModule, 0));
  observeResizes();
  redraw();
}

main();
