#!/usr/bin/env bash
# Sets up, builds, and serves the explorer at http://127.0.0.1:${PORT:-8000}/ until Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

port=${PORT:-8000}
scripts/setup.sh web
scripts/build-web.sh

[[ -f index.html ]] || warn "index.html is not there yet; the server will list the folder instead"
say "Gumbel-Softmax Explorer: http://127.0.0.1:$port/  (Ctrl-C stops the server)"
# The repository root is served: index.html loads ./www/main.js, which imports ./pkg/.
exec python3 -m http.server --bind 127.0.0.1 "$port"
