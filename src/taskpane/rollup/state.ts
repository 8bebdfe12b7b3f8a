/*
 * The roll-up panel's state, as a reducer the tests drive without a browser: the files chosen, the
 * job's progress from the worker's messages, and the result or the failure.
 */
import { skippedName } from "../../app/rollup-file-names";
import type { RollupMessage, RollupSummary } from "./messages";
import { RU } from "./strings";

/** What the panel needs of a chosen file (a browser File; tests give plain objects). */
export type ChosenFile = { name: string; size: number; lastModified: number };

export type RollupPhase = "idle" | "running" | "done" | "failed";

export type RollupState<F extends ChosenFile = File> = {
  files: F[];
  /** Lock and hidden files dropped with the others and left out, as the command line does in a folder. */
  skipped: number;
  phase: RollupPhase;
  /** The progress line and how far (0–1) while running. */
  progress?: { label: string; value: number | undefined } | undefined;
  result?: { fileName: string; bytes: Uint8Array; summary: RollupSummary; delivery?: RollupDelivery | undefined } | undefined;
  /** Why the last run gave nothing (failure) or stopped (cancelled). */
  message?: { intent: "error" | "info"; text: string } | undefined;
  /** Only this programme rolled up, the others listed apart (the command line's --ruleset). */
  ruleset?: string | undefined;
  /** Every commune evaluated on this date, YYYY-MM-DD (--as-of); else each on its own report date. */
  asOf?: string | undefined;
};

/**
 * How the roll-up workbook reached the officer: downloaded, or opened as a new workbook in Excel (2019+,
 * ExcelApi 1.8); when Excel refused to open it, it was downloaded instead and `openFailed` says why.
 */
export type RollupDelivery = { how: "downloaded"; openFailed?: string | undefined } | { how: "opened" };

export type RollupAction<F extends ChosenFile = File> =
  | { type: "add"; files: readonly F[] }
  | { type: "clear" }
  | { type: "options"; ruleset?: string | undefined; asOf?: string | undefined }
  | { type: "started" }
  | { type: "message"; message: RollupMessage; fileName: string }
  | { type: "cancelled" }
  | { type: "delivered"; delivery: RollupDelivery }
  /** Something the officer must know that is not the job's (a dropped folder that could not be read). */
  | { type: "problem"; text: string };

export function initialRollup<F extends ChosenFile = File>(): RollupState<F> {
  return { files: [], skipped: 0, phase: "idle" };
}

const same = (a: ChosenFile, b: ChosenFile) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

export function reduceRollup<F extends ChosenFile>(state: RollupState<F>, action: RollupAction<F>): RollupState<F> {
  switch (action.type) {
    case "add": {
      if (state.phase === "running") return state;
      const files = [...state.files];
      let skipped = state.skipped;
      for (const f of action.files) {
        if (skippedName(f.name)) skipped++;
        else if (!files.some((g) => same(f, g))) files.push(f);
      }
      // A different set of files: the last result no longer describes it.
      return { files, skipped, phase: "idle", ruleset: state.ruleset, asOf: state.asOf };
    }
    case "clear":
      return state.phase === "running" ? state : { ...initialRollup<F>(), ruleset: state.ruleset, asOf: state.asOf };
    case "options":
      if (state.phase === "running") return state;
      // Other options: the last result was made with the old ones.
      return {
        files: state.files,
        skipped: state.skipped,
        phase: "idle",
        ruleset: action.ruleset || undefined,
        asOf: action.asOf || undefined,
      };
    case "started":
      if (state.files.length === 0) return { ...state, message: { intent: "error", text: RU.nothingChosen } };
      return { ...state, phase: "running", progress: { label: RU.starting, value: 0 }, result: undefined, message: undefined };
    case "problem":
      return { ...state, message: { intent: "error", text: action.text } };
    case "delivered":
      return state.result ? { ...state, result: { ...state.result, delivery: action.delivery } } : state;
    case "cancelled":
      return state.phase === "running"
        ? { ...state, phase: "idle", progress: undefined, message: { intent: "info", text: RU.cancelled } }
        : state;
    case "message": {
      if (state.phase !== "running") return state; // a late message from a stopped job
      const m = action.message;
      switch (m.type) {
        case "progress":
          return { ...state, progress: { label: RU.reading(m.done, m.total, m.file), value: m.total === 0 ? 1 : m.done / m.total } };
        case "writing":
          return { ...state, progress: { label: RU.writing(m.total), value: undefined } };
        case "done":
          return {
            ...state,
            phase: "done",
            progress: undefined,
            result: { fileName: action.fileName, bytes: m.bytes, summary: m.summary },
          };
        case "failed":
          return { ...state, phase: "failed", progress: undefined, message: { intent: "error", text: m.message } };
      }
    }
  }
}

/** "Tong-hop-2025-06-30.xlsx": the date the communes were evaluated on, else the day it was made. */
export function rollupFileName(today: Date, asOf?: string): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = asOf ?? `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  return `Tong-hop-${day}.xlsx`;
}
