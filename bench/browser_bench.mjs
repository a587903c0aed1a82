// In-browser half of `make bench`: drives the built page in headless Chromium (1280 × 900
// viewport, deviceScaleFactor 1) and prints one JSON object with
//   page        what was loaded: canvas sizes, every response's raw and gzipped size
//   redraw      the redraw after a τ change with the heatmap in sight (only views in sight
//               are drawn at once): the draw loop (#redraw-ms), input → first
//               painted frame, input → settled (data-state back to "ready"), per-view times
//   kernels     median ms of each wasm kernel (the export bench_kernel of the benchmark's own
//               module, built with the `bench` feature; the page's module does not have it),
//               when asked for
//   memory      wasm linear memory before and after 1,000 redraws
//   drag        long tasks and input → painted frame while dragging the τ slider at
//               N = 1,000,000 and at k = 10
//   training    training steps per second in wasm, and a run through the page (see
//               bench/training_bench.mjs)
//
//   node bench/browser_bench.mjs [--url URL] [--kernels a,b,c] [--kernel-reps 15]
//        [--kernel-module PATH] [--iterations 40] [--warmup 5] [--memory-redraws 1000]
//        [--out file.json]
// Without --url it serves the repository root (index.html + www/, with www/pkg built).
// --kernel-module is the benchmark module's JS, relative to the page's URL (default
// target/bench/pkg/gumbel_explorer.js, where `scripts/build-web.sh --bench` puts it).
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { ROOT, launch, serveDir, waitReady } from '../tests/browser/helpers.mjs';
import { measureTraining } from './training_bench.mjs';
import { parseArgs } from './args.mjs';

const VIEWPORT = { width: 1280, height: 900 };

const DEFAULTS = {
  url: process.env.EXPLORER_URL || null,
  kernels: [],
  kernelReps: 15,
  kernelModule: 'target/bench/pkg/gumbel_explorer.js',
  iterations: 40,
  warmup: 5,
  memoryRedraws: 1000,
  out: null,
};

const progress = (msg) => process.stderr.write(`    browser: ${msg}\n`);

function summary(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, median: null, p95: null, max: null };
  const at = (q) => {
    const rank = q * (v.length - 1);
    const lo = Math.floor(rank);
    const hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
  };
  return { n: v.length, median: at(0.5), p95: at(0.95), max: v[v.length - 1] };
}

// Installed once in the page: helpers that run there, so no timing crosses the CDP link.
function installPageHelpers() {
  // rAF callbacks run in registration order, so this one runs after the page's redraw of the
  // same frame; the message posted from it arrives once that frame has been produced. Resolves
  // with { frameStart, callbacksDone, painted } (performance.now() times).
  const frame = () => new Promise((done) => {
    requestAnimationFrame((frameStart) => {
      const callbacksDone = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done({ frameStart, callbacksDone, painted: performance.now() });
      channel.port2.postMessage(0);
    });
  });
  const frameDone = async () => (await frame()).painted;
  const redraws = [];
  new MutationObserver(() => {
    redraws.push(Number(document.getElementById('redraw-ms').textContent));
  }).observe(document.getElementById('redraw-ms'), { childList: true, characterData: true, subtree: true });
  const longTasks = [];
  let longTaskSupported = false;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  } catch {
    longTaskSupported = false;
  }
  const state = () => document.documentElement.dataset.state;
  const busy = () => state() !== 'ready' && state() !== 'error';
  // Waits for frames until the page says it is done (ready or error), at most `limit` ms;
  // returns when the last frame was painted (`since` if the page was done already).
  const settleFrom = async (since, limit = 60_000) => {
    const start = performance.now();
    let last = since;
    while (busy() && performance.now() - start < limit) last = await frameDone();
    return last;
  };
  const settle = async (limit = 60_000) => settleFrom(await frameDone(), limit);
  const setText = (id, value) => {
    const input = document.getElementById(id);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  window.__bench = { frame, frameDone, redraws, longTasks, longTaskSupported, state, settle, settleFrom, setText };
}

