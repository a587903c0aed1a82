// Records links as the page writes them, with what each must bring back, into corpus.json.
// Each scenario starts from the plain page and does what a person would (a preset button, a
// slider pulled to its end, a number typed); the page then writes its link. Entries already in
// the corpus are never rewritten: a link that was once handed out must keep working as it did.
// A scenario whose link is new (a new format, a new control) is added.
//
//   EXPLORER_URL=http://127.0.0.1:8000/ node tests/links/record.mjs           show what is new
//   EXPLORER_URL=http://127.0.0.1:8000/ node tests/links/record.mjs --write   add it to corpus.json
// (serve the site first, e.g. `make serve`).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exported, reopen, openPage, setRange, settle, typeInto } from '../browser/helpers.mjs';
import { shownState, writtenLink } from './shown.mjs';

const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus.json');
// Today's link format: unversioned `key=value` pairs (see src/model/url.rs). A new format gets
// the next number; entries of older formats stay.
const FORMAT = 1;

const slider = (id, end) => async (page) => {
  const value = await page.$eval(`#${id}`, (el, e) => el[e], end);
  await setRange(page, `#${id}`, value);
};
const typed = (id, text) => async (page, log) => typeInto(page, `#${id}`, text, { log });
const click = (selector) => async (page) => page.click(selector);
const objective = (kind) => async (page) => page.selectOption('#objective', kind);
const schedule = (tau0, rate, min, every) => async (page, log) => {
  for (const [id, v] of [['sched-tau0', tau0], ['sched-rate', rate], ['sched-min', min], ['sched-every', every]]) {
    await typeInto(page, `#${id}`, String(v), { log });
  }
};

/** The scenarios: a name, what a person does, and the steps. */
async function scenarios(page) {
  const rules = JSON.parse(await exported(page, 'limits'));
  const presets = await exported(page, 'preset_names');
  return [
    ['defaults', 'the plain page', []],
    ...presets.map((name) => [`preset ${name}`, `the ${name} preset button`, [click(`button[data-preset="${name}"]`)]]),
    ['objective squared', 'the squared-distance objective chosen', [objective('squared')]],
    ['objective squared with a target', 'squared distance, target typed', [objective('squared'), typed('objective-values', '1, 0, 0')]],
    ['objective linear at its bounds', 'payoffs typed at ±max', [typed('objective-values', `-${rules.objective_abs_max}, 0, ${rules.objective_abs_max}`)]],
    ['k at its minimum', 'k slider pulled to the left', [slider('k', 'min')]],
    ['k at its maximum', 'k slider pulled to the right', [slider('k', 'max')]],
    ['tau slider at its minimum', 'τ slider pulled to the left', [slider('tau', 'min')]],
    ['tau slider at its maximum', 'τ slider pulled to the right', [slider('tau', 'max')]],
    ['tau typed at its minimum', 'τ typed', [typed('tau-text', String(rules.tau[0]))]],
    ['tau typed at its maximum', 'τ typed', [typed('tau-text', String(rules.tau[1]))]],
    ['Figure 1 tau 0.1', 'a Figure 1 τ button', [click('button[data-tau="0.1"]')]],
    ['N at its minimum', 'N typed', [typed('samples-text', String(rules.samples[0]))]],
    ['N at its maximum', 'N typed', [typed('samples-text', String(rules.samples[1]))]],
    ['N slider midway', 'N slider moved', [async (p) => setRange(p, '#samples', 3.5)]],
    ['seed zero', 'seed typed', [typed('seed', '0')]],
    ['seed at its maximum', 'seed typed', [typed('seed', String(rules.seed_max))]],
    ['a big seed', 'seed typed', [typed('seed', '4503599627370497')]],
    ['pi at the slider ends', 'π₁ slider to its minimum, π₃ to its maximum', [slider('pi-0', 'min'), slider('pi-2', 'max')]],
    ['logits typed', 'logits entry, three logits typed', [click('#pi-mode-logits'), typed('logits', '-3, 0, 2.5')]],
    ['logits changing k', 'logits entry, five logits typed', [click('#pi-mode-logits'), typed('logits', '1, 2, 3, 4, 5')]],
    ['schedule that never cools', 'schedule typed: rate 0', [schedule(1000, 0, 0.001, 1)]],
    ['schedule at its extremes', 'schedule typed: fast rate, longest interval', [schedule(0.001, 10, 1000, rules.schedule_every[1])]],
    ['annealing step at the horizon', 'step slider pulled to the right', [slider('step', 'max')]],
    ['cost preset paper-like', 'the paper-like cost button', [click('button[data-cost="8,0.5,0.5,10"]')]],
    ['cost sliders at their ends', 'cost sliders pulled', [slider('cost-d', 'min'), slider('cost-i', 'max'), slider('cost-k', 'max')]],
    ['everything changed at once', 'Figure 1 preset, squared objective, seed, N, schedule, step and costs',
      [click('button[data-preset="figure1"]'), objective('squared'), typed('seed', '123456789'),
        typed('samples-text', '5000'), schedule(2, 0.001, 0.3, 50), slider('step', 'max'),
        click('button[data-cost="1,1,1,10"]')]],
  ];
}

async function record() {
  const opened = await openPage('');
  const { page, log } = opened;
  try {
    const entries = [];
    for (const [name, how, steps] of await scenarios(page)) {
      await reopen(opened);
      for (const step of steps) {
        await step(page, log);
        await settle(page, { log });
      }
      // Leave the field last typed in, as a person moving on would: it then shows the state.
      await page.evaluate(() => document.activeElement?.blur());
      const link = await writtenLink(page);
      entries.push({ format: FORMAT, name, how, link, state: link.replace(/^#/, ''), shown: await shownState(page) });
    }
    if (log.errors.length) throw new Error(`the page logged errors:\n${log.errors.join('\n')}`);
    return entries;
  } finally {
    await opened.browser.close();
  }
}

const corpus = JSON.parse(await readFile(CORPUS, 'utf8').catch(() => '{"entries": []}'));
const known = new Set(corpus.entries.map((e) => `${e.format} ${e.name}`));
const fresh = (await record()).filter((e) => !known.has(`${e.format} ${e.name}`));
console.log(`${fresh.length} new entries:`);
for (const e of fresh) console.log(`  ${e.name}: ${e.link}`);
if (process.argv.includes('--write') && fresh.length) {
  corpus.entries.push(...fresh);
  await writeFile(CORPUS, `${JSON.stringify(corpus, null, 2)}\n`);
  console.log(`written to ${CORPUS}`);
}
