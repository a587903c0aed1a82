// The projector mode at 1920 × 1080: one view fills the screen with its controls beside it, its
// smallest figure text (tick labels) at least as large as the page's body text, ← / → and
// Page Up / Page Down walk through every view in order, Esc gives the normal page back.
// A screenshot of every view is saved under target/screenshots/ for a person to judge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canvasStats, screenshot, settle, viewNames, withPage } from './helpers.mjs';
import { isShown, visibleCanvases } from './classroom_support.mjs';

const TIMEOUT = 180_000;
const PROJECTOR = { width: 1920, height: 1080 };
const MIN_INK = 0.005;

/** What the projector shows now: its mode, view, visible canvases and text sizes. */
async function shown(page) {
  return page.evaluate(async () => {
    const { session } = await import('./www/page.js');
    const root = document.documentElement;
    const canvas = document.getElementById('view-' + root.dataset.view);
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    return {
      mode: root.dataset.mode,
      view: root.dataset.view,
      query: location.search,
      body,
      figureText: canvas ? session.ex.smallest_text_px(canvas.clientWidth, canvas.clientHeight) : 0,
      canvasBox: canvas ? [canvas.clientWidth, canvas.clientHeight] : null,
    };
  });
}

test('projector mode: one view at a time, legible, arrows walk through every view, Esc leaves', { timeout: TIMEOUT }, async () => {
  await withPage('', async ({ page, log }) => {
    const views = await viewNames(page);
    await page.click('#present');
    await settle(page, { log });
    const seen = [];
    for (let i = 0; i < views.length; i++) {
      if (i > 0) {
        await page.keyboard.press('ArrowRight');
        await settle(page, { log });
      }
      const now = await shown(page);
      seen.push(now.view);
      assert.equal(now.mode, 'present');
      assert.deepEqual(await visibleCanvases(page), [`view-${now.view}`], 'exactly one figure is visible');
      assert.equal(now.query, `?present=${now.view}`, 'the link names the view shown');
      assert.ok(now.canvasBox[0] >= PROJECTOR.width / 2 && now.canvasBox[1] >= PROJECTOR.height / 2,
        `${now.view}: the figure fills the screen (${now.canvasBox})`);
      assert.ok(now.figureText >= now.body,
        `${now.view}: tick labels ${now.figureText} px, body text ${now.body} px`);
      const stats = await canvasStats(page, `#view-${now.view}`);
      assert.ok(stats.inked >= MIN_INK, `${now.view} is blank in the projector mode`);
      await screenshot(page, `classroom-present-${now.view}.png`, { fullPage: false });
    }
    assert.deepEqual(seen, views, 'the arrow walks through every view in order');

    // The last view stays at the end; clicker keys go back and forth.
    await page.keyboard.press('ArrowRight');
    assert.equal((await shown(page)).view, views.at(-1));
    await page.keyboard.press('PageUp');
    assert.equal((await shown(page)).view, views.at(-2));
    await page.keyboard.press('PageDown');
    assert.equal((await shown(page)).view, views.at(-1));
    await page.keyboard.press('ArrowLeft');
    assert.equal((await shown(page)).view, views.at(-2));

    await page.keyboard.press('Escape');
    await settle(page, { log });
    const after = await shown(page);
    assert.equal(after.mode, undefined, 'Esc leaves the projector mode');
    assert.equal(after.query, '', 'the link no longer asks for it');
    assert.deepEqual(await visibleCanvases(page), views.map((v) => `view-${v}`), 'every view is back');
    assert.ok(await isShown(page, 'header.masthead h1'), 'the title is back');
    assert.ok(await isShown(page, '#present'), 'the present button is back');
    const small = await page.evaluate(async () => {
      const { session } = await import('./www/page.js');
      const c = document.getElementById('view-density');
      return session.ex.smallest_text_px(c.clientWidth, c.clientHeight);
    });
    assert.equal(small, 12, 'the normal page draws at its normal sizes again');
  }, { viewport: PROJECTOR });
});

test('the p key, a present link, and a focused slider keeping its arrow keys', { timeout: TIMEOUT }, async () => {
  await withPage('?present=density', async ({ page, log }) => {
    assert.equal((await shown(page)).view, 'density');
    assert.ok(await isShown(page, '#tau'), 'τ, which the density depends on, is beside it');
    assert.ok(!(await isShown(page, '#cost-d')), "another view's controls are hidden");

    const tau = await page.inputValue('#tau');
    await page.focus('#tau');
    await page.keyboard.press('ArrowRight');
    await settle(page, { log });
    assert.equal((await shown(page)).view, 'density', 'the arrow moved the slider, not the view');
    assert.notEqual(await page.inputValue('#tau'), tau, 'the slider moved');
    await page.keyboard.press('PageDown');
    assert.equal((await shown(page)).view, 'straight-through', 'a clicker always turns the page');

    await page.keyboard.press('Escape');
    await page.focus('#present');
    await page.keyboard.press('p');
    await settle(page, { log });
    assert.equal((await shown(page)).mode, 'present', 'p enters the projector mode');
    await page.keyboard.press('p');
    assert.equal((await shown(page)).mode, undefined, 'p again leaves it');

    // The text scale is one of Rust's checked settings: nonsense is refused with a message.
    const refused = await page.evaluate(async () => {
      const { session } = await import('./www/page.js');
      return [0, 99, NaN].map((x) => {
        try {
          session.ex.set_text_scale(x);
          return 'accepted';
        } catch (e) {
          return e.message;
        }
      });
    });
    for (const message of refused) assert.match(message, /text scale must be a number from 1 to 4/);
  }, { viewport: PROJECTOR });
});
