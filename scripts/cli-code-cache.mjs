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
import { rmSync } from "fs";
import { createRequire } from "module";
import { fileURLToPath, pathToFileURL } from "url";

const LOADER = fileURLToPath(new URL("../bin/cached-bundle.js", import.meta.url));

/** Writes BUNDLE.cache (removing an older one first); false when the warm-up failed and no cache was written. */
export function writeCliCodeCache(bundle) {
  const { cacheFileOf } = createRequire(import.meta.url)(LOADER);
  rmSync(cacheFileOf(bundle), { force: true });
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
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  warmUp(process.argv[2]).catch(() => {
    process.exitCode = 1;
  });
}
