// The page's language: which one is shown, the words of the strings the page's scripts compose
// (t), and switching at once, without a reload. The English page text is index.html itself
// (first paint, no script, search engines): every element with a `data-i18n` key (its inner
// markup) or `data-i18n-attr` ("attr:key …") is remembered as it was parsed, and the other
// language's text for the same keys comes from its table (www/lang/zh-CN.js). Elements the
// scripts make are marked with `data-t` / `data-t-attr` (keys of the `text` tables) by label()
// and labelAttr(), so a switch rewrites them too; text with numbers in it is rewritten by
// whoever wrote it, through onLanguage().
import { loadWords } from './lang/load.js';

const choice = globalThis.explorerLanguages;
const english = new Map(); // element → { html, attrs: { name: text } }, as index.html has them
const listeners = [];
let current = choice.DEFAULT;
let explicit = false;
let words = null; // the current language's table
let englishWords = null;
// The language index.html's marked elements show now: English as parsed, until a switch.
let pageShows = 'en';

for (const el of document.querySelectorAll('[data-i18n], [data-i18n-attr]')) {
  const attrs = {};
  for (const [name] of attrPairs(el.dataset.i18nAttr)) attrs[name] = el.getAttribute(name) ?? '';
  english.set(el, { html: el.dataset.i18n ? el.innerHTML : null, attrs });
}

function attrPairs(spec) {
  return (spec ?? '').split(/\s+/).filter(Boolean).map((p) => p.split(':'));
}

/** The language shown ("en" or "zh-CN"). */
export function language() {
  return current;
}

/** The language if a person or the link chose it (links the page makes carry it), else null. */
export function chosenLanguage() {
  return explicit ? current : null;
}

/** The other language, the one button#lang offers. */
export function otherLanguage() {
  return current === 'en' ? 'zh-CN' : 'en';
}

/** The text `key` of the strings the scripts compose, with `{name}` replaced from `params`. */
export function t(key, params = {}) {
  const table = words?.text ?? englishWords?.text ?? {};
  const template = table[key] ?? englishWords?.text?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** A message from Rust or a parser as the first words of a sentence (capitalised in English). */
export function sentence(message) {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Sets `el`'s text to `t(key)` and keeps it in the page's language from then on. */
export function label(el, key) {
  el.dataset.t = key;
  el.textContent = t(key);
  return el;
}

/** Sets `el`'s attribute `name` to `t(key)` and keeps it in the page's language. */
export function labelAttr(el, name, key) {
  const pairs = attrPairs(el.dataset.tAttr).filter(([n]) => n !== name);
  pairs.push([name, key]);
  el.dataset.tAttr = pairs.map((p) => p.join(':')).join(' ');
  el.setAttribute(name, t(key));
  return el;
}

/** Runs `fn(tag)` after every switch of language (the DOM's own text is already switched). */
export function onLanguage(fn) {
  listeners.push(fn);
}

/**
 * Shows the page in language `tag` (one of the page's languages): the text of index.html's
 * marked elements, of the scripts' marked elements, `<html lang>`, then every listener.
 * `chosen` marks the language as a person's or the link's choice.
 */
export async function setLanguage(tag, { chosen = explicit } = {}) {
  englishWords ??= await loadWords('en');
  const table = await loadWords(tag);
  if (!table) throw new Error('no words for the language ' + tag);
  current = tag;
  explicit = chosen;
  words = table;
  // Set on a change only: Chromium restyles the whole page even when the value is the same.
  if (document.documentElement.lang !== tag) document.documentElement.lang = tag;
  // Elements already in `tag` are left alone: rewriting their markup with the same text would
  // parse it again and lay the whole page out anew (the English start-up).
  for (const [el, source] of pageShows === tag ? [] : english) {
    if (source.html !== null) el.innerHTML = tag === 'en' ? source.html : table.page[el.dataset.i18n] ?? source.html;
    for (const [name, key] of attrPairs(el.dataset.i18nAttr)) {
      el.setAttribute(name, tag === 'en' ? source.attrs[name] : table.page[key] ?? source.attrs[name]);
    }
  }
  pageShows = tag;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-t-attr]')) {
    for (const [name, key] of attrPairs(el.dataset.tAttr)) el.setAttribute(name, t(key));
  }
  for (const fn of listeners) fn(tag);
}

/** The language to start in (see www/lang/choice.js): { tag, explicit, refused }. */
export function startingLanguage() {
  return choice.choose(location.search, navigator.languages ?? [navigator.language]);
}
