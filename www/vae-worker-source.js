// Where view 9's training worker comes from. On a served page: the module script beside this
// one (www/vae-worker.js), which fetches its own glue and wasm from www/pkg-vae/. The
// single-file build replaces this module with one that holds the worker's whole script
// (bundled, its wasm inlined) and starts it from a blob: URL (scripts/single-file.mjs).

/** Starts the training worker. */
export function startVaeWorker() {
  return new Worker(new URL('./vae-worker.js', import.meta.url), { type: 'module' });
}
