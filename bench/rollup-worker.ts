/*
 * One measured roll-up job in a fresh process (peak memory is per process):
 *   node -r tsx/cjs bench/rollup-worker.ts MODE DIR [OUT]
 * exceljs-stream-dir: the baseline, ExcelJS's streaming reader over every row of every sheet of every
 * .xlsx in DIR, one after another; rollup: `chitieu rollup DIR --out OUT --quiet` in this process.
 * Prints {"ms", "rssMB", "files"}.
 */
import ExcelJS from "exceljs";
import { readdirSync } from "fs";
import { join } from "path";
import { main } from "../src/cli/main";

async function bareReads(dir: string): Promise<number> {
  let files = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort()) {
    try {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(join(dir, name), { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit", entries: "emit" });
      for await (const sheet of reader) for await (const _row of sheet) void _row;
      files++;
    } catch {
      // The corpus's bad files: the baseline skips what it cannot read, as fast as it fails.
    }
  }
  return files;
}

async function rollup(dir: string, out: string): Promise<number> {
  const lines: string[] = [];
  const code = await main(["rollup", dir, "--out", out, "--quiet"], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
  if (code !== 0) throw new Error(lines.join("\n"));
  return readdirSync(dir).length;
}

async function run(): Promise<void> {
  const [mode, dir, out] = process.argv.slice(2);
  if (!dir || (mode !== "exceljs-stream-dir" && mode !== "rollup")) throw new Error("usage: rollup-worker.ts exceljs-stream-dir|rollup DIR [OUT]");
  const start = performance.now();
  const files = mode === "rollup" ? await rollup(dir, out ?? join(dir, "..", "tong-hop.xlsx")) : await bareReads(dir);
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, files })}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
