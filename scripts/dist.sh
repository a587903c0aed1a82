#!/usr/bin/env bash
# Builds the site and copies it into dist/: a self-contained static folder that any static
# host can serve, at the root of a domain or under a sub-path such as /explorer/, plus
# dist/gumbel-softmax-explorer.html: the same explorer in one file that works opened from disk.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scripts/setup.sh web
scripts/build-web.sh

[[ -f index.html ]] || die "index.html is missing; there is no site to package yet"

say "assembling dist/"
rm -rf dist
mkdir -p dist
cp index.html dist/
# www/ holds the controller scripts, styles, assets and the generated pkg/; skip dotfiles
# (the build stamp) and anything that only a bundler or TypeScript would read.
tar -C . --exclude='.*' --exclude='*.d.ts' --exclude='package.json' -cf - www | tar -C dist -xf -
if [[ -d assets ]]; then cp -r assets dist/; fi

# The page's module carries no benchmark code (that needs the `bench` feature, which only
# `make bench` builds, into a directory of its own).
if grep -q 'bench_kernel' dist/www/pkg/*.js dist/www/pkg-first/*.js; then
  die "dist/www/pkg or pkg-first exports bench_kernel: a page's module was built with the bench feature"
fi
[[ -f dist/www/pkg-first/${CRATE_LIB}_bg.wasm ]] || die "dist/www/pkg-first is missing: the page's first module was not built"

# View 9 trains in a Web Worker that loads a module of its own (the `vae-worker` feature), and
# that module has none of the page's handle.
[[ -f dist/www/pkg-vae/${CRATE_LIB}_bg.wasm ]] || die "dist/www/pkg-vae is missing: the training worker's module was not built"
if grep -q 'class Explorer' dist/www/pkg-vae/*.js || grep -q 'class VaeRun' dist/www/pkg/*.js; then
  die "the page's module and the training worker's module were built with the wrong features"
fi

# Root-absolute URLs break under a sub-path; every reference must be relative.
if grep -rnE '(src|href)="/[^/]|from +["'\'']/|import\(["'\'']/|url\(["'\'']?/[^/]' dist --include='*.html' --include='*.js' --include='*.css'; then
  die "dist/ has root-absolute URLs (above); use relative paths so the site works under a sub-path"
fi

# The whole explorer in one file, for a class or a room without network (opens from file://).
have node || die "node is needed to write dist/gumbel-softmax-explorer.html (scripts/single-file.mjs)"
node scripts/single-file.mjs dist dist/gumbel-softmax-explorer.html
# The served page's start-up modules in one script, as few requests as a phone's network can
# fetch quickly (scripts/bundle-site.mjs); after the single file, which bundles them its own way.
node scripts/bundle-site.mjs dist

say "dist/ ready: $(find dist -type f | wc -l) files, $(du -sh dist | cut -f1)"

# The page's first module is downloaded by every visitor before anything draws: its target is
# 150,000 bytes as served (gzip -9), and the build fails above it. The full module loads after
# the first views are drawn; it may not grow past a ceiling just above its present size, so
# that it can only shrink (lower the ceiling as it does). Checked last, so that dist/ is
# complete for a look even when they fail.
FIRST_WASM_LIMIT=150000
FULL_WASM_LIMIT=182000
gz_size() { gzip -9 -c "$1" | wc -c; }
first_wasm=dist/www/pkg-first/${CRATE_LIB}_bg.wasm
full_wasm=dist/www/pkg/${CRATE_LIB}_bg.wasm
first_gz=$(gz_size "$first_wasm")
full_gz=$(gz_size "$full_wasm")
if ((first_gz > FIRST_WASM_LIMIT)); then
  die "$first_wasm is $first_gz bytes gzipped, over its target of $FIRST_WASM_LIMIT bytes; \
find what grew with twiggy (README, How it is built) and make it smaller before shipping"
fi
if ((full_gz > FULL_WASM_LIMIT)); then
  die "$full_wasm is $full_gz bytes gzipped, over its ceiling of $FULL_WASM_LIMIT bytes; \
find what grew with twiggy (README, How it is built) and make it smaller before shipping"
fi
say "$first_wasm: $first_gz bytes gzipped (target $FIRST_WASM_LIMIT); $full_wasm: $full_gz bytes (ceiling $FULL_WASM_LIMIT)"
