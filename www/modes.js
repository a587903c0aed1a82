// The page's modes, read from the link's query (Rust parses it: page_mode): the whole page,
// the projector mode (`?present=1` or `?present=<view>`) or one embedded view
// (`?embed=<view>`). A mode the page cannot use is explained in the notice, as a bad state
// link is, and the whole page is shown.
import { $, errorText } from './page.js';
import { embed, wireEmbedCode } from './embed.js';
import { onKey, present, viewInSight } from './present.js';
import { page_mode } from './pkg/gumbel_explorer.js';

/** Wires the present button, the keys and the embed buttons, then enters the link's mode. */
export function wireModes(views) {
  const aside = $('controls').closest('aside');
  aside.append(Object.assign(document.createElement('div'), { id: 'alone-controls' }));
  wireEmbedCode(views);
  $('present').addEventListener('click', () => present(viewInSight()));
  document.addEventListener('keydown', onKey);
  let mode;
  try {
    mode = page_mode(location.search);
  } catch (e) {
    notify(errorText(e));
    return;
  }
  const [kind, view] = mode;
  if (kind === 'present') present(view);
  else if (kind === 'embed') embed(view);
}

// textContent only: nothing from the address bar is ever inserted as markup. A second problem
// (the state's, say) is added to the first.
function notify(message) {
  const notice = $('notice');
  const text = message.charAt(0).toUpperCase() + message.slice(1) + '. The whole page is shown instead.';
  notice.textContent = notice.hidden ? text : notice.textContent + ' ' + text;
  notice.hidden = false;
}
