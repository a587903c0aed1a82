// The categorical VAE of view 9 in `make bench`: training steps per second per model (batch 32,
// 16 × 10 latents) in headless Chromium beside the native speed, and the page's own run: view 9
// trained through its buttons to 5,000 steps, its test −ELBO per estimator at 1,000 / 2,000 /
// 5,000 steps, its steps-per-second readout, and a screenshot at 2,000 steps
// (target/screenshots/view-vae-2000.png). Prints a Markdown section; --out also gets the JSON.
//
//   node bench/vae_bench.mjs --native target/bench/vae-native.txt
//        [--module target/bench/pkg-vae/gumbel_explorer.js] [--url URL] [--reps 5]
//        [--steps 300] [--until 5000] [--out file.json]
// --native is the output of `cargo run --release --example bench_vae`; --module is the
// benchmark's copy of the worker's module (built with the `bench` feature), relative to the
// page's address.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, SCREENSHOT_DIR, launch, serveDir, waitReady } from '../tests/browser/helpers.mjs';
import { parseArgs } from './args.mjs';

const ESTIMATORS = ['GS', 'ST-GS', 'SF+baseline'];
const CHECKPOINTS = [1000, 2000, 5000];
// MATH.md section 9, JAX, 16 × 10 (the last column at 3,000 steps).
const REFERENCE = { GS: [22.49, 22.02, 21.53], 'ST-GS': [22.45, 21.73, 21.42], 'SF+baseline': [24.6, 24.59, 23.8] };

const DEFAULTS = { native: null, module: 'target/bench/pkg-vae/gumbel_explorer.js', url: null, reps: 5, steps: 300, until: 5000, out: null };

const progress = (msg) => process.stderr.write(`    vae: ${msg}\n`);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Native steps per second of one model at 16 × 10, per estimator, from bench_vae's output. */
async function nativeSpeeds(file) {
  if (!file) return {};
  const text = await readFile(file, 'utf8');
  const speeds = {};
  for (const line of text.split('\n')) {
    const m = /^\s*16 × 10\s+(\S+)\s+([\d.]+) steps\/s/.exec(line);
    if (m) speeds[m[1]] = Number(m[2]);
  }
  return speeds;
}

/** Steps per second of one model alone, in the page's window, median of `reps` runs. */
async function wasmSpeeds(page, { module, reps, steps }) {
  return page.evaluate(async ({ module, reps, steps, names }) => {
    const m = await import(new URL(module, document.baseURI).href);
    await m.default();
    const out = {};
    for (const name of names) {
      const runs = [];
      for (let r = 0; r < reps; r++) runs.push(m.bench_vae_steps(name, steps));
      out[name] = runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    }
    return out;
  }, { module, reps, steps, names: ESTIMATORS });
}

/** Runs view 9 through its buttons until `until`; returns the readout and the table. */
async function pageRun(page, until, shotAt) {
  await page.locator('#section-vae').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('vae-curves'), null, { timeout: 60_000 });
  const started = Date.now();
  const runTo = async (step) => {
    await page.fill('#vae-until', String(step));
    await page.click('#vae-run');
    await page.waitForFunction((s) => document.getElementById('vae-step').textContent === s.toLocaleString('en-US') &&
      document.getElementById('vae-play').getAttribute('aria-pressed') === 'false', step, { timeout: 30 * 60_000 });
  };
  const read = () => page.evaluate(() => ({
    rate: Number(document.getElementById('vae-rate').textContent),
    sentence: document.getElementById('vae-sentence').textContent,
    rows: [...document.querySelectorAll('#data-vae tbody tr')].map((r) => [...r.cells].map((c) => c.textContent)),
  }));
  let atShot = null;
  if (shotAt && shotAt < until) {
    await runTo(shotAt);
    atShot = await read();
    await page.locator('#section-vae').screenshot({ path: path.join(SCREENSHOT_DIR, `view-vae-${shotAt}.png`) });
  }
  await runTo(until);
  const end = await read();
  return { ...end, atShot, seconds: (Date.now() - started) / 1000 };
}

const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

async function main() {
  const opts = parseArgs(process.argv.slice(2), DEFAULTS);
  const native = await nativeSpeeds(opts.native);
  let server = null;
  const base = opts.url ?? (server = await serveDir(ROOT)).url;
  const { browser, page, log } = await launch();
  const result = { native, wasm: {}, page: null };
  try {
    await page.goto(base);
    await waitReady(page, { log, timeout: 60_000 });
    progress(`one model alone, ${opts.steps} steps × ${opts.reps} runs per estimator`);
    result.wasm = await wasmSpeeds(page, opts);
    progress(`view 9 through its buttons, to step ${opts.until}`);
    result.page = await pageRun(page, opts.until, 2000);
  } finally {
    await browser.close();
    await server?.close();
  }

  const lines = ['', `## Categorical VAE (view 9), 16 × 10 latents, batch 32`, ''];
  lines.push('| one model alone | native steps/s | wasm steps/s (Chromium) | wasm ÷ native time | targets |');
  lines.push('|---|---|---|---|---|');
  for (const name of ESTIMATORS) {
    const n = native[name];
    const w = result.wasm[name];
    const ratio = n / w;
    lines.push(`| ${name} | ${fmt(n)} | ${fmt(w)} | ${fmt(ratio, 2)}× | ≥ 200/s: ${w >= 200 ? 'met' : 'NOT met'}; ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'} |`);
  }
  const p = result.page;
  lines.push('', `The page (three models side by side in one worker, test −ELBO every 100 steps included): ` +
    `${fmt(p.rate)} steps per second for each model; ${opts.until.toLocaleString('en-US')} steps took ${fmt(p.seconds, 1)} s.`);
  lines.push('', '| test −ELBO in the browser (JAX reference) | ' + CHECKPOINTS.map((c) => c.toLocaleString('en-US')).join(' | ') + ' |');
  lines.push('|---|' + CHECKPOINTS.map(() => '---').join('|') + '|');
  for (const name of ESTIMATORS) {
    const at = (step) => p.rows.find((r) => r[0] === name && Number(r[1]) === step)?.[3] ?? 'n/a';
    lines.push(`| ${name} | ` + CHECKPOINTS.map((c, j) => `${at(c)} (${REFERENCE[name][j]}${j === 2 ? ' at 3,000' : ''})`).join(' | ') + ' |');
  }
  if (p.atShot) lines.push('', `At 2,000 steps the page read: "${p.atShot.sentence.trim()}"`);
  lines.push(`At ${opts.until.toLocaleString('en-US')} steps: "${p.sentence.trim()}"`);
  console.log(lines.join('\n'));
  if (opts.out) await writeFile(opts.out, JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
