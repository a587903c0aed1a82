// The projector mode: one view at a time filling the screen, its controls beside it, its
// figure drawn larger (Rust sizes text, lines and markers from the canvas's CSS size, up to the
// text scale set here). ← / → and Page Up / Page Down (what presentation clickers send) move
// between views, Esc leaves; `p` and button#present enter it, and `?present=<view>` in the
// link opens in it, at that view.
import { $, session } from './page.js';
import { label, labelAttr } from './i18n.js';
import { scheduleRedraw } from './scheduler.js';
import { addressWith, showAlone, showAll } from './view-alone.js';
import { view_names } from './first-module.js';

// How much larger than on the page figures may draw: enough for tick labels at least as large
// as the body text on a 1920 × 1080 projector (checked by the browser tests).
const PRESENT_TEXT_SCALE = 3;

let current = null; // the view shown, while presenting

export function presenting() {
  return current !== null;
}

/** Enters the projector mode at view `name` (or moves to it). */
export function present(name) {
  if (session.dead) return;
  const views = view_names();
  if (!views.includes(name)) return;
  if (current === null) buildBar();
  current = name;
  session.ex.set_text_scale(PRESENT_TEXT_SCALE);
  showAlone(name, 'present');
  const i = views.indexOf(name);
  $('present-where').textContent = `${i + 1} / ${views.length}`;
  $('present-prev').disabled = i === 0;
  $('present-next').disabled = i === views.length - 1;
  history.replaceState(null, '', addressWith('present', name));
  scheduleRedraw();
}

/** Leaves the projector mode; the page scrolls to the view that was shown. */
export function leave() {
  if (current === null) return;
  const name = current;
  current = null;
  if (!session.dead) session.ex.set_text_scale(1);
  showAll();
  $('present-bar').remove();
  history.replaceState(null, '', addressWith('present', null));
  $('view-' + name).closest('figure').scrollIntoView({ block: 'center' });
  scheduleRedraw();
}

/** Moves `step` views on (negative: back), stopping at the first and the last. */
export function move(step) {
  const views = view_names();
  const i = Math.min(views.length - 1, Math.max(0, views.indexOf(current) + step));
  present(views[i]);
}

/** The view nearest the top of the window: where `p` starts presenting. */
export function viewInSight() {
  const views = view_names();
  for (const name of views) {
    const rect = $('view-' + name).getBoundingClientRect();
    if (rect.height > 0 && rect.bottom > 0) return name;
  }
  return views[0];
}

function buildBar() {
  const bar = document.createElement('div');
  bar.id = 'present-bar';
  bar.className = 'present-bar';
  bar.setAttribute('role', 'toolbar');
  labelAttr(bar, 'aria-label', 'present.bar');
  const button = (id, text, name, fn) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', id, textContent: text });
    if (text === null) label(b, name + 'Text');
    labelAttr(b, 'aria-label', name);
    b.addEventListener('click', fn);
    return b;
  };
  const where = Object.assign(document.createElement('output'), { id: 'present-where' });
  bar.append(
    button('present-prev', '◀', 'present.previous', () => move(-1)),
    where,
    button('present-next', '▶', 'present.next', () => move(1)),
    button('present-leave', null, 'present.leave', leave),
  );
  $('controls').before(bar);
}

const EDITABLE = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** The keys of the projector mode; `p` starts it (never while typing in a field). */
export function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey || session.dead) return;
  const typing = EDITABLE.has(e.target.tagName) || e.target.isContentEditable;
  if (current === null) {
    if (e.key === 'p' && !typing) {
      e.preventDefault();
      present(viewInSight());
    }
    return;
  }
  // A focused slider keeps its arrow keys; a clicker's page keys always turn the page.
  const arrows = !typing || e.target.type === 'button';
  let step = 0;
  if (e.key === 'PageDown' || (arrows && e.key === 'ArrowRight')) step = 1;
  else if (e.key === 'PageUp' || (arrows && e.key === 'ArrowLeft')) step = -1;
  if (step) {
    e.preventDefault();
    move(step);
  } else if (e.key === 'Escape') {
    e.preventDefault();
    leave();
  } else if (e.key === 'p' && !typing) {
    e.preventDefault();
    leave();
  }
}
