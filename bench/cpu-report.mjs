// Preloaded into each process bench/processes.ts and bench/rollup.ts time (`node --import`): on exit,
// appends the CPU time the process used (user + system, ms, all threads) and its peak RSS (MB) to the
// file named by CHITIEU_BENCH_CPU, so a busy machine's waiting shows as wall time above CPU time
// rather than as slowness of our own.
import { appendFileSync } from "fs";

const file = process.env.CHITIEU_BENCH_CPU;
if (file) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(file, `${(user + system) / 1000} ${process.resourceUsage().maxRSS / 1024}\n`);
  });
}
