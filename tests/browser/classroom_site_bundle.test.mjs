// The packaged site (dist/) starts on one bundle: scripts/bundle-site.mjs joins the page's
// start-up modules into dist/www/start.js, which dist/www/main.js imports. Served under a sub-path, that page asks for no other
// module of its own, draws every canvas, reads out what the module-by-module page reads out,
// and fetches the full module and the Chinese words when it needs them, from www/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, text, withDistUnderSubPath, withPage } from './helpers.mjs';

const TIMEOUT = 120_000;
// As in smoke.test.mjs: a drawn figure inks a few percent of its canvas.
const MIN_INK = 0.005;
// The scripts the bundled page may ask for: the two classic scripts of index.html, the entry
// and the bundle, and the full module's glue (imported once the first views are drawn).
const SCRIPTS = ['www/lang/choice.js', 'www/file-notice.js', 'www/main.js', 'www/start.js', 'www/pkg/gumbel_explorer.js'];
// Readouts that depend on the samples, the exact gradient and the estimators: the same on both.
const READOUTS = ['#chi2-p', '#mean-out', '#exact-out', '#estimators-note', '#st-out'];
const LINK = '#k=4';

async function readouts(page) {
  const out = {};
  for (const id of READOUTS) out[id] = await text(page, id);
  return out;
}

test('dist/ starts on one bundle and works as the page does', { timeout: TIMEOUT }, async (t) => {
  let expected;
  await withPage(LINK, async ({ page }) => { expected = await readouts(page); });
  await withDistUnderSubPath(t, 'www/start.js', async ({ url }) => {
    const scripts = [];
    const setup = ({ page }) => page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(req.url().slice(url.length));
    });
    await withPage(LINK, async ({ page }) => {
      const unexpected = scripts.filter((s) => !SCRIPTS.includes(s));
      assert.deepEqual(unexpected, [], 'the bundled page asks for modules of its own');
      assert.ok(scripts.includes('www/start.js'), 'the bundle is fetched');
      assert.ok(scripts.includes('www/pkg/gumbel_explorer.js'), 'the full module is fetched');

      const blank = [];
      for (const id of await page.$$eval('canvas', (els) => els.map((el) => el.id))) {
        const stats = await canvasStats(page, `#${id}`);
        if (stats.inked < MIN_INK) blank.push(id);
      }
      assert.deepEqual(blank, [], 'blank canvases on the bundled page');
      assert.deepEqual(await readouts(page), expected, 'the readouts differ from the page served module by module');

      await page.click('#lang');
      await page.waitForFunction(() => /\p{Script=Han}/u.test(document.querySelector('h1').textContent), null, { timeout: 10_000 });
      assert.ok(scripts.includes('www/lang/zh-CN.js'), 'the Chinese words are fetched from www/lang/');
    }, { base: url, setup });
  });
});
