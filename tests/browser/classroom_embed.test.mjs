// Embedding one view next to a post: `?embed=<view>` for every view name shows exactly that
// figure and its controls, fits a 640 × 480 frame without scrollbars, and keeps its state on a
// reload; each figure's "embed" button gives an <iframe> snippet that works from a sub-path;
// bad embed or present values give the usual text-only notice and the whole page.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  ROOT, assertClean, canvasStats, launch, reopen, screenshot, serveDir, settle, viewNames, withPage,
} from './helpers.mjs';
import { builtFile, isShown, visibleCanvases } from './classroom_support.mjs';

const TIMEOUT = 240_000;
const FRAME = { width: 640, height: 480 };
const MIN_INK = 0.005;

/** Whether anything scrolls: the document, or the control column inside it. */
async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement;
    const side = document.querySelector('aside.controls');
    return {
      page: [doc.scrollWidth - doc.clientWidth, doc.scrollHeight - doc.clientHeight],
      side: side.scrollHeight - side.clientHeight,
    };
  });
}

test('embed=<view> shows that view alone, fitted to a 640 × 480 frame, for every view', { timeout: TIMEOUT }, async () => {
  await withPage('', async (opened) => {
    const { page, log } = opened;
    for (const view of await viewNames(page)) {
      await reopen(opened, `?embed=${view}`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'embed', view);
      assert.deepEqual(await visibleCanvases(page), [`view-${view}`], `${view}: exactly one figure`);
      const stats = await canvasStats(page, `#view-${view}`);
      assert.ok(stats.inked >= MIN_INK, `${view}: the embedded figure is blank`);
      assert.deepEqual(await overflow(page), { page: [0, 0], side: 0 }, `${view}: something scrolls in the frame`);
      const box = await page.$eval(`#view-${view}`, (el) => el.getBoundingClientRect().toJSON());
      assert.ok(box.right <= FRAME.width && box.bottom <= FRAME.height && box.width >= FRAME.width / 2,
        `${view}: the figure is not inside the frame (${JSON.stringify(box)})`);
      assert.ok(!(await isShown(page, 'header.masthead h1')), `${view}: the page title is shown`);
      await screenshot(page, `classroom-embed-${view}.png`, { fullPage: false });
    }

    // Its state survives a reload: τ typed in the frame is still there, and so is the mode.
    await reopen(opened, '?embed=density');
    await page.fill('#tau-text', '2');
    await settle(page, { log });
    await page.waitForFunction(() => /tau=2\b/.test(location.hash), null, { timeout: 10_000 });
    await page.reload();
    await settle(page, { log });
    assert.equal(await page.inputValue('#tau-text'), '2', 'τ after a reload');
    assert.deepEqual(await visibleCanvases(page), ['view-density'], 'the mode after a reload');
  }, { viewport: FRAME });
});

test('bad embed and present values get the text-only notice and the whole page', { timeout: TIMEOUT }, async () => {
  const cases = [
    ['?embed=densty', /"densty".*no view has that name/],
    ['?embed=', /no view has that name/],
    ['?present=yes', /present="yes" is neither 1 nor a view/],
    ['?embed=density&present=1', /both embed and present/],
    ['?embed=%3Cimg%20src%3Dx%3E', /no view has that name/],
  ];
  await withPage('', async (opened) => {
    const { page } = opened;
    const views = await viewNames(page);
    for (const [query, message] of cases) {
      await reopen(opened, `${query}#tau=2`);
      const notice = await page.$eval('#notice', (el) => ({ hidden: el.hidden, text: el.textContent, markup: el.children.length }));
      assert.equal(notice.hidden, false, `${query}: no notice`);
      assert.match(notice.text, message, query);
      assert.match(notice.text, /whole page is shown instead/, query);
      assert.equal(notice.markup, 0, `${query}: the notice holds markup`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), undefined, query);
      assert.deepEqual(await visibleCanvases(page), views.map((v) => `view-${v}`), `${query}: not the whole page`);
      assert.equal(await page.inputValue('#tau-text'), '2', `${query}: the state of the link is still used`);
    }
  });
});

test('the embed button gives an iframe snippet that works from a sub-path', { timeout: TIMEOUT }, async (t) => {
  const dist = builtFile(t, path.join(ROOT, 'dist', 'index.html'));
  if (!dist) return;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'explorer-embed-'));
  let server;
  try {
    await cp(path.dirname(dist), path.join(tmp, 'blog', 'explorer'), { recursive: true });
    server = await serveDir(tmp);
    const base = `${server.url}blog/explorer/`;
    let snippet;
    await withPage('#tau=2', async ({ page }) => {
      await page.click('button.embed-code[data-view="density"]');
      snippet = await page.inputValue('#embed-code-density');
    }, { base });
    const src = /<iframe src="([^"]+)" width="640" height="480" title="[^"]+"/.exec(snippet)?.[1];
    assert.ok(src, `not an iframe snippet: ${snippet}`);
    const url = new URL(src.replace(/&amp;/g, '&'));
    assert.equal(url.origin + url.pathname, base, 'the snippet points at the page itself');
    assert.equal(url.search, '?embed=density');
    assert.match(url.hash, /tau=2\b/, 'the snippet carries the state');

    // The snippet, pasted into a post on the same host, shows the view in its frame.
    await writeFile(path.join(tmp, 'blog', 'post.html'), `<!doctype html><title>A post</title><p>A post.</p>${snippet}`);
    const opened = await launch();
    try {
      const { page, log } = opened;
      await page.goto(`${server.url}blog/post.html`);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 45_000 });
      assert.deepEqual(await visibleCanvases(frame), ['view-density']);
      assert.equal(await frame.inputValue('#tau-text'), '2');
      assert.deepEqual(await overflow(frame), { page: [0, 0], side: 0 }, 'something scrolls in the iframe');
      await screenshot(page, 'classroom-embed-in-a-post.png', { fullPage: false });
      assertClean(log, 'the post with the embedded view');
    } finally {
      await opened.browser.close();
    }
  } finally {
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  }
});
