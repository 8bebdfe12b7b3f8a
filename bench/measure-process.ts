/*
 * One whole process as a user waits for it: wall time from spawn to exit, and the CPU time (all
 * threads) and peak RSS that bench/cpu-report.mjs, preloaded, writes on its exit. A failed command
 * stops the bench with its message.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";

export const REPO = join(__dirname, "..");

export type ProcessMeasure = { ms: number; cpuMs: number; rssMB: number };

export function measureProcess(args: string[]): ProcessMeasure {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-cpu-"));
  const cpuFile = join(dir, "cpu");
  try {
    const preload = ["--import", pathToFileURL(join(__dirname, "cpu-report.mjs")).href];
    const start = performance.now();
    const r = spawnSync(process.execPath, [...preload, ...args], {
      cwd: REPO,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: "", CHITIEU_BENCH_CPU: cpuFile },
    });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr}`);
    const [cpuMs, rssMB] = readFileSync(cpuFile, "utf8").trim().split(" ").map(Number);
    return { ms, cpuMs: cpuMs!, rssMB: rssMB! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
