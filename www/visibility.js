// Which views can be seen: an IntersectionObserver keeps, for each view's canvas, whether any
// of it is inside the viewport (or within a short scroll of it), so that a redraw draws those
// at once and leaves the others stale until they scroll into view or the page is idle.

// A canvas this close to the viewport counts as seen: it is drawn before it scrolls in.
const MARGIN_PX = 200;
const seen = new Map();

/** Whether any part of `el` lies within the viewport grown by the margin (a layout read). */
function inViewport(el) {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 &&
    r.bottom > -MARGIN_PX && r.top < window.innerHeight + MARGIN_PX &&
    r.right > -MARGIN_PX && r.left < window.innerWidth + MARGIN_PX;
}

/**
 * Starts watching `canvases`; `shown()` runs when one of them comes into view. Until the
 * observer's first report, a canvas's place on the page decides.
 */
export function watchVisibility(canvases, shown) {
  for (const canvas of canvases) seen.set(canvas, inViewport(canvas));
  if (typeof IntersectionObserver !== 'function') {
    for (const canvas of canvases) seen.set(canvas, true);
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    let appeared = false;
    for (const entry of entries) {
      if (entry.isIntersecting && !seen.get(entry.target)) appeared = true;
      seen.set(entry.target, entry.isIntersecting);
    }
    if (appeared) shown();
  }, { rootMargin: `${MARGIN_PX}px` });
  for (const canvas of canvases) observer.observe(canvas);
}

/** Whether `canvas` can be seen (true for a canvas that is not watched). */
export function isVisible(canvas) {
  return seen.get(canvas) ?? true;
}
