// Bad typed values never break the view: each one gets a message next to its field, the
// field is marked aria-invalid, every canvas keeps its last good picture, nothing is logged
// to the console, and typing a good value again clears the message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  allCanvasStats,
  assertClean,
  openPage,
  reopen,
  setRange,
  settle,
  text,
  typeInto,
} from './helpers.mjs';

const TIMEOUT = 60_000;

// Bad in every field: not numbers, empty, overflowing to ∞, NaN spelled out.
const ALWAYS_BAD = ['abc', '', '   ', '1e400', '-1e400', 'NaN', 'Infinity', '1..2', '<b>2</b>'];

// Each text field, its error element, and what else is wrong only there. '0' and '-1' are
// bad everywhere except where noted (the seed may be 0; the decay rate may be 0).
const FIELDS = [
  { field: '#tau-text', error: '#err-tau', bad: ['-1', '0', '1e-4', '2000', '1,5'] },
  { field: '#samples-text', error: '#err-samples', bad: ['-1', '0', '99', '1000001', '150.5', '1e7'] },
  { field: '#seed', error: '#err-seed', bad: ['-1', '1.5', '9007199254740993', '1e300'] },
  { field: '#logits', error: '#err-logits', bad: ['-1', '0', '1,2,x', '1e400,0,0', Array(11).fill('0').join(',')], start: '1, 0, -1' },
  { field: '#objective-values', error: '#err-objective', bad: ['-1', '0', '1,2', '1,2,3,4', '0,0,1e7', '1,,x'] },
  { field: '#sched-tau0', error: '#err-schedule', bad: ['-1', '0'] },
  { field: '#sched-rate', error: '#err-schedule', bad: ['-1', '-0.001'] },
  { field: '#sched-min', error: '#err-schedule', bad: ['-1', '0'] },
  { field: '#sched-every', error: '#err-schedule', bad: ['-1', '0', '1.5', '2e9'] },
];

// One browser for the whole file; each test leaves the page as it found it (the field tests
// end by typing the good value back), and the last two tests reload it.
let opened;
before(async () => {
  // A narrower window than the default: smaller canvases, quicker pixel hashes.
  opened = await openPage('#n=2000', { viewport: { width: 1000, height: 800 } });
  await opened.page.click('#copy-link'); // the focus off the fields, the link up to date
});
after(async () => {
  await opened?.browser.close();
});

/** The page reloaded at N = 2000, the focus off the fields and the link up to date. */
async function freshPage() {
  await reopen(opened, '#n=2000');
  await opened.page.click('#copy-link');
  return opened;
}

/** Asserts that no canvas changed from `before`, none is blank, none failed, and #fatal is hidden. */
async function assertViewsKept(page, before, label) {
  const after = await allCanvasStats(page);
  for (const view of Object.keys(before)) {
    assert.ok(after[view].nonBackground > 0, `${label}: #view-${view} is blank`);
    assert.equal(after[view].hash, before[view].hash, `${label}: #view-${view} changed`);
  }
  const failed = await page.$$eval('canvas[data-error]', (els) => els.map((e) => `${e.id}: ${e.dataset.error}`));
  assert.deepEqual(failed, [], `${label}: a view failed to draw`);
  assert.equal(await page.isHidden('#fatal'), true, `${label}: #fatal is showing`);
  // Views out of sight are drawn once input pauses: the page then comes back to ready.
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 10_000 })
    .catch(() => assert.fail(`${label}: data-state never came back to ready`));
}

