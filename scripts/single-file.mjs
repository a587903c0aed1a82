#!/usr/bin/env node
// Writes the whole explorer as one HTML file that works opened from disk (file://) with no
// network: the page, its styles, its modules (joined by bundle-modules.mjs) and the wasm
// (base64) inline, under a strict Content-Security-Policy whose hashes are computed here.
// View 9's training worker is bundled the same way (its script, its glue and its own wasm)
// into a string of the page's script, and started from a blob: URL.
//   node scripts/single-file.mjs SITE_DIR OUT_FILE
// SITE_DIR holds index.html and www/ as dist/ does. Scripts marked data-single-file="omit"
// (the notice for a multi-file page opened from disk) are left out.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleModules } from './bundle-modules.mjs';

const WASM_SOURCE = 'www/wasm-source.js';
const FIRST_MODULE = 'www/first-module.js';
const FULL_MODULE_SOURCE = 'www/full-module-source.js';
const WASM_FILE = 'www/pkg/gumbel_explorer_bg.wasm';
const WORKER_SOURCE = 'www/vae-worker-source.js';
const WORKER_SCRIPT = 'www/vae-worker.js';
const WORKER_WASM_FILE = 'www/pkg-vae/gumbel_explorer_bg.wasm';
const WORDS_LOADER = 'www/lang/load.js';
// Every language's word table is inlined: the single file has nothing beside it to fetch.
const WORDS_TABLES = ['./en.js', './zh-CN.js'];

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The module that hands wasm-bindgen's init the inlined bytes instead of a URL. */
function inlineWasmSource(bytes) {
  return `// The single file's wasm: its bytes, inlined as base64 by scripts/single-file.mjs.
const WASM_BASE64 = '${bytes.toString('base64')}';
export function wasmSource() {
  const text = atob(WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return { module_or_path: bytes };
}
`;
}

/**
 * The single file starts on the full module (it downloads nothing, so a smaller first module
 * would gain nothing): www/first-module.js re-exports www/pkg's glue instead of www/pkg-first's,
 * the same names.
 */
function fullAsFirstModule(source) {
  const text = source.replace("from './pkg-first/gumbel_explorer.js'", "from './pkg/gumbel_explorer.js'");
  if (text === source) fail(`${FIRST_MODULE} no longer re-exports ./pkg-first/gumbel_explorer.js; update single-file.mjs`);
  return text;
}

/** Never asked for: the single file's first module is the full one (see fullAsFirstModule). */
function noFullModuleSource() {
  return `// The single file starts on the full module, so it never loads one (scripts/single-file.mjs).
export async function importFullModule() {
  throw new Error('the single file has no second module');
}
`;
}

/** The module that hands over the word tables, all of them inlined instead of fetched. */
function inlineWordsLoader() {
  return `// The single file's word tables: every language inlined by scripts/single-file.mjs.
${WORDS_TABLES.map((file) => `import '${file}';`).join('\n')}
export async function loadWords(tag) {
  return globalThis.explorerWords[tag];
}
`;
}

/**
 * The module that starts view 9's worker from its bundled script, held in the page's own.
 * A classic worker: Chromium refuses a module worker from a blob: URL made by a page opened
 * from disk (its origin is opaque). The bundle has no import or export left, and its one
 * `import.meta.url` (wasm-bindgen's default address of the wasm, unused when the bytes are
 * handed over) becomes the worker's own address, so it runs as a classic script; "use strict"
 * keeps the module's semantics.
 */
function inlineWorkerSource(code) {
  const classic = '"use strict";\n' + code.replaceAll('import.meta.url', 'self.location.href');
  if (/\bimport\.meta\b/.test(classic)) fail(`${WORKER_SCRIPT}: import.meta is used beyond import.meta.url, which a classic worker lacks`);
  return `// The single file's training worker: its script, bundled with its wasm by
// scripts/single-file.mjs, started as a classic worker from a blob: URL (made once, kept for
// a restart).
const WORKER_SCRIPT = ${JSON.stringify(classic)};
let url = null;
export function startVaeWorker() {
  url ??= URL.createObjectURL(new Blob([WORKER_SCRIPT], { type: 'text/javascript' }));
  return new Worker(url);
}
`;
}

