#!/usr/bin/env bash
# `make bench`: builds what it needs, then measures and prints ONE table (also written to
# target/bench/report.md; the raw results are the JSON files next to it):
#   - the kernels (sampling, density grid, sweep, sample summary) natively and as wasm in
#     headless Chromium, and their ratio. The kernels exist only with the `bench` cargo feature:
#     the native run turns it on, and the browser loads a module of its own built with it
#     (target/bench/pkg), beside the page's module, which carries no benchmark code;
#   - the full redraw after a τ change in headless Chromium (1280 × 900, deviceScaleFactor 1);
#   - the peer: the same content redrawn by NumPy + Matplotlib (bench/notebook_redraw.py), in a
#     venv under target/bench-venv that this script creates when Python can install them;
#   - bundle sizes, long tasks while dragging τ at N = 1e6 and at k = 10, wasm memory growth
#     over 1,000 redraws;
#   - training steps per second (view 8), natively (examples/bench_training) and in the page.
#   - view 9's VAE: training steps per second per model natively (examples/bench_vae.rs) and in
#     Chromium (bench/vae_bench.mjs, with the worker's module built with `bench` into
#     target/bench/pkg-vae), and the page's own run to 5,000 steps.
# Progress goes to stderr; stdout carries only the table. Targets are reported, not enforced:
# the exit status is non-zero only when a measurement could not be made.
#
# Knobs (environment): BENCH_ITERATIONS (τ changes timed, default 40), BENCH_WARMUP (5),
# BENCH_MEMORY_REDRAWS (1000), BENCH_KERNEL_REPS (15), BENCH_PEER_RUNS (15),
# BENCH_URL (measure an already served site instead of serving this checkout; the wasm kernels
# are then loaded from target/bench/pkg/ under that URL, and reported n/a if it is not served).
# Per-operation timings of the math core alone: cargo run --release --example bench_math
# What a long task is made of (a Chrome trace of the first load, τ drags, N = 1e6, k = 10 and
# k = 3's exact curves): node bench/trace_tasks.mjs [--viewport 1440x900x2] (after a build).
# What the readouts and each data table cost after a change of π: node bench/follower_cost.mjs [--k 10].
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT=target/bench
BENCH_PKG=$OUT/pkg
VENV=target/bench-venv
mkdir -p "$OUT"
rm -f "$OUT"/native.json "$OUT"/browser.json "$OUT"/notebook.json "$OUT"/report.md "$OUT"/load.txt "$OUT"/training.json "$OUT"/vae*
FAILED=()

step() { say "$*" >&2; }
# The machine may be shared: note the 1-minute load average as each part starts.
mark_load() {
  if [[ -r /proc/loadavg ]]; then
    echo "$1 $(cut -d ' ' -f 1 /proc/loadavg)" >>"$OUT/load.txt"
  fi
}

step "setup, the page's wasm and the benchmark's own, the packaged site (scripts/dist.sh, scripts/build-web.sh --bench $BENCH_PKG)"
scripts/setup.sh test >&2
scripts/dist.sh >&2
scripts/build-web.sh --bench "$BENCH_PKG" >&2

step "native kernels (cargo run --release --features bench --example bench_kernels)"
cargo build --release --features bench --example bench_kernels >&2
mark_load native
if ! cargo run --release --features bench --example bench_kernels -- "${BENCH_KERNEL_REPS:-15}" >"$OUT/native.json.tmp"; then
  FAILED+=("native kernels")
else
  mv "$OUT/native.json.tmp" "$OUT/native.json"
fi
rm -f "$OUT/native.json.tmp"

step "native training steps (cargo run --release --example bench_training -- --json)"
if ! cargo run --release --example bench_training -- --json >"$OUT/training.json.tmp"; then
  FAILED+=("native training")
else
  mv "$OUT/training.json.tmp" "$OUT/training.json"
fi
rm -f "$OUT/training.json.tmp"

kernel_names=""
if [[ -f $OUT/native.json ]]; then
  kernel_names=$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.kernels.map((k) => k.name).join(","));' "$OUT/native.json")
fi

step "browser: redraw, wasm kernels, memory, dragging (node bench/browser_bench.mjs)"
browser_args=(
  --iterations "${BENCH_ITERATIONS:-40}"
  --warmup "${BENCH_WARMUP:-5}"
  --memory-redraws "${BENCH_MEMORY_REDRAWS:-1000}"
  --kernel-reps "${BENCH_KERNEL_REPS:-15}"
  --kernel-module "$BENCH_PKG/${CRATE_LIB}.js"
  --out "$OUT/browser.json"
)
[[ -n $kernel_names ]] && browser_args+=(--kernels "$kernel_names")
[[ -n ${BENCH_URL:-} ]] && browser_args+=(--url "$BENCH_URL")
# The outer timeout only guards against a stuck browser.
mark_load browser
if ! timeout 30m node bench/browser_bench.mjs "${browser_args[@]}"; then
  FAILED+=("browser benchmark")
