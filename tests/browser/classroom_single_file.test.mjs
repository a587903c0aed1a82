// The explorer given to a class as one file: dist/gumbel-softmax-explorer.html opened from
// disk (file://) with every network request aborted draws every view without an error, redraws
// when τ moves, restores a link, exports PNG and CSV, and opens in the projector and embed
// modes, and trains view 9's VAE in its worker (started from the file's own text), in English
// and in Chinese. The multi-file index.html opened from disk says what happened and where that
// file is.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, canvasHash, canvasStats, screenshot, setRange, waitCanvasChange, waitReady } from './helpers.mjs';
import { SINGLE_FILE, builtFile, canvasViewNames, openOffline, visibleCanvases } from './classroom_support.mjs';

const TIMEOUT = 120_000;
const MIN_INK = 0.005;
const HAN = /\p{Script=Han}/u;
// View 9's run: the table gets one row per estimator (GS, ST-GS, SF+baseline) every 100 steps.
const VAE_STEPS = 100;
const VAE_ROWS = 3;

async function withOffline(t, query, body, options) {
  const file = builtFile(t, SINGLE_FILE);
  if (!file) return;
  const opened = await openOffline(file, options);
  try {
    await opened.page.goto(opened.url + query);
    await waitReady(opened.page, { timeout: 45_000 });
    await body(opened);
    assert.deepEqual(opened.log.errors, [], 'console errors in the single file');
  } finally {
    await opened.browser.close();
  }
}

test('the single file has a strict CSP with hashes and refers to no other file', async (t) => {
  const file = builtFile(t, SINGLE_FILE);
  if (!file) return;
  const html = await readFile(file, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'no CSP meta element');
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, csp);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'[^;]* 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(html, /<script[^>]*\ssrc=|<link[^>]*rel="stylesheet"/, 'an external script or style is left');
  const { size } = await stat(file);
  t.diagnostic(`single file: ${size} bytes`);
});

test('opened from disk with no network: every view draws, τ redraws, a link restores the state', { timeout: TIMEOUT }, async (t) => {
  await withOffline(t, '', async ({ page, browser, url, log }) => {
    const views = await canvasViewNames(page);
    assert.ok(views.length >= 10, `only ${views.length} views`);
    const blank = [];
    for (const view of views) {
      const stats = await canvasStats(page, `#view-${view}`);
      if (stats.inked < MIN_INK) blank.push(`${view}: ${(100 * stats.inked).toFixed(2)}% inked`);
    }
    assert.deepEqual(blank, [], 'views not drawn in the single file');

    const before = await canvasHash(page, '#view-density');
    await setRange(page, '#tau', Math.log10(2));
    await waitCanvasChange(page, '#view-density', before);
    await page.fill('#samples-text', '5000');
    await page.waitForFunction(() => /tau=2\b/.test(location.hash) && /n=5000\b/.test(location.hash), null, { timeout: 10_000 });
    const link = await page.evaluate(() => location.href);
    await screenshot(page, 'classroom-single-file.png', { fullPage: false });

    const again = await browser.contexts()[0].newPage();
    again.on('pageerror', (err) => log.errors.push(`uncaught (second page): ${err}`));
    await again.goto(link);
    await waitReady(again, { timeout: 45_000 });
    assert.equal(await again.inputValue('#tau-text'), '2', 'τ from the link');
    assert.equal(await again.inputValue('#samples-text'), '5000', 'N from the link');
    assert.equal(await canvasHash(again, '#view-density'), await canvasHash(page, '#view-density'));
    assert.deepEqual(log.aborted.filter((u) => !u.startsWith(url)), [], 'requests left the file');
  });
});

test('the single file exports PNG and CSV', { timeout: TIMEOUT }, async (t) => {
  await withOffline(t, '', async ({ page }) => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('button.export[data-view="density"]')]);
    assert.equal(png.suggestedFilename(), 'gumbel-softmax-density.png');
    const pngBytes = await readFile(await png.path());
    assert.deepEqual([...pngBytes.subarray(1, 4)], [...Buffer.from('PNG')], 'not a PNG');

    await page.click('#data-box-density > summary');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#data-box-density button.csv')]);
    assert.equal(csv.suggestedFilename(), 'gumbel-softmax-density.csv');
    const text = await readFile(await csv.path(), 'utf8');
    assert.ok(text.split('\n').length > 2, `CSV too short: ${text.slice(0, 80)}`);
  });
});

