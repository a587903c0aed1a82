// What the cross-engine tests read inside the page. Each export is a self-contained function
// that a driver sends to the page as source text (Puppeteer's evaluate, WebDriver's Execute
// Script), so it may use nothing from this module's scope: every engine runs the same code.

/** The page's own signals: its state, what the error hook recorded, notices, view errors. */
export function pageHealth() {
  const $ = (id) => document.getElementById(id);
  return {
    state: document.documentElement.dataset.state ?? null,
    hooked: Array.isArray(window.__engineErrors),
    errors: window.__engineErrors ? [...window.__engineErrors] : [],
    fatal: $('fatal') && !$('fatal').hidden ? $('fatal').textContent.trim() : null,
    notice: $('notice') && !$('notice').hidden ? $('notice').textContent.trim() : null,
    viewErrors: [...document.querySelectorAll('canvas[data-error]')].map((c) => `${c.id}: ${c.dataset.error}`),
  };
}

/** Resolves after two animation frames: a redraw scheduled now has happened. */
export function twoFrames() {
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));
}

/** The views by name, as the wasm module lists them (the page's own list). */
export async function viewNames() {
  const wasm = await import(new URL('www/pkg/gumbel_explorer.js', document.baseURI).href);
  return wasm.view_names();
}

/** The views by name, read from the page's figure canvases (`#view-<name>`, in page order). */
export function canvasViewNames() {
  return [...document.querySelectorAll('canvas.plot[id^="view-"]')].map((c) => c.id.slice('view-'.length));
}

/**
 * The addresses the page fetched besides itself (resource timing), other than inline data:
 * and blob: ones; empty for a page that needs no network.
 */
export function fetchedResources() {
  return performance.getEntriesByType('resource').map((e) => e.name)
    .filter((name) => !/^(data|blob):/.test(name));
}

/**
 * The pixels of each canvas in `canvases` (elements, or the ids of elements; null where no
 * element has the id): { width, height, sized, hash, nonBackground, inked, spread }. `sized`
 * says whether the canvas holds its CSS box times the device-pixel ratio (it has been drawn at
 * its current size); `nonBackground` counts the pixels that differ from the most common colour
 * (0: blank) and `inked` is their fraction; `spread` is the smaller side of the box around those
 * pixels as a fraction of the canvas's side (a figure spans most of its canvas, a one-line
 * message such as "(too small to draw)" a thin strip); `hash` (FNV-1a of the RGBA bytes) changes
 * when the picture changes.
 */
