/*
 * The roll-up panel's hook: the reducer's state, and the actions that start and stop the job and
 * hand the workbook to the officer: a download, or a new workbook in Excel 2019+.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Catalog } from "../rulesets";
import type { RollupRunner } from "./runner";
import { initialRollup, reduceRollup, rollupFileName, type RollupDelivery, type RollupState } from "./state";

export type RollupDeps = {
  catalog: Catalog;
  runner: RollupRunner;
  save: (bytes: Uint8Array, fileName: string) => void;
  /** In Excel 2019+ (ExcelApi 1.8): opens the roll-up as a new workbook instead of downloading it. */
  open?: ((bytes: Uint8Array) => Promise<void>) | undefined;
  /** The Vietnamese sentence for a failure (host/errors.ts's describeError). */
  describe?: ((e: unknown) => string) | undefined;
  now?: (() => Date) | undefined;
};

export type RollupActions = {
  add: (files: readonly File[]) => void;
  clear: () => void;
  problem: (text: string) => void;
  setOptions: (o: { ruleset?: string | undefined; asOf?: string | undefined }) => void;
  start: () => void;
  cancel: () => void;
  download: () => void;
  /** Opens the roll-up in Excel again (absent outside Excel 2019+). */
  open: () => void;
};

type Dispatch = (a: { type: "delivered"; delivery: RollupDelivery }) => void;

/** Opens the workbook in Excel where it can, else (or when Excel refuses) downloads it; says which. */
function deliver(deps: RollupDeps, dispatch: Dispatch, bytes: Uint8Array, fileName: string): void {
  const { open } = deps;
  if (!open) {
    deps.save(bytes, fileName);
    dispatch({ type: "delivered", delivery: { how: "downloaded" } });
    return;
  }
  open(bytes).then(
    () => dispatch({ type: "delivered", delivery: { how: "opened" } }),
    (e: unknown) => {
      deps.save(bytes, fileName);
      const why = deps.describe ? deps.describe(e) : e instanceof Error ? e.message : String(e);
      dispatch({ type: "delivered", delivery: { how: "downloaded", openFailed: why } });
    },
  );
}

export function useRollup(deps: RollupDeps): { state: RollupState; actions: RollupActions } {
  const [state, dispatch] = useReducer(reduceRollup<File>, undefined, () => initialRollup<File>());
  const latest = useRef({ deps, state });
  latest.current = { deps, state };
  const job = useRef<{ cancel: () => void } | undefined>(undefined);
  useEffect(() => () => job.current?.cancel(), []);

  const start = useCallback(() => {
    const { deps: d, state: s } = latest.current;
    dispatch({ type: "started" });
    if (s.files.length === 0 || s.phase === "running") return;
    const fileName = rollupFileName((d.now ?? (() => new Date()))(), s.asOf);
    const handle = d.runner({ type: "start", files: s.files, ruleset: s.ruleset, asOf: s.asOf }, (message) => {
      // A job stopped (or replaced) says nothing any more: no late download.
      if (job.current !== handle) return;
      dispatch({ type: "message", message, fileName });
      if (message.type === "done" || message.type === "failed") job.current = undefined;
      if (message.type === "done") deliver(latest.current.deps, dispatch, message.bytes, fileName);
    });
    job.current = handle;
  }, []);

  const cancel = useCallback(() => {
    job.current?.cancel();
    job.current = undefined;
    dispatch({ type: "cancelled" });
  }, []);

  const download = useCallback(() => {
    const r = latest.current.state.result;
    if (r) latest.current.deps.save(r.bytes, r.fileName);
  }, []);

  const open = useCallback(() => {
    const { deps: d, state: s } = latest.current;
    if (s.result && d.open) deliver(d, dispatch, s.result.bytes, s.result.fileName);
  }, []);

  return {
    state,
    actions: {
      add: useCallback((files: readonly File[]) => dispatch({ type: "add", files }), []),
      clear: useCallback(() => dispatch({ type: "clear" }), []),
      problem: useCallback((text: string) => dispatch({ type: "problem", text }), []),
      setOptions: useCallback((o: { ruleset?: string | undefined; asOf?: string | undefined }) => dispatch({ type: "options", ...o }), []),
      start,
      cancel,
      download,
      open,
    },
  };
}
