#!/usr/bin/env bash
# Builds the release wasm modules and generates their JavaScript bindings.
#   scripts/build-web.sh              the page's module into www/pkg (no benchmark code in it),
#                                     and the training worker's module (view 9, the `vae-worker`
#                                     feature: the VAE trainer's handle only) into www/pkg-vae
#   scripts/build-web.sh --bench DIR  the benchmark's modules: the page's code plus the `bench`
#                                     feature (the kernels and their export `bench_kernel`) into
#                                     DIR, and the worker's code plus `bench` (the VAE speed
#                                     export `bench_vae_steps`) into DIR-vae; `make bench` loads
#                                     them beside the page
# Assumes scripts/setup.sh has run. Set WASM_OPT=0 to skip the optional wasm-opt pass.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The `web` profile (Cargo.toml) is the release profile optimised for size as well as speed;
# `web-bench`, `web-vae` and `web-vae-bench` are the same profile in directories of their own,
# so that building one module never replaces another.
usage() { die "usage: scripts/build-web.sh [--bench DIR]"; }

# The training worker's modules use wasm SIMD (128-bit vectors: Chromium 91, Firefox 89,
# Safari 16.4 and later), which lets the compiler vectorise the dense layers' dot products.
# The page's module does not, so the page itself still loads in older browsers.
SIMD=(-C target-feature=+simd128)

# build_module PROFILE FEATURES OUT_DIR [simd]
build_module() {
  local profile=$1 features=$2 out_dir=$3 simd=${4:-}
  local env_args=() opt_flags=()
  if [[ $simd == simd ]]; then
    env_args=("RUSTFLAGS=${RUSTFLAGS:+$RUSTFLAGS }${SIMD[*]}")
    opt_flags=(--enable-simd)
  fi
  local feature_args=()
  [[ -n $features ]] && feature_args=(--features "$features")
  local wasm_file="${CARGO_TARGET_DIR:-target}/$WASM_TARGET/$profile/$CRATE_LIB.wasm"

  say "${env_args[*]}${env_args[*]:+ }cargo build --profile $profile --target $WASM_TARGET --lib ${feature_args[*]}"
  env "${env_args[@]}" cargo build --profile "$profile" --target "$WASM_TARGET" --lib "${feature_args[@]}"

  local out="$out_dir/${CRATE_LIB}_bg.wasm"
  local stamp="$out_dir/.built-with"
  local version
  version=$(wasm-bindgen --version)
  if [[ -f $out && $out -nt $wasm_file && -f $stamp && $(<"$stamp") == "$version" ]]; then
    say "$out_dir is up to date"
    return 0
  fi

  say "wasm-bindgen --target web -> $out_dir"
  rm -rf "$out_dir"
  # Function names only help a profiler; without them the module is ~20 KB smaller gzipped.
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$out_dir" "$wasm_file"

  # wasm-opt (from binaryen) makes the module smaller; the site works without it. Versions
  # before 116 (Debian 12 ships 108) corrupt wasm-bindgen's externref table, so those are
  # skipped.
  local min=116
  if [[ ${WASM_OPT:-1} != 0 ]] && have wasm-opt; then
    local opt_version
    opt_version=$(wasm-opt --version | grep -oE '[0-9]+' | head -n 1)
    if ((${opt_version:-0} < min)); then
      say "wasm-opt $opt_version is older than $min: skipping it"
    else
      say "wasm-opt -O3 (binaryen $opt_version)"
      if wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue "${opt_flags[@]}" \
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
}

case ${1:-} in
  "")
    build_module web "" "$PKG_DIR"
    build_module web-vae vae-worker "$VAE_PKG_DIR" simd
    ;;
  --bench)
    [[ -n ${2:-} ]] || usage
    build_module web-bench bench "$2"
    build_module web-vae-bench vae-worker,bench "$2-vae" simd
    ;;
  *) usage ;;
esac
