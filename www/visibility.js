// Which views can be seen: an IntersectionObserver keeps, for each view's canvas, whether any
// of it is inside the viewport (or within a short scroll of it), so that a redraw draws those
// at once and leaves the others stale until they scroll into view or the page is idle.

// A canvas this close to the viewport counts as seen: it is drawn before it scrolls in.
const MARGIN_PX = 200;
const seen = new Map();

let known = false;

/**
 * Starts watching `canvases`; `shown()` runs when one of them comes into view, and on the
 * observer's first report. Until that report nothing counts as seen: it comes right after the
 * browser's next layout, so that finding out what can be seen forces no layout of its own.
 */
export function watchVisibility(canvases, shown) {
  if (typeof IntersectionObserver !== 'function') {
    for (const canvas of canvases) seen.set(canvas, true);
    known = true;
    return;
  }
  for (const canvas of canvases) seen.set(canvas, false);
  const observer = new IntersectionObserver((entries) => {
    let appeared = !known;
    known = true;
    for (const entry of entries) {
      if (entry.isIntersecting && !seen.get(entry.target)) appeared = true;
      seen.set(entry.target, entry.isIntersecting);
    }
    if (appeared) shown();
  }, { rootMargin: `${MARGIN_PX}px` });
  for (const canvas of canvases) observer.observe(canvas);
}

/** Whether the browser has said which canvases can be seen (or cannot say). */
export function visibilityKnown() {
  return known;
}

/** Whether `canvas` can be seen (true for a canvas that is not watched). */
export function isVisible(canvas) {
  return seen.get(canvas) ?? true;
}
