// Builds `make bench`'s one table (Markdown) from the three JSON results:
//   node bench/report.mjs NATIVE.json BROWSER.json NOTEBOOK.json|- [NOTEBOOK_UNAVAILABLE_REASON] [LOAD.txt] [TRAINING.json]
// LOAD.txt: one line per phase, "phase: load1 load5 load15" (the machine may be shared).
// A missing or unreadable file becomes "n/a" with the reason, never a crash.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

const [nativeFile, browserFile, notebookFile, notebookWhy = '', loadFile = '', trainingFile = ''] = process.argv.slice(2);

function load(file) {
  if (!file || file === '-' || !existsSync(file)) return { error: 'not run' };
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { error: `unreadable (${e.message})` };
  }
}

const native = load(nativeFile);
const browser = load(browserFile);
const notebook = notebookWhy ? { error: notebookWhy } : load(notebookFile);

const KB = 1000; // budgets are in KB of 1,000 bytes (stricter than KiB)
const num = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const ms = (v, digits = 1) => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / KB).toFixed(1)} KB` : 'n/a');
const met = (ok) => (ok === null || ok === undefined ? '–' : ok ? 'yes' : '**NO**');
const medP95 = (s, digits = 1) => (s && Number.isFinite(s.median) ? `${num(s.median, digits)} / ${num(s.p95, digits)} ms` : 'n/a');

const rows = [];
const row = (measure, value, target = '', ok = null) => rows.push([measure, value, target, met(ok)]);
const section = (title) => rows.push([`**${title}**`, '', '', '']);

// ---- header ------------------------------------------------------------------------------
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
  if (dirty) commit += ' + uncommitted changes';
} catch {
  // not a git checkout
}
const cpu = os.cpus();
const chrome = (browser.page?.userAgent ?? '').match(/Chrome\/([\d.]+)/)?.[1] ?? 'n/a';
let loads = '';
if (loadFile && existsSync(loadFile)) {
  loads = readFileSync(loadFile, 'utf8').trim().split('\n').filter(Boolean).join(' · ');
}
const header = [
  `# Gumbel-Softmax Explorer benchmark`,
  ``,
  `${new Date().toISOString()} · commit ${commit} · ${cpu[0]?.model ?? 'cpu'} × ${cpu.length} · ` +
    `headless Chromium ${chrome}, ` +
    `viewport ${browser.viewport?.width ?? 1280}×${browser.viewport?.height ?? 900}, deviceScaleFactor ` +
    `${browser.deviceScaleFactor ?? 1} · median / p95 unless noted · KB = 1,000 bytes`,
  ``,
  ...(loads ? [`1-minute load average when each part started (2 cores are shared): ${loads}`, ``] : []),
  ``,
];

