/*
 * The roll-up's figures (issue 12): a corpus of fictitious communes of mixed sizes (2 000–20 000
 * residents, with mistakes and bad files), rolled up at each size of BENCH_ROLLUP (default 100,300
 * files, the first N of the same corpus), against the sum of bare ExcelJS streaming reads of the same
 * files measured in the same run; peak memory of each job's process. BENCH_CORPUS_DIR reuses a corpus
 * made before (`chitieu sample --communes 300 --out-dir DIR`).
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadRulesetDir } from "../src/node/rulesets";
import { makeCorpus } from "../src/sample/corpus";

type Measure = { ms: number; rssMB: number; files: number };

function measure(mode: string, dir: string, out: string): Measure {
  const r = spawnSync(process.execPath, ["-r", "tsx/cjs", join(__dirname, "rollup-worker.ts"), mode, dir, out], { cwd: join(__dirname, ".."), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Measure;
}

export async function benchRollup(): Promise<void> {
  const sizes = (process.env.BENCH_ROLLUP ?? "100,300").split(",").map(Number);
  const largest = Math.max(...sizes);
  let dir = process.env.BENCH_CORPUS_DIR;
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), "chitieu-bench-rollup-"));
    for await (const f of makeCorpus(loadRulesetDir().rulesets, { communes: largest })) writeFileSync(join(dir, f.name), f.bytes);
  }
  const files = readdirSync(dir).sort();
  console.log(`\nRoll-up (chitieu rollup, worker threads = cores) over a corpus of ${files.length} files in ${dir}`);
  console.log("  files   bare ExcelJS reads (ms)   roll-up (ms)   × baseline   peak RSS roll-up / baseline (MB)");
  for (const n of sizes) {
    const sub = mkdtempSync(join(tmpdir(), `chitieu-bench-rollup-${n}-`));
    const inputs = join(sub, "in");
    mkdirSync(inputs);
    for (const f of files.slice(0, n)) symlinkSync(join(dir, f), join(inputs, f));
    const base = measure("exceljs-stream-dir", inputs, join(sub, "t.xlsx"));
    const roll = measure("rollup", inputs, join(sub, "tong-hop.xlsx"));
    console.log(`  ${String(Math.min(n, files.length)).padStart(5)}   ${base.ms.toFixed(0).padStart(23)}   ${roll.ms.toFixed(0).padStart(12)}   ${(roll.ms / base.ms).toFixed(2).padStart(10)}   ${roll.rssMB.toFixed(0).padStart(16)} / ${base.rssMB.toFixed(0)}`);
  }
}
