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

/**
 * One whole process without the CPU reporter: its wall time only, as a clerk runs the command. The
 * reporter is preloaded with `--import`, which makes Node start its ES-module loader: nothing for the
 * baseline, itself an ES module, but about 6 ms for `chitieu`, a CommonJS program that never starts it.
 */
export function measureWall(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return ms;
}

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
