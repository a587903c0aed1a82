// A plain script (not a module), so that it runs where the page's modules cannot: a page opened
// from a file on disk (file://), where browsers refuse to load module scripts and the
// WebAssembly file. Instead of "Loading…" forever, the status line says what happened and
// where the one-file explorer is: the text of index.html's <template id="file-notice">, or in
// Chinese (chosen as the page would choose it, www/lang/choice.js) the same key of the Chinese
// table, loaded here as a plain script. On a served page, and in the one-file build (which
// leaves this script out), it does nothing.
(function () {
  'use strict';
  if (location.protocol !== 'file:') return;
  var root = document.documentElement;
  var KEY = 'notice.file';
  var shown = false;

  function show(status, words) {
    var text = words && words.page && words.page[KEY];
    if (text) {
      status.innerHTML = text; // the page's own table, not the address bar
    } else {
      status.replaceChildren(document.getElementById('file-notice').content.cloneNode(true));
    }
  }

  function explain() {
    var state = root.getAttribute('data-state');
    if (shown || state === 'ready' || state === 'refining') return;
    var status = document.getElementById('status');
    if (!status) return;
    shown = true;
    show(status, null);
    status.classList.add('error');
    status.hidden = false;
    var choice = globalThis.explorerLanguages;
    var tag = choice ? choice.choose(location.search, navigator.languages || []).tag : 'en';
    if (tag === 'en') return;
    root.lang = tag;
    var script = document.createElement('script');
    script.src = 'www/lang/' + tag + '.js';
    script.onload = function () {
      show(status, (globalThis.explorerWords || {})[tag]);
    };
    document.head.append(script);
  }

  // A module script that the browser refuses fires "error" on its element; the timer covers
  // browsers that stay silent.
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t.tagName === 'SCRIPT' && t.type === 'module') explain();
  }, true);
  setTimeout(explain, 800);
})();
