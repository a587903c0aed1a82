// The cross-engine suite in WebKit (Safari's engine, as WebKitGTK), driven by selenium-webdriver
// through WebKitWebDriver, which starts WebKitGTK's MiniBrowser. MiniBrowser has no headless
// mode, so the driver runs under xvfb-run. Driver, Xvfb and browser share one process group,
// which is ended on every path: after the suite, on failure, and if node is interrupted.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import { Builder, By } from 'selenium-webdriver';
import { framedUrl } from './proxy.mjs';
import { singleFileSuite } from './single_file.mjs';
import { crossEngineSuite } from './suite.mjs';

const DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const BROWSER = process.env.WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts xvfb-run + WebKitWebDriver in a process group of their own; returns { url, stop }. */
async function startDriver() {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', DRIVER, `--port=${port}`], { detached: true, stdio: 'ignore' });
  let exited = false;
  const done = new Promise((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal); // the whole group: xvfb-run, Xvfb, the driver, MiniBrowser
    } catch {
      // already gone
    }
  };
  const onExit = () => kill('SIGKILL');
  const onSignal = (signal) => {
    kill('SIGTERM');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    kill('SIGTERM');
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    kill('SIGKILL');
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) throw new Error('WebKitWebDriver exited at start-up');
      const ok = await fetch(`${url}/status`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer at ${url} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function launch() {
  const server = await startDriver();
  let driver;
  try {
    driver = await new Builder().usingServer(server.url).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] },
    }).build();
    // A width the window cannot take (MiniBrowser's window stops at about 450 px) is given to
    // the page as a frame of that width inside the window, as an embed would show it.
    let frame = null;
    const setViewport = async (width, height) => {
      const window = driver.manage().window();
      await driver.switchTo().defaultContent();
      await window.setRect({ width, height });
      const inner = await driver.executeScript('return window.innerWidth');
      frame = inner > width ? { width, height } : null;
    };
    const goto = async (url) => {
      await driver.switchTo().defaultContent();
      if (!frame || url === 'about:blank') return driver.get(url);
      await driver.get(framedUrl(url, frame.width, frame.height));
      await driver.switchTo().frame(driver.findElement(By.css('iframe')));
    };
    return {
      goto,
      setViewport,
      evaluate: (fn, ...args) => driver.executeScript(fn, ...args),
      click: async (selector) => driver.findElement(By.css(selector)).click(),
      type: (text) => driver.actions().sendKeys(text).perform(),
      screenshot: async (file) => writeFile(file, await driver.takeScreenshot(), 'base64'),
      nativeErrors: () => [],
      close: async () => {
        await quit(driver);
        await server.stop();
      },
    };
  } catch (err) {
    if (driver) await quit(driver);
    await server.stop();
    throw err;
  }
}

crossEngineSuite('webkit', launch);
singleFileSuite('webkit', launch);

/** Ends the WebDriver session, giving up after 10 s (the process group is ended anyway). */
async function quit(driver) {
  await Promise.race([
    driver.quit().catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
  ]);
}
