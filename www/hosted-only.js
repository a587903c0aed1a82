// A view that the single file cannot run says so instead of failing. The single file (opened
// from disk, CSP `default-src 'none'`) has no files beside it: a view that starts a Web Worker
// from a second script and wasm module needs the hosted page. (To run there, the worker's
// script and module would have to be inlined too, the worker started from a blob: URL, and
// the CSP extended with `worker-src blob:`.)
import { label } from './i18n.js';

/** Whether this page is the single-file build (scripts/single-file.mjs marks its <html>). */
export function isSingleFile() {
  return document.documentElement.dataset.build === 'single-file';
}

/**
 * In the single file, replaces the canvas of `figure` by a plain sentence saying that the view
 * needs the hosted page, and returns true; on a served page does nothing and returns false.
 */
export function needsHostedPage(figure) {
  if (!isSingleFile() || !figure) return false;
  const note = document.createElement('p');
  note.className = 'notice';
  label(note, 'hostedOnly.notice');
  const canvas = figure.querySelector('canvas');
  if (canvas) canvas.hidden = true;
  figure.prepend(note);
  return true;
}
