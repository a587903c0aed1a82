// A plain script (not a module), so that it runs where the page's modules cannot: a page opened
// from a file on disk (file://), where browsers refuse to load module scripts and the
// WebAssembly file. Instead of "Loading…" forever, the status line says what happened and
// where the one-file explorer is. On a served page, and in the one-file build (which leaves
// this script out), it does nothing.
(function () {
  'use strict';
  if (location.protocol !== 'file:') return;
  var root = document.documentElement;
  var shown = false;

  function explain() {
    var state = root.getAttribute('data-state');
    if (shown || state === 'ready' || state === 'refining') return;
    var status = document.getElementById('status');
    if (!status) return;
    shown = true;
    status.textContent = 'This page was opened as a file, and browsers do not run its scripts ' +
      'from files on disk, so the explorer cannot start here. Open ';
    var link = document.createElement('a');
    link.href = 'gumbel-softmax-explorer.html';
    link.textContent = 'gumbel-softmax-explorer.html';
    status.append(link, ' instead: the whole explorer in one file, which works from a disk, ' +
      'a USB stick or a course platform, with no network. It is in the same folder as this ' +
      'index.html (the site\'s dist folder, which "make dist" builds). Or serve this folder ' +
      'with any web server.');
    status.classList.add('error');
    status.hidden = false;
  }

  // A module script that the browser refuses fires "error" on its element; the timer covers
  // browsers that stay silent.
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t.tagName === 'SCRIPT' && t.type === 'module') explain();
  }, true);
  setTimeout(explain, 800);
})();
