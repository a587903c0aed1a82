// Joins the page's ES modules into the text of one module script, for the single-file build
// (single-file.mjs) and for the packaged site's one script (bundle-site.mjs).
// Dependency-free on purpose: it rewrites only the import and export forms the page's modules
// and wasm-bindgen's `--target web` output use, and refuses anything else with a message, so a
// new form fails the build instead of producing a broken page.
//
// Each module becomes a function scope that returns its exports; a module runs once, after the
// modules it imports (the order of a depth-first walk, as the browser evaluates them). Imports
// become `const { name: local } = __mN;`, a snapshot: fine for functions, classes and
// constants, so `export let` / `export var` (live bindings) are refused.
import path from 'node:path';

const IDENT = '[A-Za-z_$][\\w$]*';
// `import … from '…';` (clauses may span lines) and bare `import '…';`, at the start of a line.
const IMPORT_FROM = /^import\s+([^'";]*?)\s*from\s*(['"])([^'"]+)\2\s*;?[ \t]*$/gm;
const IMPORT_BARE = /^import\s*(['"])([^'"]+)\1\s*;?[ \t]*$/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\}\s*(?:from\s*(['"])([^'"]+)\2)?\s*;?[ \t]*$/gm;
const EXPORT_DECL = new RegExp(`^export\\s+((?:async\\s+)?function\\s*\\*?\\s*|class\\s+|const\\s+)(${IDENT})`, 'gm');
const EXPORT_DEFAULT_NAMED = new RegExp(`^export\\s+default\\s+((?:async\\s+)?function\\s*\\*?\\s*|class\\s+)(${IDENT})`, 'gm');
const EXPORT_DEFAULT = /^export\s+default\s+/gm;

/** Fails the build with `message`, naming the module. */
function refuse(file, message) {
  throw new Error(`${file}: ${message}`);
}

/** `a, b as c` → [['a', 'a'], ['b', 'c']] (local name first, for imports: [imported, local]). */
function namePairs(file, list) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
    const m = new RegExp(`^(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`).exec(item);
    if (!m) refuse(file, `cannot read "${item}" in an import or export list`);
    return [m[1], m[2] ?? m[1]];
  });
}

/** The parts of an import clause: `init, { a, b as c }`, `* as ns`, `{ a }`, `init`. */
function importClause(file, clause) {
  const m = new RegExp(`^(?:(${IDENT})\\s*,?\\s*)?(?:\\{([^}]*)\\}|\\*\\s*as\\s+(${IDENT}))?$`).exec(clause.trim());
  if (!m || (!m[1] && m[2] === undefined && !m[3])) refuse(file, `cannot read the import clause "${clause.trim()}"`);
  const pairs = m[2] !== undefined ? namePairs(file, m[2]) : [];
  if (m[1]) pairs.unshift(['default', m[1]]);
  return { pairs, namespace: m[3] ?? null };
}

/** One module's text, rewritten: { body, imports: [{ spec, pairs, namespace }], exports: Map }. */
export function rewriteModule(file, source) {
  const imports = [];
  const exports = new Map(); // exported name → local name
  let body = source.replace(IMPORT_FROM, (_, clause, _q, spec) => {
    imports.push({ spec, ...importClause(file, clause) });
    return '';
  });
  body = body.replace(IMPORT_BARE, (_, _q, spec) => {
    imports.push({ spec, pairs: [], namespace: null });
    return '';
  });
  body = body.replace(EXPORT_LIST, (_, list, _q, spec) => {
    const pairs = namePairs(file, list);
    if (spec) {
      // `export { a as b } from '…'`: import under a private name, export that.
      const hidden = pairs.map(([name], i) => [name, `__reexport${imports.length}_${i}`]);
      imports.push({ spec, pairs: hidden, namespace: null });
      pairs.forEach(([, exported], i) => exports.set(exported, hidden[i][1]));
    } else {
      for (const [local, exported] of pairs) exports.set(exported, local);
    }
    return '';
  });
  body = body.replace(EXPORT_DEFAULT_NAMED, (_, kind, name) => {
    exports.set('default', name);
    return kind + name;
  });
  body = body.replace(EXPORT_DEFAULT, () => {
    exports.set('default', '__default');
    return 'const __default = ';
  });
  body = body.replace(EXPORT_DECL, (_, kind, name) => {
    exports.set(name, name);
    return kind + name;
  });
  const left = /^export\b.*$/m.exec(body);
  if (left) refuse(file, `cannot bundle "${left[0].trim()}" (export let/var, destructuring and the like are not supported)`);
  const stray = /^import\s*[^(.\s]/m.exec(body);
  if (stray) refuse(file, 'an import statement the bundler cannot read is left');
  return { body, imports, exports };
}

/**
 * Bundles the module `entry` (a path) and everything it imports statically. `read(file)` gives
 * a module's text; `replace` maps a path to the text to use instead (the single file's wasm
 * source). Returns the text of one module script.
 */
export function bundleModules(entry, read, replace = new Map()) {
  const modules = new Map(); // path → { id, code }
  const visiting = new Set();
  const order = [];

  function visit(file) {
    if (modules.has(file)) return modules.get(file);
    if (visiting.has(file)) refuse(file, 'is part of an import cycle, which the bundler does not support');
    visiting.add(file);
    const source = replace.has(file) ? replace.get(file) : read(file);
    const { body, imports, exports } = rewriteModule(file, source);
    const lines = [];
    for (const imp of imports) {
      if (!imp.spec.startsWith('./') && !imp.spec.startsWith('../')) {
        refuse(file, `imports "${imp.spec}": only relative paths can be bundled`);
      }
      const target = visit(path.posix.join(path.posix.dirname(file), imp.spec));
      for (const [name] of imp.pairs) {
        if (!target.exports.has(name)) refuse(file, `imports "${name}" from ${imp.spec}, which does not export it`);
      }
      if (imp.namespace) lines.push(`const ${imp.namespace} = __m${target.id};`);
      if (imp.pairs.length) {
        const names = imp.pairs.map(([name, local]) => (name === local ? name : `${name}: ${local}`));
        lines.push(`const { ${names.join(', ')} } = __m${target.id};`);
      }
    }
    const id = order.length;
    const members = [...exports].map(([name, local]) => `${JSON.stringify(name)}: ${local}`);
    const code = `// ${file}\nconst __m${id} = (() => {\n${lines.join('\n')}\n${body.trim()}\n` +
      `return Object.freeze({ __proto__: null, ${members.join(', ')} });\n})();\n`;
    const module = { id, exports, code };
    visiting.delete(file);
    modules.set(file, module);
    order.push(module);
    return module;
  }

  visit(path.posix.normalize(entry));
  return order.map((m) => m.code).join('\n');
}
