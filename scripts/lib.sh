# Shared helpers for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash

# Every script works from the repository root, wherever it is called from.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Tools installed by `cargo install` land here; a fresh shell may not have it on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

CRATE_LIB=gumbel_explorer
WASM_TARGET=wasm32-unknown-unknown
# cargo builds into $CARGO_TARGET_DIR when it is set.
WASM_RELEASE="${CARGO_TARGET_DIR:-target}/$WASM_TARGET/web/$CRATE_LIB.wasm"
PKG_DIR=www/pkg
FIRST_PKG_DIR=www/pkg-first
# The training worker's module (view 9), loaded only by www/vae-worker.js.
VAE_PKG_DIR=www/pkg-vae

# The browsers the tests drive besides Chromium (Debian's paths): Firefox ESR, and WebKitGTK
# (Safari's engine) through its WebDriver and its MiniBrowser.
FIREFOX=${FIREFOX:-/usr/bin/firefox-esr}
WEBKIT_DRIVER=${WEBKIT_DRIVER:-/usr/bin/WebKitWebDriver}
WEBKIT_BROWSER=${WEBKIT_BROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Wait until an HTTP server answers at $1, for at most $2 seconds (default 15).
wait_http() {
  local url=$1 limit=${2:-15} i
  for ((i = 0; i < limit * 10; i++)); do
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  die "no answer from $url after ${limit}s"
}
