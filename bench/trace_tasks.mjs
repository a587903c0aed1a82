// What the long tasks are, as the Performance panel shows them: the page, served
// gzip-compressed, in headless Chromium under a Chrome trace, through one scenario (the first
// load; a τ drag at N = 1e6; the training view scrolled into view; a change of π at k = 3, whose
// exact curves are computed in slices).
// For every main-thread task over the threshold it prints its length, the time the thread ran
// in it (on a busy machine the difference is time the thread waited for a core), and what
// filled it (the events inside it and the JS functions called, with their milliseconds). Each
// phase ends with a summary: the tasks over the threshold (number, total, longest; and their
// thread time, which leaves out the waits for a core on a shared machine) and the
// forced layouts (style and layout done inside a JS call, which asked for them by reading a
// size or a position), by the JS function that forced them.
//
//   node bench/trace_tasks.mjs [--root DIR] [--viewport 1280x900x1] [--threshold 50]
//                              [--scenario load|drag|n1e6|k10|scroll|k3|all]
import { ROOT, startChromium } from '../tests/browser/helpers.mjs';
import { parseArgs } from './args.mjs';
import { serveGzip } from './gzip_server.mjs';
import { sweepTau } from './tau_sweep.mjs';

const DEFAULTS = { root: ROOT, viewport: '1280x900x1', threshold: 50, scenario: 'all' };

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute',
  'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline.stack',
];

const ready = (page) => page.evaluate(async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  while (document.documentElement.dataset.state !== 'ready') await frame();
});

async function setField(page, id, value) {
  await page.evaluate(({ id, value }) => {
    const input = document.getElementById(id);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, { id, value });
  await ready(page);
}

async function dragTau(page, moves = 40) {
  await sweepTau(page, moves);
  await ready(page);
}

/**
 * The page's main thread: of the renderers' main threads in the trace (another page of the
 * browser may have one), the one that ran the most.
 */
function pageThread(events) {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (m) => events.reduce((a, e) => a + (e.pid === m.pid && e.tid === m.tid && e.ph === 'X' ? e.dur : 0), 0);
  return mains.map((m) => [m, busy(m)]).sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The main thread's tasks over `threshold` ms and what is inside each. */
function longTasks(trace, threshold) {
  const events = trace.traceEvents;
  const main = pageThread(events);
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // performance.measure() spans (async begin/end pairs) count as events of the main thread.
  const open = new Map();
  for (const e of events) {
    if (e.pid !== main.pid || !String(e.cat).includes('blink.user_timing')) continue;
    const key = `${e.name}/${e.id ?? e.id2?.local}`;
    if (e.ph === 'b') open.set(key, e);
    else if (e.ph === 'e' && open.has(key)) {
      const b = open.get(key);
      open.delete(key);
      onMain.push({ name: `measure ${e.name}`, ts: b.ts, dur: e.ts - b.ts, ph: 'X' });
    }
  }
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur / 1000 > threshold);
  const t0 = Math.min(...onMain.map((e) => e.ts));
  return tasks.map((task) => {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const byName = new Map();
    for (const e of inside) {
      if (e.dur < 1000 || e.name === 'RunTask' || e.name === 'v8.callFunction') continue;
      let name = e.name;
      if (e.name === 'FunctionCall') name += ` ${e.args?.data?.functionName || '?'} ${e.args?.data?.url?.split('/').pop() ?? ''}:${e.args?.data?.lineNumber ?? ''}`;
      if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'EventDispatch') name += ` ${e.args?.data?.type ?? ''}`;
      byName.set(name, (byName.get(name) ?? 0) + e.dur / 1000);
    }
    const parts = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12)
      .map(([n, ms]) => `      ${ms.toFixed(1).padStart(7)} ms  ${n}`);
    return { at: (task.ts - t0) / 1000, ms: task.dur / 1000, cpuMs: (task.tdur ?? NaN) / 1000, parts };
  });
}

const JS_CALLS = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule']);
const LAYOUTS = new Set(['Layout', 'UpdateLayoutTree']);

/**
 * Style and layout forced by script on the main thread: milliseconds by the JS calls they ran
 * inside (each call's function and place, outermost first).
 */
