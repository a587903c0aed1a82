// A long lecture, in headless Chromium: the annealing plays for SOAK_MINUTES (default 10) while
// a seeded random hand moves sliders (k, π, N, the step, the costs, sometimes τ, which pauses
// the annealing; it is then played again). Every 10 s it samples the JS heap (after a garbage
// collection) and the wasm module's memory, and checks that the page still answers: a key press
// on the τ slider must be followed by a redraw within the response budget. At the end it prints
// a small report: memory at the start, the end and its peak, console errors, long tasks, key
// press → redraw latencies. A benchmark, not a test: it reports, and exits non-zero only when it
// could not run or the page logged an error.
//
//   SOAK_MINUTES=1 node bench/soak.mjs [--url URL] [--out target/bench/soak.json]
// Without --url it serves the repository root (index.html + www/, with www/pkg built).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launch, serveDir, waitReady } from '../tests/browser/helpers.mjs';
import { parseArgs } from './args.mjs';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SEED = Number(process.env.SOAK_SEED ?? 1);
const SAMPLE_EVERY_MS = 10_000;
// RAIL's response budget: an answer to input within 100 ms reads as immediate.
const RESPONSE_BUDGET_MS = 100;
const MB = 1024 * 1024;

const DEFAULTS = { url: process.env.EXPLORER_URL || null, out: path.join(ROOT, 'target', 'bench', 'soak.json') };

const progress = (msg) => process.stderr.write(`    soak: ${msg}\n`);

/** A small seeded generator (mulberry32), so a soak can be replayed move for move. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Installed in the page: long tasks, and the latency from a key press to the next redraw
// (the page rewrites #redraw-ms after every redraw that drew something).
function installProbes() {
  window.__soak = { longTasks: 0, longest: 0, pendingKey: null, latencies: [], misses: 0 };
  const soak = window.__soak;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      soak.longTasks += 1;
      soak.longest = Math.max(soak.longest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: false });
  document.addEventListener('keydown', (e) => { soak.pendingKey = e.timeStamp; }, true);
  new MutationObserver(() => {
    if (soak.pendingKey !== null) {
      soak.latencies.push(performance.now() - soak.pendingKey);
      soak.pendingKey = null;
    }
  }).observe(document.getElementById('redraw-ms'), { childList: true, characterData: true, subtree: true });
}

/** One random move of a control, as a hand on the sliders would make it; returns its kind. */
async function randomMove(page, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const control = pick(['k', 'pi', 'pi', 'samples', 'step', 'cost', 'tau', 'seed']);
  const slide = (id, fraction) => page.$eval(`#${id}`, (el, f) => {
    const [lo, hi] = [Number(el.min), Number(el.max)];
    el.value = String(lo + (hi - lo) * f);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return el.id;
  }, fraction);
  switch (control) {
    case 'k': await slide('k', rnd()); break;
    case 'pi': {
      const n = await page.$$eval('#pi-sliders input', (els) => els.length);
      await slide(`pi-${Math.floor(rnd() * n)}`, rnd());
      break;
    }
    case 'samples': await slide('samples', rnd()); break;
    case 'step': await slide('step', rnd()); break;
    case 'cost': await slide(pick(['cost-d', 'cost-i', 'cost-g', 'cost-k']), 0.05 + 0.95 * rnd()); break;
    case 'tau': await slide('tau', rnd()); break;
    default: await page.click('#new-seed');
  }
  return control;
}

const longTasksSoFar = (page) => page.evaluate(() => window.__soak.longTasks);

/** Plays the annealing if it is not playing (it stops at the horizon and when τ is moved). */
async function keepPlaying(page) {
  const playing = await page.$eval('#play', (b) => b.getAttribute('aria-pressed') === 'true');
  if (!playing) await page.click('#play');
}

/** The JS heap after a garbage collection, and the wasm module's memory, in bytes. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__explorerWasmMemoryBytes?.() ?? NaN);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
  return { heap: usedSize, wasm, nodes };
}

/**
 * A key press on the τ slider (PageUp, or PageDown in the slider's upper half, so τ always
 * moves): the page must redraw within the budget. A press with no redraw 300 ms later counts
 * as a miss.
 */
async function keyPress(page) {
  const upper = await page.$eval('#tau', (el) => Number(el.value) > (Number(el.min) + Number(el.max)) / 2);
  await page.focus('#tau');
  await page.keyboard.press(upper ? 'PageDown' : 'PageUp');
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    if (window.__soak.pendingKey !== null) {
      window.__soak.misses += 1;
      window.__soak.pendingKey = null;
    }
  });
}

