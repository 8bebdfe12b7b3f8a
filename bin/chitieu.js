#!/usr/bin/env node
"use strict";
// Runs the command line built by scripts/build-cli.mjs (npm install runs it as `prepare`): plain
// JavaScript starts in a fraction of the time the TypeScript loader took.
const { spawnSync } = require("child_process");
const { existsSync, readdirSync, statSync } = require("fs");
const path = require("path");

const REPO = path.join(__dirname, "..");
const BUNDLE = path.join(REPO, "build", "cli", "main.js");
const BUILD_SCRIPT = path.join(REPO, "scripts", "build-cli.mjs");

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

/** The newest modification time under `dir` (0 when it is absent, as in a copy without sources). */
function newestUnder(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// A checkout whose sources changed since the last build (an edit, a pull) is rebuilt first, so nobody
// runs yesterday's command line by mistake; walking src/ costs a few milliseconds.
function ensureBuilt() {
  const built = existsSync(BUNDLE) ? statSync(BUNDLE).mtimeMs : -1;
  if (built >= Math.max(newestUnder(path.join(REPO, "src")), existsSync(BUILD_SCRIPT) ? statSync(BUILD_SCRIPT).mtimeMs : 0)) return true;
  if (!existsSync(BUILD_SCRIPT)) return built >= 0;
  // esbuild's own errors (a source that does not compile) go to stderr for the maintainer.
  const r = spawnSync(process.execPath, [BUILD_SCRIPT], { stdio: ["ignore", "ignore", "inherit"] });
  return r.status === 0;
}

try {
  if (!ensureBuilt()) {
    process.stderr.write(
      "Lỗi: chưa dựng được chương trình dòng lệnh — chạy `npm install` (hoặc `npm run build:cli`) trong thư mục dự án rồi thử lại (command line not built)\n",
    );
    process.exitCode = 2;
  } else {
    require(BUNDLE)
      .main(process.argv.slice(2))
      .then((code) => {
        process.exitCode = code;
      }, fail);
  }
} catch (e) {
  fail(e);
}
