// The language switch: button#lang shows the page in the other language at once, without a
// reload; Rust (when its handle knows languages) draws and reports in it from then on, every
// view is drawn again, and the link records the choice (`?lang=`), so links the page makes
// carry it. A `lang=` the page cannot use is explained in the notice, and English is shown.
import { $, session, addNotice, errorText, renderNotices } from './page.js';
import { language, onLanguage, otherLanguage, setLanguage, t } from './i18n.js';
import { scheduleRedraw } from './scheduler.js';
import { addressWith } from './view-alone.js';

// How much of a refused `lang=` value the notice repeats.
const EXCERPT = 24;

/**
 * Tells Rust the page's language and marks every view out of date. Rust's handle gains
 * `set_language` with the translated core; until then it draws in English, and this only
 * redraws.
 */
export function tellRust(tag) {
  const { ex } = session;
  if (!ex || session.dead) return;
  try {
    if (typeof ex.set_language === 'function') ex.set_language(tag);
  } catch (e) {
    addNotice(() => errorText(e));
  }
  ex.invalidate();
}

/** Wires the switch; `start` is the language the page started in (www/lang/choice.js). */
export function wireLanguage(start) {
  tellRust(language());
  // First of the listeners, so that whatever reads Rust's words afterwards gets the new ones.
  onLanguage((tag) => {
    tellRust(tag);
    renderNotices();
    scheduleRedraw();
  });
  if (start.refused !== null) {
    const value = start.refused.slice(0, EXCERPT);
    addNotice(() => t('notice.badLanguage', { value }));
  }
  $('lang').addEventListener('click', switchLanguage);
}

async function switchLanguage() {
  if (session.dead) return;
  const tag = otherLanguage();
  await setLanguage(tag, { chosen: true });
  history.replaceState(null, '', addressWith('lang', tag));
}
