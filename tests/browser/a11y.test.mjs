// Accessibility held in CI: axe-core checks the page against WCAG 2.2 A/AA and best practice in
// every state a person can reach with the controls: the defaults on a desktop and a phone, each
// preset, logits entry, the other objective, error messages shown at their fields, a link that
// could not be restored, the annealing playing, anything folded away opened, presentation mode
// and embedded views. Zero violations; a failure lists each rule with the elements it found.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { baseUrl, exported, openPage, reopen, settle, typeInto } from './helpers.mjs';

const TIMEOUT = 120_000;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let opened;

before(async () => {
  opened = await openPage('');
});

after(async () => {
  await opened?.browser.close();
});

/** Runs axe on the page as it is now; fails with every violation, named by rule and element. */
async function check(what) {
  const { page, log } = opened;
  await settle(page, { log });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    elements: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  assert.deepEqual(found, [], `${what}: axe found violations`);
  assert.ok(results.passes.length > 0, `${what}: axe checked nothing`);
}

/** Opens every <details> and presses every collapsed disclosure button, so nothing hides. */
async function unfoldEverything(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    for (const b of document.querySelectorAll('button[aria-expanded="false"]')) b.click();
  });
}

test('the default page, on a desktop and on a phone', { timeout: TIMEOUT }, async () => {
  const { page } = opened;
  await check('the default page at 1280 px');
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await check('the default page at 390 px');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('every preset', { timeout: TIMEOUT }, async () => {
  const { page } = opened;
  const presets = await exported(page, 'preset_names');
  assert.ok(presets.length > 0, 'the module lists no presets');
  for (const name of presets) {
    await page.click(`button[data-preset="${name}"]`);
    await check(`the preset "${name}"`);
  }
});

test('logits entry, the other objective, and everything unfolded', { timeout: TIMEOUT }, async () => {
  const { page } = opened;
  await reopen(opened);
  await page.check('#pi-mode-logits');
  await page.selectOption('#objective', 'squared');
  await unfoldEverything(page);
  await check('logits entry with the squared-distance objective');
});

test('error messages shown at their fields', { timeout: TIMEOUT }, async () => {
  const { page, log } = opened;
  await reopen(opened);
  for (const field of ['#tau-text', '#samples-text', '#seed', '#objective-values', '#sched-rate']) {
    await typeInto(page, field, 'not a number', { log });
  }
  const shown = await page.$$eval('.error', (els) => els.filter((e) => e.textContent.trim()).length);
  assert.ok(shown >= 5, `only ${shown} error messages are shown`);
  await check('five fields refusing what was typed');
});

test('a link that could not be restored, and the annealing playing', { timeout: TIMEOUT }, async () => {
  const { page } = opened;
  await reopen(opened, '#k=1');
  assert.equal(await page.isVisible('#notice'), true, 'the bad link shows no notice');
  await check('the notice of a bad link');
  await page.click('#play');
  try {
    await check('the annealing playing');
  } finally {
    await page.click('#play');
  }
});

test('presentation mode and embedded views', { timeout: TIMEOUT }, async () => {
  const { page } = opened;
  await page.setViewportSize({ width: 1920, height: 1080 });
  try {
    await reopen(opened, '', { base: baseUrl() + '?present=1' });
    await check('presentation mode at 1920 × 1080');
    await page.keyboard.press('ArrowRight');
    await check('presentation mode, second view');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  for (const view of ['density', 'estimators', 'training']) {
    await page.setViewportSize({ width: 640, height: 480 });
    try {
      await reopen(opened, '', { base: baseUrl() + '?embed=' + view });
      await check(`embed=${view} in a 640 × 480 frame`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }
});
