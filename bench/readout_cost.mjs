// What the readouts cost after a change of π: the page, served gzip-compressed, in headless
// Chromium; π is set anew (a state no cache holds) `runs` times, and each time the readouts'
// calls into Rust are timed as the page makes them after a redraw (www/readouts.js), and the
// exact gradient alone. Prints the medians as JSON.
//
//   node bench/readout_cost.mjs [--root DIR] [--runs 15]
import { chromium } from 'playwright-core';
import { ROOT } from '../tests/browser/helpers.mjs';
import { parseArgs } from './args.mjs';
import { serveGzip } from './gzip_server.mjs';

const DEFAULTS = { root: ROOT, runs: 15 };

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

async function main() {
  const opts = parseArgs(process.argv.slice(2), DEFAULTS);
  const server = await serveGzip(opts.root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 60_000 });
    const times = await page.evaluate(async (runs) => {
      const { session } = await import('./www/page.js');
      const { updateReadouts } = await import('./www/readouts.js');
      const { ex } = session;
      const out = { gradient: [], readouts: [] };
      for (let i = 0; i < runs; i++) {
        // A π no earlier run used, so nothing cached answers.
        ex.set_probs([1 + i / runs, 1, 1.5]);
        let t = performance.now();
        ex.exact_gradient();
        out.gradient.push(performance.now() - t);
        ex.set_probs([1, 1 + i / runs, 1.5]);
        ex.mean();
        t = performance.now();
        updateReadouts();
        out.readouts.push(performance.now() - t);
      }
      return out;
    }, opts.runs);
    process.stdout.write(`${JSON.stringify({
      runs: opts.runs,
      exactGradientMs: median(times.gradient),
      readoutsMs: median(times.readouts),
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