fi

# The peer needs numpy and matplotlib: use the venv if it has them, else make it and install
# them with pip. On any failure the table says n/a and why.
peer_why=""
peer_python() {
  if [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -c 'import numpy, matplotlib' 2>/dev/null; then
    return 0
  fi
  if ! have python3; then
    peer_why="python3 not found"
    return 1
  fi
  step "notebook peer: installing numpy and matplotlib into $VENV (pip)"
  local log=$OUT/pip.log
  if ! python3 -m venv "$VENV" >"$log" 2>&1; then
    peer_why="python3 -m venv failed: $(tail -n 1 "$log")"
    return 1
  fi
  if ! "$VENV/bin/python" -m pip install --quiet numpy matplotlib >>"$log" 2>&1; then
    peer_why="pip install numpy matplotlib failed: $(grep -m 1 -iE 'error' "$log" || tail -n 1 "$log")"
    return 1
  fi
}
if peer_python; then
  step "notebook peer: NumPy + Matplotlib redraw (bench/notebook_redraw.py)"
  mark_load peer
  if ! "$VENV/bin/python" bench/notebook_redraw.py --runs "${BENCH_PEER_RUNS:-15}" >"$OUT/notebook.json.tmp" 2>"$OUT/notebook.err"; then
    peer_why="bench/notebook_redraw.py failed: $(tail -n 1 "$OUT/notebook.err")"
  else
    mv "$OUT/notebook.json.tmp" "$OUT/notebook.json"
  fi
  rm -f "$OUT/notebook.json.tmp"
fi
[[ -z $peer_why ]] || warn "notebook peer: $peer_why"

node bench/report.mjs "$OUT/native.json" "$OUT/browser.json" "$OUT/notebook.json" "$peer_why" "$OUT/load.txt" "$OUT/training.json" | tee "$OUT/report.md"

# ---- where the users are: four viewports (page served gzip-compressed), Lighthouse ----------
# Both measure the packaged site (dist/, what a static host serves: the start-up modules in one
# script, scripts/bundle-site.mjs), not this checkout's www/ module by module.
# BENCH_VIEWPORT_RUNS (3; the table shows their median), BENCH_KEYS (30 τ key steps),
# BENCH_MOVES (40 mouse moves per drag), BENCH_LIGHTHOUSE (1; 0 skips it: it is slow).
viewport_runs=()
for ((run = 1; run <= ${BENCH_VIEWPORT_RUNS:-3}; run++)); do
  step "viewports, run $run (node bench/viewport_bench.mjs)"
  mark_load "viewports-$run"
  if timeout 20m node bench/viewport_bench.mjs --root dist --keys "${BENCH_KEYS:-30}" \
    --moves "${BENCH_MOVES:-40}" --out "$OUT/viewports-$run.json"; then
    viewport_runs+=("$OUT/viewports-$run.json")
  else
    FAILED+=("viewport benchmark run $run")
  fi
done
lighthouse_args=()
if [[ ${BENCH_LIGHTHOUSE:-1} != 0 ]]; then
  step "Lighthouse 12.2.3, mobile and desktop presets (BENCH_LIGHTHOUSE=0 skips it)"
  if npm install --silent --no-audit --no-fund -E --prefix "$OUT/lighthouse" lighthouse@12.2.3 >&2 &&
    CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs "$OUT/lighthouse/node_modules/.bin/lighthouse" \
      --root dist >"$OUT/lighthouse.json"; then
    lighthouse_args=(--lighthouse "$OUT/lighthouse.json")
  else
    FAILED+=("Lighthouse")
  fi
fi
if ((${#viewport_runs[@]})); then
  node bench/viewport_report.mjs "${viewport_runs[@]}" --peer "$OUT/notebook.json" "${lighthouse_args[@]}" |
    tee -a "$OUT/report.md"
fi

# View 9's VAE: steps per second per model natively and in Chromium (the benchmark's copy of the
# worker's module, $BENCH_PKG-vae), and the page's own run to 5,000 steps.
step "VAE: cargo run --release --example bench_vae, then node bench/vae_bench.mjs"
mark_load vae
if cargo run --release --example bench_vae >"$OUT/vae-native.txt" &&
  timeout 30m node bench/vae_bench.mjs --native "$OUT/vae-native.txt" --module "$BENCH_PKG-vae/${CRATE_LIB}.js" \
    --out "$OUT/vae.json" ${BENCH_URL:+--url "$BENCH_URL"} >"$OUT/vae.md"; then
  tee -a "$OUT/report.md" <"$OUT/vae.md"
else
  FAILED+=("VAE benchmark")
fi

if ((${#FAILED[@]})); then
  die "could not measure: ${FAILED[*]} (see the messages above)"
fi