function summary(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q) => (v.length ? v[Math.min(v.length - 1, Math.floor(q * v.length))] : NaN);
  return { n: v.length, median: at(0.5), p95: at(0.95), max: v.length ? v[v.length - 1] : NaN };
}

async function soak(url) {
  const { browser, page, log } = await launch({ viewport: { width: 1280, height: 900 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await waitReady(page, { log, timeout: 60_000 });
    await page.evaluate(installProbes);
    const rnd = random(SEED);
    const samples = [];
    const start = Date.now();
    const end = start + MINUTES * 60_000;
    let nextSample = start;
    let moves = 0;
    // Long tasks seen while each kind of move settled (playing alone is 'play').
    const longTasksBy = {};
    await keepPlaying(page);
    while (Date.now() < end) {
      if (Date.now() >= nextSample) {
        await keyPress(page);
        const m = await memory(page, cdp);
        samples.push({ t: (Date.now() - start) / 1000, ...m });
        progress(`${Math.round((Date.now() - start) / 1000)} s: heap ${(m.heap / MB).toFixed(1)} MB, ` +
          `wasm ${(m.wasm / MB).toFixed(1)} MB, ${m.nodes} DOM nodes, ${log.errors.length} errors`);
        nextSample += SAMPLE_EVERY_MS;
        await keepPlaying(page);
      }
      const before = await longTasksSoFar(page);
      const kind = await randomMove(page, rnd);
      moves += 1;
      await page.waitForTimeout(500 + 1500 * rnd());
      longTasksBy[kind] = (longTasksBy[kind] ?? 0) + (await longTasksSoFar(page)) - before;
      if (rnd() < 0.7) await keepPlaying(page);
    }
    const probes = await page.evaluate(() => window.__soak);
    return {
      minutes: MINUTES, seed: SEED, moves, samples, probes, longTasksBy,
      errors: [...log.errors, ...log.failedRequests],
    };
  } finally {
    await browser.close();
  }
}

function report(r) {
  const mb = (b) => (b / MB).toFixed(1);
  const first = r.samples[0];
  const last = r.samples[r.samples.length - 1];
  // After the first minute the module has grown to what this page needs.
  const settled = r.samples.find((s) => s.t >= 60) ?? first;
  const peak = (key) => Math.max(...r.samples.map((s) => s[key]));
  const lat = summary(r.probes.latencies);
  const slow = r.probes.latencies.filter((x) => x > RESPONSE_BUDGET_MS).length;
  const lines = [
    `Soak: ${r.minutes} min of annealing with ${r.moves} random slider moves (seed ${r.seed}), Chromium`,
    `  JS heap (after GC)  start ${mb(first.heap)} MB, after 1 min ${mb(settled.heap)} MB, end ${mb(last.heap)} MB, peak ${mb(peak('heap'))} MB`,
    `  wasm memory         start ${mb(first.wasm)} MB, after 1 min ${mb(settled.wasm)} MB, end ${mb(last.wasm)} MB, peak ${mb(peak('wasm'))} MB`,
    `  DOM nodes           start ${first.nodes}, end ${last.nodes}, peak ${peak('nodes')}`,
    `  console errors      ${r.errors.length}`,
    `  long tasks (>50 ms) ${r.probes.longTasks}, longest ${r.probes.longest.toFixed(0)} ms; after each kind of move: ` +
      Object.entries(r.longTasksBy).map(([k, n]) => `${k} ${n}`).join(', '),
    `  key press → redraw  median ${lat.median.toFixed(1)} ms, p95 ${lat.p95.toFixed(1)} ms, max ${lat.max.toFixed(1)} ms ` +
      `(${lat.n + r.probes.misses} presses, ${slow} over the ${RESPONSE_BUDGET_MS} ms budget, ${r.probes.misses} without a redraw)`,
  ];
  return lines.join('\n');
}

const opts = parseArgs(process.argv.slice(2), DEFAULTS);
let server = null;
try {
  if (!opts.url) {
    server = await serveDir(ROOT);
    opts.url = server.url;
  }
  progress(`${MINUTES} min against ${opts.url}`);
  const result = await soak(opts.url);
  await mkdir(path.dirname(opts.out), { recursive: true });
  await writeFile(opts.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(report(result));
  if (result.errors.length) {
    console.log(result.errors.slice(0, 10).join('\n'));
    process.exitCode = 1;
  }
} finally {
  await server?.close();
}
