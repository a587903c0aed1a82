// Whether the user is in the middle of an input: a slider being dragged, a key repeating on
// it, a number being typed. Every input event starts (or extends) the interaction; when none
// has come for a short pause, it ends and `paused` callbacks run (the full-resolution pass).

/** Milliseconds without input after which an interaction has ended. */
export const PAUSE_MS = 200;

let active = false;
let timer = 0;
const started = [];
const paused = [];

/** Whether an input came less than PAUSE_MS ago. */
export function interacting() {
  return active;
}

/** Runs `fn` when an interaction starts, before the input's own handler. */
export function onInteractionStart(fn) {
  started.push(fn);
}

/** Runs `fn` when an interaction has paused. */
export function onInteractionPause(fn) {
  paused.push(fn);
}

// For the tests: while held, an interaction does not pause (its coarse frame stays).
let held = false;

/** Holds an interaction open (`on`), or lets it pause now (`!on`). */
export function holdInteraction(on) {
  held = Boolean(on);
  if (!held && active && !timer) pause();
}

function pause() {
  timer = 0;
  if (held) return;
  active = false;
  for (const fn of paused) fn();
}

/** Starts listening for input on the whole page (capture, so before any control's handler). */
export function watchInteraction() {
  document.addEventListener('input', () => {
    if (!active) {
      active = true;
      for (const fn of started) fn();
    }
    clearTimeout(timer);
    timer = setTimeout(pause, PAUSE_MS);
  }, true);
}
