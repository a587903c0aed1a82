// A loopback proxy in front of the served site for the cross-engine tests. It passes every
// request through unchanged, except that an HTML page gets the error hook (error-hook.js) as
// the first script of its <head>, and it remembers every request the site answered with an
// error status. Classic WebDriver cannot report a page's console; the hook lets every engine
// report its problems the same way. It also serves frame.html (see framedUrl).
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The proxy's own files, served from this folder under a path the site does not use: the hook,
// and the frame page that gives an engine a viewport narrower than its window (frame.html).
const OWN_PREFIX = '/__engine-tests/';
const OWN_FILES = ['error-hook.js', 'frame.html'];
const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOOK_TAG = `<script src="${OWN_PREFIX}error-hook.js"></script>`;
const TYPES = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8' };

/** The address of the frame page showing `pageUrl` in a `width` × `height` frame. */
export function framedUrl(pageUrl, width, height) {
  const url = new URL(`${OWN_PREFIX}frame.html`, pageUrl);
  url.search = `?w=${width}&h=${height}`;
  url.hash = encodeURIComponent(pageUrl);
  return url.href;
}

/**
 * Starts the proxy for the site at `upstream` (an http:// address ending in '/'). Returns
 * { url, failures, close }: `url` is the proxied address of the same page, `failures` lists
 * "METHOD path: HTTP status" for each error answer; call close() in a `finally`.
 */
export async function startProxy(upstream) {
  const own = new Map();
  for (const name of OWN_FILES) own.set(OWN_PREFIX + name, await readFile(path.join(HERE, name)));
  const base = new URL(upstream);
  const failures = [];
  const server = http.createServer(async (req, res) => {
    try {
      const ownPath = req.url.split('?')[0];
      if (own.has(ownPath)) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(ownPath)], 'cache-control': 'no-store' });
        res.end(own.get(ownPath));
        return;
      }
      const answer = await fetch(new URL(req.url, base), { method: req.method, redirect: 'manual' });
      if (answer.status >= 400) failures.push(`${req.method} ${req.url}: HTTP ${answer.status}`);
      const type = answer.headers.get('content-type') ?? '';
      let body = Buffer.from(await answer.arrayBuffer());
      if (type.startsWith('text/html')) {
        body = Buffer.from(body.toString('utf8').replace(/<head>/i, (head) => head + HOOK_TAG));
      }
      const headers = { 'cache-control': 'no-store', 'content-length': body.length };
      for (const name of ['content-type', 'location', 'last-modified']) {
        const value = answer.headers.get(name);
        if (value) headers[name] = value;
      }
      res.writeHead(answer.status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      failures.push(`${req.method} ${req.url}: ${err.message}`);
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err.message));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { url: `http://127.0.0.1:${port}${base.pathname}`, failures, close };
}
