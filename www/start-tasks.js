// A task of its own, for work done in steps. After the module is loaded, the page's start (the
// handle, the link's state, the first samples, the tables, the controls) is about 70 ms of
// work on a laptop, four times that on a phone, where one task that long holds every tap.
// www/main.js does it in steps of a few milliseconds and gives the browser the thread between
// them, with `await nextTask()`; the slices of long work (www/slices.js) follow each other
// the same way.

const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();

/**
 * Resolves in a task of its own, after what the browser has queued (input, a frame's
 * rendering). A message rather than a timer: nested timers are held back 4 ms each.
 */
export function nextTask() {
  return new Promise((done) => {
    waiting.push(done);
    channel.port2.postMessage(null);
  });
}
