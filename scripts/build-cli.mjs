/*
 * Builds the command line into one CommonJS file, build/cli/main.js, that bin/chitieu.js runs:
 *   node scripts/build-cli.mjs
 * Run by `npm install` (prepare), by `npm test` and by jest's global setup, so neither a clerk nor a
 * test ever runs TypeScript through a loader on each start, nor a bundle older than the sources.
 *
 * The commands import their heavy modules with `await import()`, which esbuild turns into a module
 * initialised on first use, so `chitieu rulesets` loads no file library. The runtime packages stay
 * outside the bundle and are required from node_modules when first used, except JSZip: it is bundled so
 * that its DEFLATE module can be replaced by src/node/native-inflate.ts (Node's zlib; pako's JavaScript
 * inflate was a fifth of `evaluate`'s time). The bundle sits two folders below the repository, like
 * src/node/, because src/node/rulesets.ts finds rulesets/ relative to its own folder.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import { dirname, join, sep } from "path";
import { fileURLToPath, pathToFileURL } from "url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = join(REPO, "build", "cli", "main.js");
export const ENTRY = join(REPO, "src", "cli", "main.ts");
/** The roll-up's worker thread, built beside the bundle (src/node/rollup-pool.ts starts it from there). */
const THREAD_ENTRY = join(REPO, "src", "node", "rollup-thread.ts");
const NATIVE_INFLATE = join(REPO, "src", "node", "native-inflate.ts");

/** Packages required from node_modules at run time: the runtime dependencies but JSZip (see above). */
function externals() {
  return runtimeDependencies().filter((name) => name !== "jszip");
}

/** JSZip's own `require("./flate")` gets native-inflate.ts; that file's `jszip/lib/flate` is the original. */
const nativeInflate = {
  name: "native-inflate",
  setup(b) {
    b.onResolve({ filter: /^\.\/flate$/ }, (args) =>
      args.importer.includes(`${sep}jszip${sep}lib${sep}`) ? { path: NATIVE_INFLATE } : undefined,
    );
  },
};

/** Builds the bundle and moves it into place in one rename, so a command started meanwhile reads the old or the new file, never half of one. */
export async function buildCli({ outfile = BUNDLE } = {}) {
  const main = await buildOne(ENTRY, outfile);
  await buildOne(THREAD_ENTRY, join(dirname(outfile), "rollup-thread.js"));
  return main;
}

async function buildOne(entry, outfile) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: externals(),
    plugins: [nativeInflate],
    write: false,
    outfile,
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, file.contents);
    renameSync(tmp, outfile);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { outfile, bytes: file.contents.length, warnings: result.warnings.length };
}

/** The runtime packages, so a test can check the bundle requires nothing else from node_modules. */
export function runtimeDependencies() {
  return Object.keys(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).dependencies ?? {});
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  buildCli().then(
    ({ outfile, bytes }) => process.stdout.write(`build-cli: ${outfile} (${Math.round(bytes / 1024)} kB)\n`),
    (e) => {
      // esbuild's own message names the file and line of a source that does not compile.
      process.stderr.write(`build-cli: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
