// Loading a language's word table the first time the page needs it: Chinese is fetched only
// when it is chosen. Each table is a script that registers itself on
// globalThis.explorerWords (www/lang/zh-CN.js says why). The single-file build replaces this
// module with one that has the table inlined (scripts/single-file.mjs).
import './en.js';

const LOADERS = {
  'zh-CN': () => import('./zh-CN.js'),
};

/** The words of language `tag` ({ page, text }), loaded if need be. */
export async function loadWords(tag) {
  const words = globalThis.explorerWords ?? {};
  if (!words[tag] && LOADERS[tag]) await LOADERS[tag]();
  return globalThis.explorerWords[tag];
}
