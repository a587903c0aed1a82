// The numbers behind every figure: under each figure a "data" toggle (a <details>) holds a <table
// id="data-<view>"> of what the figure draws (the canvas's text alternative, linked by
// aria-details) and a button that downloads the same numbers as CSV. Rust builds each table
// (`Explorer.table`, CSV); this module only shows it, and rebuilds a table after a redraw only when
// Rust's fingerprint of its inputs changed, so a τ drag rebuilds only the tables that depend on τ.
// Tables follow every change of the state whether or not their toggle is open; a closed table whose
// numbers need long work (Figure 1's panel, the estimator sweep) waits until Rust has done it in
// slices; while Rust refines the same state in slices (the exact curves), a closed table is rebuilt
// once, then again when the refinement ends or its toggle opens, not on every slice. A long table's
// rows are made over several of the scheduler's tasks, each within its budget, and swapped in all
// at once, so the DOM always holds a complete table.
import { $, session, errorText } from './page.js';
import { label, onLanguage, t } from './i18n.js';

const shown = new Map(); // view → the fingerprint of the table now in the DOM
const built = new Set(); // the views whose table this module built and keeps current
const builtFor = new Map(); // view → the state (link) its table was last rebuilt for
const pending = new Map(); // view → a rebuild under way (refreshTable)

/** Puts a data toggle with an empty table under the figure of every view in `views`. */
export function buildTables(views) {
  for (const view of views) {
    const canvas = $('view-' + view);
    const figure = canvas && canvas.closest('figure');
    if (!figure || $('data-' + view)) continue;
    built.add(view);
    const details = element('details', { className: 'data', id: 'data-box-' + view });
    const summary = element('summary');
    summary.append(label(element('span'), 'table.summary'), label(element('span', { className: 'data-hint' }), 'table.hint'));
    const note = element('p', { className: 'data-note', id: 'data-note-' + view });
    const csv = label(element('button', { type: 'button', className: 'csv' }), 'table.csv');
    csv.dataset.view = view;
    csv.addEventListener('click', () => downloadCsv(view));
    const error = element('p', { className: 'error', id: 'data-error-' + view });
    error.setAttribute('role', 'status');
    const table = element('table', { id: 'data-' + view });
    const caption = element('caption', { id: 'data-caption-' + view });
    table.append(caption, element('thead'), element('tbody'));
    // A scrolling box that keyboard users can focus and scroll.
    const scroll = element('div', { className: 'data-scroll', tabIndex: 0 });
    scroll.setAttribute('role', 'region');
    scroll.id = 'data-scroll-' + view;
    scroll.append(table);
    details.append(summary, note, csv, error, scroll);
    details.addEventListener('toggle', () => {
      if (details.open) refreshTable(view, null);
    });
    figure.append(details);
    canvas.setAttribute('aria-details', details.id);
  }
  nameTables();
  // Rust writes the tables in the page's language: after a switch each is built again.
  onLanguage(() => {
    shown.clear();
    builtFor.clear();
    pending.clear();
    nameTables();
  });
}

/** Each table's caption and its region's name, from its figure's text alternative. */
function nameTables() {
  for (const view of built) {
    const figure = $('view-' + view).getAttribute('aria-label') || view;
    $('data-caption-' + view).textContent = t('table.caption', { figure });
    $('data-scroll-' + view).setAttribute('aria-label', t('table.region', { figure }));
  }
}

/**
 * After a redraw: rebuilds every table whose inputs changed since it was built. Past
 * `deadline` (a performance.now() time) it stops, after a rebuilt table or midway through
 * one's rows, and returns true: the scheduler calls it again in the next task for the rest.
 */
export function refreshTables(deadline = Infinity) {
  if (session.dead) return false;
  // While a refinement runs, the state it refines; a closed table already rebuilt for it waits.
  const state = session.ex.refining() ? session.ex.state() : null;
  for (const view of built) {
    const done = refreshTable(view, state, deadline);
    if (done === MORE || (done && performance.now() >= deadline)) return true;
  }
  return false;
}

// What refreshTable returns when it stopped at its deadline with rows left to make.
const MORE = 'more';

// Rebuilds the table of `view` if its inputs changed, unless it is closed and was already
// rebuilt for `state` (the state under refinement, or null); returns whether it tried, or MORE
// when it stopped at `deadline`. The new rows are made in a detached body, over as many calls
// as they take, and replace the old ones at once when all are made: the table in the DOM is
// always a complete one. A closed table under refinement finishes the rebuild it began for
// that state before it takes newer numbers.
function refreshTable(view, state, deadline = Infinity) {
  if (session.dead) return false;
  const { ex } = session;
  let key;
  try {
    key = ex.table_key(view);
  } catch (e) {
    return false;
  }
  if (shown.get(view) === key) {
    pending.delete(view);
    return false;
  }
  const open = $('data-box-' + view).open;
  if (state !== null && builtFor.get(view) === state && !open) return false;
  let job = pending.get(view);
  const keep = job && (job.key === key || (state !== null && job.state === state && !open));
  if (!keep) {
    // A closed table whose numbers need long work (Figure 1's panel, the estimator sweep) waits:
    // Rust begins that work, the refinement's slices do it, and each of their redraws asks again.
    try {
      if (!open && !ex.data_ready(view)) return false;
    } catch (e) {
      return false;
    }
    try {
      const [header = [], ...rows] = parseCsv(ex.table(view));
      const note = ex.table_note(view);
      job = { key, state: state ?? ex.state(), header, rows, made: 0, body: document.createDocumentFragment(), note };
      pending.set(view, job);
    } catch (e) {
      // As with the figure: the last good table stays, and the message says why.
      pending.delete(view);
      $('data-error-' + view).textContent = errorText(e);
      return true;
    }
  }
  while (job.made < job.rows.length) {
    job.body.append(bodyRow(job.rows[job.made++]));
    if (job.made < job.rows.length && performance.now() >= deadline) return MORE;
  }
  pending.delete(view);
  const table = $('data-' + view);
  const headRow = element('tr');
  for (const name of job.header) headRow.append(element('th', { scope: 'col', textContent: name }));
  table.tHead.replaceChildren(headRow);
  table.tBodies[0].replaceChildren(job.body);
  $('data-note-' + view).textContent = job.note;
  shown.set(view, job.key);
  builtFor.set(view, job.state);
  $('data-error-' + view).textContent = '';
  return true;
}

/** A body row of `cells`, numbers marked for right alignment. */
function bodyRow(cells) {
  const tr = element('tr');
  for (const cell of cells) {
    const td = element('td', { textContent: cell });
    if (cell !== '' && !Number.isNaN(Number(cell))) td.className = 'num';
    tr.append(td);
  }
  return tr;
}

/** Rows of fields from CSV text (RFC 4180 quoting; the last line break is optional). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') {
      field += c;
    }
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

// The CSV of the current state, read afresh from Rust, saved through a same-origin blob link.
function downloadCsv(view) {
  if (session.dead) return;
  let csv;
  try {
    csv = session.ex.table(view);
  } catch (e) {
    $('data-error-' + view).textContent = errorText(e);
    return;
  }
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = element('a', { href: url, download: 'gumbel-softmax-' + view + '.csv' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function element(tag, props = {}) {
  return Object.assign(document.createElement(tag), props);
}
