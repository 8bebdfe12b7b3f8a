/*
 * The roll-up's figures (issue 12): a corpus of fictitious communes of mixed sizes (2 000–20 000
 * residents, with mistakes and bad files), rolled up at each size of BENCH_ROLLUP (default 100,300
 * files, the first N of the same corpus), against the sum of bare ExcelJS streaming reads of the same
 * files measured in the same run. Both are whole processes, as an officer runs them: `node
 * bin/chitieu.js rollup DIR --out … --quiet` (the built command line, its worker threads) and plain
 * Node running bench/bare-read.mjs over DIR. Wall time, CPU time (all threads) and peak RSS of each.
 * BENCH_CORPUS_DIR reuses a corpus made before (`chitieu sample --communes 300 --out-dir DIR`);
 * BENCH_ROLLUP_RUNS repeats each job (median), 1 by default since a run takes minutes.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadRulesetDir } from "../src/node/rulesets";
import { makeCorpus } from "../src/sample/corpus";
import { measureProcess, REPO, type ProcessMeasure } from "./measure-process";

type Measure = ProcessMeasure;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function medianOf(runs: Measure[]): Measure {
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rssMB: Math.max(...runs.map((r) => r.rssMB)) };
}

export async function benchRollup(): Promise<void> {
  const sizes = (process.env.BENCH_ROLLUP ?? "100,300").split(",").map(Number);
  const runs = Number(process.env.BENCH_ROLLUP_RUNS ?? 1);
  const largest = Math.max(...sizes);
  let dir = process.env.BENCH_CORPUS_DIR;
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), "chitieu-bench-rollup-"));
    for await (const f of makeCorpus(loadRulesetDir().rulesets, { communes: largest })) writeFileSync(join(dir, f.name), f.bytes);
  }
  const files = readdirSync(dir).sort();
  console.log(`\nRoll-up (whole processes: chitieu rollup, worker threads = cores) over a corpus of ${files.length} files in ${dir}`);
  console.log("  files   bare reads (ms)   roll-up (ms)   × bare   CPU bare / roll-up (ms)   × bare   peak RSS bare / roll-up (MB)");
  for (const n of sizes) {
    const sub = mkdtempSync(join(tmpdir(), `chitieu-bench-rollup-${n}-`));
    const inputs = join(sub, "in");
    mkdirSync(inputs);
    for (const f of files.slice(0, n)) symlinkSync(join(dir, f), join(inputs, f));
    const base: Measure[] = [];
    const roll: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a passing load spike touches both alike.
      base.push(measureProcess([join(__dirname, "bare-read.mjs"), inputs]));
      rmSync(join(sub, "tong-hop.xlsx"), { force: true });
      roll.push(measureProcess([join(REPO, "bin", "chitieu.js"), "rollup", inputs, "--out", join(sub, "tong-hop.xlsx"), "--quiet"]));
    }
    const b = medianOf(base);
    const r = medianOf(roll);
    const cells = [
      String(Math.min(n, files.length)).padStart(5),
      b.ms.toFixed(0).padStart(15),
      r.ms.toFixed(0).padStart(12),
      (r.ms / b.ms).toFixed(2).padStart(6),
      `${b.cpuMs.toFixed(0)} / ${r.cpuMs.toFixed(0)}`.padStart(23),
      (r.cpuMs / b.cpuMs).toFixed(2).padStart(6),
      `${b.rssMB.toFixed(0)} / ${r.rssMB.toFixed(0)}`.padStart(28),
    ];
    console.log(`  ${cells.join("   ")}`);
    rmSync(sub, { recursive: true, force: true });
  }
}

// `npx tsx bench/rollup.ts` runs the roll-up alone (after `npm run build:cli`).
if (require.main === module) {
  benchRollup().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
