// The CSS size of each view's canvas, kept from a ResizeObserver, so that a redraw sizes the
// canvases' backing stores without reading the page's layout. Reading a canvas's clientWidth
// after another canvas's backing store was resized in the same task makes the browser lay out
// the whole page again, once per view drawn. The observer's callback runs right after the
// browser has laid the page out, so reading the sizes there costs no layout; a size that
// changed asks for a redraw. Until the observer's first report, and after the page changed
// its layout itself (a view shown alone), a size is read from the page, all of a redraw's
// sizes at once before anything is drawn.

// canvas → [clientWidth, clientHeight], as last reported.
const sizes = new Map();
let observer = null;

/** `canvas`'s CSS size as the page lays it out now (a layout read). */
export function liveSize(canvas) {
  return [canvas.clientWidth, canvas.clientHeight];
}

/**
 * `canvas`'s CSS size [width, height]: the one last reported, or the live one (kept) when
 * there is none yet.
 */
export function cssSize(canvas) {
  let size = sizes.get(canvas);
  if (!size) {
    size = liveSize(canvas);
    if (observer) sizes.set(canvas, size);
  }
  return size;
}

/**
 * Starts keeping the sizes of `canvases`; `resized(canvases)` runs with those whose size
 * changed, once per report. Without ResizeObserver every size is read live.
 */
export function watchSizes(canvases, resized) {
  if (typeof ResizeObserver !== 'function') return;
  observer = new ResizeObserver((entries) => {
    const changed = [];
    for (const { target } of entries) {
      const size = liveSize(target);
      const old = sizes.get(target);
      sizes.set(target, size);
      if (!old || old[0] !== size[0] || old[1] !== size[1]) changed.push(target);
    }
    if (changed.length) resized(changed);
  });
  for (const canvas of canvases) observer.observe(canvas);
}

/**
 * Forgets the sizes, so that the next redraw reads them from the page: call after changing the
 * page's layout, which the observer reports only after the next frame's redraw.
 */
export function forgetSizes() {
  sizes.clear();
}
