// The module the page starts on: www/pkg-first, the page's handle without the views of gradient
// estimators and training (sections 4, 5 and 8), smaller to download, so that the first figures
// are drawn sooner. The full module takes the handle over once it has loaded
// (www/full-module.js); the functions below give the same results from either module. The
// single-file build, which downloads nothing, re-exports the full module here instead
// (scripts/single-file.mjs).
export {
  default,
  Explorer,
  class_colours,
  format_list,
  format_number,
  limits,
  module_view_names,
  page_mode,
  random_seed,
  subscript,
  view_controls,
  view_names,
  wasm_memory_bytes,
} from './pkg-first/gumbel_explorer.js';
