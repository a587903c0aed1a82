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
