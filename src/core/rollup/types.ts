import type { Rational } from "../evaluate/rational";
import type { Verdict } from "../evaluate/result";

/** One indicator of one commune, as the roll-up keeps it: no workbook, only what the sheets show. */
export type IndicatorEntry = {
  code: string;
  verdict: Verdict;
  /** The result as the status sheet shows it ("58,6%", "Có"); absent when there is none. */
  display?: string;
  /** Present for a count ratio read from a numerator and a denominator: what the province sums. */
  numerator?: Rational;
  denominator?: Rational;
};

/** Whether the commune's own status sheet still says what its figures say. */
export type StatusState = "current" | "stale" | "typed-over" | "none";

/** A lỗi of the pre-submission check, in its words, with the cell it concerns. */
export type ResendItem = { message: string; ref?: string; code?: string };

/** A workbook that was read and evaluated. */
export type CommuneReport = {
  kind: "commune";
  file: string;
  /** The commune named in the mapping, else the file name. */
  commune: string;
  ruleset: string;
  /** The report date stored in the workbook (YYYY-MM-DD); decides which of two versions is kept. */
  reportDate?: string;
  /** The date the verdicts were computed on (--as-of, else the report date). */
  asOf?: string;
  overall: { verdict: Verdict; text: string; passed: number; counted: number };
  indicators: IndicatorEntry[];
  check: { loi: number; canhBao: number; errors: ResendItem[] };
  status: { state: StatusState; detail?: string };
};

export type BadFileKind = "not-found" | "not-xlsx" | "corrupt" | "protected" | "unmapped" | "unreadable";

/** A file the roll-up could not use: a row saying why, never a stop. */
export type BadFile = { kind: "bad"; file: string; why: BadFileKind; message: string };

export type FileOutcome = CommuneReport | BadFile;
