// The page's shared context: the one Rust handle, whether the module has died, and the small
// DOM helpers every controller module uses (finding elements, showing a message at a control,
// the notice about a link the page could not use).
import { t } from './i18n.js';

export const $ = (id) => document.getElementById(id);
export const root = document.documentElement;

// `ex` is the Rust `Explorer` once the module is loaded; `dead` turns true after a panic, and
// from then on nothing calls into the module again.
export const session = { ex: null, dead: false };

/** The message of whatever Rust (or a parser) threw. */
export function errorText(e) {
  return e && e.message ? e.message : String(e);
}

/** Shows `message` in the element `id` (empty: clears it) and marks `input` accordingly. */
export function setError(id, input, message) {
  const el = $(id);
  if (el) el.textContent = message;
  if (input) input.setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** After a panic in the module: a visible message offering a reload, and no more calls. */
export function showFatal(message) {
  session.dead = true;
  root.dataset.state = 'error';
  $('fatal-text').textContent = t('fatal.stopped', { message });
  $('fatal').hidden = false;
}

const notices = []; // functions that write each problem of the link, in the page's language

/**
 * Adds a problem of the link to the notice (text only: nothing from the address bar is ever
 * inserted as markup). `render()` writes it in the page's language, again after a switch.
 */
export function addNotice(render) {
  notices.push(render);
  renderNotices();
}

/** Rewrites the notice in the page's language. */
export function renderNotices() {
  const notice = $('notice');
  notice.textContent = notices.map((render) => render()).filter(Boolean).join(' ');
  notice.hidden = notices.length === 0;
}
