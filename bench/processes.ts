/*
 * Whole processes, timed from spawn to exit: what a clerk waits for, Node's start and module loading
 * included (each run without the CPU reporter: measureWall), and the CPU time each used (a second run
 * with bench/cpu-report.mjs preloaded), which a busy machine does not inflate.
 * Set beside the in-process figures of run.ts; the baseline is plain Node running ExcelJS's streaming
 * read of the same file (bench/bare-read.mjs). Targets (issue 14): `chitieu rulesets` ≤ 0.5 s;
 * `chitieu evaluate` at 20 000 residents ≤ 0.5× the bare read's process.
 */
import { join } from "path";
import { measureProcess, measureWall, REPO, type ProcessMeasure } from "./measure-process";

const BIN = join(REPO, "bin", "chitieu.js");

export type ProcessJob = { label: string; args: string[] };

/** The commands timed at each size, after the baseline. */
export function processJobs(file: string, out: string): ProcessJob[] {
  return [
    { label: "bare read (node + ExcelJS stream)", args: [join(__dirname, "bare-read.mjs"), file] },
    { label: "chitieu rulesets", args: [BIN, "rulesets"] },
    { label: "chitieu evaluate", args: [BIN, "evaluate", file] },
    { label: "chitieu evaluate --out", args: [BIN, "evaluate", file, "--out", out] },
    { label: "chitieu lists --out", args: [BIN, "lists", file, "--out", out] },
  ];
}

type Timing = Pick<ProcessMeasure, "ms" | "cpuMs">;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs every job `runs` times, interleaved so a passing load spike touches all alike, and prints the medians. */
export function printProcessTimes(file: string, out: string, runs: number): void {
  const jobs = processJobs(file, out);
  const times = jobs.map(() => [] as Timing[]);
  for (let i = 0; i < runs; i++)
    jobs.forEach((job, j) => times[j]!.push({ ms: measureWall(job.args), cpuMs: measureProcess(job.args).cpuMs }));
  const base = { ms: median(times[0]!.map((t) => t.ms)), cpuMs: median(times[0]!.map((t) => t.cpuMs)) };
  console.log("  whole process                       time (ms)   × bare read   CPU (ms)   × bare read");
  jobs.forEach((job, j) => {
    const ms = median(times[j]!.map((t) => t.ms));
    const cpuMs = median(times[j]!.map((t) => t.cpuMs));
    const cells = [
      ms.toFixed(0).padStart(9),
      (ms / base.ms).toFixed(2).padStart(11),
      cpuMs.toFixed(0).padStart(10),
      (cpuMs / base.cpuMs).toFixed(2).padStart(13),
    ];
    console.log(`  ${job.label.padEnd(34)} ${cells.join(" ")}`);
  });
}
