import { existsSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import type { FileOutcome } from "../core/rollup/types";
import type { ThreadReply } from "./rollup-thread";
import { builtThreadStart } from "./thread-start";

/**
 * The thread's code: from the built command line (build/cli/main.js) its built sibling
 * build/cli/rollup-thread.js (scripts/build-cli.mjs); from the TypeScript sources (jest, tsx) the
 * source through tsx, a devDependency that is there whenever the sources are run.
 */
function threadCode(): { code: string; eval: boolean } {
  const built = join(__dirname, "rollup-thread.js");
  if (__filename.endsWith(".js") && existsSync(built)) return builtThreadStart(built);
  const loader = "tsx/cjs/api";
  return {
    code: `require(${JSON.stringify(loader)}).register(); require(${JSON.stringify(join(__dirname, "rollup-thread.ts"))});`,
    eval: true,
  };
}

/**
 * The files' reports made by `jobs` worker threads, in the order of the files. Each thread is given
 * the next file when it posts a report, so at most `jobs` workbooks are in memory whatever the count;
 * a thread that dies (out of memory on a huge file) costs that file a row, and another is started.
 */
export function reportFilesInThreads(
  files: readonly string[],
  opts: { jobs: number; asOf?: string | undefined },
  onDone: (done: number, file: string) => void,
): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    const start = () => {
      const thread = threadCode();
      const worker = new Worker(thread.code, { eval: thread.eval, workerData: { asOf: opts.asOf } });
      let current = -1;
      const give = () => {
        if (next >= files.length) {
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current]! });
      };
      const finish = (index: number, outcome: FileOutcome) => {
        results[index] = outcome;
        done++;
        onDone(done, files[index]!);
        if (done === files.length) resolve(results);
      };
      worker.on("message", (reply: ThreadReply) => {
        finish(reply.index, reply.outcome);
        give();
      });
      worker.on("error", (e) => {
        if (current >= 0 && results[current] === undefined) {
          finish(current, {
            kind: "bad",
            file: files[current]!,
            why: "unreadable",
            message: `Không đọc được tệp (${e.message}) — hãy mở trong Excel, lưu lại rồi gửi lại (worker failed)`,
          });
        }
        if (next < files.length) start();
      });
      give();
    };
    if (files.length === 0) resolve(results);
    for (let i = 0; i < Math.min(opts.jobs, files.length); i++) start();
  });
}
