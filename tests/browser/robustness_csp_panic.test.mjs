// The page's Content-Security-Policy keeps script to the page's own files, and a wasm panic,
// should one still happen, shows a visible message with a reload button instead of freezing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, waitReady, withPage } from './helpers.mjs';

const TIMEOUT = 60_000;

test('the CSP allows only the page\'s own scripts and wasm, and blocks inline script and eval', { timeout: TIMEOUT }, async () => {
  const violations = [];
  const setup = async ({ page }) => {
    await page.exposeFunction('__recordViolation', (v) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.__recordViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
  };
  await withPage('', async ({ page, log }) => {
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'"]) {
      assert.ok(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
    }
    assert.ok(!csp.includes('unsafe-inline'), `CSP allows inline code: ${csp}`);
    assert.deepEqual(violations, [], 'the page itself violates its CSP');
    // An inline script added to the document does not run, and neither does eval.
    const ran = await page.evaluate(async () => {
      window.__inlineRan = false;
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      let evalRan = false;
      try { evalRan = window['ev' + 'al']('true'); } catch { evalRan = false; }
      return { inline: window.__inlineRan, evalRan };
    });
    assert.deepEqual(ran, { inline: false, evalRan: false });
    await page.waitForTimeout(100);
    assert.ok(violations.some((v) => v.startsWith('script-src')), `no violation reported: ${violations}`);
    // The blocked inline script logs a console error by design; only that one is expected.
    log.errors = log.errors.filter((e) => !/Content Security Policy/.test(e));
    assertClean(log);
  }, { setup });
});

test('a wasm panic shows a visible message that offers a reload', { timeout: TIMEOUT }, async () => {
  // The panic is logged to the console on purpose: the log is checked below, not by withPage.
  await withPage('', async ({ page, log }) => {
    assert.equal(await page.isVisible('#fatal'), false);
    // The same module instance the page uses (ES modules are loaded once per page).
    await page.evaluate(async () => {
      const wasm = await import('./www/pkg/gumbel_explorer.js');
      try { wasm.panic_for_test('deliberate panic from the test'); } catch { /* the trap */ }
    });
    await page.waitForSelector('#fatal', { state: 'visible', timeout: 5_000 });
    const message = await page.textContent('#fatal-text');
    assert.match(message, /deliberate panic from the test/);
    assert.match(message, /Reload/i);
    assert.equal(await page.isVisible('#reload'), true);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'error');
    // The page does not call into the dead module again: moving τ logs nothing new.
    const before = log.errors.length;
    await page.fill('#tau-text', '0.7');
    await page.waitForTimeout(200);
    const after = log.errors.slice(before);
    assert.deepEqual(after, [], `calls after the panic: ${after}`);
    // The panic itself is logged to the console by the hook (that is its job); nothing else.
    const unexpected = log.errors.filter((e) => !/deliberate panic from the test|unreachable/.test(e));
    assert.deepEqual(unexpected, []);
    assert.deepEqual(log.failedRequests, []);
    assert.deepEqual(log.foreignRequests, []);
    // The reload button brings the page back.
    await page.click('#reload');
    await waitReady(page, { log });
    assert.equal(await page.isVisible('#fatal'), false);
  }, { clean: false });
});
