// The link: the address bar's hash holds the whole state (written by Rust), so a copied link
// reopens the same view; a link that cannot be used is explained in a notice.
import { $, session, errorText, addNotice } from './page.js';
import { label, sentence, t } from './i18n.js';

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
    // Rust's message, in the language it was given in; the rest follows the page's language.
    const message = sentence(errorText(e));
    addNotice(() => t('notice.badState', { message }));
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
    label($('copy-status'), 'link.copied');
  } catch {
    label($('copy-status'), 'link.copyByHand');
  }
}
