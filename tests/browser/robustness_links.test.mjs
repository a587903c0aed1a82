// Hostile or broken links: the page shows a plain-text notice and the defaults, logs nothing,
// runs nothing from the link, and opens no dialog. A good partial link is still restored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allCanvasStats, assertClean, openPage, reopen, text } from './helpers.mjs';

const TIMEOUT = 60_000;

const HOSTILE = [
  ['k far too large', '#k=1000000'],
  ['k = 1', '#k=1'],
  ['5000 probabilities', `#p=${Array(5000).fill('0.1').join(',')}`],
  ['11 probabilities', `#p=${Array(11).fill('0.1').join(',')}`],
  ['a script tag in p', '#p=<script>alert(1)</script>'],
  ['a percent-encoded script tag', '#p=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['an image tag in an unknown key', '#k=3&p=0.2,0.3,0.5&zzz=<img src=x onerror=alert(1)>'],
  ['a javascript: URL', '#javascript:alert(document.domain)'],
  ['broken percent-encoding', '#%E0%A4%A'],
  ['τ = 0', '#tau=0'],
  ['τ = NaN', '#tau=NaN'],
  ['τ = Infinity', '#tau=Infinity'],
  ['an over-long hash (10 kB)', `#k=3&seed=${'9'.repeat(10_000)}`],
  ['a repeated key', '#k=3&k=3'],
  ['a negative seed', '#seed=-1'],
  ['N overflowing', '#n=1e400'],
  ['k and p that disagree', '#k=2&p=0.2,0.3,0.5'],
  ['p and logits together', '#p=1,1&logits=0,0'],
  ['zero probabilities', '#p=0,0,0'],
  ['a schedule of three numbers', '#sched=1,1,1'],
  ['all costs zero', '#cost=0,0,0,10'],
  ['f without obj', '#f=1,2,3'],
  ['an unknown objective', '#obj=cubic'],
  ['only separators', '#&&&=&='],
  ['a unicode key', '#τ=0.5'],
];

let opened;
let defaults;
const dialogs = [];

before(async () => {
  opened = await openPage('', {
    setup: ({ page }) => page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    }),
  });
  defaults = await look(opened.page);
  assert.equal(defaults.noticeHidden, true, 'the plain page shows a notice');
});

after(async () => {
  await opened?.browser.close();
});

/** What a person sees of the state, plus a few canvases' pixels. */
async function look(page) {
  const seen = await page.evaluate(() => {
    const $ = (s) => document.querySelector(s);
    const notice = $('#notice');
    return {
      noticeHidden: notice.hidden || getComputedStyle(notice).display === 'none',
      k: $('#k').value,
      kOut: $('#k-out').textContent,
      tau: $('#tau-text').value,
      samples: $('#samples-text').value,
      seed: $('#seed').value,
      pi: Array.from(document.querySelectorAll('#pi-sliders output'), (o) => o.textContent),
      mean: $('#mean-out').textContent,
      chi2: $('#chi2-stat').textContent,
      scripts: document.scripts.length,
      images: document.images.length,
      fatalHidden: $('#fatal').hidden,
    };
  });
  const pixels = await allCanvasStats(page);
  seen.pixels = Object.fromEntries(Object.entries(pixels).map(([view, s]) => [view, s.hash]));
  return seen;
}


for (const [label, hash] of HOSTILE) {
  test(`a link with ${label} shows a notice and the defaults`, { timeout: TIMEOUT }, async () => {
    const { page, log } = opened;
    await reopen(opened, hash);
    const seen = await look(page);
    const notice = await page.evaluate(() => {
      const el = document.getElementById('notice');
      return { text: el.textContent, html: el.innerHTML, children: el.childElementCount };
    });
    assert.equal(seen.noticeHidden, false, `${label}: no notice`);
    assert.ok(await page.isVisible('#notice'), `${label}: the notice is not visible`);
    assert.match(notice.text, /could not be used|not restored/, `${label}: the notice reads "${notice.text}"`);
    assert.ok(notice.text.length < 400, `${label}: the notice is ${notice.text.length} characters long`);
    assert.equal(notice.children, 0, `${label}: the notice has element children: ${notice.html}`);
    assert.doesNotMatch(notice.html, /<[a-z]/i, `${label}: the notice holds markup: ${notice.html}`);
    // The defaults, exactly as on a page opened without a link.
    const { noticeHidden, ...rest } = seen;
    const { noticeHidden: _, ...wanted } = defaults;
    assert.deepEqual(rest, wanted, `${label}: the page does not show the defaults`);
    assert.equal(seen.k, '3');
    assert.equal(seen.tau, '0.5');
    // The address bar now holds the state shown, not the broken link.
    await page.click('#copy-link');
    const link = await page.evaluate(() => location.hash);
    assert.match(link, /^#k=3&p=0\.2,0\.3,0\.5&tau=0\.5&/, `${label}: the address bar holds ${link.slice(0, 80)}`);
    assert.deepEqual(dialogs, [], `${label}: a dialog opened`);
    assertClean(log, label);
  });
}

test('a good partial link is restored without a notice', { timeout: TIMEOUT }, async () => {
  const { page, log } = opened;
  await reopen(opened, '#k=4&p=1,1,1,2&tau=2&seed=5&n=500');
  const seen = await look(page);
  assert.equal(seen.noticeHidden, true, `a notice: ${await text(page, '#notice')}`);
  assert.deepEqual([seen.k, seen.tau, seen.seed, seen.samples], ['4', '2', '5', '500']);
  assert.deepEqual(seen.pi, ['0.200', '0.200', '0.200', '0.400']);
  assert.deepEqual(dialogs, []);
  assertClean(log);
});
