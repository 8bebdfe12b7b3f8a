#!/usr/bin/env node
"use strict";
// Runs the command line built by scripts/build-cli.mjs (npm install runs it as `prepare`): plain
// JavaScript starts in a fraction of the time the TypeScript loader took. Everything here runs before
// each command: keep it to what every start needs (child_process, say, only when a build is due).
const { readdirSync, statSync } = require("fs");
const path = require("path");

const REPO = path.join(__dirname, "..");
const BUNDLE = path.join(REPO, "build", "cli", "main.js");
const BUILD_SCRIPT = path.join(REPO, "scripts", "build-cli.mjs");
/** What the build reads besides src/: its scripts, the code cache's loader and the rulesets it validates into a catalogue. */
const BUILD_INPUTS = [BUILD_SCRIPT, path.join(REPO, "scripts", "cli-code-cache.mjs"), path.join(__dirname, "cached-bundle.js")];
const RULESETS = path.join(REPO, "rulesets");

// `chitieu … | head` closes the pipe early: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const fail = (e) => {
  // Never a stack trace to a clerk; the message is enough for the maintainer to find the cause.
  process.stderr.write(`Lỗi không mong đợi: ${e && e.message ? e.message.split("\n")[0] : String(e)} (unexpected error)\n`);
  process.exitCode = 2;
};

/** The modification time of `file`, 0 when it is absent (a copy without sources or scripts). */
const mtimeOf = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/**
 * The newest modification time under `dir` and its folders (0 when it is absent), `depth` folders down;
 * a folder's own time tells a file removed or added. Every file is stat'ed, as an edit in place changes
 * only the file's own time: about 5 ms for src/ (strings joined by hand: path.join normalises each one).
 */
function newestUnder(dir, depth = Infinity) {
  let newest = mtimeOf(dir);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.isDirectory() && depth <= 0) continue;
    const t = e.isDirectory() ? newestUnder(`${dir}${path.sep}${e.name}`, depth - 1) : mtimeOf(`${dir}${path.sep}${e.name}`);
    if (t > newest) newest = t;
  }
  return newest;
}

// A checkout whose sources changed since the last build (an edit, a pull, an edited ruleset) is rebuilt
// first, so nobody runs yesterday's command line, or yesterday's ruleset catalogue, by mistake.
function ensureBuilt() {
  const built = mtimeOf(BUNDLE) || -1;
  const sources = Math.max(newestUnder(path.join(REPO, "src")), newestUnder(RULESETS, 0), ...BUILD_INPUTS.map(mtimeOf));
  if (built >= sources) return true;
  if (!mtimeOf(BUILD_SCRIPT)) return built >= 0;
  // esbuild's own errors (a source that does not compile) go to stderr for the maintainer.
  const r = require("child_process").spawnSync(process.execPath, [BUILD_SCRIPT], { stdio: ["ignore", "ignore", "inherit"] });
  return r.status === 0;
}

try {
  if (!ensureBuilt()) {
    process.stderr.write(
      "Lỗi: chưa dựng được chương trình dòng lệnh — chạy `npm install` (hoặc `npm run build:cli`) trong thư mục dự án rồi thử lại (command line not built)\n",
    );
    process.exitCode = 2;
  } else {
    require("./cached-bundle")
      .loadBundle(BUNDLE)
      .exports.main(process.argv.slice(2))
      .then((code) => {
        process.exitCode = code;
      }, fail);
  }
} catch (e) {
  fail(e);
}
