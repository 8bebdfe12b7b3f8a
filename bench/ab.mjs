// A/B of two builds of the command line as whole processes, for a change that claims speed:
//   node bench/ab.mjs RUNS FILE.xlsx OLD/bin/chitieu.js NEW/bin/chitieu.js [command, default evaluate]
// (OLD is another checkout, e.g. `git worktree add /tmp/old HEAD~1`, built with `npm run build:cli`.)
// Runs alternate, so a passing load touches both alike; each is timed from spawn to exit with nothing
// preloaded. Prints each build's median and the median of the paired differences (new − old), which
// is steadier than the difference of medians on a shared machine.
import { spawnSync } from "child_process";

const [runs, file, oldBin, newBin, command = "evaluate"] = process.argv.slice(2);
if (!runs || !file || !oldBin || !newBin) {
  process.stderr.write("node bench/ab.mjs RUNS FILE.xlsx OLD/bin/chitieu.js NEW/bin/chitieu.js [command]\n");
  process.exit(1);
}

function wall(bin) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, command, file], { env: { ...process.env, NODE_OPTIONS: "" } });
  if (r.status !== 0) throw new Error(`${bin} ${command} failed (${r.status}): ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const old = [];
const neu = [];
for (let i = 0; i < Number(runs); i++) {
  // Which goes first alternates too: the second of a pair finds the file in the page cache warmer.
  if (i % 2) {
    old.push(wall(oldBin));
    neu.push(wall(newBin));
  } else {
    neu.push(wall(newBin));
    old.push(wall(oldBin));
  }
}
const diff = neu.map((n, i) => n - old[i]);
process.stdout.write(
  `old ${median(old).toFixed(1)} ms, new ${median(neu).toFixed(1)} ms, paired difference ${median(diff).toFixed(1)} ms over ${runs} runs\n`,
);
