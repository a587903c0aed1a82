// One change of the Rust state from a control: call Rust; on an error show its message next
// to the control and change nothing else; on success clear the message and schedule a redraw.
import { session, errorText, setError } from './page.js';
import { scheduleRedraw } from './scheduler.js';

/**
 * Calls `fn` (which talks to Rust). Returns whether it succeeded; `errorId` is the element
 * that shows the message, `input` the control marked aria-invalid (or null).
 */
export function apply(errorId, input, fn) {
  if (session.dead) return false;
  try {
    fn();
    setError(errorId, input, '');
    scheduleRedraw();
    return true;
  } catch (e) {
    setError(errorId, input, errorText(e));
    return false;
  }
}
