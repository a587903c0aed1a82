// A link reproduces the view pixel for pixel, every PNG button downloads a PNG, and the
// controls work from the keyboard with a visible focus ring.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  allCanvasStats,
  assertClean,
  canvasHash,
  openPage,
  reopen,
  setRange,
  settle,
  typeInto,
  viewNames,
  waitCanvasChange,
  withPage,
} from './helpers.mjs';

const TIMEOUT = 60_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const READOUTS = ['#k-out', '#chi2-stat', '#chi2-p', '#mean-out', '#exact-out', '#st-out', '#speedup-out',
  '#annealed-tau', '#step-out', '#density-caption', '#tau-convex', '#cost-d-out', '#cost-k-out'];
const FIELDS = ['#k', '#tau', '#tau-text', '#samples', '#samples-text', '#seed', '#objective', '#objective-values',
  '#logits', '#sched-tau0', '#sched-rate', '#sched-min', '#sched-every', '#step', '#cost-d', '#cost-i', '#cost-g', '#cost-k'];

/** Everything a person can read on the page: readouts, control values, π, the notice. */
async function snapshot(page) {
  return page.evaluate(({ readouts, fields }) => {
    const $ = (s) => document.querySelector(s);
    return {
      readouts: Object.fromEntries(readouts.map((s) => [s, $(s).textContent])),
      fields: Object.fromEntries(fields.map((s) => [s, $(s).value])),
      pi: Array.from(document.querySelectorAll('#pi-sliders output'), (o) => o.textContent),
      piMode: $('#pi-mode-logits').checked ? 'logits' : 'probs',
      noticeHidden: $('#notice').hidden,
    };
  }, { readouts: READOUTS, fields: FIELDS });
}

/** The page's link as "copy link to this view" makes it. */
async function currentLink(page) {
  await page.click('#copy-link');
  return page.evaluate(() => location.hash);
}

test('a link reproduces every readout and every view pixel for pixel', { timeout: TIMEOUT }, async () => {
  let first;
  let second;
  try {
    first = await openPage();
    const { page, log } = first;

    // Change something in every group of controls.
    await setRange(page, '#k', 4);
    await settle(page, { log });
    await setRange(page, '#pi-1', 0.6);
    await settle(page, { log });
    await typeInto(page, '#tau-text', '0.73', { log });
    await typeInto(page, '#samples-text', '3000', { log });
    await typeInto(page, '#seed', '12345', { log });
    await page.selectOption('#objective', 'squared');
    await settle(page, { log });
    await typeInto(page, '#objective-values', '0.1, 0.2, 0.3, 0.4', { log });
    await typeInto(page, '#sched-tau0', '2', { log });
    await typeInto(page, '#sched-rate', '0.0005', { log });
    await typeInto(page, '#sched-min', '0.2', { log });
    await typeInto(page, '#sched-every', '50', { log });
    const step = await setRange(page, '#step', 1234);
    await setRange(page, '#cost-d', 2.5);
    await setRange(page, '#cost-k', 100);
    await settle(page, { log });
    // "copy link" brings the address bar up to date at once (the page otherwise updates it
    // a moment after a change) and takes the focus off the text fields, so that every field
    // shows the state.
    const hash = await currentLink(page);
    for (const part of ['k=4', 'tau=0.73', 'n=3000', 'seed=12345', 'obj=sq', 'f=0.1,0.2,0.3,0.4',
      'sched=2,0.0005,0.2,50', `step=${step}`, 'cost=2.5,1,1,100']) {
      assert.ok(hash.split(/[#&]/).includes(part), `the URL hash ${hash} lacks ${part}`);
    }
    const want = await snapshot(page);
    const wantPixels = await allCanvasStats(page);
    assertClean(log);

    // A fresh browser opens the link.
    second = await openPage(hash);
    const got = await snapshot(second.page);
    assert.equal(got.noticeHidden, true, `the link was rejected: ${await second.page.textContent('#notice')}`);
    assert.deepEqual(got, want, 'the link did not reproduce the readouts and controls');
    assert.equal(await second.page.evaluate(() => location.hash), hash, 'the reopened page rewrote the link');
    const gotPixels = await allCanvasStats(second.page);
    for (const view of await viewNames(second.page)) {
      assert.equal(gotPixels[view].hash, wantPixels[view].hash, `#view-${view} differs between the page and its link`);
    }
    assertClean(second.log, 'the reopened page');
  } finally {
    await first?.browser.close();
    await second?.browser.close();
  }
});

test('every PNG button downloads the view as a PNG file', { timeout: TIMEOUT }, async () => {
  await withPage('', async (opened) => {
    const { page } = opened;
    const views = await viewNames(page);
    const buttons = await page.$$eval('button.export', (els) => els.map((e) => e.dataset.view));
    assert.deepEqual([...buttons].sort(), [...views].sort(), 'one PNG button per view');
    for (const [i, view] of views.entries()) {
      // Chromium stops a page's automatic downloads after ten in a row; a fresh page each
      // eight views keeps every PNG a download a person would get.
      if (i > 0 && i % 8 === 0) await reopen(opened);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }).catch((e) => {
          throw new Error(`${view}: no PNG download (${e.message.split('\n')[0]})`);
        }),
        page.click(`button.export[data-view="${view}"]`),
      ]);
      assert.equal(download.suggestedFilename(), `gumbel-softmax-${view}.png`);
      const file = await download.path();
      const bytes = await readFile(file);
      assert.ok(bytes.length > 1000, `${view}: the PNG has only ${bytes.length} bytes`);
      assert.deepEqual(bytes.subarray(0, 8), PNG_SIGNATURE, `${view}: the download is not a PNG`);
      // The IHDR chunk carries the canvas's pixel size.
      const { width, height } = await page.$eval(`#view-${view}`, (c) => ({ width: c.width, height: c.height }));
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [width, height], `${view}: PNG size`);
    }
  });
});

