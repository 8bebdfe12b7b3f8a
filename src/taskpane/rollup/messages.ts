/*
 * What the page and its roll-up worker say to each other. Files go to the worker as the browser's
 * File objects (a reference, not a copy: the worker reads each one when its turn comes); the roll-up
 * workbook comes back as bytes, transferred, with a summary the panel shows.
 */
import type { Rollup } from "../../core/rollup/aggregate";
import { BAD_TEXT } from "../../core/rollup/layout";
import type { BadFileKind } from "../../core/rollup/types";

export type RollupRequest = { type: "start"; files: readonly File[]; ruleset?: string | undefined; asOf?: string | undefined };

export type RollupSummary = {
  files: number;
  programmes: Array<{ ruleset: string; title: string; communes: number; dat: number; withErrors: number; notCurrent: number }>;
  /** Files set aside: bad ones with why, older versions, another programme's. */
  apart: Array<{ file: string; why: BadFileKind | "superseded" | "other-programme"; text: string; message: string }>;
};

export type RollupMessage =
  | { type: "progress"; done: number; total: number; file: string }
  | { type: "writing"; total: number }
  | { type: "done"; bytes: Uint8Array; summary: RollupSummary }
  | { type: "failed"; message: string };

/** What the panel shows once the roll-up is written: the same facts as the workbook's sheets, in short. */
export function summaryOf(rollup: Rollup, files: number, titleOf: (id: string) => string): RollupSummary {
  return {
    files,
    programmes: rollup.programmes.map((p) => ({
      ruleset: p.ruleset,
      title: titleOf(p.ruleset),
      communes: p.communes.length,
      dat: p.communes.filter((c) => c.overall.verdict === "dat").length,
      withErrors: p.communes.filter((c) => c.check.loi > 0).length,
      notCurrent: p.communes.filter((c) => c.status.state !== "current").length,
    })),
    apart: [
      ...rollup.bad.map((b) => ({ file: b.file, why: b.why, text: BAD_TEXT[b.why], message: b.message })),
      ...rollup.programmes.flatMap((p) =>
        p.superseded.map((s) => ({ file: s.report.file, why: "superseded" as const, text: "Bản cũ, không tính", message: s.reason })),
      ),
      ...rollup.otherProgramme.map((s) => ({
        file: s.report.file,
        why: "other-programme" as const,
        text: "Khác bộ tiêu chí",
        message: s.reason,
      })),
    ],
  };
}