for (const { field, error, bad, start } of FIELDS) {
  test(`typed ${field}: every bad value gets a message and keeps the last view; a good value clears it`, { timeout: TIMEOUT }, async () => {
    const { page, log } = opened;
    {
      if (field === '#logits') {
        await page.check('#pi-mode-logits');
        await settle(page, { log });
      }
      if (start) {
        // Start from a value that reads back exactly (the shown logits are rounded).
        await typeInto(page, field, start, { log });
        assert.equal(await text(page, error), '', `${field} = ${start} is valid`);
        await page.click('#copy-link');
      }
      const good = await page.inputValue(field);
      assert.notEqual(good, '', `${field} starts empty`);
      const before = await allCanvasStats(page);
      const readouts = await text(page, '#mean-out');
      const link = await page.evaluate(() => location.hash);

      for (const value of [...ALWAYS_BAD, ...bad]) {
        const label = `${field} = ${JSON.stringify(value)}`;
        await typeInto(page, field, value, { log });
        const message = await text(page, error);
        assert.ok(message.length >= 8, `${label}: ${error} reads "${message}"`);
        assert.doesNotMatch(message, /undefined|\[object|JsError|RuntimeError|panicked/, `${label}: an unhelpful message: ${message}`);
        assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true', `${label}: aria-invalid`);
        assert.equal(await page.inputValue(field), value, `${label}: the field lost what was typed`);
        await assertViewsKept(page, before, label);
        assert.equal(await text(page, '#mean-out'), readouts, `${label}: E[y] changed`);
        assertClean(log, label);
      }

      // A good value clears the message and the mark, and the view is the same as before.
      await typeInto(page, field, good, { log });
      assert.equal(await text(page, error), '', `${field} = ${good}: the message stays`);
      assert.equal(await page.getAttribute(field, 'aria-invalid'), 'false', `${field} = ${good}: still marked invalid`);
      await assertViewsKept(page, before, `${field} back to ${good}`);
      await page.click('#copy-link');
      assert.equal(await page.evaluate(() => location.hash), link, 'the link changed although the state is the same');
      assertClean(log);
    }
  });
}

test('τ = 0 is refused with a message about τ, and so is a negative or tiny τ', { timeout: TIMEOUT }, async () => {
  const { page, log } = await freshPage();
  {
    for (const value of ['0', '0.0', '-0.5', '1e-9']) {
      await typeInto(page, '#tau-text', value, { log });
      const message = await text(page, '#err-tau');
      assert.match(message, /τ/, `τ = ${value}: the message "${message}" does not mention τ`);
    }
    await typeInto(page, '#tau-text', '0', { log });
    assert.match(await text(page, '#err-tau'), /positive|> ?0|greater than/, 'τ = 0: the message should say τ must be positive');
    // The slider is untouched: it still shows τ = 0.5.
    assert.equal(Number((10 ** Number(await page.inputValue('#tau'))).toPrecision(3)), 0.5);
    // Moving the slider (which takes the focus, as a hand or the Tab key would) clears the message.
    await page.focus('#tau');
    await setRange(page, '#tau', 0);
    await settle(page, { log });
    assert.equal(await text(page, '#err-tau'), '');
    assert.equal(await page.getAttribute('#tau-text', 'aria-invalid'), 'false');
    assert.equal(await page.inputValue('#tau-text'), '1');
    assertClean(log);
  }
});

test('costs that are all zero are refused with a message and the cost view stays', { timeout: TIMEOUT }, async () => {
  const { page, log } = await freshPage();
  {
    const before = await allCanvasStats(page);
    await setRange(page, '#cost-d', 0);
    await setRange(page, '#cost-i', 0);
    await settle(page, { log });
    assert.equal(await text(page, '#err-cost'), '', 'D = I = 0 with G = 1 is valid');
    const speedup = await text(page, '#speedup-out');
    assert.equal(speedup, '10', 'D = I = 0, G = 1, k = 10 gives 10');
    const cost = (await allCanvasStats(page)).cost.hash;
    assert.notEqual(cost, before.cost.hash);

    await setRange(page, '#cost-g', 0);
    await settle(page, { log });
    assert.ok((await text(page, '#err-cost')).length > 8, 'D = I = G = 0 gave no message');
    assert.equal(await page.getAttribute('#cost-g', 'aria-invalid'), 'true');
    assert.equal(await text(page, '#speedup-out'), speedup, 'the speed-up readout changed to an invalid state');
    const after = await allCanvasStats(page);
    assert.equal(after.cost.hash, cost, 'the cost view changed');
    assert.ok(after.cost.nonBackground > 0);

    await setRange(page, '#cost-g', 2);
    await settle(page, { log });
    assert.equal(await text(page, '#err-cost'), '');
    assert.equal(await page.getAttribute('#cost-g', 'aria-invalid'), 'false');
    assert.equal(await text(page, '#speedup-out'), '10');
    assertClean(log);
  }
});

test('typed logits of another length change k everywhere: slider, readout, π sliders, objective field',
  { timeout: TIMEOUT }, async () => {
    const { page, log } = await freshPage();
    await page.check('#pi-mode-logits');
    await typeInto(page, '#logits', '1, 2, 3, 4', { log });
    assert.equal(await text(page, '#err-logits'), '');
    await page.click('#copy-link');
    const seen = await page.evaluate(() => ({
      k: document.querySelector('#k').value,
      kOut: document.querySelector('#k-out').textContent,
      sliders: document.querySelector('#pi-sliders').children.length,
      objective: document.querySelector('#objective-values').value.split(',').length,
      link: location.hash,
    }));
    assert.match(seen.link, /^#k=4&logits=1,2,3,4&/);
    assert.deepEqual(
      { k: seen.k, kOut: seen.kOut, sliders: seen.sliders, objective: seen.objective },
      { k: '4', kOut: '4', sliders: 4, objective: 4 },
      'the controls do not all show k = 4',
    );
    assertClean(log);
  });
