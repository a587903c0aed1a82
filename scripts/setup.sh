#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
#   scripts/setup.sh web    Rust's wasm32 target and the wasm-bindgen CLI (enough for `make serve`)
#   scripts/setup.sh test   the above, plus rustfmt/clippy, Chromium + ChromeDriver, Firefox ESR,
#                           WebKitGTK's WebDriver + Xvfb (the other engines), CJK fonts (the page
#                           and its figures in Chinese), and npm packages
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_rust() {
  have cargo || die "cargo not found: install Rust with rustup (https://rustup.rs) and retry"
  have rustup || die "rustup not found: the wasm32 target is added with rustup; install Rust with rustup"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "Rust target $WASM_TARGET: present"
  else
    say "Rust target $WASM_TARGET: adding"
    rustup target add "$WASM_TARGET"
  fi
}

ensure_rust_components() {
  local c
  for c in rustfmt clippy; do
    if rustup component list --installed | grep -q "^$c"; then
      say "rustup component $c: present"
    else
      say "rustup component $c: adding"
      rustup component add "$c"
    fi
  done
}

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or its output will not load.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want have_version=""
  want=$(locked_wasm_bindgen_version)
  [[ -n $want ]] || die "no wasm-bindgen entry in Cargo.lock"
  if have wasm-bindgen && have wasm-bindgen-test-runner; then
    have_version=$(wasm-bindgen --version | awk '{ print $2 }')
  fi
  if [[ $have_version == "$want" ]]; then
    say "wasm-bindgen CLI $want: present"
    return
  fi
  say "wasm-bindgen CLI: installing $want (found: ${have_version:-none}); this takes a few minutes"
  # No --locked: the CLI's own lockfile pins crates that do not build with current toolchains.
  cargo install wasm-bindgen-cli --version "=$want" --force
}

# Debian packages, installed with apt-get when one of the files they provide is missing.
#   ensure_debian WHAT "FILE..." "PACKAGE..."
ensure_debian() {
  local what=$1 files=$2 packages=$3 f missing=""
  for f in $files; do
    [[ -e $f ]] || missing=1
  done
  if [[ -z $missing ]]; then
    say "$what: present"
    return
  fi
  if [[ $(id -u) -eq 0 ]] && have apt-get; then
    say "$what: installing with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086 # a list of package names
    apt-get install -y -q $packages
  else
    die "$what missing; install them, e.g.: sudo apt-get install $packages (they must provide $files)"
  fi
}

ensure_browsers() {
  ensure_debian "Chromium and ChromeDriver" "/usr/bin/chromium /usr/bin/chromedriver" \
    "chromium chromium-driver"
  ensure_debian "Firefox ESR" "$FIREFOX" "firefox-esr"
  ensure_debian "WebKitGTK's WebDriver, MiniBrowser and Xvfb" "$WEBKIT_DRIVER $WEBKIT_BROWSER /usr/bin/xvfb-run" \
    "webkit2gtk-driver xvfb"
  # The system's Chinese fonts: the page never downloads a font, and without one the browser
  # draws Chinese text (the figures' included) as empty boxes.
  ensure_debian "Noto CJK fonts" "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" "fonts-noto-cjk"
}

ensure_node_deps() {
  have node || die "node not found: install Node.js 20 or newer"
  have npm || die "npm not found: install Node.js 20 or newer, which comes with npm"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "Node.js 20 or newer is needed (found $(node --version))"
  # npm writes node_modules/.package-lock.json on every install; newer than the lockfile = up to date.
  if [[ node_modules/.package-lock.json -nt package-lock.json ]]; then
    say "npm packages: present"
  else
    say "npm packages: installing with npm ci"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

main() {
  local what=${1:-web}
  ensure_rust
  ensure_wasm_target
  ensure_wasm_bindgen
  case $what in
    web) ;;
    test)
      ensure_rust_components
      ensure_browsers
      ensure_node_deps
      ;;
    *) die "usage: scripts/setup.sh [web|test]" ;;
  esac
}

main "$@"
