// Embedding a view next to a post: `?embed=<view>` shows that view and its controls only,
// sized to the frame, and every figure's caption offers "embed" — an <iframe> snippet with the
// page's own address (any host, any sub-path) and the current state in its hash.
import { $, session } from './page.js';
import { writeUrlNow } from './link.js';
import { chosenLanguage, label, labelAttr, t } from './i18n.js';
import { figureOf, showAlone } from './view-alone.js';

/** The size of the frame the snippet asks for, in CSS pixels. */
export const FRAME = { width: 640, height: 480 };

/** Shows view `name` alone, as an embedded frame. */
export function embed(name) {
  showAlone(name, 'embed');
}

/** The <iframe> markup that embeds view `name` in its current state. */
export function embedCode(name) {
  writeUrlNow();
  const url = new URL(location.href);
  url.search = '';
  url.searchParams.set('embed', name);
  // A language someone chose (the switch, or lang= in the link) goes with the frame; otherwise
  // the frame follows its reader's browser, as the page does.
  const chosen = chosenLanguage();
  if (chosen) url.searchParams.set('lang', chosen);
  const canvas = $('view-' + name);
  const title = t('embed.frameTitle', { figure: canvas.getAttribute('aria-label') || name });
  return `<iframe src="${attribute(url.href)}" width="${FRAME.width}" height="${FRAME.height}" ` +
    `title="${attribute(title)}" style="border:0" loading="lazy"></iframe>`;
}

function attribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Adds an "embed" button to each view's caption, with a box that shows the code. */
export function wireEmbedCode(views) {
  for (const name of views) {
    const figure = figureOf(name);
    const caption = figure && figure.querySelector('figcaption');
    if (!caption) continue;
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'embed-code' });
    label(button, 'embed.button');
    button.dataset.view = name;
    labelAttr(button, 'aria-label', 'embed.buttonName');
    const box = Object.assign(document.createElement('div'), { className: 'embed-box', hidden: true });
    const code = Object.assign(document.createElement('textarea'), {
      id: 'embed-code-' + name,
      readOnly: true,
      rows: 3,
      spellcheck: false,
    });
    labelAttr(code, 'aria-label', 'embed.codeName');
    const status = Object.assign(document.createElement('output'), { id: 'embed-status-' + name });
    box.append(code, status);
    button.addEventListener('click', () => copyEmbedCode(name, code, status, box));
    caption.querySelector('button.export')?.after(button);
    caption.after(box);
  }
}

async function copyEmbedCode(name, code, status, box) {
  if (session.dead) return;
  code.value = embedCode(name);
  box.hidden = false;
  code.select();
  const local = location.protocol === 'file:' ? ' ' + t('embed.local') : '';
  try {
    await navigator.clipboard.writeText(code.value);
    status.textContent = t('embed.copied') + local;
  } catch {
    status.textContent = t('embed.copyByHand') + local;
  }
}
