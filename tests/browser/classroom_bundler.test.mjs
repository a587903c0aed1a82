// The single file's module bundler (scripts/bundle-modules.mjs), without a browser: every
// import and export form the page's modules and wasm-bindgen's output use is joined into one
// module that behaves as the separate ones did, and anything else fails the build loudly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleModules, rewriteModule } from '../../scripts/bundle-modules.mjs';

/** Bundles the modules in `files` (path → text) from `entry` and runs the result. */
async function run(files, entry = 'www/main.js') {
  const code = bundleModules(entry, (file) => {
    if (!(file in files)) throw new Error(`no module ${file}`);
    return files[file];
  });
  globalThis.__bundled = [];
  await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return globalThis.__bundled;
}

test('every import and export form the page uses, joined into one working module', async () => {
  const out = await run({
    'www/main.js': [
      "import init, { Explorer as Handle, twice } from './pkg/lib.js';",
      "import {",
      "  $,",
      "  shared as common,",
      "} from './page.js';",
      "import * as page from './page.js';",
      "import './side-effect.js';",
      "import { later } from './reexport.js';",
      'globalThis.__bundled.push(init(), new Handle().name, twice(4), $(1), common.n, page.shared === common, later());',
    ].join('\n'),
    'www/pkg/lib.js': [
      'export class Explorer { constructor() { this.name = "explorer"; } }',
      'export function twice(x) { return 2 * x; }',
      'function __wbg_init() { return typeof import.meta.url; }',
      'function initSync() {}',
      'export { initSync, __wbg_init as default };',
    ].join('\n'),
    'www/page.js': "export const $ = (x) => x + 1;\nexport const shared = { n: 7 };\nexport async function unused() {}\n",
    'www/side-effect.js': 'globalThis.__bundled.push("side effect first");\n',
    'www/reexport.js': "export { later } from './deep/later.js';\n",
    'www/deep/later.js': 'export default 1;\nexport function later() { return "later"; }\n',
  });
  assert.deepEqual(out, ['side effect first', 'string', 'explorer', 8, 2, 7, true, 'later']);
});

test('a module runs once, after the modules it imports, whoever imports it', async () => {
  const out = await run({
    'www/main.js': "import { a } from './a.js';\nimport { b } from './b.js';\nglobalThis.__bundled.push('main', a, b);\n",
    'www/a.js': "import { c } from './c.js';\nglobalThis.__bundled.push('a');\nexport const a = c + 'a';\n",
    'www/b.js': "import { c } from './c.js';\nglobalThis.__bundled.push('b');\nexport const b = c + 'b';\n",
    'www/c.js': "globalThis.__bundled.push('c');\nexport const c = 'c';\n",
  });
  assert.deepEqual(out, ['c', 'a', 'b', 'main', 'ca', 'cb']);
});

test('names private to two modules do not collide', async () => {
  const out = await run({
    'www/main.js': "import { one } from './one.js';\nimport { two } from './two.js';\nlet timer = 'main';\nglobalThis.__bundled.push(one(), two(), timer);\n",
    'www/one.js': "let timer = 1;\nexport function one() { return timer; }\n",
    'www/two.js': "let timer = 2;\nexport function two() { return timer; }\n",
  });
  assert.deepEqual(out, [1, 2, 'main']);
});

test('what the bundler cannot join fails the build with a message naming the module', () => {
  const refuse = (files, pattern) => assert.throws(() => bundleModules('www/main.js', (f) => files[f]), pattern);
  refuse({ 'www/main.js': 'export let x = 1;\n' }, /www\/main\.js: cannot bundle "export let x = 1;"/);
  refuse({ 'www/main.js': 'export const { a } = {};\n' }, /cannot bundle/);
  refuse({ 'www/main.js': "import { a } from './a.js';\n", 'www/a.js': "import { b } from './main.js';\nexport const a = 1;\n" },
    /import cycle/);
  refuse({ 'www/main.js': "import { nope } from './a.js';\n", 'www/a.js': 'export const a = 1;\n' },
    /imports "nope" from \.\/a\.js, which does not export it/);
  refuse({ 'www/main.js': "import x from 'some-package';\n" }, /only relative paths/);
  assert.throws(() => rewriteModule('m.js', "import { a b } from './a.js';\n"), /cannot read "a b"/);
});

test('dynamic import and import.meta are left to the browser', () => {
  const { body, imports } = rewriteModule('m.js', "const u = new URL('x.wasm', import.meta.url);\nconst m = import('./later.js');\n");
  assert.deepEqual(imports, []);
  assert.match(body, /import\.meta\.url/);
  assert.match(body, /import\('\.\/later\.js'\)/);
});
