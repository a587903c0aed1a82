// Shared by the language tests: the word tables as the page loads them, the keys index.html
// marks, and the scan for English left on a page shown in Chinese, with its allow-list.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

/** The word tables ({ en, 'zh-CN' }), loaded from www/lang as the page loads them. */
export async function wordTables() {
  for (const file of ['en.js', 'zh-CN.js']) await import(pathToFileURL(path.join(ROOT, 'www', 'lang', file)).href);
  return globalThis.explorerWords;
}

/** The keys index.html marks: `data-i18n` values and the keys of `data-i18n-attr` pairs. */
export function pageKeys(html = readFileSync(path.join(ROOT, 'index.html'), 'utf8')) {
  const keys = [...html.matchAll(/\sdata-i18n="([^"]+)"/g)].map((m) => m[1]);
  for (const m of html.matchAll(/\sdata-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].trim().split(/\s+/)) keys.push(pair.split(':')[1]);
  }
  return keys;
}

/**
 * Latin-script words a page in Chinese may show, each for a reason (matched whole, case as
 * written). Everything else written in Latin letters is a word left untranslated.
 */
export const ALLOWED_LATIN = new Map(Object.entries({
  // People: the authors the page cites (Jang, Gu & Poole; Maddison, Mnih & Teh; Tucker et al.)
  // and Gumbel, whose name the distribution, the noise and the trick carry.
  Jang: 'author', Gu: 'author', Poole: 'author', Maddison: 'author', Mnih: 'author', Teh: 'author',
  Tucker: 'author', Gumbel: 'a name (Gumbel noise, Gumbel-Max, Gumbel-Softmax)',
  // The names of the distribution and of the trick, as the papers and the Chinese literature
  // write them ("Gumbel-Softmax", "Gumbel-Max", the "Concrete" distribution).
  Softmax: 'part of the name Gumbel-Softmax', Max: 'part of the name Gumbel-Max',
  Concrete: 'the name of the distribution in Maddison et al.',
  // Initials of the authors in the references (E. Jang, C. J. Maddison, Y. W. Teh).
  // Single letters are not words; none is needed here.
  ICLR: 'the venue of both papers', UCI: 'the repository the digits come from',
  // The estimator abbreviations, as the figures' legends print them.
  SF: 'estimator abbreviation', ST: 'estimator abbreviation', GS: 'estimator abbreviation',
  REBAR: 'estimator (and paper) name', RELAX: 'estimator (and paper) name',
  // Names of models, optimisers, quantities and formats, written so in Chinese texts too.
  VAE: 'model name', KL: 'KL divergence', ELBO: 'the bound (−ELBO)', Adam: 'optimiser name',
  SGD: 'optimiser name', PNG: 'file format', CSV: 'file format',
  // Technologies the footer and the status lines name.
  WebAssembly: 'technology name', Rust: 'language name', plotters: 'library name',
  // Function names inside formulas written in the prose (softmax θ, argmax y, log p, exp(−rt),
  // max(τmin, …), Cat(π), tr Cov).
  softmax: 'formula', argmax: 'formula', onehot: 'formula', log: 'formula', exp: 'formula',
  max: 'formula', min: 'formula (τ with subscript min)', Cat: 'formula', tr: 'formula (trace)', Cov: 'formula', 'Ĉov': 'formula',
  // Keys as printed on a keyboard or a presentation clicker.
  Esc: 'key name', Page: 'key name (Page Up / Page Down)', Up: 'key name', Down: 'key name',
  // The switch names the other language in that language (marked lang="en").
  English: 'the language switch',
}));

/**
 * Text of the page that Rust writes: until the page's handle has `set_language` (the Rust
 * side's translation of its messages, tables and figures), these regions are still English.
 * TEMPORARY: the scan reports what it finds here separately, and fails on it as soon as the
 * handle knows languages.
 */
export const RUST_MADE_REGIONS = [
  '#estimators-note', // Explorer.estimators_note
  '#train-summary', // Explorer.training_summary
  '.data-note', // Explorer.table_note
  'details.data table', // Explorer.table (headers and cells)
  '#data-vae', // the training worker's table (VaeRun.table_cells, vae_table_header)
  '#vae-sentence', // VaeRun.sentence
  '.error', // messages of Rust's setters
  '#notice', // messages of Rust's link reader
];

/**
 * In the page: every Latin-script word (two or more letters; single letters are variables) in
 * the body's text and in the attributes people read (aria-label, title, placeholder, alt), and
 * in the title and description. Formulas (MathML), code and the titles of cited works are
 * skipped, as is <noscript> (not shown when scripts run). Returns [{ word, where, rust }],
 * `rust` telling whether it lies in one of `rustRegions`.
 */
export function latinWordsInPage(rustRegions) {
  const SKIP = 'math, code, cite, script, style, template, noscript';
  const ATTRS = ['aria-label', 'title', 'placeholder', 'alt'];
  const found = [];
  const words = (text) => (text.replace(/\p{Lm}/gu, ' ').match(/\p{Script=Latin}{2,}/gu) ?? []);
  const describe = (el) => el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`;
  const inRust = (el) => rustRegions.some((selector) => el.closest(selector));
  const add = (text, el, what) => {
    for (const word of words(text)) found.push({ word, where: `${what} of ${describe(el)}`, rust: inRust(el) });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (el && !el.closest(SKIP)) add(node.textContent, el, 'text');
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest(SKIP)) continue;
    for (const name of ATTRS) if (el.hasAttribute(name)) add(el.getAttribute(name), el, name);
  }
  add(document.title, document.documentElement, 'title');
  add(document.querySelector('meta[name="description"]').content, document.documentElement, 'description');
  return found;
}

/** The found words not allowed: [{ word, where, rust }]. */
export function disallowed(found) {
  return found.filter(({ word }) => !ALLOWED_LATIN.has(word));
}

/**
 * Fails on Latin-script words outside the allow-list in the page's own text; words in the
 * regions Rust writes fail too when `rustSpeaks` (the handle has set_language), and are
 * reported through `t.diagnostic` until then.
 */
export async function assertChinese(t, page, where, rustSpeaks) {
  const found = disallowed(await page.evaluate(latinWordsInPage, RUST_MADE_REGIONS));
  const own = found.filter((f) => !f.rust);
  assert.deepEqual(own.map((f) => `${f.word} (${f.where})`), [], `${where}: English left in the page's own text`);
  const rust = found.filter((f) => f.rust);
  if (rustSpeaks) {
    assert.deepEqual(rust.map((f) => `${f.word} (${f.where})`), [], `${where}: English left in what Rust writes`);
  } else if (rust.length) {
    const sample = [...new Set(rust.map((f) => f.word))].slice(0, 12).join(' ');
    t.diagnostic(`${where}: ${rust.length} English words in Rust-made text, pending the translated core (${sample} …)`);
  }
}
