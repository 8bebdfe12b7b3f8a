/*
 * The bundle's V8 code cache (bin/cached-bundle.js reads it): made by scripts/build-cli.mjs right after
 * the bundle, in a child process (V8 refuses a cache made under other flags, such as jest's) that
 * loads the new bundle, runs `rulesets` and saves the bytecode of everything compiled so far.
 * Made at build time rather than on a clerk's first run: every command finds the same cache whatever
 * runs first, an installed copy never writes into its own folder, and two commands started together
 * never race to write it. Nothing here is needed for the command line to work: a warm-up that fails
 * leaves no cache, and the command line compiles its source as before.
 */
import { spawnSync } from "child_process";
import { existsSync, rmSync } from "fs";
import { createRequire } from "module";
import { dirname, join } from "path";
import { Worker } from "worker_threads";
import { fileURLToPath, pathToFileURL } from "url";

const LOADER = fileURLToPath(new URL("../bin/cached-bundle.js", import.meta.url));

/**
 * Writes BUNDLE.cache and the roll-up thread's (rollup-thread.js beside it, src/node/thread-start.ts),
 * removing older ones first; false when the warm-up failed and not every cache was written.
 */
export function writeCliCodeCache(bundle) {
  const { cacheFileOf } = createRequire(import.meta.url)(LOADER);
  rmSync(cacheFileOf(bundle), { force: true });
  rmSync(cacheFileOf(threadOf(bundle)), { force: true });
  // NODE_OPTIONS off: V8 refuses a cache made under other flags than the command line's.
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), bundle], {
    stdio: "ignore",
    env: { ...process.env, NODE_OPTIONS: "" },
    timeout: 120_000,
  });
  return r.status === 0;
}

/**
 * The warm-up: the bundle's initialisation (what every command runs before its own work) and
 * `rulesets`. Caching more was measured and is not faster: a cache after `sample`, `check` and
 * `lists` too is 1.3 MB instead of 0.56, and reading it costs `rulesets` about 10 ms while saving
 * `evaluate` nothing measurable (V8 compiles a function the first time it runs, quickly).
 */
async function warmUp(bundle) {
  const { loadForCaching } = createRequire(import.meta.url)(LOADER);
  const { exports, save } = loadForCaching(bundle);
  await exports.main(["rulesets", "--json"], { out() {}, err() {} });
  if (!save()) process.exitCode = 1;
  if (existsSync(threadOf(bundle))) await warmThread(threadOf(bundle));
}

const threadOf = (bundle) => join(dirname(bundle), "rollup-thread.js");

/** The thread's cache is made in a thread (its initialisation needs one) after that initialisation. */
function warmThread(thread) {
  const code = `const { loadForCaching } = require(${JSON.stringify(LOADER)});
    process.exit(loadForCaching(${JSON.stringify(thread)}).save() ? 0 : 1);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: {} });
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`thread warm-up: exit ${code}`))));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  warmUp(process.argv[2]).catch(() => {
    process.exitCode = 1;
  });
}
