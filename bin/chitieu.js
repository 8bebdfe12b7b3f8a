#!/usr/bin/env node
"use strict";
// Runs the TypeScript sources through tsx, so `npx chitieu` works right after `npm ci` with no build step.
require("tsx/cjs/api").register();
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
try {
  require("../src/cli/main.ts")
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    }, fail);
} catch (e) {
  fail(e);
}