// ---- the full redraw ---------------------------------------------------------------------
const r = browser.redraw;
const peer = notebook.error ? null : notebook;
section(`Full redraw after a τ change (default view: k = 3, N = 20,000, ${browser.redraw?.iterations ?? '?'} changes after warm-up)`);
if (r) {
  row('draw loop (#redraw-ms, every view\'s ex.draw)', medP95(r.drawLoop), 'median ≤ 16 ms',
    r.drawLoop.median == null ? null : r.drawLoop.median <= 16);
  row('input event → first frame painted', medP95(r.inputToFrame));
  row('… of which: input handler · wait for the frame · page\'s redraw() (draw loop + readouts) · paint',
    `${ms(r.inputHandler.median)} · ${ms(r.waitForFrame.median)} · ${ms(r.redrawCallback.median)} · ${ms(r.paint.median)} (medians)`);
  row('input event → settled (data-state "ready")', `${medP95(r.inputToSettled)} · ${num(r.framesPerChange.median, 0)} frame(s) per change`);
  const views = Object.entries(r.views).sort((a, b) => (b[1].median ?? 0) - (a[1].median ?? 0));
  row('per view (median ms of ex.draw; views that did not change are skipped)',
    views.map(([v, s]) => `${v} ${num(s.median)}`).join(' · ') || 'n/a');
  row('draw loop outside those views (ex.draw calls that drew nothing; the first brings the samples up to date)',
    medP95(r.outsideViews));
} else {
  row('browser measurements', `n/a (${browser.error ?? 'no result'})`);
}
if (peer) {
  row('notebook peer: NumPy + Matplotlib (Agg, 1280×900 px) redraw', `${medP95(peer.redraw_ms)} (compute ${ms(peer.compute_ms.median)}, draw ${ms(peer.draw_ms.median)})`);
  row('notebook peer: its sweep, computed once (not in the redraw)', ms(peer.sweep_compute_ms));
} else {
  row('notebook peer: NumPy + Matplotlib redraw', `n/a (${notebook.error})`);
}
if (r && peer) {
  const speed = peer.redraw_ms.median / r.drawLoop.median;
  row('speed-up: peer redraw ÷ draw loop (medians)', `${num(speed)}×`, '≥ 30×', Number.isFinite(speed) ? speed >= 30 : null);
  row('speed-up: peer redraw ÷ input → frame painted (medians)', `${num(peer.redraw_ms.median / r.inputToFrame.median)}×`);
} else {
  row('speed-up: peer redraw ÷ draw loop (medians)', 'n/a', '≥ 30×');
}

// ---- kernels -----------------------------------------------------------------------------
section(`Kernels: native (release, std::time) vs wasm in Chromium (performance.now), median of ${native.reps ?? '?'} / ${browser.kernels?.reps ?? '?'} runs`);
if (native.kernels) {
  for (const k of native.kernels) {
    const w = browser.kernels?.kernels?.[k.name];
    const wasmMs = typeof w === 'number' ? w : NaN;
    const ratio = wasmMs / k.median_ms;
    const why = typeof w === 'object' && w?.error ? ` (${w.error})` : browser.kernels?.error ? ` (${browser.kernels.error})` : '';
    row(`${k.name}: ${k.description}`,
      `native ${ms(k.median_ms, 2)} · wasm ${ms(wasmMs, 2)}${why} · ${num(ratio, 2)}×`,
      'wasm ≤ 1.5× native', Number.isFinite(ratio) ? ratio <= 1.5 : null);
  }
} else {
  row('native kernels', `n/a (${native.error})`);
}

// ---- bundle ------------------------------------------------------------------------------
section('Bundle: every file the page loaded (raw / gzip -9)');
const files = browser.page?.files ?? [];
const kind = (f) => (f.path.endsWith('.wasm') ? 'wasm'
  : f.path.endsWith('.js') || f.type.includes('javascript') ? 'JS'
    : f.path.endsWith('.css') || f.type === 'text/css' ? 'CSS'
      : f.type === 'text/html' || f.path.endsWith('.html') || f.path.endsWith('/') ? 'HTML' : 'other');
const totals = {};
for (const f of files) {
  const k = kind(f);
  totals[k] ??= { raw: 0, gzip: 0, names: [] };
  totals[k].raw += f.raw;
  totals[k].gzip += f.gzip;
  totals[k].names.push(f.path.split('/').pop() || 'index.html');
}
if (files.length) {
  for (const k of ['wasm', 'JS', 'CSS', 'HTML', 'other']) {
    if (!totals[k]) continue;
    const t = totals[k];
    const isWasm = k === 'wasm';
    row(`${k} (${t.names.join(', ')})`, `${kb(t.raw)} / ${kb(t.gzip)}`,
      isWasm ? '≤ 150 KB gzipped' : '', isWasm ? t.gzip <= 150 * KB : null);
  }
  const raw = files.reduce((a, f) => a + f.raw, 0);
  const gz = files.reduce((a, f) => a + f.gzip, 0);
  row(`whole page (${files.length} files); the benchmark's server sends them uncompressed`, `${kb(raw)} / ${kb(gz)}`,
    '≤ 300 KB transferred (gzipped)', gz <= 300 * KB);
} else {
  row('bundle', 'n/a (no page load recorded)');
}

