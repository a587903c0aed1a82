// Showing one view on its own (the projector and embed modes share this): the view's figure
// and section stay, everything else is hidden by www/modes.css, and the page's controls the
// view is drawn from (Rust says which: view_controls) stay beside it, with the view's own
// controls moved next to them and put back afterwards. Either way the canvases change size, so
// the sizes kept for drawing are read anew.
import { $, root } from './page.js';
import { forgetSizes } from './canvas-sizes.js';
import { language } from './i18n.js';
import { view_controls } from './first-module.js';

const MARK = 'alone';
let moved = null; // { controls, home } while a view's own controls sit beside it

/** The figure of view `name` (the one around its canvas). */
export function figureOf(name) {
  const canvas = $('view-' + name);
  return canvas ? canvas.closest('figure') : null;
}

/** Shows view `name` alone in `mode` ("present" or "embed"); undoes any earlier view first. */
export function showAlone(name, mode) {
  clearMarks();
  const figure = figureOf(name);
  const section = figure && figure.closest('section');
  if (!section) return;
  root.dataset.mode = mode;
  root.dataset.view = name;
  figure.classList.add(MARK);
  section.classList.add(MARK);
  let shared = 0;
  for (const id of view_controls(name, language())) {
    const group = $(id) && $(id).closest('fieldset');
    if (group) {
      group.classList.add(MARK);
      shared++;
    }
  }
  // A view drawn from none of the shared controls (the cost view) shows no empty box for them.
  $('controls').hidden = shared === 0;
  const own = section.querySelector('.view-controls');
  if (own) {
    const home = document.createComment('view controls of ' + name);
    own.before(home);
    $('alone-controls').append(own);
    moved = { controls: own, home };
  }
}

/** Back to the whole page. */
export function showAll() {
  clearMarks();
  delete root.dataset.mode;
  delete root.dataset.view;
}

function clearMarks() {
  forgetSizes();
  $('controls').hidden = false;
  for (const el of document.querySelectorAll('.' + MARK)) el.classList.remove(MARK);
  if (moved) {
    moved.home.replaceWith(moved.controls);
    moved = null;
  }
}

/** The address of this page with its query's `key` set to `value` (or removed: null). */
export function addressWith(key, value) {
  const url = new URL(location.href);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  return url.href;
}
