// Lighthouse on the page as users get it: served gzip-compressed from loopback, audited in
// headless Chromium with the mobile and the desktop preset. Prints one JSON object of the
// category scores (0–100) and the load metrics (total blocking time, max potential input delay).
//
//   node bench/lighthouse.mjs LIGHTHOUSE_BIN [--root DIR]
// LIGHTHOUSE_BIN is the CLI of lighthouse@12.2.3 (scripts/bench.sh installs it, pinned).
import { execFile } from 'node:child_process';
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../tests/browser/helpers.mjs';
import { serveGzip } from './gzip_server.mjs';

const run = promisify(execFile);
const [bin, ...rest] = process.argv.slice(2);
const root = rest[0] === '--root' ? rest[1] : ROOT;

async function audit(url, preset, dir) {
  const out = path.join(dir, `${preset}.json`);
  const args = [url, '--output=json', `--output-path=${out}`, '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu'];
  if (preset === 'desktop') args.push('--preset=desktop');
  await run(bin, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, timeout: 300_000 });
  const r = JSON.parse(await readFile(out, 'utf8'));
  const score = (c) => (r.categories[c]?.score == null ? null : Math.round(r.categories[c].score * 100));
  const metric = (a) => r.audits[a]?.numericValue ?? null;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    totalBlockingTimeMs: metric('total-blocking-time'),
    maxPotentialFidMs: metric('max-potential-fid'),
    largestContentfulPaintMs: metric('largest-contentful-paint'),
  };
}

const server = await serveGzip(root);
try {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lighthouse-'));
  const result = {};
  for (const preset of ['mobile', 'desktop']) {
    process.stderr.write(`    lighthouse: ${preset}\n`);
    result[preset] = await audit(server.url, preset, dir);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await server.close();
}
