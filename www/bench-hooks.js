// Hooks for the benchmark and the long-use memory test, read from outside the page: each
// view's last draw time and the wasm module's linear memory. The page itself never reads them.

// Milliseconds of each view's last draw (window.__explorerViewTimings).
const viewTimings = {};
window.__explorerViewTimings = viewTimings;

/** Records how long view `view` took to draw. */
export function recordViewTime(view, ms) {
  viewTimings[view] = ms;
}

/** Exposes `read()` (bytes of wasm linear memory) as window.__explorerWasmMemoryBytes(). */
export function exposeWasmMemory(read) {
  window.__explorerWasmMemoryBytes = read;
}
