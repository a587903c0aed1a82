// A tiny static server for the benchmark, as static hosts serve the page: files under a root
// folder, gzip-compressed when the browser accepts it, on a free loopback port only.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSED = new Set(['.png']);

// Folders under the root that the page never loads from.
const SKIPPED = new Set(['node_modules', 'target', '.git']);

/** Every file under `dir`, skipping the folders above. */
async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) out.push(...(await filesUnder(full)));
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
}

const compress = async (file) => {
  const body = await readFile(file);
  return { raw: body.length, gz: gzipSync(body, { level: 9 }) };
};

/**
 * Serves `root`; resolves to { url, close }. Every file is compressed before the server
 * starts, as a static host keeps its compressed copies: compressing the 500 KB module on its
 * first request would add tens of milliseconds to that response, which the audits would read
 * as a slow server.
 */
export async function serveGzip(root) {
  const base = path.resolve(root);
  const cache = new Map();
  for (const file of await filesUnder(base)) {
    if (!COMPRESSED.has(path.extname(file))) cache.set(file, await compress(file));
  }
  const server = createServer(async (req, res) => {
    try {
      let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(base, '.' + rel);
      if (!file.startsWith(base + path.sep)) throw new Error('outside the root');
      const ext = path.extname(file);
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      let out = body;
      if (!COMPRESSED.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!cache.has(file) || cache.get(file).raw !== body.length) {
          cache.set(file, { raw: body.length, gz: gzipSync(body, { level: 9 }) });
        }
        out = cache.get(file).gz;
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      headers['content-length'] = out.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
