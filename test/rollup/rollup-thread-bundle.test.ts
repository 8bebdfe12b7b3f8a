/*
 * The roll-up's worker thread (build/cli/rollup-thread.js, built beside the command line by jest's
 * globalSetup) makes each file's report only: it must not load ExcelJS, which only the roll-up
 * workbook (src/app/rollup-workbook.ts, in the main thread) needs — every thread paid its start-up.
 */
import { readFileSync } from "fs";
import { builtinModules } from "module";
import path from "path";
import { REPO } from "../cli/helpers";

const BUILT = path.join(REPO, "build", "cli");

/** The packages a bundle requires, lazily or not (esbuild keeps every `require("…")` as written). */
function required(bundle: string): string[] {
  const text = readFileSync(path.join(BUILT, bundle), "utf8");
  return [...new Set([...text.matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]!))].sort();
}

describe("the roll-up thread's bundle", () => {
  it("requires no ExcelJS: nothing but Node's own modules (zod and the XML parser are inside the bundle)", () => {
    const names = required("rollup-thread.js");
    expect(names).not.toContain("exceljs");
    expect(names.filter((n) => !builtinModules.includes(n))).toEqual([]);
  });

  it("the command line's bundle, which writes the roll-up workbook, does require it (the test can tell)", () => {
    expect(required("main.js")).toContain("exceljs");
  });
});
