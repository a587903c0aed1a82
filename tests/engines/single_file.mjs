// The explorer given to a class as one file, in each engine: dist/gumbel-softmax-explorer.html
// (written by `make dist`) opened from disk, as a file:// address, with no server and no network.
// Every view draws with no error, a τ change redraws, and a link (its state in the hash) opens
// the same view again.
//
// The page opened is a copy of the built file with the error hook (error-hook.js) as the first
// script of its <head>, before the page's Content-Security-Policy, as the proxy (proxy.mjs) does
// for the served page; nothing else of the file changes. The file's own CSP (default-src 'none')
// forbids every connection, the hook records any attempt as a violation, and the test checks
// that the page fetched nothing at all: it needs no network.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as probe from './probes.mjs';
import { drawn, driverErrors, linkWritten, settle, summary } from './suite.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SINGLE_FILE = path.join(ROOT, 'dist', 'gumbel-softmax-explorer.html');
const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots', 'engines');
const TIMEOUT = 120_000;

/** Writes the hooked copy of the single file for `engine`; returns its file:// address. */
async function hookedCopy(engine) {
  if (!existsSync(SINGLE_FILE)) {
    throw new Error(`${path.relative(ROOT, SINGLE_FILE)} is missing: run \`make dist\` (scripts/dist.sh) first`);
  }
  const html = await readFile(SINGLE_FILE, 'utf8');
  const hook = await readFile(path.join(HERE, 'error-hook.js'), 'utf8');
  assert.match(html, /<head>/i, 'the single file has no <head>');
  const hooked = html.replace(/<head>/i, (head) => `${head}<script>${hook}</script>`);
  const dir = path.join(ROOT, 'target', 'engines-single-file', engine);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, path.basename(SINGLE_FILE));
  await writeFile(file, hooked);
  return pathToFileURL(file).href;
}

/** Fails with everything the page, the hook and the driver saw going wrong, or any fetch. */
async function assertCleanOffline(b, what) {
  const health = await b.evaluate(probe.pageHealth);
  assert.ok(health.hooked, 'the error hook did not run');
  const problems = [...health.errors, ...(await driverErrors(b)), ...health.viewErrors];
  if (health.fatal) problems.push(`fatal: ${health.fatal}`);
  assert.deepEqual(problems, [], `${what}: the single file logged errors`);
  assert.deepEqual(await b.evaluate(probe.fetchedResources), [], `${what}: the single file fetched something`);
}

/**
 * Registers the single-file checks for one engine; `launch()` starts its browser and returns
 * the suite's adapter (suite.mjs), as for the cross-engine suite.
 */
export function singleFileSuite(engine, launch) {
  describe(`the single file from disk in ${engine}`, { timeout: 5 * TIMEOUT }, () => {
    let b;
    let url;
    const open = async (hash = '') => {
      await b.goto('about:blank');
      await b.goto(url + hash);
      return settle(b, { fromCanvases: true });
    };

    before(async () => {
      url = await hookedCopy(engine);
      b = await launch();
      await b.setViewport(1280, 900);
    });
    after(async () => {
      await b?.close();
    });

    test('every view draws with no error and nothing fetched', { timeout: TIMEOUT }, async () => {
      const stats = await open();
      assert.ok(Object.keys(stats).length >= 10, `only ${Object.keys(stats).length} views`);
      const blank = Object.entries(stats).filter(([, s]) => !drawn(s)).map(([v, s]) => summary(v, s));
      assert.deepEqual(blank, [], 'canvases blank or showing only a message');
      await assertCleanOffline(b, 'opening the single file');
      await mkdir(SCREENSHOTS, { recursive: true });
      await b.screenshot(path.join(SCREENSHOTS, `${engine}-single-file.png`));
    });

    test('a τ change redraws', { timeout: TIMEOUT }, async () => {
      const before = await open();
      await b.click('button[data-tau="0.1"]');
      const clicked = await settle(b, { fromCanvases: true });
      const changed = (a, z) => Object.keys(a).filter((v) => a[v].hash !== z[v].hash);
      assert.ok(changed(before, clicked).length > 0, 'the τ = 0.1 button changed no canvas');
      assert.equal((await b.evaluate(probe.readState)).fields['tau-text'], '0.1');
      await b.evaluate(probe.setInput, 'tau', 0.5);
      const moved = await settle(b, { fromCanvases: true });
      assert.ok(changed(clicked, moved).length > 0, 'moving the τ slider changed no canvas');
      await assertCleanOffline(b, 'changing τ');
    });

    test('a link restores the state', { timeout: TIMEOUT }, async () => {
      await open();
      await b.evaluate(probe.setInput, 'tau', -0.5);
      assert.ok(await b.evaluate(probe.focusAndSelect, 'seed'));
      await b.type('4242');
      await b.evaluate(probe.setInput, 'samples', 3.5);
      const drawnBefore = await settle(b, { fromCanvases: true });
      await linkWritten(b);
      const written = await b.evaluate(probe.readState);
      assert.match(written.hash, /seed=4242/, 'the single file did not write its state into the link');
      const restored = await open(written.hash);
      await linkWritten(b);
      assert.deepEqual(await b.evaluate(probe.readState), written, 'the link restored a different state');
      for (const view of Object.keys(drawnBefore)) {
        assert.equal(restored[view].hash, drawnBefore[view].hash, `view ${view} differs after the link`);
      }
      await assertCleanOffline(b, 'restoring a link');
    });
  });
}
