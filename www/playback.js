// Annealing playback: "play" walks the step along the schedule, one stride per frame, and Rust
// moves τ to the schedule's τ at each step, so every view follows; any other τ change pauses it.
import { $, session } from './page.js';
import { apply } from './actions.js';
import { syncText } from './text-fields.js';

// The walk from step 0 to the horizon takes about this many frames (ten seconds at 60 Hz).
const FRAMES_PER_WALK = 600;

let playing = 0;

export function isPlaying() {
  return playing !== 0;
}

export function togglePlaying() {
  if (playing) stopPlaying();
  else startPlaying();
}

function startPlaying() {
  const { ex } = session;
  if (session.dead) return;
  const horizon = ex.annealing_horizon();
  if (ex.step() >= horizon) ex.set_step(0);
  const stride = Math.max(1, Math.ceil(horizon / FRAMES_PER_WALK));
  $('play').setAttribute('aria-pressed', 'true');
  const tick = () => {
    if (!playing) return;
    // The handle may change during the walk (the full module takes over).
    const { ex } = session;
    const next = Math.min(horizon, ex.step() + stride);
    const ok = apply('err-schedule', null, () => ex.anneal_to(next));
    $('step').value = String(next);
    $('tau').value = String(Math.log10(ex.tau()));
    syncText();
    if (!ok || next >= horizon) {
      stopPlaying();
      return;
    }
    playing = requestAnimationFrame(tick);
  };
  playing = requestAnimationFrame(tick);
}

export function stopPlaying() {
  if (playing) cancelAnimationFrame(playing);
  playing = 0;
  $('play').setAttribute('aria-pressed', 'false');
}
