#!/usr/bin/env bash
# Builds the release wasm and generates its JavaScript bindings into www/pkg.
# Assumes scripts/setup.sh has run. Set WASM_OPT=0 to skip the optional wasm-opt pass.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The `web` profile (Cargo.toml) is the release profile optimised for size as well as speed.
say "cargo build --profile web --target $WASM_TARGET --lib"
cargo build --profile web --target "$WASM_TARGET" --lib

out="$PKG_DIR/${CRATE_LIB}_bg.wasm"
stamp="$PKG_DIR/.built-with"
version=$(wasm-bindgen --version)
if [[ -f $out && $out -nt $WASM_RELEASE && -f $stamp && $(<"$stamp") == "$version" ]]; then
  say "$PKG_DIR is up to date"
  exit 0
fi

say "wasm-bindgen --target web -> $PKG_DIR"
rm -rf "$PKG_DIR"
# Function names only help a profiler; without them the module is ~20 KB smaller gzipped.
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$PKG_DIR" "$WASM_RELEASE"

# wasm-opt (from binaryen) makes the module smaller; the site works without it. Versions before
# 116 (Debian 12 ships 108) corrupt wasm-bindgen's externref table, so those are skipped.
WASM_OPT_MIN=116
if [[ ${WASM_OPT:-1} != 0 ]] && have wasm-opt; then
  opt_version=$(wasm-opt --version | grep -oE '[0-9]+' | head -n 1)
  if ((${opt_version:-0} < WASM_OPT_MIN)); then
    say "wasm-opt $opt_version is older than $WASM_OPT_MIN: skipping it"
  else
    say "wasm-opt -O3 (binaryen $opt_version)"
    if wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$out" -o "$out.opt"; then
      mv "$out.opt" "$out"
    else
      rm -f "$out.opt"
      warn "wasm-opt failed; keeping the unoptimised module"
    fi
  fi
fi

echo "$version" >"$stamp"
say "built $out ($(wc -c <"$out") bytes)"