function forcedLayouts(trace) {
  const events = trace.traceEvents;
  const main = pageThread(events);
  if (!main) return new Map();
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const calls = onMain.filter((e) => JS_CALLS.has(e.name)).sort((a, b) => a.ts - b.ts);
  const byCall = new Map();
  for (const e of onMain) {
    if (!LAYOUTS.has(e.name)) continue;
    // The calls around it, outermost (the task's own script) first.
    const around = calls.filter((c) => c.ts <= e.ts && e.ts + e.dur <= c.ts + c.dur);
    if (!around.length) continue;
    const place = (d) => `${d.functionName || '?'} ${d.url?.split('/').pop() ?? ''}:${d.lineNumber ?? ''}`;
    // The script that asked for it: the top of the stack the trace gives, else the task's call.
    const stack = e.args?.beginData?.stackTrace ?? [];
    const name = [around[0].args?.data ?? {}, ...stack.slice(0, 3).reverse()].map(place).join(' → ');
    byCall.set(name, (byCall.get(name) ?? 0) + e.dur / 1000);
  }
  return byCall;
}

function summary(tasks, forced, threshold) {
  const total = tasks.reduce((a, t) => a + t.ms, 0);
  const longest = tasks.reduce((a, t) => Math.max(a, t.ms), 0);
  // On a shared machine a task's length includes time waiting for a core; its thread time not.
  const cpu = tasks.reduce((a, t) => a + (Number.isFinite(t.cpuMs) ? t.cpuMs : 0), 0);
  const longestCpu = tasks.reduce((a, t) => Math.max(a, Number.isFinite(t.cpuMs) ? t.cpuMs : 0), 0);
  const forcedMs = [...forced.values()].reduce((a, ms) => a + ms, 0);
  const lines = [`  summary: ${tasks.length} task(s) over ${threshold} ms, ${total.toFixed(1)} ms in all, longest ${longest.toFixed(1)} ms, ${tasks.filter((t) => t.ms > 50).length} over 50 ms; thread time ${cpu.toFixed(1)} ms in all, longest ${longestCpu.toFixed(1)} ms; forced layout ${forcedMs.toFixed(1)} ms`];
  for (const [name, ms] of [...forced].sort((a, b) => b[1] - a[1]).slice(0, 6)) {
    lines.push(`      ${ms.toFixed(1).padStart(7)} ms  forced in ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), DEFAULTS);
  const [width, height, dpr] = opts.viewport.split('x').map(Number);
  const server = await serveGzip(opts.root);
  const browser = await startChromium();
  try {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    const phase = async (name, run) => {
      if (opts.scenario !== 'all' && opts.scenario !== name && !(opts.scenario === 'load' && name === 'reload')) return;
      await browser.startTracing(page, { categories: CATEGORIES });
      await run();
      await page.waitForTimeout(300);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      const tasks = longTasks(trace, opts.threshold);
      process.stdout.write(`${name}: ${tasks.length} task(s) over ${opts.threshold} ms\n`);
      for (const t of tasks) process.stdout.write(`  at ${t.at.toFixed(0)} ms: ${t.ms.toFixed(1)} ms (thread time ${t.cpuMs.toFixed(1)} ms)\n${t.parts.join('\n')}\n`);
      process.stdout.write(summary(tasks, forcedLayouts(trace), opts.threshold));
    };
    const load = async () => { await page.goto(server.url); await ready(page); };
    if (opts.scenario === 'load' || opts.scenario === 'all') await phase('load', load);
    else await load();
    // Loaded again in the same browser: what a returning visitor (warm caches, fonts) sees.
    await phase('reload', load);
    await phase('drag', async () => {
      await page.$eval('#view-density', (el) => el.scrollIntoView({ block: 'center' }));
      await dragTau(page);
    });
    await phase('n1e6', async () => {
      await setField(page, 'samples-text', '1000000');
      await dragTau(page);
      await setField(page, 'samples-text', '20000');
    });
    await phase('k10', async () => {
      await setField(page, 'k', 10);
      await dragTau(page);
      await setField(page, 'k', 3);
    });
    await phase('scroll', async () => {
      await page.$eval('#view-training', (el) => el.scrollIntoView({ block: 'center' }));
      await ready(page);
    });
    await phase('k3', async () => {
      await page.$eval('#view-estimators', (el) => el.scrollIntoView({ block: 'center' }));
      await setField(page, 'k', 3);
      await setField(page, 'k', 2);
      await setField(page, 'k', 3);
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  process.stderr.write(`trace failed: ${err.stack || err}\n`);
  process.exit(1);
});
