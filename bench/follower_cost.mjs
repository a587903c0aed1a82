// What follows a redraw costs after a change of π: the page, served gzip-compressed, in
// headless Chromium at k = `k`; π is set anew (a state no cache holds) `runs` times, and each
// time the readouts (www/readouts.js, as the page calls them after a redraw), the exact
// gradient alone, and each view's data table (Explorer.table, as www/tables.js asks for it)
// are timed. Prints the medians in milliseconds as JSON.
//
//   node bench/follower_cost.mjs [--root DIR] [--runs 15] [--k 3]
import { ROOT, startChromium } from '../tests/browser/helpers.mjs';
import { parseArgs } from './args.mjs';
import { serveGzip } from './gzip_server.mjs';
import { median } from './median.mjs';

const DEFAULTS = { root: ROOT, runs: 15, k: 3 };

async function main() {
  const opts = parseArgs(process.argv.slice(2), DEFAULTS);
  const server = await serveGzip(opts.root);
  const browser = await startChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 60_000 });
    const times = await page.evaluate(async ({ runs, k }) => {
      const { session } = await import('./www/page.js');
      const { updateReadouts } = await import('./www/readouts.js');
      const { view_names } = await import('./www/pkg/gumbel_explorer.js');
      const { ex } = session;
      ex.set_k(k);
      const timed = (fn) => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      };
      // A π no other run used, so that no cache answers.
      const probs = (i, j) => Array.from({ length: k }, (_, c) => 1 + c / k + (c === j ? (i + 1) / runs : 0));
      const out = { gradient: [], readouts: [], tables: {} };
      for (let i = 0; i < runs; i++) {
        ex.set_probs(probs(i, 0));
        out.gradient.push(timed(() => ex.exact_gradient()));
        ex.set_probs(probs(i, 1));
        ex.mean();
        out.readouts.push(timed(updateReadouts));
        ex.set_probs(probs(i, 2));
        ex.mean();
        for (const view of view_names()) {
          (out.tables[view] ??= []).push(timed(() => {
            try {
              ex.table(view);
            } catch {
              // A table that cannot be built costs what it cost.
            }
          }));
        }
      }
      return out;
    }, { runs: opts.runs, k: opts.k });
    const tables = Object.fromEntries(Object.entries(times.tables).map(([view, ms]) => [view, median(ms)]));
    process.stdout.write(`${JSON.stringify({
      runs: opts.runs,
      k: opts.k,
      exactGradientMs: median(times.gradient),
      readoutsMs: median(times.readouts),
      tablesMs: tables,
    })}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  process.stderr.write(`readout cost failed: ${err.stack || err}\n`);
  process.exit(1);
});
