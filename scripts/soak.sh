#!/usr/bin/env bash
# `make soak`: a long lecture in headless Chromium (bench/soak.mjs): the annealing plays for
# SOAK_MINUTES (default 10) under random slider moves while memory, errors and the page's answer
# to a key press are sampled; prints a small report (also target/bench/soak.json). Optional, and
# not part of `make bench` or `make test`.
#   SOAK_MINUTES=1 scripts/soak.sh      a quick look
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scripts/setup.sh test >&2
scripts/build-web.sh >&2
say "soak: ${SOAK_MINUTES:-10} min (node bench/soak.mjs)" >&2
# The outer timeout only guards against a stuck browser; the soak serves the site itself.
minutes=${SOAK_MINUTES:-10}
timeout "$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 + 600 }')" node bench/soak.mjs
