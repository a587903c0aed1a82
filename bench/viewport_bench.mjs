// The benchmark where the users are: the page, served gzip-compressed from loopback, in headless
// Chromium at the four viewports students use (laptop, projector, retina laptop, phone). For
// each it measures the first load (total blocking time, longest task), the redraw median
// (#redraw-ms) over τ steps by keyboard, and the long tasks of a mouse drag of τ; at the first
// viewport also the drag at N = 1e6 and at k = 10. Prints one JSON object.
//
//   node bench/viewport_bench.mjs [--root DIR] [--keys 30] [--moves 40] [--out file.json]
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { ROOT, startChromium } from '../tests/browser/helpers.mjs';
import { parseArgs } from './args.mjs';
import { serveGzip } from './gzip_server.mjs';
import { median } from './median.mjs';
import { sweepTau } from './tau_sweep.mjs';

export const VIEWPORTS = [
  { name: '1280 × 900, DPR 1', width: 1280, height: 900, dpr: 1 },
  { name: '1920 × 1080, DPR 1', width: 1920, height: 1080, dpr: 1 },
  { name: '1440 × 900, DPR 2', width: 1440, height: 900, dpr: 2 },
  { name: '390 × 844, DPR 3', width: 390, height: 844, dpr: 3 },
];
const DEFAULTS = { root: ROOT, keys: 30, moves: 40, out: null };

// Runs in the page before its scripts: long tasks from the start, and every #redraw-ms value.
function recorder() {
  const b = { tasks: [], redraws: [] };
  window.__vb = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  b.frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  b.ready = async () => {
    while (document.documentElement.dataset.state !== 'ready') await b.frame();
  };
  b.watch = () => new MutationObserver(() => {
    b.redraws.push(Number(document.getElementById('redraw-ms').textContent));
  }).observe(document.getElementById('redraw-ms'), { childList: true, characterData: true, subtree: true });
}

const tasksSince = (page, since) => page.evaluate((since) => window.__vb.tasks
  .filter((t) => t.start >= since).map((t) => t.duration), since);
const now = (page) => page.evaluate(() => performance.now());
const taskReport = (durations) => ({
  longTasks: durations.filter((d) => d > 50).length,
  longestMs: durations.length ? Math.max(...durations) : 0,
  blockingMs: durations.reduce((a, d) => a + Math.max(0, d - 50), 0),
});

async function keySteps(page, keys) {
  await page.evaluate(() => { window.__vb.redraws.length = 0; });
  // A student steps τ while looking at the heatmap: it is in view, the slider has the focus.
  await page.$eval('#view-density', (el) => el.scrollIntoView({ block: 'center' }));
  await page.$eval('#tau', (el) => el.focus({ preventScroll: true }));
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.evaluate(() => window.__vb.frame());
  }
  await page.evaluate(() => window.__vb.ready());
  return page.evaluate(() => [...window.__vb.redraws]);
}

async function dragTau(page, moves) {
  const since = await sweepTau(page, moves, () => now(page));
  await page.evaluate(() => window.__vb.ready());
  await page.waitForTimeout(300);
  return taskReport(await tasksSince(page, since));
}

async function setField(page, id, value) {
  await page.evaluate(async ({ id, value }) => {
    const input = document.getElementById(id);
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await window.__vb.frame();
    await window.__vb.ready();
  }, { id, value });
}

async function measureViewport(browser, url, vp, opts, extra) {
  const context = await browser.newContext({
    viewport: { width: vp.width, height: vp.height },
    deviceScaleFactor: vp.dpr,
    isMobile: vp.dpr === 3,
    hasTouch: vp.dpr === 3,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(recorder);
    await page.goto(url);
    await page.evaluate(() => window.__vb.ready());
    await page.waitForTimeout(300);
    const load = taskReport(await tasksSince(page, 0));
    await page.evaluate(() => window.__vb.watch());
    const redraws = await keySteps(page, opts.keys);
    const row = { viewport: vp, load, redrawMedianMs: median(redraws), redraws: redraws.length };
    row.drag = await dragTau(page, opts.moves);
    if (extra) {
      await setField(page, 'samples-text', '1000000');
      row.dragN1e6 = await dragTau(page, opts.moves);
      await setField(page, 'samples-text', '20000');
      await setField(page, 'k', 10);
      row.dragK10 = await dragTau(page, opts.moves);
    }
    return row;
  } finally {
    await context.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), DEFAULTS);
  const server = await serveGzip(opts.root);
  const browser = await startChromium();
  const rows = [];
  // The machine may be shared: its 1-minute load average before and after, for the report.
  const load = [os.loadavg()[0]];
  try {
    for (const [i, vp] of VIEWPORTS.entries()) {
      process.stderr.write(`    viewports: ${vp.name}\n`);
      rows.push(await measureViewport(browser, server.url, vp, opts, i === 0));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  load.push(os.loadavg()[0]);
  const text = JSON.stringify({ keys: opts.keys, moves: opts.moves, load, rows }, null, 2);
  if (opts.out) await writeFile(opts.out, `${text}\n`);
  else process.stdout.write(`${text}\n`);
}

main().catch((err) => {
  process.stderr.write(`viewport benchmark failed: ${err.stack || err}\n`);
  process.exit(1);
});
