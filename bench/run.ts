/*
 * npm run bench — speed and memory against a baseline measured in the same run.
 * Each job runs in its own process (peak memory is per process), three times, median time.
 * Targets: evaluate ≤ 1.5× a bare ExcelJS streaming read at 20 000 residents, ≤ 300 MB peak at
 * 100 000 (issue 3); all five lists ≤ 2× the bare read at 100 000, ≤ 400 MB peak (issue 5). Then the same
 * commands as whole processes (bench/processes.ts, issue 14). Figures are recorded in BENCHMARKS.md by hand from this output.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeSampleCommune } from "../src/sample/commune";
import { printOfficeFigures } from "./office";
import { printProcessTimes } from "./processes";
import { benchRollup } from "./rollup";

type Measure = { ms: number; rssMB: number };

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? "20000,100000").split(",").map(Number);

function measure(mode: string, file: string, out?: string): Measure {
  const args = ["-r", "tsx/cjs", join(__dirname, "worker.ts"), mode, file, ...(out ? [out] : [])];
  const r = spawnSync(process.execPath, args, { cwd: join(__dirname, ".."), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Measure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-"));
  const modes = ["exceljs-stream", "evaluate", "evaluate-out", "lists", "report"];
  console.log(`node ${process.version}, ${RUNS} runs each, median wall time of the job, peak RSS of its process`);
  for (const residents of SIZES) {
    const file = join(dir, `xa-${residents}.xlsx`);
    const { bytes } = await makeSampleCommune({ residents });
    writeFileSync(file, bytes);
    const results: Record<string, Measure[]> = Object.fromEntries(modes.map((m) => [m, []]));
    for (let i = 0; i < RUNS; i++) for (const m of modes) results[m]!.push(measure(m, file, join(dir, `out-${residents}.xlsx`)));
    const base = median(results["exceljs-stream"]!.map((r) => r.ms));
    console.log(`\n${residents.toLocaleString("vi-VN")} residents (${(bytes.length / 1e6).toFixed(1)} MB file)`);
    console.log("  job               time (ms)   × baseline   peak RSS (MB)");
    for (const m of modes) {
      const ms = median(results[m]!.map((r) => r.ms));
      const rss = Math.max(...results[m]!.map((r) => r.rssMB));
      console.log(
        `  ${m.padEnd(16)} ${ms.toFixed(0).padStart(9)}   ${(ms / base).toFixed(2).padStart(10)}   ${rss.toFixed(0).padStart(13)}`,
      );
    }
    printProcessTimes(file, join(dir, `cli-${residents}.xlsx`), RUNS);
  }
  // Counts, not timings (issue 11): round trips and payloads of each action through the Office.js adapter.
  await printOfficeFigures((process.env.BENCH_OFFICE_SIZES ?? "1000,20000,100000").split(",").map(Number));
}

main()
  .then(() => (process.env.BENCH_ROLLUP === "0" ? undefined : benchRollup()))
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
