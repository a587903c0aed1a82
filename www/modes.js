// The page's modes, read from the link's query (Rust parses it: page_mode): the whole page,
// the projector mode (`?present=1` or `?present=<view>`) or one embedded view
// (`?embed=<view>`). A mode the page cannot use is explained in the notice, as a bad state
// link is, and the whole page is shown.
import { $, addNotice, errorText } from './page.js';
import { language, sentence, t } from './i18n.js';
import { embed, wireEmbedCode } from './embed.js';
import { onKey, present, viewInSight } from './present.js';
import { page_mode } from './first-module.js';

/** Wires the present button, the keys and the embed buttons, then enters the link's mode. */
export function wireModes(views) {
  const aside = $('controls').closest('aside');
  aside.append(Object.assign(document.createElement('div'), { id: 'alone-controls' }));
  wireEmbedCode(views);
  $('present').addEventListener('click', () => present(viewInSight()));
  document.addEventListener('keydown', onKey);
  const query = location.search;
  let mode;
  try {
    mode = page_mode(query, language());
  } catch (e) {
    // Asked again after a switch of language, so that Rust's message follows it.
    addNotice(() => {
      try {
        page_mode(query, language());
        return '';
      } catch (again) {
        return t('notice.badMode', { message: sentence(errorText(again)) });
      }
    });
    return;
  }
  const [kind, view] = mode;
  if (kind === 'present') present(view);
  else if (kind === 'embed') embed(view);
}