test('the single file opens in the projector and embed modes', { timeout: TIMEOUT }, async (t) => {
  await withOffline(t, '?present=density', async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'present');
    assert.deepEqual(await visibleCanvases(page), ['view-density']);
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await visibleCanvases(page), ['view-straight-through']);
    await page.keyboard.press('Escape');
    assert.equal((await visibleCanvases(page)).length, (await canvasViewNames(page)).length);
  }, { viewport: { width: 1920, height: 1080 } });
  await withOffline(t, '?embed=cost', async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'embed');
    assert.deepEqual(await visibleCanvases(page), ['view-cost']);
    assert.ok((await canvasStats(page, '#view-cost')).inked >= MIN_INK, 'the embedded view is blank');
  }, { viewport: { width: 640, height: 480 } });
});

/** What view 9 shows: its step, status, sentence and table (header and rows of cell texts). */
function vaeState(page) {
  return page.evaluate(() => {
    const text = (id) => document.getElementById(id).textContent.trim();
    const t = document.getElementById('data-vae');
    return {
      step: text('vae-step'),
      running: document.getElementById('vae-play').getAttribute('aria-pressed') === 'true',
      status: text('vae-status'),
      sentence: text('vae-sentence'),
      header: [...t.tHead.rows].flatMap((r) => [...r.cells].map((c) => c.textContent)),
      rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
    };
  });
}

for (const lang of ['en', 'zh-CN']) {
  test(`the single file trains view 9 in its worker, in ${lang}`, { timeout: TIMEOUT }, async (t) => {
    await withOffline(t, `?lang=${lang}`, async ({ page, url, log }) => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.locator('#section-vae .notice').count(), 0, 'a notice replaces view 9');
      await page.locator('#section-vae').scrollIntoViewIfNeeded();
      // The worker's first pictures (drawn at step 0) are its sign of life.
      await page.waitForFunction(() => document.getElementById('vae-curves') && document.getElementById('vae-digits'),
        null, { timeout: 60_000 });
      await page.fill('#vae-until', String(VAE_STEPS));
      await page.click('#vae-run');
      const done = (s) => s.step === VAE_STEPS.toLocaleString('en-US') && !s.running;
      const deadline = Date.now() + 90_000;
      let state = await vaeState(page);
      while (!done(state)) {
        assert.ok(Date.now() < deadline, `the run did not reach step ${VAE_STEPS}: ${JSON.stringify(state)}`);
        await page.waitForTimeout(100);
        state = await vaeState(page);
      }
      assert.equal(state.header.length, 4, `table header: ${state.header}`);
      assert.equal(state.rows.length, VAE_ROWS, `table rows: ${JSON.stringify(state.rows)}`);
      for (const [i, [, step, train, testElbo]] of state.rows.entries()) {
        assert.equal(step, String(VAE_STEPS), `row ${i}'s step`);
        for (const v of [train, testElbo]) {
          const x = Number(v);
          assert.ok(Number.isFinite(x) && x > 0 && x < 100, `row ${i}: ${v} is not a −ELBO in nats`);
        }
      }
      // The worker took the page's language: its sentence is in it.
      assert.equal(HAN.test(state.sentence), lang === 'zh-CN', `the sentence: ${state.sentence}`);
      for (const id of ['#vae-curves', '#vae-digits']) {
        const stats = await canvasStats(page, id);
        assert.ok(stats.width > 200 && stats.inked > 0.02, `${id}: ${JSON.stringify(stats)}`);
      }
      await page.locator('#section-vae').screenshot({ path: path.join(ROOT, 'target', 'screenshots', `classroom-single-file-vae-${lang}.png`) });
      assert.deepEqual(log.aborted.filter((u) => !u.startsWith(url)), [], 'requests left the file');
    });
  });
}

test('index.html opened from disk says why it cannot start and where the single file is', { timeout: TIMEOUT }, async (t) => {
  const index = builtFile(t, path.join(ROOT, 'dist', 'index.html'));
  if (!index) return;
  const { browser, page } = await openOffline(index);
  try {
    // The page's own files stay reachable (the browser itself refuses its modules from disk);
    // only the network is cut off.
    await page.context().unroute('**');
    await page.context().route(/^(?!file:)/, (route) => route.abort('internetdisconnected'));
    await page.goto(pathToFileURL(index).href);
    await page.waitForFunction(() => /gumbel-softmax-explorer\.html/.test(document.getElementById('status').textContent), null, { timeout: 10_000 });
    const status = await page.textContent('#status');
    assert.match(status, /opened as a file/);
    assert.equal(await page.getAttribute('#status a', 'href'), 'gumbel-softmax-explorer.html');
    await screenshot(page, 'classroom-file-notice.png', { fullPage: false });
  } finally {
    await browser.close();
  }
});
