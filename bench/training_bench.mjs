// The training view's part of `make bench`, in the page (imported by browser_bench.mjs):
//   wasm      steps per second of the page's run (all six learners per step) at k = 2 (the
//             RELAX toy) and k = 10 (squared distance), through a second Explorer of the same
//             module, timed inside the page
//   page      a 20,000-step RELAX-toy run through the page's controls and scheduler: how long
//             it took, steps per second including the redraws, and the long tasks meanwhile

/** Measures both; `page` is a loaded, ready page. */
export async function measureTraining(page) {
  const wasm = await page.evaluate(async () => {
    const module = await import('./www/pkg/gumbel_explorer.js');
    const rate = (k) => {
      const ex = new module.Explorer();
      if (k === 2) ex.apply_preset('relax-toy');
      else {
        ex.set_k(k);
        ex.set_objective_kind('squared');
      }
      const steps = k === 2 ? 200_000 : 40_000;
      const rates = [];
      for (let rep = 0; rep < 6; rep++) {
        ex.set_train_steps(0);
        ex.train(1);
        ex.set_train_steps(steps);
        const t0 = performance.now();
        while (ex.train(steps)) { /* one call runs them all */ }
        const seconds = (performance.now() - t0) / 1000;
        if (rep > 0) rates.push(steps / seconds);
      }
      ex.free();
      rates.sort((a, b) => a - b);
      return rates[Math.floor(rates.length / 2)];
    };
    return { k2: rate(2), k10: rate(10) };
  });
  const run = await page.evaluate(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    document.querySelector('button[data-preset="relax-toy"]').click();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const until = document.getElementById('train-until');
    until.value = '20000';
    const t0 = performance.now();
    document.getElementById('train-run').click();
    await new Promise((done) => {
      const poll = () => {
        const rows = document.querySelectorAll('#data-training tbody tr');
        const doneNow = document.getElementById('section-training').dataset.run === 'idle' &&
          rows.length > 0 && rows[0].cells[1].textContent === '20000';
        if (doneNow) done();
        else setTimeout(poll, 20);
      };
      poll();
    });
    const seconds = (performance.now() - t0) / 1000;
    observer.disconnect();
    return { steps: 20000, seconds, stepsPerSecond: 20000 / seconds, longTasksOver50: tasks.length, longestTaskMs: tasks.length ? Math.max(...tasks) : 0 };
  });
  return { wasm, page: run };
}
