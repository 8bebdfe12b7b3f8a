/*
 * Fails when the modules under a folder (src/ by default) import each other in a circle:
 *   node scripts/check-cycles.mjs [folder]
 * Run by `npm run lint`. madge is not a dependency; the TypeScript compiler resolves the imports exactly as
 * tsc does (tsconfig.json's options). Every import counts — `import type` too, since a circle of types is
 * still two modules that cannot be understood one without the other — and so do re-exports, `import("…")`
 * types and lazy `await import()`. Each strongly connected group of modules is listed with one circle
 * through it, so a report stays short however tangled the group.
 */
import ts from "typescript";
import { readdirSync, statSync } from "fs";
import { join, relative, resolve, sep } from "path";
import { fileURLToPath } from "url";

const REPO = join(fileURLToPath(new URL(".", import.meta.url)), "..");

function compilerOptions() {
  const file = join(REPO, "tsconfig.json");
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, REPO).options;
}

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Every module specifier the file names: imports, re-exports, import types and dynamic imports. */
function specifiers(path) {
  const text = ts.sys.readFile(path) ?? "";
  const kind = path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  const out = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push(node.moduleReference.expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Module → the modules under `root` it imports. */
export function importGraph(root, options = compilerOptions()) {
  const files = sourceFiles(root).map((f) => resolve(f));
  const inside = new Set(files);
  const host = ts.createCompilerHost(options);
  const graph = new Map();
  for (const file of files) {
    const targets = new Set();
    for (const spec of specifiers(file)) {
      const resolved = ts.resolveModuleName(spec, file, options, host).resolvedModule?.resolvedFileName;
      if (resolved !== undefined && inside.has(resolve(resolved))) targets.add(resolve(resolved));
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Tarjan's strongly connected components; a group of two or more modules (or one importing itself) is a circle. */
function circularGroups(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const connect = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return groups;
}

/** One circle through the group's first module, by breadth-first search inside the group. */
function circleThrough(graph, group) {
  const members = new Set(group);
  const start = group[0];
  const parent = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(parent.get(path[0]));
        return [...path, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Each circle under `root`, as file paths relative to `root`, the first repeated at the end. */
export function findCycles(root) {
  const graph = importGraph(root);
  const rel = (f) => relative(root, f).split(sep).join("/");
  return circularGroups(graph).map((group) => circleThrough(graph, group).map(rel));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(REPO, "src"));
  const cycles = findCycles(root);
  if (cycles.length === 0) {
    console.log(`No import circle under ${relative(REPO, root) || "."}.`);
  } else {
    console.error(`${cycles.length} import circle(s) under ${relative(REPO, root) || "."}:`);
    for (const c of cycles) console.error(`  ${c.join(" → ")}`);
    process.exitCode = 1;
  }
}
