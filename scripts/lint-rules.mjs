// @ts-check
// The project's own lint rules. no-import-cycle: a module that can reach itself through its imports (type
// imports too) has no layer it belongs to; every circle is reported where it starts, with its path.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Relative import specifiers, static, re-exported and dynamic; `?script` imports name a built file, not a module. */
const IMPORT = /(?:^|[\s;])(?:import|export)\b[^'";]*?\bfrom\s*['"](\.[^'"?]+)['"]|(?:^|[\s;(=])import\s*\(\s*['"](\.[^'"?]+)['"]\s*\)|(?:^|[\s;])import\s*['"](\.[^'"?]+)['"]/g;

/** @type {Map<string, { mtime: number, imports: string[] }>} */
const graph = new Map();

/** @param {string} from @param {string} specifier */
function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** @param {string} source */
const specifiersIn = (source) => [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]).filter((s) => s !== undefined);

/** The modules a file imports, read from disk (cached by modification time). @param {string} file */
function importsOf(file) {
  const mtime = statSync(file).mtimeMs;
  const known = graph.get(file);
  if (known?.mtime === mtime) return known.imports;
  const imports = specifiersIn(readFileSync(file, 'utf8')).map((s) => resolveImport(file, s)).filter((f) => f !== undefined);
  graph.set(file, { mtime, imports });
  return imports;
}

/** A path of imports from `start` back to `target`, if there is one. @param {string} start @param {string} target */
function pathBack(start, target) {
  /** @type {Map<string, string | undefined>} */
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const file = /** @type {string} */ (queue.shift());
    for (const next of importsOf(file)) {
      if (next === target) {
        const path = [file];
        for (let at = cameFrom.get(file); at !== undefined; at = cameFrom.get(at)) path.unshift(at);
        return path;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const noImportCycle = {
  meta: { type: 'problem', docs: { description: 'Forbid import cycles between project modules' }, schema: [] },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.') || source.includes('?')) return;
      const target = resolveImport(file, source);
      if (!target) return;
      const path = target === file ? [] : pathBack(target, file);
      if (!path) return;
      const names = [file, target, ...path.slice(1), file].map((f) => relative(root, f));
      context.report({ node, message: `Import cycle: ${names.join(' → ')}` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
