#!/usr/bin/env node
// Joins the page's start-up modules into one script for the served site (dist/), with the
// single file's bundler (bundle-modules.mjs). Loaded one by one, the page's three dozen modules
// are a chain of requests several imports deep: on a phone's network each level waits a round
// trip before the next is asked for, and each module is one more task for the browser.
// Bundled, the page asks for index.html, its styles, the bundle (with a one-line entry that
// imports it) and the first module's wasm.
//   node scripts/bundle-site.mjs SITE_DIR
// SITE_DIR is dist/ as scripts/dist.sh assembles it: the bundle is www/start.js, which
// www/main.js imports (see below), and the modules it holds are removed, but for those
// something else still loads: the training worker (www/vae-worker.js and what it imports),
// the full module (www/pkg/, imported when the first views are drawn), and the word tables
// (www/lang/, the Chinese one imported when it is chosen). The development server serves www/ as it is, module by module.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleModules } from './bundle-modules.mjs';

const ENTRY = 'www/main.js';
const BUNDLE = 'www/start.js';
const WASM_SOURCE = 'www/wasm-source.js';
const FIRST_WASM = './pkg-first/gumbel_explorer_bg.wasm';
const WORDS_LOADER = 'www/lang/load.js';
// Files the bundle reads that other scripts still load (see above).
const KEPT = new Set(['www/wasm-source.js']);
const KEPT_FOLDERS = ['www/lang/'];

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

const [site] = process.argv.slice(2);
if (!site) fail('usage: node scripts/bundle-site.mjs SITE_DIR');

const read = (file) => readFileSync(path.join(site, file), 'utf8');
const bundled = [];

/**
 * wasm-bindgen's glue finds its wasm beside itself (import.meta.url); inside the bundle that
 * is www/start.js, so the first module's wasm is named from there instead.
 */
function wasmSourceBeside() {
  return `// The first module's wasm, named from the bundle's place (scripts/bundle-site.mjs).
export function wasmSource() {
  return { module_or_path: new URL('${FIRST_WASM}', import.meta.url) };
}
`;
}

/** The word loader with its dynamic import named from www/, where the bundle is. */
function wordsLoaderBeside() {
  const source = read(WORDS_LOADER);
  const text = source.replace("import('./zh-CN.js')", "import('./lang/zh-CN.js')");
  if (text === source) fail(`${WORDS_LOADER} no longer imports ./zh-CN.js; update bundle-site.mjs`);
  return text;
}

const code = bundleModules(ENTRY, (file) => {
  bundled.push(file);
  return read(file);
}, new Map([
  [WASM_SOURCE, wasmSourceBeside()],
  [WORDS_LOADER, wordsLoaderBeside()],
]));
// Dynamic imports left are named from www/: the full module's glue and the Chinese words.
for (const [, spec] of code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) {
  if (!['./pkg/gumbel_explorer.js', './lang/zh-CN.js'].includes(spec)) {
    fail(`the bundle imports ${spec} at run time; name it from www/ (see wordsLoaderBeside)`);
  }
}

const header = '// The page\'s start-up modules in one script, joined by scripts/bundle-site.mjs; the\n' +
  '// separate modules are in the project\'s www/.\n';
writeFileSync(path.join(site, BUNDLE), header + code);
// index.html's module script runs when the page has been parsed, in the task that lays the
// page out. The bundle would run there too, when it arrives first (from a nearby server):
// one long task. The entry imports it instead, so it runs in a task of its own; the page asks
// for it at once (modulepreload), so that it is not one request later.
writeFileSync(path.join(site, ENTRY), `// The page's start: scripts/bundle-site.mjs says why it is a step of its own.\nimport('./${path.basename(BUNDLE)}');\n`);
const html = read('index.html');
const script = '<script type="module" src="www/main.js"></script>';
if (!html.includes(script)) fail(`index.html no longer has ${script}; update bundle-site.mjs`);
writeFileSync(path.join(site, 'index.html'), html.replace(script, `<link rel="modulepreload" href="${BUNDLE}">\n${script}`));
let removed = 0;
for (const file of bundled) {
  if (file === ENTRY || KEPT.has(file) || KEPT_FOLDERS.some((f) => file.startsWith(f))) continue;
  rmSync(path.join(site, file));
  removed++;
}
console.log(`${BUNDLE}: ${bundled.length} modules in one (${code.length} bytes); ${removed} files removed`);
