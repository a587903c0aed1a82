// One source of words per language, the same keys in each: index.html's marked text (English)
// against the Chinese table's page words, the English and Chinese tables of the text the
// scripts compose, every key a script uses, and the values each text fills in.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers.mjs';
import { pageKeys, wordTables } from './i18n_support.mjs';

const sorted = (keys) => [...new Set(keys)].sort();
const placeholders = (text) => sorted([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

/** Every www/ script file, with its text. */
function scripts(dir = path.join(ROOT, 'www')) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    // The word tables themselves (www/lang) are what is checked against.
    if (entry.isDirectory() && !entry.name.startsWith('pkg') && entry.name !== 'lang') out.push(...scripts(file));
    else if (entry.name.endsWith('.js')) out.push([path.relative(ROOT, file), readFileSync(file, 'utf8')]);
  }
  return out;
}

test('index.html marks each key once, and the Chinese table has exactly those keys', async () => {
  const words = await wordTables();
  const keys = pageKeys();
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  assert.deepEqual(repeated, [], 'a key marks two elements of index.html');
  const zh = Object.keys(words['zh-CN'].page);
  assert.deepEqual(sorted(keys).filter((k) => !zh.includes(k)), [], 'keys of index.html without Chinese words');
  assert.deepEqual(sorted(zh).filter((k) => !keys.includes(k)), [], 'Chinese words for keys index.html does not have');
  assert.ok(keys.length > 100, `only ${keys.length} keys: is the page marked?`);
});

test('the scripts\' texts have the same keys, and fill in the same values, in both languages', async () => {
  const words = await wordTables();
  const en = words.en.text;
  const zh = words['zh-CN'].text;
  assert.deepEqual(sorted(Object.keys(zh)), sorted(Object.keys(en)));
  for (const key of Object.keys(en)) {
    assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), `values of ${key}`);
    assert.notEqual(zh[key].trim(), '', `empty Chinese text for ${key}`);
  }
});

test('every key a script uses exists, and every key of the tables is used', async () => {
  const words = await wordTables();
  const en = words.en.text;
  const page = new Set(pageKeys()); // a script may show a text of index.html (the file notice)
  const used = new Set();
  const missing = [];
  // t('key'), label(el, 'key'), labelAttr(el, 'name', 'key'), status('key'), and keys passed on
  // to t() by a helper (fields of view 9, the present bar's buttons, the figures' waiting labels).
  const calls = /\b(?:t|label|status)\((?:[^'()]*?,\s*)?'([\w.]+)'|labelAttr\([^,]+,\s*'[^']+',\s*'([\w.]+)'|'((?:field|figure|present|vae|embed|table|notice|readout|density|parse|link|status|fatal|train)\.\w+)'/g;
  for (const [file, text] of scripts()) {
    for (const m of text.matchAll(calls)) {
      const key = m[1] ?? m[2] ?? m[3];
      used.add(key);
      if (!(key in en) && !page.has(key) && !key.endsWith('Text')) missing.push(`${file}: ${key}`);
    }
  }
  // The present bar asks for the visible text of a button as its name's key + 'Text'.
  for (const key of [...used]) if (`${key}Text` in en) used.add(`${key}Text`);
  assert.deepEqual(missing, [], 'keys used by the scripts and missing from www/lang/en.js');
  assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'keys of www/lang/en.js no script uses');
});
