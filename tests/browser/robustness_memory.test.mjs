// Long use: 1,000 redraws (τ typed again and again, one frame each) must not grow the wasm
// module's linear memory or the JavaScript heap. The page exposes the wasm memory size as
// window.__explorerWasmMemoryBytes() (the module's memory is not reachable from outside).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settle, withPage } from './helpers.mjs';

const TIMEOUT = 180_000;
const WARM_UP = 100;
const REDRAWS = 1000;
// τ values cycled through: each typed value differs from the one before, so each frame redraws.
const TAUS = ['0.05', '0.1', '0.2', '0.35', '0.5', '0.7', '1', '1.5', '2.5', '4'];

/**
 * Types τ values into #tau-text `count` times in the page, waiting one animation frame after
 * each (the redraw runs in the frame after the input). Returns how many frames redrew: the
 * readout of the last redraw's duration is cleared first and checked after each frame.
 */
async function redraws(page, start, count) {
  return page.evaluate(async ({ taus, start, count }) => {
    const field = document.getElementById('tau-text');
    const ms = document.getElementById('redraw-ms');
    let redrawn = 0;
    field.focus();
    for (let i = start; i < start + count; i++) {
      field.value = taus[i % taus.length];
      field.dispatchEvent(new Event('input', { bubbles: true }));
      ms.textContent = '';
      await new Promise((done) => requestAnimationFrame(done));
      if (ms.textContent !== '' && document.getElementById('err-tau').textContent === '') redrawn++;
    }
    return redrawn;
  }, { taus: TAUS, start, count });
}

async function jsHeapBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

test('1,000 redraws leave the wasm memory and the JS heap where they were', { timeout: TIMEOUT }, async (t) => {
  // k = 3 (the density heatmap, the largest buffer) and a small N: the redraw itself is measured.
  await withPage('#k=3&p=0.2,0.3,0.5&n=200', async ({ context, page }) => {
    const hook = await page.evaluate(() => typeof window.__explorerWasmMemoryBytes);
    assert.equal(hook, 'function',
      'the page must expose window.__explorerWasmMemoryBytes() (bytes of wasm linear memory) for this test');
    const wasmBytes = () => page.evaluate(() => window.__explorerWasmMemoryBytes());
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    // Only views in sight are drawn as τ moves: bring the heatmap into view.
    await page.$eval('#view-density', (el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
    // Warm up: every τ value once or more, so caches and buffers reach their working size.
    assert.equal(await redraws(page, 0, WARM_UP), WARM_UP, 'not every warm-up frame redrew');
    const wasmBefore = await wasmBytes();
    const heapBefore = await jsHeapBytes(cdp);

    const started = Date.now();
    const redrawn = await redraws(page, WARM_UP, REDRAWS);
    const seconds = (Date.now() - started) / 1000;
    assert.equal(redrawn, REDRAWS, `only ${redrawn} of ${REDRAWS} frames redrew`);

    const wasmAfter = await wasmBytes();
    const heapAfter = await jsHeapBytes(cdp);
    const report = `wasm ${wasmBefore} → ${wasmAfter} bytes, JS heap ${heapBefore} → ${heapAfter} bytes, ` +
      `${REDRAWS} redraws in ${seconds.toFixed(1)} s`;
    // Wasm memory only grows, by 64 KiB pages. One page of slack for the allocator's
    // fragmentation; a leak of 100 bytes a redraw would add two.
    assert.ok(Number.isFinite(wasmBefore) && wasmBefore > 0, `wasm memory reads ${wasmBefore}`);
    assert.ok(wasmAfter - wasmBefore <= 65_536, `the wasm memory grew over ${REDRAWS} redraws: ${report}`);
    // The JS heap is garbage-collected before each reading; allow 2 MB of noise.
    assert.ok(heapAfter - heapBefore < 2 * 1024 * 1024, `the JS heap grew: ${report}`);
    t.diagnostic(report);

    await settle(page); // throws unless the page reached data-state="ready"
    assert.equal(await page.isHidden('#fatal'), true);
  }, { viewport: { width: 1000, height: 800 } });
});
