// The link: the address bar's hash holds the whole state (written by Rust), so a copied link
// reopens the same view; a link that cannot be used is explained in a notice.
import { $, session, errorText } from './page.js';

let lastHash = '';
let timer = 0;

/**
 * Brings the address bar up to date soon, at most a few times a second: replaceState costs
 * about a millisecond, too much to pay on every frame of a slider drag.
 */
export function writeUrl() {
  if (timer) return;
  timer = setTimeout(writeUrlNow, 250);
}

export function writeUrlNow() {
  clearTimeout(timer);
  timer = 0;
  if (session.dead) return;
  const hash = '#' + session.ex.state();
  if (hash !== lastHash) {
    lastHash = hash;
    history.replaceState(null, '', hash);
  }
}

/** Restores the state from the address bar's hash, if any; a bad link leaves the defaults. */
export function restoreFromLink() {
  if (location.hash.length <= 1) return;
  try {
    session.ex.restore(decodeURIComponentSafe(location.hash));
  } catch (e) {
    const notice = $('notice');
    // textContent only: nothing from the address bar is ever inserted as markup.
    const message = errorText(e);
    notice.textContent = message.charAt(0).toUpperCase() + message.slice(1) + '. The defaults are shown instead.';
    notice.hidden = false;
  }
}

function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The "copy link" button: the address bar first, then the clipboard. */
export async function copyLink() {
  writeUrlNow();
  try {
    await navigator.clipboard.writeText(location.href);
    $('copy-status').textContent = 'copied';
  } catch {
    $('copy-status').textContent = 'copy the address bar: it holds this view';
  }
}