// ---- dragging ----------------------------------------------------------------------------
section('Dragging the τ slider (real mouse drag, 60 moves ~16 ms apart, τ 0.1 → 3)');
for (const [key, label] of [['dragN1e6', 'N = 1,000,000 (k = 3)'], ['dragK10', 'k = 10 (N = 20,000)']]) {
  const d = browser[key];
  if (!d) {
    row(label, 'n/a');
    continue;
  }
  const tasks = d.longTaskSupported
    ? `${d.longTasksOver50} task(s) > 50 ms (longest ${ms(d.longestTaskMs, 0)})`
    : 'longtask entries unsupported';
  row(`${label}: long tasks on the main thread`, tasks, 'none > 50 ms',
    d.longTaskSupported ? d.longestTaskMs <= 50 : null);
  row(`${label}: input → frame painted over ${d.inputs} input events`,
    `${medP95(d.inputToFrame, 0)} · max ${ms(d.inputToFrame.max, 0)} · drag took ${num(d.dragSeconds)} s, settled ${num(d.settledAfterMs / 1000)} s after its start`);
}

// ---- training ----------------------------------------------------------------------------
section('Training (view 8): steps per second, native (examples/bench_training) and wasm in Chromium');
const training = load(trainingFile);
const wasmTraining = browser.training?.wasm ?? {};
for (const k of [2, 10]) {
  const rates = (training.training ?? []).filter((t) => t.k === k);
  const all = rates.find((t) => t.estimator === 'all six');
  const one = rates.filter((t) => t !== all).map((t) => `${t.estimator} ${num(t.steps_per_second / 1e6, 2)}M`).join(' · ');
  row(`k = ${k}, one learner per estimator (native)`, one || `n/a (${training.error ?? 'no result'})`);
  const w = wasmTraining[`k${k}`];
  row(`k = ${k}, the page's step (all six learners): native · wasm`,
    `${num((all?.steps_per_second ?? NaN) / 1e3, 0)}k · ${num(w / 1e3, 0)}k steps/s · ${num((all?.steps_per_second ?? NaN) / w, 2)}×`);
}
const tr = browser.training?.page;
row('20,000 RELAX-toy steps through the page (slices of 8 ms, redrawn every frame)',
  tr ? `${num(tr.seconds, 2)} s · ${num(tr.stepsPerSecond / 1e3, 0)}k steps/s · ${tr.longTasksOver50} task(s) > 50 ms (longest ${ms(tr.longestTaskMs, 0)})` : 'n/a',
  'no task > 50 ms', tr ? tr.longTasksOver50 === 0 : null);

// ---- memory ------------------------------------------------------------------------------
section('Memory');
const m = browser.memory;
if (m && !m.error) {
  const growth = m.after - m.before;
  row(`wasm linear memory over ${m.redraws} redraws (τ changes)`,
    `${(m.before / 2 ** 20).toFixed(2)} MiB → ${(m.after / 2 ** 20).toFixed(2)} MiB: +${(growth / 2 ** 20).toFixed(2)} MiB (${num(m.seconds)} s)`,
    '< 1 MB growth', growth < 1e6);
  if (m.checkpoints?.length) {
    row('… after every 100 redraws (MiB)', m.checkpoints.map(([n, b]) => `${n}: ${(b / 2 ** 20).toFixed(2)}`).join(' · '));
  }
} else {
  row('wasm linear memory', `n/a (${m?.error ?? 'not measured'})`);
}
if (browser.pageErrors?.length) row('page errors during the run', browser.pageErrors.join('; '));

// ---- print -------------------------------------------------------------------------------
const escape = (cell) => String(cell).replace(/\|/g, '\\|');
const lines = [
  '| Measure | Value | Target | Met |',
  '|---|---|---|---|',
  ...rows.map((cells) => `| ${cells.map(escape).join(' | ')} |`),
];
process.stdout.write(`${header.join('\n')}${lines.join('\n')}\n`);