test('Tab reaches τ with a visible focus ring on the way, and arrow keys move τ', { timeout: TIMEOUT }, async () => {
  // A link that sets only N: the focus starts at the top of a freshly loaded page.
  await withPage('#n=2000', async ({ page, log }) => {
    assert.equal(await page.inputValue('#samples-text'), '2000');

    // Tab from the top of the page until τ's slider has the focus.
    const visited = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {
          name: el.id || `${el.tagName.toLowerCase()}.${el.className}`,
          outlineStyle: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth),
        };
      });
      visited.push(focus);
      if (focus.name === 'tau') break;
    }
    assert.equal(visited.at(-1).name, 'tau', `Tab never reached #tau: ${visited.map((v) => v.name).join(', ')}`);
    for (const v of visited) {
      assert.ok(v.outlineStyle !== 'none' && v.outlineWidth >= 1,
        `${v.name} has no visible focus outline (outline ${v.outlineStyle} ${v.outlineWidth}px)`);
    }

    const tauBefore = await page.inputValue('#tau-text');
    const hashBefore = await canvasHash(page, '#view-components');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await settle(page, { log });
    const slider = Number(await page.inputValue('#tau'));
    const tauAfter = await page.inputValue('#tau-text');
    assert.notEqual(tauAfter, tauBefore, 'five ArrowRight presses did not change the typed τ');
    // The page rounds 10^slider to three significant digits.
    assert.equal(Number(tauAfter), Number((10 ** slider).toPrecision(3)), `τ ${tauAfter} does not match the slider at ${slider}`);
    assert.ok(Number(tauAfter) > Number(tauBefore), `ArrowRight lowered τ from ${tauBefore} to ${tauAfter}`);
    await waitCanvasChange(page, '#view-components', hashBefore);
    assert.ok((await currentLink(page)).includes(`&tau=${tauAfter}&`), 'the link does not hold the new τ');
    await page.focus('#tau');

    // Home goes to the slider's minimum, τ = 0.01.
    await page.keyboard.press('Home');
    await settle(page, { log });
    assert.equal(await page.inputValue('#tau-text'), '0.01');
  });
});