// One τ change typed into #tau-text: returns draw-loop times, input → first frame, → settled.
async function measureRedraws(page, { iterations, warmup }) {
  return page.evaluate(async ({ iterations, warmup }) => {
    const b = window.__bench;
    const rows = [];
    // Only views in sight are redrawn at once: a student changing τ looks at the heatmap.
    document.getElementById('view-density')?.scrollIntoView({ block: 'center' });
    await b.settle();
    for (let i = 0; i < warmup + iterations; i++) {
      const tau = i % 2 === 0 ? '0.55' : '0.5';
      b.redraws.length = 0;
      for (const key of Object.keys(window.__explorerViewTimings || {})) delete window.__explorerViewTimings[key];
      // A frame callback registered before the input runs before the page's redraw (rAF
      // callbacks run in registration order); the one in b.frame() runs after it.
      const frameBegins = new Promise((done) => requestAnimationFrame(() => done(performance.now())));
      const t0 = performance.now();
      b.setText('tau-text', tau); // dispatches synchronously: this includes the input handler
      const handled = performance.now();
      const first = await b.frame();
      const begun = await frameBegins;
      const firstDraw = b.redraws[0];
      const views = { ...(window.__explorerViewTimings || {}) };
      const settled = await b.settleFrom(first.painted);
      if (i >= warmup) {
        const drawnViews = Object.values(views).reduce((a, x) => a + x, 0);
        rows.push({
          drawLoopMs: firstDraw,
          inputHandlerMs: handled - t0,
          waitForFrameMs: begun - handled,
          // The page's redraw(): draw loop, readouts, URL.
          redrawCallbackMs: first.callbacksDone - begun,
          paintMs: first.painted - first.callbacksDone,
          inputToFrameMs: first.painted - t0,
          inputToSettledMs: settled - t0,
          frames: b.redraws.length,
          drawLoopTotalMs: b.redraws.reduce((a, x) => a + x, 0),
          // ex.draw calls that drew nothing (the first one also brings the samples up to date).
          outsideViewsMs: firstDraw - drawnViews,
          views,
        });
      }
      // Let the page go idle between iterations, as between two separate edits.
      await new Promise((done) => setTimeout(done, 30));
    }
    return rows;
  }, { iterations, warmup });
}

// The wasm kernels, through a second instance in the page: the benchmark's own module (the
// page's module carries no benchmark code), loaded and initialised here.
async function measureKernels(page, modulePath, names, reps) {
  return page.evaluate(async ({ modulePath, names, reps }) => {
    let mod;
    try {
      mod = await import(new URL(modulePath, document.baseURI).href);
      await mod.default();
    } catch (e) {
      return { error: `could not load the benchmark module ${modulePath} (build it with scripts/build-web.sh --bench): ${e && e.message ? e.message : e}` };
    }
    if (typeof mod.bench_kernel !== 'function') {
      return { error: `${modulePath} has no bench_kernel export (build it with scripts/build-web.sh --bench)` };
    }
    const out = {};
    for (const name of names) {
      try {
        out[name] = mod.bench_kernel(name, reps);
      } catch (e) {
        out[name] = { error: String(e && e.message ? e.message : e) };
      }
    }
    return { reps, kernels: out };
  }, { modulePath, names, reps });
}

async function measureMemory(page, redraws) {
  return page.evaluate(async (redraws) => {
    const b = window.__bench;
    const read = window.__explorerWasmMemoryBytes;
    if (typeof read !== 'function') return { error: 'window.__explorerWasmMemoryBytes is missing' };
    await b.settle();
    const before = read();
    const checkpoints = [];
    const t0 = performance.now();
    for (let i = 0; i < redraws; i++) {
      // τ walks over 0.2 … 1.19 in 100 steps, so caches see many different inputs.
      b.setText('tau-text', (0.2 + ((i * 37) % 100) / 100).toFixed(2));
      await b.settleFrom(await b.frameDone());
      if ((i + 1) % 100 === 0 || i + 1 === redraws) checkpoints.push([i + 1, read()]);
    }
    await b.settle();
    return { redraws, before, after: read(), checkpoints, seconds: (performance.now() - t0) / 1000 };
  }, redraws);
}

