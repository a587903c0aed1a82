// Where the WebAssembly module comes from. On a served page, wasm-bindgen's loader fetches the
// .wasm file beside its script (no argument needed). The single-file build replaces this module
// with one that hands over the bytes inlined in the file (scripts/single-file.mjs).

/** The argument for wasm-bindgen's `init`: undefined here, meaning "fetch the file". */
export function wasmSource() {
  return undefined;
}
