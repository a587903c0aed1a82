// The typed fields show the Rust state: after every accepted change each field is rewritten
// from Rust, except the one a person is typing in.
import { $, session } from './page.js';
import { fieldList, fieldNumber } from './format.js';

export function syncText() {
  if (session.dead) return;
  const { ex } = session;
  const active = document.activeElement;
  const put = (id, text) => { if ($(id) !== active) $(id).value = text; };
  put('logits', fieldList(ex.logits(), 4));
  put('tau-text', fieldNumber(ex.tau(), 4));
  put('samples-text', String(ex.samples()));
  put('seed', String(ex.seed()));
  put('objective-values', fieldList(ex.objective_values(), 4));
  const [tau0, rate, tauMin, every] = ex.schedule();
  put('sched-tau0', fieldNumber(tau0, 4));
  put('sched-rate', fieldNumber(rate, 4));
  put('sched-min', fieldNumber(tauMin, 4));
  put('sched-every', String(every));
}

/**
 * A field left without an error shows the state again if the state changed elsewhere (a preset,
 * another control) since the field was last edited or entered: that change was not written into
 * it while it had the focus. A field whose own edit is the last change keeps its text as typed.
 */
export function resyncOnBlur() {
  const seen = new WeakMap();
  const textField = (el) => el instanceof HTMLInputElement && el.type === 'text';
  const note = (e) => {
    if (textField(e.target) && !session.dead) seen.set(e.target, session.ex.state());
  };
  // On the document, so they run after the field's own handler has changed the state.
  document.addEventListener('focusin', note);
  document.addEventListener('input', note);
  document.addEventListener('focusout', (e) => {
    const field = e.target;
    if (!textField(field) || session.dead || field.getAttribute('aria-invalid') === 'true') return;
    if (seen.get(field) !== session.ex.state()) setTimeout(syncText, 0);
  });
}
