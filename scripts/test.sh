#!/usr/bin/env bash
# Everything CI runs, in order; stops at the first failure and exits non-zero.
# Prints the wall time of each stage and the total at the end, on success and on failure.
#   scripts/test.sh                        all stages (what `make test` and CI run)
#   scripts/test.sh build-site browser-tests   setup plus only the named stages
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

now() {
  local t=${EPOCHREALTIME:-$(date +%s)}
  echo "${t/,/.}" # some locales write a decimal comma
}
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

T_START=$(now)
STAGE="" STAGE_START="" SERVER_PID="" SITE_URL=""
SUMMARY=() PASSED=0
ONLY=" $* "
STAGES=" setup fmt clippy clippy-wasm native-tests wasm-tests build-site browser-tests engine-tests "
for name in "$@"; do
  [[ $STAGES == *" $name "* ]] || die "no stage named '$name'; the stages are:$STAGES"
done

# A stage runs one command; if it fails, errexit ends the script and the EXIT trap reports it.
stage() {
  if [[ $ONLY != "  " && $1 != setup && $ONLY != *" $1 "* ]]; then return; fi
  STAGE=$1
  shift
  # A function says what it runs itself; a plain command is shown here.
  if declare -F "$1" >/dev/null; then
    printf '\n==> [%s]\n' "$STAGE"
  else
    printf '\n==> [%s] %s\n' "$STAGE" "$*"
  fi
  STAGE_START=$(now)
  "$@"
  SUMMARY+=("$(printf '  %-16s %8ss  ok' "$STAGE" "$(elapsed "$STAGE_START")")")
  PASSED=$((PASSED + 1))
  STAGE=""
}

# The site, served once for the browser stages (the repository root, as `make serve` would).
serve_site() {
  [[ -z $SERVER_PID ]] || return 0
  local port
  port=$(free_port)
  SITE_URL="http://127.0.0.1:$port/"
  mkdir -p target
  python3 -m http.server --bind 127.0.0.1 "$port" >target/http-server.log 2>&1 &
  SERVER_PID=$!
  wait_http "$SITE_URL"
  say "site served at $SITE_URL (log: target/http-server.log)"
}

stop_server() {
  if [[ -n $SERVER_PID ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

finish() {
  local rc=$? failed=0
  stop_server
  if [[ -n $STAGE ]]; then
    SUMMARY+=("$(printf '  %-16s %8ss  FAILED (exit %d)' "$STAGE" "$(elapsed "$STAGE_START")" "$rc")")
    failed=1
    ((rc != 0)) || rc=1
  fi
  printf '\n==> Wall time per stage\n'
  printf '%s\n' "${SUMMARY[@]}"
  printf '  %-16s %8ss\n' total "$(elapsed "$T_START")"
  printf 'stages: %d passed, %d failed\n' "$PASSED" "$failed"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Release mode for the statistical tests' speed, but without the release profile's fat LTO:
# linking every test binary with LTO took five times longer to build for no faster run.
native_tests() {
  say "cargo test --release (with LTO off)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo test --release
}

# The wasm modules are built with different features (the page's full and first modules, the
# training worker's): each build must be clean.
clippy_wasm() {
  local features
  for features in "" first-module vae-worker; do
    say "cargo clippy --target $WASM_TARGET --lib ${features:+--features $features} -- -D warnings"
    cargo clippy --target "$WASM_TARGET" --lib ${features:+--features "$features"} -- -D warnings
  done
}

wasm_tests() {
  say "cargo test --target $WASM_TARGET --test web"
  # The runner drives headless Chromium through ChromeDriver; webdriver.json adds the
  # flags that keep Chromium off the network. Only --test web: the other tests read files.
  CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/scripts/webdriver.json" \
    cargo test --target "$WASM_TARGET" --test web
}

browser_tests() {
  serve_site
  # Each test bounds its own waits; the outer timeout only guards CI against a stuck browser.
  # The accessibility check (a11y.test.mjs) and the link corpus run here too, in Chromium.
  say "node --test tests/browser/"
  EXPLORER_URL=$SITE_URL EXPLORER_REQUIRE_DIST=1 timeout 40m node --test tests/browser/
}

# The cross-engine suite: the same checks in Firefox (Puppeteer), WebKit (WebKitWebDriver under
# Xvfb) and Chromium, one engine at a time. Each test file ends its own browser, driver and
# display on every path; the timeout's TERM reaches them through node's signal handlers.
engine_tests() {
  serve_site
  say "node --test tests/engines/ (Firefox, WebKit, Chromium)"
  EXPLORER_URL=$SITE_URL timeout 15m node --test --test-concurrency=1 tests/engines/
}

stage setup scripts/setup.sh test
stage fmt cargo fmt --all -- --check
stage clippy cargo clippy --all-targets -- -D warnings
stage clippy-wasm clippy_wasm
stage native-tests native_tests
stage wasm-tests wasm_tests
stage build-site scripts/dist.sh
stage browser-tests browser_tests
stage engine-tests engine_tests
