// The languages where the page cannot fetch anything: the single file opened from disk with
// every request aborted speaks Chinese (its table is inlined) and switches back to English;
// the multi-file index.html opened from disk explains itself in Chinese; and headless Chromium
// draws Chinese glyphs on a canvas with the system's fonts (the figures' text needs them).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, canvasHash, launch, screenshot, setRange, waitCanvasChange, waitReady } from './helpers.mjs';
import { SINGLE_FILE, builtFile, openOffline } from './classroom_support.mjs';
import { assertChinese } from './i18n_support.mjs';

const TIMEOUT = 120_000;
const HAN = /\p{Script=Han}/u;

test('the single file opened from disk shows the page in Chinese and switches back', { timeout: TIMEOUT }, async (t) => {
  const file = builtFile(t, SINGLE_FILE);
  if (!file) return;
  const { browser, page, log, url } = await openOffline(file);
  try {
    await page.goto(`${url}?lang=zh-CN#tau=2`);
    await waitReady(page, { timeout: 45_000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.ok(HAN.test(await page.textContent('h1')), 'the heading is not Chinese');
    assert.equal(await page.inputValue('#tau-text'), '2', 'the link\'s state');
    // Whether the module inlined in the file speaks languages: its glue names set_language.
    const speaks = readFileSync(path.join(ROOT, 'dist', 'www', 'pkg', 'gumbel_explorer.js'), 'utf8').includes('set_language');
    await assertChinese(t, page, 'the single file', speaks);
    const before = await canvasHash(page, '#view-density');
    await setRange(page, '#tau', Math.log10(0.5));
    await waitCanvasChange(page, '#view-density', before);
    await screenshot(page, 'i18n-single-file-zh-CN.png', { fullPage: false });

    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
    assert.equal((await page.textContent('h1')).trim(), 'Gumbel-Softmax Explorer');
    assert.match(await page.evaluate(() => location.search), /lang=en/);
    assert.deepEqual(log.errors, [], 'console errors in the single file');
    assert.deepEqual(log.aborted, [], 'the single file asked the network for something');
  } finally {
    await browser.close();
  }
});

test('index.html opened from disk says in Chinese why it cannot start', { timeout: TIMEOUT }, async (t) => {
  const index = builtFile(t, path.join(ROOT, 'dist', 'index.html'));
  if (!index) return;
  const { browser, page, url } = await openOffline(index);
  try {
    // The page's own files stay reachable (the browser itself refuses its modules from disk);
    // only the network is cut off.
    await page.context().unroute('**');
    await page.context().route(/^(?!file:)/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${url}?lang=zh-CN`);
    await page.waitForFunction(() => /\p{Script=Han}/u.test(document.querySelector('#status').textContent), null, { timeout: 10_000 });
    assert.equal(await page.getAttribute('#status a', 'href'), 'gumbel-softmax-explorer.html');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await screenshot(page, 'i18n-file-notice-zh-CN.png', { fullPage: false });
  } finally {
    await browser.close();
  }
});

test('canvas text draws Chinese glyphs, not empty boxes, in headless Chromium', async (t) => {
  try {
    t.diagnostic(`fontconfig's font for Chinese: ${execFileSync('fc-match', ['sans-serif:lang=zh-cn'], { encoding: 'utf8' }).trim()}`);
  } catch {
    t.diagnostic('fc-match is not available');
  }
  const { browser, page } = await launch();
  try {
    await page.setContent('<canvas width="64" height="64"></canvas>');
    // Each text drawn alone; a missing glyph draws the same box (or nothing) for every
    // character, so two different characters and a private-use one must all differ.
    const pictures = await page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      const ctx = canvas.getContext('2d');
      return ['温', '度', '\uE000'].map((ch) => {
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 64, 64);
        ctx.fillStyle = '#000';
        ctx.font = '48px sans-serif';
        ctx.textBaseline = 'top';
        ctx.fillText(ch, 8, 8);
        const data = ctx.getImageData(0, 0, 64, 64).data;
        let ink = 0;
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i] < 128) ink++;
          sum = (sum * 31 + data[i]) % 1_000_000_007;
        }
        return { ink, sum };
      });
    });
    const [wen, du, missing] = pictures;
    assert.ok(wen.ink > 100 && du.ink > 100, `no ink: ${JSON.stringify(pictures)}`);
    assert.notEqual(wen.sum, du.sum, 'two Chinese characters drew the same picture (empty boxes)');
    assert.notEqual(wen.sum, missing.sum, 'a Chinese character drew the missing-glyph picture');
  } finally {
    await browser.close();
  }
});
