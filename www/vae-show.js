// View 9 on the page: what the training worker sends, shown. Finished pictures go onto the
// view's canvases (made the first time one arrives), the data table grows by the rows of each
// new record, and the readouts and the sentence are replaced; nothing here computes anything.
import { $ } from './page.js';
import { format_number } from './first-module.js';
import { groupedCount } from './format.js';
import { labelAttr } from './i18n.js';

/** The two pictures: the id of each canvas and of the box that holds it. */
export const PICTURES = ['vae-curves', 'vae-digits'];

/**
 * The device-pixel size of each picture's box (the worker draws at exactly that size), and
 * the scale of a CSS pixel.
 */
export function pictureSizes() {
  const scale = Math.min(4, Math.max(1, window.devicePixelRatio || 1));
  const sizes = {};
  for (const name of PICTURES) {
    const box = $(name + '-box');
    sizes[name.slice('vae-'.length)] = {
      width: Math.round(box.clientWidth * scale),
      height: Math.round(box.clientHeight * scale),
      scale,
    };
  }
  return sizes;
}

/** Puts `bitmap` onto the picture `name`'s canvas, making the canvas the first time. */
function showPicture(name, bitmap) {
  if (!bitmap) return;
  let canvas = $(name);
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.id = name;
    canvas.setAttribute('role', 'img');
    labelAttr(canvas, 'aria-label', name === 'vae-curves' ? 'vae.curvesName' : 'vae.digitsName');
    const box = $(name + '-box');
    box.replaceChildren(canvas);
  }
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  canvas.getContext('2d').drawImage(bitmap, 0, 0);
  bitmap.close();
}

/** Writes the table's header row (the names come from Rust, through the worker). */
export function showHeader(names) {
  const row = document.createElement('tr');
  for (const name of names) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    row.append(th);
  }
  $('data-vae').tHead.replaceChildren(row);
}

/** Empties the table, the sentence and the readouts: a new run starts at step 0. */
export function clearRun() {
  $('data-vae').tBodies[0].replaceChildren();
  $('vae-sentence').textContent = '';
  $('vae-step').textContent = '0';
  $('vae-tau').textContent = '–';
  $('vae-rate').textContent = '–';
}

/** Replaces both pictures by `text`: there is no run to show. */
export function clearPictures(text) {
  for (const name of PICTURES) {
    const p = document.createElement('p');
    p.className = 'vae-placeholder';
    p.textContent = text;
    $(name + '-box').replaceChildren(p);
  }
}

/** Appends rows from `cells`, four a row (estimator, step, train and test −ELBO). */
function appendRows(cells) {
  const body = $('data-vae').tBodies[0];
  const rows = [];
  for (let i = 0; i + 3 < cells.length; i += 4) {
    const tr = document.createElement('tr');
    for (const text of cells.slice(i, i + 4)) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    rows.push(tr);
  }
  body.append(...rows);
}

/** Shows one progress message of the worker. */
export function showProgress(message) {
  for (const name of PICTURES) showPicture(name, message[name.slice('vae-'.length)]);
  appendRows(message.cells);
  $('vae-step').textContent = groupedCount(message.step);
  $('vae-tau').textContent = format_number(message.tau, 3);
  $('vae-rate').textContent = Number.isFinite(message.rate) ? format_number(message.rate, 3) : '–';
  $('vae-sentence').textContent = message.sentence;
}

/** The PNG buttons: each downloads its picture at the canvas's pixel size. */
export function wirePictureExport() {
  for (const button of document.querySelectorAll('button.vae-export')) {
    button.addEventListener('click', () => {
      const canvas = $(button.dataset.canvas);
      if (!canvas) return;
      canvas.toBlob((blob) => {
        if (!blob) return;
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = 'gumbel-softmax-' + button.dataset.canvas + '.png';
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }, 'image/png');
    });
  }
}
