// The wasm kernels' CPU time in Node, for comparing two builds of the benchmark's module (a
// compiler flag, an opt-level) on a machine that is busy with other work: the process's CPU time
// per run moves far less with the machine's load than the wall-clock medians `make bench` reports
// from the browser. Same kernels, same module (`scripts/build-web.sh --bench DIR`).
//   node bench/kernel_cpu.mjs DIR KERNEL,KERNEL,... [REPS]
// prints one JSON line: milliseconds of CPU time per run of each kernel (REPS runs plus one
// warm-up, default 5). DIR holds the benchmark's module (gumbel_explorer.js and its wasm); the
// kernels are named in src/kernels.rs (an unknown name gets the list), e.g.
// sweep,exact_curves_k3,summary_1m,sample_k10,density_display.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [dir, kernels, repsArg = '5'] = process.argv.slice(2);
if (!dir || !kernels) {
  console.error('usage: node bench/kernel_cpu.mjs DIR KERNEL,KERNEL,... [REPS]');
  process.exit(2);
}
const reps = Number(repsArg);
const names = kernels.split(',');

// bench_kernel times with window.performance: give Node's global object the shape of a window.
class Window {}
const globals = Object.getOwnPropertyDescriptors(Object.getPrototypeOf(globalThis));
Object.setPrototypeOf(globalThis, Object.create(Window.prototype, globals));
globalThis.Window = Window;
globalThis.Performance = performance.constructor;

const mod = await import(pathToFileURL(path.resolve(dir, 'gumbel_explorer.js')).href);
mod.initSync({ module: readFileSync(path.join(dir, 'gumbel_explorer_bg.wasm')) });
const out = {};
for (const name of names) {
  const start = process.cpuUsage();
  mod.bench_kernel(name, reps);
  const used = process.cpuUsage(start);
  out[name] = Number(((used.user + used.system) / 1000 / (reps + 1)).toFixed(3));
}
console.log(JSON.stringify(out));
