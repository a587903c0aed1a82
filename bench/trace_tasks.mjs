// What the long tasks are, as the Performance panel shows them: the page, served
// gzip-compressed, in headless Chromium under a Chrome trace, through one scenario (the first
// load; a τ drag at N = 1e6; a change of π at k = 3, whose exact curves are computed in slices).
// For every main-thread task over the threshold it prints its length, the time the thread ran
// in it (on a busy machine the difference is time the thread waited for a core), and what
// filled it (the events inside it and the JS functions called, with their milliseconds).
//
//   node bench/trace_tasks.mjs [--root DIR] [--viewport 1280x900x1] [--threshold 50]
//                              [--scenario load|drag|n1e6|k10|k3|all]
import { chromium } from 'playwright-core';
import { ROOT } from '../tests/browser/helpers.mjs';
import { parseArgs } from './args.mjs';
import { serveGzip } from './gzip_server.mjs';
import { sweepTau } from './tau_sweep.mjs';

const DEFAULTS = { root: ROOT, viewport: '1280x900x1', threshold: 50, scenario: 'all' };

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute',
  'blink.user_timing', 'loading',
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

/** The main thread's tasks over `threshold` ms and what is inside each. */
function longTasks(trace, threshold) {
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
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

async function main() {
  const opts = parseArgs(process.argv.slice(2), DEFAULTS);
  const [width, height, dpr] = opts.viewport.split('x').map(Number);
  const server = await serveGzip(opts.root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
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