/** The modules reached from `entry`, joined into one, with `replace`'s modules swapped in. */
function bundle(entry, read, replace) {
  const code = bundleModules(entry, read, replace);
  // A dynamic import would fetch a file, which the single file does not have.
  if (/\bimport\s*\(/.test(code)) fail(`${entry}: a dynamic import() is left after bundling; inline it (see WORDS_LOADER)`);
  return code;
}

/** Text placed inside a <script> or <style> element must not end it early. */
function checkInline(what, text, tag) {
  if (new RegExp(`</${tag}`, 'i').test(text) || text.includes('<!--')) {
    fail(`${what} contains "</${tag}" or "<!--", which would break the inline element`);
  }
  return text;
}

export function buildSingleFile(siteDir) {
  const read = (file) => readFileSync(path.join(siteDir, file), 'utf8');
  let html = read('index.html');
  const scriptHashes = [];
  const styleHashes = [];

  html = html.replace(/<link\s+rel="stylesheet"\s+href="([^"]+)"\s*>/g, (_, href) => {
    const css = checkInline(href, read(href), 'style');
    if (/url\(\s*['"]?(?!data:)/.test(css)) fail(`${href} refers to a file with url(); inline it as data: first`);
    styleHashes.push(sha256(css));
    return `<style>${css}</style>`;
  });
  html = html.replace(/<script\b([^>]*)><\/script>/g, (tag, attrs) => {
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (!src) fail(`cannot inline ${tag}`);
    if (/data-single-file="omit"/.test(attrs)) return '';
    let code;
    let type = '';
    if (/type="module"/.test(attrs)) {
      const wasm = (file) => inlineWasmSource(readFileSync(path.join(siteDir, file)));
      // The worker is a module of its own, so it gets its own wasm through the same
      // www/wasm-source.js (its glue is www/pkg-vae's).
      const worker = bundle(WORKER_SCRIPT, read, new Map([
        [WASM_SOURCE, wasm(WORKER_WASM_FILE)],
        [WORDS_LOADER, inlineWordsLoader()],
      ]));
      code = bundle(src, read, new Map([
        [WASM_SOURCE, wasm(WASM_FILE)],
        [FIRST_MODULE, fullAsFirstModule(read(FIRST_MODULE))],
        [FULL_MODULE_SOURCE, noFullModuleSource()],
        [WORDS_LOADER, inlineWordsLoader()],
        [WORKER_SOURCE, inlineWorkerSource(worker)],
      ]));
      type = ' type="module"';
      // A worker started from a file's URL would find nothing beside the single file.
      if (/new\s+(?:Shared)?Worker\s*\(\s*new\s+URL\b/.test(code)) {
        fail(`${src}: a Web Worker is started from a file; take its URL from a module the single file replaces (see WORKER_SOURCE)`);
      }
    } else {
      code = read(src);
    }
    checkInline(src, code, 'script');
    scriptHashes.push(sha256(code));
    return `<script${type}>${code}</script>`;
  });
  if (!scriptHashes.length) fail('index.html loads no script');

  // Nothing may be fetched: no connections, images only from data: and blob:. The one worker
  // (view 9's trainer) is started from a blob: URL the page makes of its own inlined text:
  // without `worker-src blob:` the hashes of script-src would refuse it, as a worker's script
  // is not an inline element to hash. The worker inherits this policy, 'wasm-unsafe-eval'
  // included, so it can compile its wasm and fetch nothing either.
  const csp = [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    `style-src ${styleHashes.join(' ')}`,
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
  if (!meta.test(html)) fail('index.html has no Content-Security-Policy meta element to replace');
  html = html.replace(meta, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  html = html.replace(/<html\b/, '<html data-build="single-file"');

  // What is left must not point at a file: the single file has none beside it.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
  const outside = /\s(?:src|href)="(?!#|data:|https?:|gumbel-softmax-explorer\.html")[^"]*"/.exec(markup);
  if (outside) fail(`the single file still refers to a file: ${outside[0].trim()}`);
  return html;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [siteDir, out] = process.argv.slice(2);
  if (!siteDir || !out) fail('usage: node scripts/single-file.mjs SITE_DIR OUT_FILE');
  const html = buildSingleFile(siteDir);
  writeFileSync(out, html);
  console.log(`==> wrote ${out} (${Buffer.byteLength(html)} bytes)`);
}
