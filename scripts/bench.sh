#!/usr/bin/env bash
# Runs the maths benchmarks (examples/bench_math.rs) in release mode, if they exist yet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -f examples/bench_math.rs && ! -f examples/bench_math/main.rs ]]; then
  say "examples/bench_math.rs is not there yet: no benchmarks to run"
  exit 0
fi
cargo run --release --example bench_math -- "$@"
