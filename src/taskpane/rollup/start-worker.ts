/*
 * Kept apart and imported on demand: webpack turns this `new Worker(new URL(…, import.meta.url))`
 * into the worker's own bundle; jest (CommonJS) never loads this file.
 */
export function startRollupWorker(): Worker {
  return new Worker(new URL("./rollup.worker.ts", import.meta.url), { name: "tong-hop" });
}
