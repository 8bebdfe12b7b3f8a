/*
 * Starts a roll-up job: in a Web Worker where the page can start one, else in the page itself (a page
 * opened from a file:// folder, where the browser refuses a worker script). Either way the caller
 * gets the same messages, and can stop the job.
 */
import type { Catalog } from "../rulesets";
import type { RollupMessage, RollupRequest } from "./messages";

export type RollupRunner = (req: RollupRequest, onMessage: (m: RollupMessage) => void) => { cancel: () => void };

export function workerRunner(catalog: Catalog): RollupRunner {
  return (req, onMessage) => {
    let cancelled = false;
    let worker: Worker | undefined;
    const tell = (m: RollupMessage) => {
      if (!cancelled) onMessage(m);
    };
    const inPage = async () => {
      const { runRollup } = await import(/* webpackChunkName: "rollup" */ "./run");
      await runRollup(req, catalog, tell);
    };
    void (async () => {
      try {
        const { startRollupWorker } = await import(/* webpackChunkName: "rollup-start" */ "./start-worker");
        worker = startRollupWorker();
      } catch {
        worker = undefined;
      }
      if (cancelled) return worker?.terminate();
      if (!worker) return inPage();
      let heard = false;
      worker.onmessage = (e: MessageEvent<RollupMessage>) => {
        heard = true;
        // The job is over: the worker's memory (the catalog, the last workbook) goes with it.
        if (e.data.type === "done" || e.data.type === "failed") worker?.terminate();
        tell(e.data);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        worker?.terminate();
        // A worker script that could not load said nothing yet: the page does the job itself.
        if (!heard) void inPage();
        else
          tell({
            type: "failed",
            message: `Tổng hợp bị dừng giữa chừng (${e.message || "lỗi trong trình duyệt"}) — có thể do thiếu bộ nhớ; hãy chia các tệp thành nhiều lần tổng hợp.`,
          });
      };
      worker.postMessage(req);
    })();
    return {
      cancel: () => {
        cancelled = true;
        worker?.terminate();
      },
    };
  };
}
