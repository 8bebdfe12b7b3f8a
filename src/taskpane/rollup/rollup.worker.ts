/*
 * The roll-up's Web Worker: the files are read and evaluated here, off the page's thread, so the
 * page stays responsive and shows progress. Built by webpack from `new Worker(new URL(…))` in
 * start-worker.ts; nothing here imports Node (the xlsx adapter reads the bytes of the browser's Files).
 */
import { bundledCatalog } from "../bundled-rulesets";
import type { Catalog } from "../rulesets";
import type { RollupMessage, RollupRequest } from "./messages";
import { runRollup } from "./run";

/** The worker's global, typed here: the project's lib is the page's DOM, not WebWorker. */
type WorkerScope = {
  onmessage: ((e: MessageEvent<RollupRequest>) => void) | null;
  postMessage(message: RollupMessage, transfer: Transferable[]): void;
};

const scope = self as unknown as WorkerScope;
let catalog: Catalog | undefined;

scope.onmessage = (e) => {
  catalog ??= bundledCatalog();
  void runRollup(e.data, catalog, (m) => scope.postMessage(m, m.type === "done" ? [m.bytes.buffer as ArrayBuffer] : []));
};
