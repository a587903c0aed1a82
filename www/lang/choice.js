// Which language the page speaks: English (`en`) or Simplified Chinese (`zh-CN`), chosen by
// `lang=` in the link's query or else by the browser's preference. A plain script, loaded
// before the page's modules, because the notice of a page opened from disk (www/file-notice.js,
// which runs where modules cannot) needs the same rule; the modules read it from
// `globalThis.explorerLanguages` (www/i18n.js).
(function () {
  'use strict';
  var DEFAULT = 'en';

  // The page's language for a BCP 47 tag, or null: en and en-*; zh, zh-CN, zh-Hans, zh-SG
  // (Simplified Chinese). Case does not matter; zh-TW and zh-Hant are not Simplified Chinese.
  function match(tag) {
    var parts = String(tag).trim().toLowerCase().split(/[-_]/);
    if (parts[0] === 'en') return 'en';
    if (parts[0] !== 'zh') return null;
    if (parts.length === 1 || ['cn', 'hans', 'sg'].indexOf(parts[1]) >= 0) return 'zh-CN';
    return null;
  }

  // The `lang` value of a query string ("?lang=zh-CN&…"), or null when there is none.
  function linked(search) {
    var query = String(search || '').replace(/^\?/, '');
    var found = null;
    query.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      var key = at < 0 ? pair : pair.slice(0, at);
      if (key === 'lang') {
        var value = at < 0 ? '' : pair.slice(at + 1);
        try {
          found = decodeURIComponent(value.replace(/\+/g, ' '));
        } catch (e) {
          found = value;
        }
      }
    });
    return found;
  }

  /**
   * The language to start in: { tag, explicit, refused }. `lang=` in the link decides when it
   * names one of the page's languages (explicit); a value it cannot use is returned as
   * `refused` and English is used; without `lang=`, the first of the browser's languages that
   * the page has, else English.
   */
  function choose(search, preferred) {
    var asked = linked(search);
    if (asked !== null) {
      var tag = match(asked);
      return tag ? { tag: tag, explicit: true, refused: null } : { tag: DEFAULT, explicit: false, refused: asked };
    }
    var list = preferred || [];
    for (var i = 0; i < list.length; i++) {
      var found = match(list[i]);
      if (found) return { tag: found, explicit: false, refused: null };
    }
    return { tag: DEFAULT, explicit: false, refused: null };
  }

  globalThis.explorerLanguages = { DEFAULT: DEFAULT, TAGS: ['en', 'zh-CN'], match: match, choose: choose };
})();
