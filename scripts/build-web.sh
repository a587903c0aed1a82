#!/usr/bin/env bash
# Builds the release wasm modules and generates their JavaScript bindings.
#   scripts/build-web.sh              the page's full module into www/pkg (no benchmark code in
#                                     it), its first module (the `first-module` feature: every
#                                     view but sections 4, 5 and 8) into www/pkg-first, and the
#                                     training worker's module (view 9, the `vae-worker`
#                                     feature: the VAE trainer's handle only) into www/pkg-vae
#   scripts/build-web.sh --bench DIR  the benchmark's modules: the page's code plus the `bench`
#                                     feature (the kernels and their export `bench_kernel`) into
#                                     DIR, and the worker's code plus `bench` (the VAE speed
#                                     export `bench_vae_steps`) into DIR-vae; `make bench` loads
#                                     them beside the page
# Assumes scripts/setup.sh has run (it installs binaryen's wasm-opt with the npm packages).
# Set WASM_OPT=0 to skip the wasm-opt passes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The `web` profile (Cargo.toml) is the release profile optimised for size as well as speed;
# `web-first`, `web-bench`, `web-vae` and `web-vae-bench` are the same profile in directories of
# their own, so that building one module never replaces another.
usage() { die "usage: scripts/build-web.sh [--bench DIR]"; }

# The training worker's modules use wasm SIMD (128-bit vectors: Chromium 91, Firefox 89,
# Safari 16.4 and later), which lets the compiler vectorise the dense layers' dot products.
# The page's module does not, so the page itself still loads in older browsers.
SIMD=(-C target-feature=+simd128)

# The page's modules inline less than opt-level "s" alone would (LLVM's threshold 25, as "z"
# has, instead of 75): 2.3 KB smaller gzipped, with the kernels' times unchanged within the
# noise of the measurement (about 3%), where "z" itself is 9% smaller but 1.5 times slower in
# the estimator sweep and the exact curves. Functions marked #[inline] (the standard library's
# iterator adapters and collections) are inlined up to a cost of 100 rather than LLVM's 325:
# 7 KB smaller gzipped, for the exact curves about 3% more time (median of 11 runs) and the
# other kernels' times unchanged within the noise (25 would save 2 KB more; 200 saves only
# 0.7 KB). (Measured with the kernels of `make bench` in wasm, `bench/kernel_cpu.mjs`.)
SMALL=(-C llvm-args=-inline-threshold=25 -C llvm-args=-inlinehint-threshold=100)

# binaryen's wasm-opt: `pinned` is the exact version package.json pins (npm ci installs it),
# else one on the PATH; `path` is only one on the PATH. Versions before 116 (Debian 12 ships
# 108) corrupt wasm-bindgen's externref table, so those are skipped.
WASM_OPT_MIN=116
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
find_wasm_opt() {
  local tool version
  if [[ $1 == pinned && -x node_modules/.bin/wasm-opt ]]; then
    tool=node_modules/.bin/wasm-opt
  elif have wasm-opt; then
    tool=wasm-opt
  else
    [[ $1 != pinned ]] || say "no wasm-opt: \`npm ci\` (scripts/setup.sh test) installs the pinned binaryen" >&2
    return 1
  fi
  version=$("$tool" --version | grep -oE '[0-9]+' | head -n 1)
  if ((${version:-0} < WASM_OPT_MIN)); then
    say "wasm-opt $version is older than $WASM_OPT_MIN: skipping it" >&2
    return 1
  fi
  echo "$tool"
}

# run_wasm_opt pinned|path FILE ARGS...: rewrites FILE, or keeps it as it was if wasm-opt fails.
run_wasm_opt() {
  local which=$1 file=$2 tool
  shift 2
  tool=$(find_wasm_opt "$which") || return 0
  say "wasm-opt $* ($($tool --version))"
  if "$tool" "${WASM_OPT_FEATURES[@]}" "$@" "$file" -o "$file.opt"; then
    mv "$file.opt" "$file"
  else
    rm -f "$file.opt"
    warn "wasm-opt failed; keeping the module as rustc wrote it"
  fi
}

# The page's module: only merge functions that compiled to identical code (monomorphised
# copies) and drop what nothing references, about 1 KB gzipped; then put the functions in the
# order of their names, so that alike code (one module's functions, the copies of one generic
# function) sits within gzip's window of itself, 2.6 KB smaller gzipped, and drop the names.
# wasm-opt's own optimisation levels make it smaller raw but larger gzipped than rustc's
# opt-level "s" output (measured on this crate: -O3 +8 KB, -Os +5.5 KB, -Oz +6 KB gzipped), and
# the page is served gzipped.
merge_duplicates() {
  run_wasm_opt pinned "$1" --duplicate-function-elimination --remove-unused-module-elements \
    --reorder-functions-by-name --strip-debug
}

# The training worker's module is optimised for speed (see Cargo.toml's web-vae profile), by
# a wasm-opt on the PATH if there is one; the pinned one's -O3 (compiled to JavaScript) takes
# over a minute on this module, and its effect on training speed is unmeasured.
optimise_for_speed() {
  run_wasm_opt path "$1" -O3 --enable-simd
}

# build_module PROFILE FEATURES OUT_DIR small|simd
build_module() {
  local profile=$1 features=$2 out_dir=$3 kind=$4
  local env_args=()
  if [[ $kind == simd ]]; then
    env_args=("RUSTFLAGS=${RUSTFLAGS:+$RUSTFLAGS }${SIMD[*]}")
  else
    env_args=("RUSTFLAGS=${RUSTFLAGS:+$RUSTFLAGS }${SMALL[*]}")
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
  # The page's module keeps them until wasm-opt has ordered its functions by them (see
  # merge_duplicates), when that runs.
  local names=(--remove-name-section)
  if [[ $kind == small && ${WASM_OPT:-1} != 0 ]] && find_wasm_opt pinned >/dev/null 2>&1; then
    names=()
  fi
  wasm-bindgen --target web --no-typescript "${names[@]}" --remove-producers-section \
    --out-dir "$out_dir" "$wasm_file"

  if [[ ${WASM_OPT:-1} != 0 ]]; then
    if [[ $kind == simd ]]; then
      optimise_for_speed "$out"
    else
      merge_duplicates "$out"
    fi
  fi

  echo "$version" >"$stamp"
  say "built $out ($(wc -c <"$out") bytes)"
}

case ${1:-} in
  "")
    build_module web "" "$PKG_DIR" small
    build_module web-first first-module "$FIRST_PKG_DIR" small
    build_module web-vae vae-worker "$VAE_PKG_DIR" simd
    ;;
  --bench)
    [[ -n ${2:-} ]] || usage
    build_module web-bench bench "$2" small
    build_module web-vae-bench vae-worker,bench "$2-vae" simd
    ;;
  *) usage ;;
esac
