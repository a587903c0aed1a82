// The page's second step of loading: the full module. The page starts on its first module
// (www/first-module.js), which draws every view but those of gradient estimators and training
// (sections 4, 5 and 8) and is smaller to download. Once the views in sight are drawn, the full
// module is fetched; when it is ready it gets the page's state, language and text scale, becomes
// the page's one handle, and the views the first module left undrawn are drawn. If it cannot be
// loaded, the notice says so and the rest of the page works on with the first module.
import { addNotice, errorText, session } from './page.js';
import { exposeWasmMemory } from './bench-hooks.js';
import { wasm_memory_bytes } from './first-module.js';
import { importFullModule } from './full-module-source.js';
import { nextTask } from './start-tasks.js';
import { adoptHandle, fullModuleMissing, waitsForFull } from './scheduler.js';
import { t } from './i18n.js';

/**
 * Loads the full module and hands the page over to it (once; call after the first redraw).
 * Nothing to load when the first module draws every view (the single-file build).
 */
export async function loadFullModule() {
  if (!waitsForFull()) return;
  let ex = null;
  let glue;
  try {
    glue = await importFullModule();
    if (session.dead) return;
    ex = new glue.Explorer();
    // The samples' first pass in steps, as at the start (www/main.js), not at once in the
    // first redraw; the state is restored again after, with whatever changed meanwhile.
    ex.restore(session.ex.state());
    while (ex.prepare_step()) {
      await nextTask();
      if (session.dead) {
        ex.free();
        return;
      }
    }
    const first = session.ex;
    ex.set_language(first.language());
    ex.set_text_scale(first.text_scale());
    ex.restore(first.state());
    // The canvases keep the first module's pictures: the same ones the full module draws.
    ex.adopt_drawn(first.drawn_keys());
    session.ex = ex;
    first.free();
  } catch (e) {
    if (ex) ex.free();
    if (session.dead) return;
    addNotice(() => t('notice.noFullModule', { error: errorText(e) }));
    fullModuleMissing();
    return;
  }
  // For the long-use memory test and the benchmark: both modules' memories, which both stay.
  exposeWasmMemory(() => wasm_memory_bytes() + glue.wasm_memory_bytes());
  adoptHandle(glue.module_view_names());
}
