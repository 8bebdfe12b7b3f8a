/*
 * Builds the command line into one CommonJS file, build/cli/main.js, that bin/chitieu.js runs:
 *   node scripts/build-cli.mjs
 * Run by `npm install` (prepare), by `npm test` and by jest's global setup, so neither a clerk nor a
 * test ever runs TypeScript through a loader on each start, nor a bundle older than the sources.
 *
 * The packages in "dependencies" stay outside the bundle and are required from node_modules, each only
 * when a command needs it: the commands import their heavy modules with `await import()`, which esbuild
 * turns into a module initialised on first use. The bundle sits two folders below the repository, like
 * src/node/, because src/node/rulesets.ts finds rulesets/ relative to its own folder.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath, pathToFileURL } from "url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = join(REPO, "build", "cli", "main.js");
export const ENTRY = join(REPO, "src", "cli", "main.ts");

/** Builds the bundle and moves it into place in one rename, so a command started meanwhile reads the old or the new file, never half of one. */
export async function buildCli({ outfile = BUNDLE } = {}) {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    write: false,
    outfile,
    logLevel: "silent",
    legalComments: "none",
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
