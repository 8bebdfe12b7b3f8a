/*
 * The roll-up's Web Worker bundle is built from src/taskpane/rollup/rollup.worker.ts: everything it
 * imports, followed to the end, must run in a browser — no Node module (fs, worker threads…) and
 * nothing of the command line's Node shell (src/node, src/cli). webpack would otherwise stub them
 * out silently (resolve.fallback) and the worker fail only in the browser.
 */
import { existsSync, readFileSync } from "fs";
import { builtinModules } from "module";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");

/** Every module reached by static imports from `entry`: our files by path, packages by name. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const ref of ts.preProcessFile(readFileSync(file, "utf8"), true, false).importedFiles) {
      const spec = ref.fileName;
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => existsSync(p) && p.match(/\.tsx?$/));
      // JSON (rulesets) and other assets have no imports of their own.
      if (found) visit(found);
    }
  };
  visit(entry);
  return { files, packages };
}

const worker = importGraph(join(ROOT, "src", "taskpane", "rollup", "rollup.worker.ts"));

test("the worker reaches the roll-up, the xlsx adapter and the bundled rulesets", () => {
  const rel = [...worker.files].map((f) => relative(ROOT, f));
  expect(rel).toEqual(
    expect.arrayContaining([
      "src/app/rollup.ts",
      "src/app/rollup-sources.ts",
      "src/workbook/xlsx/adapter.ts",
      "src/taskpane/bundled-rulesets.ts",
      "src/core/rollup/layout.ts",
    ]),
  );
});

test("nothing Node-only is in the worker's import graph", () => {
  const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  expect([...worker.packages].filter((p) => node.has(p))).toEqual([]);
  expect([...worker.files].map((f) => relative(ROOT, f)).filter((f) => /^src\/(node|cli)\//.test(f))).toEqual([]);
});

test("the check finds a Node module when there is one (the CLI's roll-up thread)", () => {
  const thread = importGraph(join(ROOT, "src", "node", "rollup-thread.ts"));
  expect([...thread.packages]).toEqual(expect.arrayContaining(["worker_threads"]));
});