export function canvasStats(canvases) {
  const scratch = document.createElement('canvas');
  const ctx = scratch.getContext('2d', { willReadFrequently: true });
  return canvases.map((item) => {
    const canvas = typeof item === 'string' ? document.getElementById(item) : item;
    if (!canvas) return null;
    const { width, height } = canvas;
    const ratio = Math.min(4, Math.max(1, window.devicePixelRatio || 1));
    const sized = width === Math.round(canvas.clientWidth * ratio) && height === Math.round(canvas.clientHeight * ratio);
    if (width === 0 || height === 0) {
      return { width, height, sized, hash: '0', nonBackground: 0, inked: 0, spread: 0 };
    }
    scratch.width = width;
    scratch.height = height;
    ctx.drawImage(canvas, 0, 0);
    const data = new Uint32Array(ctx.getImageData(0, 0, width, height).data.buffer);
    let hash = 0x811c9dc5;
    const counts = new Map();
    for (const px of data) {
      for (let shift = 0; shift < 32; shift += 8) {
        hash ^= (px >>> shift) & 0xff;
        hash = Math.imul(hash, 0x01000193);
      }
      counts.set(px, (counts.get(px) ?? 0) + 1);
    }
    let background = 0;
    let colour = 0;
    for (const [px, n] of counts) {
      if (n > background) [background, colour] = [n, px];
    }
    // The box holding every pixel that is not the background, as fractions of the canvas.
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    for (let i = 0; i < data.length; i++) {
      if (data[i] === colour) continue;
      const x = i % width;
      const y = (i - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    const nonBackground = data.length - background;
    return {
      width, height, sized, hash: (hash >>> 0).toString(16).padStart(8, '0'),
      nonBackground,
      inked: nonBackground / data.length,
      spread: x1 < 0 ? 0 : Math.min((x1 - x0 + 1) / width, (y1 - y0 + 1) / height),
    };
  });
}

/** Sets an <input> as a drag would (value, then an 'input' event); returns the value taken. */
export function setInput(id, value) {
  const input = document.getElementById(id);
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return input.value;
}

/** Focuses a text field and selects its text, so typed keys replace it. */
export function focusAndSelect(id) {
  const input = document.getElementById(id);
  input.focus();
  input.select();
  return document.activeElement === input;
}

/**
 * A field and its error message: the field's value and aria-invalid, the message's text, and
 * whether the message is visible and sits in the field's group of controls, near the field.
 */
export function fieldError(inputId, errorId) {
  const input = document.getElementById(inputId);
  const error = document.getElementById(errorId);
  const box = error.getBoundingClientRect();
  let group = input.parentElement;
  while (group && !group.contains(error)) group = group.parentElement;
  const field = input.getBoundingClientRect();
  return {
    value: input.value,
    invalid: input.getAttribute('aria-invalid'),
    message: error.textContent.trim(),
    visible: box.width > 0 && box.height > 0 && getComputedStyle(error).visibility !== 'hidden',
    // In the field's own group of controls, and close below or beside it.
    besideControl: group !== null && group.matches('.control, .view-controls, fieldset') &&
      Math.abs(box.top - field.bottom) < 150,
  };
}

/** The texts a person reads for the state: typed fields, readouts and the link's hash. */
export function readState() {
  const value = (id) => document.getElementById(id)?.value ?? null;
  const text = (id) => document.getElementById(id)?.textContent.trim() ?? null;
  return {
    hash: location.hash,
    fields: Object.fromEntries(['k', 'tau-text', 'samples-text', 'seed', 'objective', 'objective-values',
      'logits', 'sched-tau0', 'sched-rate', 'sched-min', 'sched-every', 'step'].map((id) => [id, value(id)])),
    readouts: Object.fromEntries(['k-out', 'chi2-stat', 'chi2-p', 'mean-out', 'exact-out', 'st-out',
      'speedup-out', 'annealed-tau'].map((id) => [id, text(id)])),
  };
}

/**
 * Replaces the page's download step (an <a download> click on an object URL) by a recorder,
 * so exports can be read back; installs once per page load.
 */
export function captureDownloads() {
  if (window.__engineDownloads) return true;
  const downloads = [];
  const blobs = new Map();
  window.__engineDownloads = downloads;
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    const url = create(blob);
    blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function recordDownload() {
    downloads.push({ name: this.download, blob: blobs.get(this.href) ?? null });
  };
  return true;
}

/**
 * The recorded downloads, decoded: file name, MIME type, whether the bytes start with the PNG
 * signature, the decoded size, and whether its pixels are the named canvas's pixels.
 */
export async function readDownloads() {
  const scratch = document.createElement('canvas');
  const ctx = scratch.getContext('2d', { willReadFrequently: true });
  const pixels = (source, w, h) => {
    scratch.width = w;
    scratch.height = h;
    ctx.clearRect(0, 0, w, h);
    ctx.drawImage(source, 0, 0);
    return ctx.getImageData(0, 0, w, h).data;
  };
  return Promise.all((window.__engineDownloads ?? []).map(async ({ name, blob }) => {
    if (!blob) return { name, blob: false };
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const png = [137, 80, 78, 71, 13, 10, 26, 10].every((b, i) => bytes[i] === b);
    const bitmap = await createImageBitmap(blob);
    const canvas = document.getElementById(name.replace(/^gumbel-softmax-/, 'view-').replace(/\.png$/, ''));
    let samePixels = false;
    if (canvas && canvas.width === bitmap.width && canvas.height === bitmap.height) {
      const a = pixels(bitmap, bitmap.width, bitmap.height);
      const b = pixels(canvas, canvas.width, canvas.height);
      samePixels = a.length === b.length && a.every((v, i) => v === b[i]);
    }
    return {
      name, blob: true, type: blob.type, size: blob.size, png,
      width: bitmap.width, height: bitmap.height,
      canvas: canvas ? [canvas.width, canvas.height] : null, samePixels,
    };
  }));
}

/**
 * Horizontal overflow: how far the document scrolls sideways, and every element of the views'
 * column (formulas, figures, controls) whose box reaches outside that column, by the nearest
 * element with an id (a formula is named by its section). 1 px of rounding is allowed.
 */
export function overflowReport() {
  const main = document.querySelector('main');
  const col = main.getBoundingClientRect();
  const style = getComputedStyle(main);
  const left = col.left + parseFloat(style.paddingLeft);
  const right = col.right - parseFloat(style.paddingRight);
  const worst = new Map();
  // What a box that scrolls or clips sideways holds cannot stick out of the page: that box
  // itself is measured instead.
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const el of main.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (clipped(el)) continue;
    const out = Math.max(box.right - right, left - box.left);
    if (out <= 1) continue;
    const math = el.closest('math');
    const named = (math ?? el).closest('[id]');
    const what = math ? `formula in #${named?.id ?? '?'}` : `<${el.localName}> in #${named?.id ?? '?'}`;
    worst.set(what, Math.max(worst.get(what) ?? 0, Math.round(out)));
  }
  return {
    width: window.innerWidth,
    column: Math.round(right - left),
    documentOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    outside: Object.fromEntries(worst),
  };
}

/**
 * The formulas' elements whose number of children MathML fixes (msub, msup, msubsup, munder,
 * mover, munderover, mfrac, mroot) and that have another number, as "<tag> in #id (n
 * children)"; empty when every formula is well formed.
 */
export function malformedMath() {
  const arity = { msub: 2, msup: 2, msubsup: 3, munder: 2, mover: 2, munderover: 3, mfrac: 2, mroot: 2 };
  const bad = [];
  for (const [tag, n] of Object.entries(arity)) {
    for (const el of document.querySelectorAll(`math ${tag}`)) {
      if (el.children.length !== n) {
        bad.push(`<${tag}> in #${el.closest('[id]')?.id ?? '?'} (${el.children.length} children)`);
      }
    }
  }
  return bad;
}