// Drags the τ slider with the mouse from `fromTau` to `toTau` in `steps` moves about 16 ms
// apart, then waits for the page to settle. Long tasks and input → frame times come from the page.
async function drag(page, { steps = 60, fromTau = 0.1, toTau = 3 } = {}) {
  const box = await page.locator('#tau').boundingBox();
  const { min, max } = await page.$eval('#tau', (el) => ({ min: Number(el.min), max: Number(el.max) }));
  const xOf = (tau) => box.x + 8 + ((Math.log10(tau) - min) / (max - min)) * (box.width - 16);
  const y = box.y + box.height / 2;
  await page.evaluate(() => {
    const b = window.__bench;
    b.dragInputs = [];
    b.longTasks.length = 0;
    b.dragStart = performance.now();
    b.onDragInput = () => {
      const t = performance.now();
      b.frameDone().then((painted) => b.dragInputs.push({ at: t, toFrame: painted - t }));
    };
    document.getElementById('tau').addEventListener('input', b.onDragInput);
  });
  const wallStart = Date.now();
  await page.mouse.move(xOf(fromTau), y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    const tau = fromTau * (toTau / fromTau) ** (i / steps);
    await page.mouse.move(xOf(tau), y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const dragSeconds = (Date.now() - wallStart) / 1000;
  return page.evaluate(async (dragSeconds) => {
    const b = window.__bench;
    await b.settle();
    await new Promise((done) => setTimeout(done, 300)); // late long-task entries
    document.getElementById('tau').removeEventListener('input', b.onDragInput);
    const tasks = b.longTasks.filter((t) => t.start >= b.dragStart);
    return {
      dragSeconds,
      inputs: b.dragInputs.length,
      inputToFrameMs: b.dragInputs.map((d) => d.toFrame),
      longTaskSupported: b.longTaskSupported,
      longTasksMs: tasks.map((t) => t.duration),
      settledAfterMs: performance.now() - b.dragStart,
    };
  }, dragSeconds);
}

async function setAndSettle(page, id, value) {
  await page.evaluate(async ({ id, value }) => {
    window.__bench.setText(id, value);
    await window.__bench.settle(120_000);
  }, { id, value });
}

async function setRangeAndSettle(page, id, value) {
  await page.evaluate(async ({ id, value }) => {
    const input = document.getElementById(id);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await window.__bench.settle(120_000);
  }, { id, value });
}

function dragReport(raw) {
  return {
    dragSeconds: raw.dragSeconds,
    inputs: raw.inputs,
    inputToFrame: summary(raw.inputToFrameMs),
    longTaskSupported: raw.longTaskSupported,
    longTasks: raw.longTasksMs.length,
    longestTaskMs: raw.longTasksMs.length ? Math.max(...raw.longTasksMs) : 0,
    longTasksOver50: raw.longTasksMs.filter((d) => d > 50).length,
    settledAfterMs: raw.settledAfterMs,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), DEFAULTS);
  let server = null;
  if (!opts.url) {
    server = await serveDir(ROOT);
    opts.url = server.url;
  }
  const { browser, page, log } = await launch({ viewport: VIEWPORT });
  const responses = [];
  page.on('response', async (res) => {
    try {
      const body = await res.body();
      responses.push({ url: res.url(), status: res.status(), type: res.headers()['content-type'] || '', body });
    } catch {
      // redirects and aborted requests have no body
    }
  });
  const result = { viewport: VIEWPORT, deviceScaleFactor: 1, url: opts.url };
  try {
    progress(`loading ${opts.url}`);
    const loadStart = Date.now();
    await page.goto(opts.url);
    await waitReady(page, { log, timeout: 60_000 });
    result.loadToReadyMs = Date.now() - loadStart;
    await page.evaluate(installPageHelpers);
    const info = await page.evaluate(() => ({
      devicePixelRatio: window.devicePixelRatio,
      userAgent: navigator.userAgent,
      canvases: Object.fromEntries([...document.querySelectorAll('canvas')].map((c) => [c.id, [c.width, c.height]])),
    }));
    await new Promise((done) => setTimeout(done, 200)); // let the response bodies arrive
    const base = new URL(opts.url);
    result.page = {
      ...info,
      files: responses
        .filter((r) => r.status < 400)
        .map((r) => ({
          path: new URL(r.url).pathname.slice(base.pathname.length - 1) || '/',
          type: r.type.split(';')[0],
          raw: r.body.length,
          gzip: gzipSync(r.body, { level: 9 }).length,
        })),
    };

    progress(`redraw after a τ change: ${opts.warmup} warm-up + ${opts.iterations} iterations`);
    const rows = await measureRedraws(page, opts);
    const viewNames = [...new Set(rows.flatMap((r) => Object.keys(r.views)))];
    result.redraw = {
      iterations: rows.length,
      drawLoop: summary(rows.map((r) => r.drawLoopMs)),
      inputHandler: summary(rows.map((r) => r.inputHandlerMs)),
      waitForFrame: summary(rows.map((r) => r.waitForFrameMs)),
      redrawCallback: summary(rows.map((r) => r.redrawCallbackMs)),
      outsideViews: summary(rows.map((r) => r.outsideViewsMs)),
      paint: summary(rows.map((r) => r.paintMs)),
      inputToFrame: summary(rows.map((r) => r.inputToFrameMs)),
      inputToSettled: summary(rows.map((r) => r.inputToSettledMs)),
      framesPerChange: summary(rows.map((r) => r.frames)),
      drawLoopTotal: summary(rows.map((r) => r.drawLoopTotalMs)),
      views: Object.fromEntries(viewNames.map((v) => [v, summary(rows.map((r) => r.views[v]))])),
    };

    // Before the kernels, whose big buffers would raise the memory's high-water mark.
    progress(`wasm memory over ${opts.memoryRedraws} redraws`);
    result.memory = await measureMemory(page, opts.memoryRedraws);

    if (opts.kernels.length) {
      progress(`wasm kernels (${opts.kernels.join(', ')}), ${opts.kernelReps} reps each`);
      result.kernels = await measureKernels(page, opts.kernelModule, opts.kernels, opts.kernelReps);
    }

    progress('dragging τ at N = 1,000,000');
    await setAndSettle(page, 'samples-text', '1000000');
    result.dragN1e6 = dragReport(await drag(page));
    await setAndSettle(page, 'samples-text', '20000');

    progress('dragging τ at k = 10');
    await setRangeAndSettle(page, 'k', 10);
    result.dragK10 = dragReport(await drag(page));

    progress('training: steps per second in wasm, and a 20,000-step run through the page');
    result.training = await measureTraining(page);

    result.pageErrors = [...log.errors, ...log.failedRequests, ...log.foreignRequests];
  } finally {
    await browser.close();
    if (server) await server.close();
  }
  const text = JSON.stringify(result, null, 2);
  if (opts.out) await writeFile(opts.out, `${text}\n`);
  else process.stdout.write(`${text}\n`);
}

main().catch((err) => {
  process.stderr.write(`browser benchmark failed: ${err.stack || err}\n`);
  process.exit(1);
});
