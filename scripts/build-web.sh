#!/usr/bin/env bash
# Builds the release wasm and generates its JavaScript bindings.
#   scripts/build-web.sh              the page's module, into www/pkg (no benchmark code in it)
#   scripts/build-web.sh --bench DIR  the benchmark's module: the same code plus the `bench`
#                                     feature (the kernels and their export `bench_kernel`),
#                                     into DIR; `make bench` loads it beside the page
# Assumes scripts/setup.sh has run. Set WASM_OPT=0 to skip the optional wasm-opt pass.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The `web` profile (Cargo.toml) is the release profile optimised for size as well as speed;
# `web-bench` is the same profile in a directory of its own, so that building the benchmark's
# module never replaces the page's.
profile=web
features=()
out_dir=$PKG_DIR
case ${1:-} in
  "") ;;
  --bench)
    [[ -n ${2:-} ]] || die "usage: scripts/build-web.sh [--bench DIR]"
    profile=web-bench
    features=(--features bench)
    out_dir=$2
    ;;
  *) die "usage: scripts/build-web.sh [--bench DIR]" ;;
esac
wasm_file="${CARGO_TARGET_DIR:-target}/$WASM_TARGET/$profile/$CRATE_LIB.wasm"

say "cargo build --profile $profile --target $WASM_TARGET --lib ${features[*]}"
cargo build --profile "$profile" --target "$WASM_TARGET" --lib "${features[@]}"

out="$out_dir/${CRATE_LIB}_bg.wasm"
stamp="$out_dir/.built-with"
version=$(wasm-bindgen --version)
if [[ -f $out && $out -nt $wasm_file && -f $stamp && $(<"$stamp") == "$version" ]]; then
  say "$out_dir is up to date"
  exit 0
fi

say "wasm-bindgen --target web -> $out_dir"
rm -rf "$out_dir"
# Function names only help a profiler; without them the module is ~20 KB smaller gzipped.
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out_dir" "$wasm_file"

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
