// Links never break, in the page: every link of tests/links/corpus.json (links the page wrote,
// kept format by format) opens with no notice and no error, shows every field and readout it
// showed when it was written, and the page writes back the recorded state. Readouts are
// compared as numbers to the digits they print, so a last-bit difference in an exact value
// (3·10⁻¹⁷ for 0) is not a broken link. The native test tests/links_corpus.rs reads the same
// corpus through the model.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, assertClean, numbers, openPage, reopen } from './helpers.mjs';
import { shownState, writtenLink } from '../links/shown.mjs';

const TIMEOUT = 300_000;
const corpus = JSON.parse(await readFile(path.join(ROOT, 'tests', 'links', 'corpus.json'), 'utf8'));

let opened;

before(async () => {
  opened = await openPage('');
});

after(async () => {
  await opened?.browser.close();
});

/** Two readouts agree: the same text, or the same numbers to the four digits they print. */
function agree(recorded, now) {
  if (recorded === now) return true;
  if (recorded === null || now === null) return false;
  const strip = (t) => t.replace(/^= /, '');
  const a = numbers(strip(recorded));
  const b = numbers(strip(now));
  if (a.length !== b.length || a.some(Number.isNaN) || b.some(Number.isNaN)) return false;
  const scale = Math.max(...a.map(Math.abs), ...b.map(Math.abs));
  return a.every((x, i) => Math.abs(x - b[i]) <= 5e-4 * Math.max(Math.abs(x), Math.abs(b[i])) + 1e-12 * scale);
}

test('every link of the corpus restores what it showed', { timeout: TIMEOUT }, async () => {
  assert.ok(corpus.entries.length > 0, 'the corpus is empty');
  const { page, log } = opened;
  const broken = [];
  for (const entry of corpus.entries) {
    await reopen(opened, entry.link, { timeout: 60_000 });
    const problems = [];
    const notice = await page.evaluate(() => {
      const el = document.getElementById('notice');
      return el.hidden ? null : el.textContent;
    });
    if (notice !== (entry.notice ?? null)) problems.push(`notice: ${JSON.stringify(notice)}`);
    const shown = await shownState(page);
    for (const [id, recorded] of Object.entries(entry.shown)) {
      if (!agree(recorded, shown[id])) problems.push(`#${id}: ${JSON.stringify(shown[id])}, recorded ${JSON.stringify(recorded)}`);
    }
    const written = await writtenLink(page);
    if (written !== `#${entry.state}`) problems.push(`writes back ${written}`);
    if (problems.length) broken.push(`${entry.name} (format ${entry.format}, ${entry.link}):\n    ${problems.join('\n    ')}`);
  }
  assert.deepEqual(broken, [], 'links that no longer restore what they showed');
  assertClean(log, 'the corpus links');
});
