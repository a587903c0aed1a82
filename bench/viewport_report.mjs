// Prints the viewport benchmark as a Markdown table: the median of the runs given (JSON files
// of bench/viewport_bench.mjs), with the targets; then Lighthouse's scores when measured.
//
//   node bench/viewport_report.mjs RUN.json... [--lighthouse lh.json] [--peer notebook.json]
import { readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { median } from './median.mjs';

const args = process.argv.slice(2);
const take = (flag) => {
  const i = args.indexOf(flag);
  return i < 0 ? null : args.splice(i, 2)[1];
};
const lhFile = take('--lighthouse');
const peerFile = take('--peer');
const runs = args.filter(existsSync).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const fmt = (x, d = 1) => (x == null ? 'n/a' : Number(x).toFixed(d));
const ok = (good) => (good ? 'yes' : 'no');
const at = (row, pick) => median(runs.map((r) => pick(r.rows[row] ?? {})));

const lines = [];
lines.push(`## Where the users are (median of ${runs.length} run(s); page served gzip-compressed)`, '');
const loads = runs.flatMap((r) => r.load ?? []).filter(Number.isFinite);
if (loads.length) {
  lines.push(`1-minute load average of the machine during the runs: ${fmt(Math.min(...loads), 1)}–${fmt(Math.max(...loads), 1)} ` +
    `(${os.cpus().length} cores); a task's wall time includes any wait for a core.`, '');
}
lines.push('| viewport | redraw median (ms, ≤ 16) | long tasks in a τ drag (0) | longest (ms) | first load: blocking (ms) | longest task (ms, ≤ 50) |');
lines.push('|---|---|---|---|---|---|');
const names = runs[0]?.rows.map((r) => r.viewport.name) ?? [];
names.forEach((name, i) => {
  const redraw = at(i, (r) => r.redrawMedianMs);
  const tasks = at(i, (r) => r.drag?.longTasks);
  lines.push(`| ${name} | ${fmt(redraw)} (${ok(redraw != null && redraw <= 16)}) | ${fmt(tasks, 0)} (${ok(tasks === 0)}) | ` +
    `${fmt(at(i, (r) => r.drag?.longestMs), 0)} | ${fmt(at(i, (r) => r.load?.blockingMs), 0)} | ${fmt(at(i, (r) => r.load?.longestMs), 0)} |`);
});
for (const [key, label] of [['dragN1e6', 'N = 1e6'], ['dragK10', 'k = 10']]) {
  const tasks = at(0, (r) => r[key]?.longTasks);
  lines.push(`| ${names[0] ?? ''}, τ drag at ${label} | | ${fmt(tasks, 0)} (${ok(tasks === 0)}) | ${fmt(at(0, (r) => r[key]?.longestMs), 0)} | | |`);
}
if (peerFile && existsSync(peerFile)) {
  const peer = JSON.parse(readFileSync(peerFile, 'utf8'));
  const peerMs = peer.redraw_ms?.median ?? null;
  const ours = at(0, (r) => r.redrawMedianMs);
  if (peerMs && ours) lines.push('', `NumPy + Matplotlib peer redraw ${fmt(peerMs)} ms: ${fmt(peerMs / ours)}× slower than the page's redraw at ${names[0]} (target ≥ 30×).`);
}
if (lhFile && existsSync(lhFile)) {
  const lh = JSON.parse(readFileSync(lhFile, 'utf8'));
  lines.push('', '| Lighthouse 12.2.3 | performance | accessibility | best practices | SEO | TBT (ms) | max potential input delay (ms) |', '|---|---|---|---|---|---|---|');
  for (const preset of ['mobile', 'desktop']) {
    const s = lh[preset] ?? {};
    lines.push(`| ${preset} | ${s.performance ?? 'n/a'} | ${s.accessibility ?? 'n/a'} | ${s.bestPractices ?? 'n/a'} | ${s.seo ?? 'n/a'} | ${fmt(s.totalBlockingTimeMs, 0)} | ${fmt(s.maxPotentialFidMs, 0)} |`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
