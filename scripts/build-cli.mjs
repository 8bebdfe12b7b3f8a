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
 * inflate was a fifth of `evaluate`'s time); zod, which every command initialises at start, and saxes,
 * the XML parser every workbook command loads, so that their code is in the bundle's code cache (saxes
 * required from node_modules was 3 ms of each start: resolved, read and compiled anew every time).
 *
 * Beside the bundle: rulesets.json, the ruleset catalogue validated once here (src/node/ruleset-catalogue.ts),
 * and main.js.cache, V8's code cache made by a warm-up run (scripts/cli-code-cache.mjs). The bundle sits two folders below the repository, like
 * src/node/, because src/node/rulesets.ts finds rulesets/ relative to its own folder.
 */
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import Module from "module";
import { dirname, join, sep } from "path";
import { fileURLToPath, pathToFileURL } from "url";
import { writeCliCodeCache } from "./cli-code-cache.mjs";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = join(REPO, "build", "cli", "main.js");
export const ENTRY = join(REPO, "src", "cli", "main.ts");
/** The roll-up's worker thread, built beside the bundle (src/node/rollup-pool.ts starts it from there). */
const THREAD_ENTRY = join(REPO, "src", "node", "rollup-thread.ts");
const NATIVE_INFLATE = join(REPO, "src", "node", "native-inflate.ts");
const RULESETS_ENTRY = join(REPO, "src", "node", "rulesets.ts");

/** Packages bundled although they are runtime dependencies (see above). */
const BUNDLED = ["jszip", "zod", "saxes"];

/** Packages required from node_modules at run time: the runtime dependencies but those bundled. */
function externals() {
  return runtimeDependencies().filter((name) => !BUNDLED.includes(name));
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
  await writeRulesetCatalogue(join(dirname(outfile), "rulesets.json"));
  return { ...main, codeCache: writeCliCodeCache(outfile) };
}

/**
 * rulesets/ validated now, written where src/node/rulesets.ts looks for it beside the bundle. A copy
 * without rulesets/ (or without the loader) gets none and validates at run time. A ruleset that does
 * not validate is in the catalogue as the same problem the command line reported before.
 */
async function writeRulesetCatalogue(outfile) {
  rmSync(outfile, { force: true });
  const dir = join(REPO, "rulesets");
  if (!existsSync(dir) || !existsSync(RULESETS_ENTRY)) return;
  const result = await bundle(RULESETS_ENTRY, outfile);
  // Run from memory as if it sat beside the bundle; its `require`s resolve from there.
  const m = new Module(outfile);
  m.paths = Module._nodeModulePaths(dirname(outfile));
  m._compile(result.outputFiles[0].text, outfile);
  writeAtomic(outfile, m.exports.rulesetCatalogueText(dir));
}

function bundle(entry, outfile) {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: externals(),
    // `import("stream")` becomes a `require`: bin/cached-bundle.js compiles the bundle with vm.Script,
    // which has no module loader for import() (Node 20's only offer is experimental and fails with a cache).
    supported: { "dynamic-import": false },
    plugins: [nativeInflate],
    write: false,
    outfile,
    logLevel: "silent",
  });
}

async function buildOne(entry, outfile) {
  const result = await bundle(entry, outfile);
  const contents = Buffer.from(asciiOnly(result.outputFiles[0].text));
  writeAtomic(outfile, contents);
  return { outfile, bytes: contents.length, warnings: result.warnings.length };
}

/**
 * esbuild escapes what is not ASCII in strings and names but leaves comments and regular expressions
 * as written ("Đđ", "…"). One such character makes V8 hold the whole 1.7 MB source as two bytes per
 * character, decoded from UTF-8 on every start; escaped (valid in comments, and the same pattern in a
 * regular expression), the source is ASCII and reads as it is.
 */
function asciiOnly(text) {
  // `\Đ` would become `\\u0110`, a backslash and "u0110": refuse rather than guess.
  if (/\\[\u0080-\uffff]/.test(text)) throw new Error("a backslash before a character that is not ASCII: cannot escape it");
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function writeAtomic(outfile, contents) {
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, contents);
    renameSync(tmp, outfile);
  } finally {
    rmSync(tmp, { force: true });
  }
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
