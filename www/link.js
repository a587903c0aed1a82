// The link: the address bar's hash holds the whole state (written by Rust), so a copied link
// reopens the same view; a link that cannot be used is explained in a notice.
import { $, session, errorText, addNotice } from './page.js';
import { label, language, sentence, t } from './i18n.js';
import { Explorer } from './first-module.js';

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
  const link = decodeURIComponentSafe(location.hash);
  try {
    session.ex.restore(link);
  } catch (e) {
    // Rust's reason, worded again in the page's language whenever the notice is rewritten.
    let worded = { tag: language(), message: sentence(errorText(e)) };
    addNotice(() => {
      if (worded.tag !== language()) {
        worded = { tag: language(), message: refusalIn(link, language()) ?? worded.message };
      }
      return t('notice.badState', { message: worded.message });
    });
  }
}

/**
 * Why Rust refuses `link`, in language `tag`: asked of a scratch handle, so the page's own state
 * is not touched. Null if the scratch handle has no word for it (it accepts the link, or knows
 * no such language).
 */
function refusalIn(link, tag) {
  let probe = null;
  try {
    probe = new Explorer();
    if (typeof probe.set_language !== 'function') return null;
    probe.set_language(tag);
    probe.restore(link);
    return null;
  } catch (e) {
    return sentence(errorText(e));
  } finally {
    probe?.free();
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
