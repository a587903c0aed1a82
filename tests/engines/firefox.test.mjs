// The cross-engine suite in Firefox (Gecko), driven by Puppeteer over WebDriver BiDi.
// Puppeteer starts Firefox in its own process group and ends it on close and on SIGINT/SIGTERM.
import puppeteer from 'puppeteer-core';
import { openOrClose, pageAdapter } from './page_adapter.mjs';
import { singleFileSuite } from './single_file.mjs';
import { crossEngineSuite } from './suite.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

// Keep Firefox off the network: no update, telemetry, captive-portal or safe-browsing traffic.
const PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
};

// For the single file opened from disk: every connection goes to a proxy address where nothing
// listens, so the page has no network at all.
const NO_NETWORK = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.allow_hijacking_localhost': true,
};

const launch = (prefs) => async () => {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: prefs,
  });
  return openOrClose(browser, async () => {
    const page = await browser.newPage();
    return pageAdapter(browser, page, {
      goto: (url) => page.goto(url, { waitUntil: 'load' }),
      setViewport: (width, height) => page.setViewport({ width, height, deviceScaleFactor: 1 }),
      evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    });
  });
};

crossEngineSuite('firefox', launch(PREFS));
singleFileSuite('firefox', launch({ ...PREFS, ...NO_NETWORK }));
