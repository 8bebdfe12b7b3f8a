/*
 * What every indicator kind answers, in one place per kind (src/core/kinds/<kind>.ts), registered in
 * one table (registry.ts): adding a kind to the schema makes the compiler ask for its module there,
 * and shared code (evaluate, the status sheet, the check, the lists, the roll-up) asks the module.
 */
import type { ShareMeasure } from "../check/share-measure";
import type { IndicatorInputs } from "../evaluate/inputs";
import type { IndicatorResult, MeasureResult, PartResult } from "../evaluate/result";
import type { SlotSpec } from "../evaluate/slot-spec";
import type { Built, Row, RowCtx } from "../layout/status-cells";
import type { AppliesIf, Indicator, IndicatorKind, Measure } from "../ruleset/schema";

export type ByKind<K extends IndicatorKind> = Extract<Indicator, { kind: K }>;
export type MeasureKind = Measure["kind"];
export type ByMeasure<K extends MeasureKind> = Extract<Measure, { kind: K }>;
export type WhenNone = NonNullable<ByMeasure<"ratio">["whenNone"]>;

export type EvalContext = {
  inputs: IndicatorInputs;
  /** The report date (YYYY-MM-DD); never today's clock. */
  asOf?: string | undefined;
};

export type KindResult = MeasureResult & { parts?: PartResult[] };

/** The labels of the counts the report names in its "Kết quả" sentence ("3.200/3.986 người…"). */
export type CountLabels = { numerator: string; denominator: string; unit: string };

/** A part of a two-part indicator, with its own row on the status sheet. */
export type PartRow = { id: string; appliesIf?: AppliesIf | undefined; measure: Measure };

/** What a measure answers, whether it is a whole indicator or a part of an all-of one (slots under `prefix`). */
export type MeasureModule<K extends MeasureKind> = {
  slots(m: ByMeasure<K>, prefix: string, name: string): SlotSpec[];
  evaluate(m: ByMeasure<K>, inputs: IndicatorInputs, prefix: string, name: string): MeasureResult;
  statusRow(row: Row, ctx: RowCtx, m: ByMeasure<K>, r: MeasureResult, prefix: string): void;
  shares(m: ByMeasure<K>, prefix: string, name: string): ShareMeasure[];
  /** What 0/0 means where the document says (a share of none). */
  whenNone(m: ByMeasure<K>): WhenNone | undefined;
  /** Its result cell shows Có/Không ("?" when it cannot tell), not a figure. */
  showsYesNo: boolean;
  /** The counts the report names in words; undefined where it gives the result alone. */
  reportCounts(m: ByMeasure<K>): CountLabels | undefined;
  /** Its threshold in the clerk's words: "≥ 80%", "≥ 2.500 m²", "Có". */
  requirement(m: ByMeasure<K>): string;
};

export type KindModule<K extends IndicatorKind> = {
  /** The inputs it reads, in the order a clerk fills them (the applicability question is added by slotsOf). */
  slots(ind: ByKind<K>): SlotSpec[];
  /** Its parts answer "không áp dụng" for themselves (unless the whole indicator has a question). */
  partsAnswerForThemselves: boolean;
  evaluate(ind: ByKind<K>, ctx: EvalContext): KindResult;
  /** Fills its own row (`base`, code to requirement already written) and adds the rows of its parts. */
  statusRows(ind: ByKind<K>, r: IndicatorResult, ctx: RowCtx, base: Row): Built;
  /** The parts written on rows below its own, in order. */
  partRows(ind: ByKind<K>): PartRow[];
  whenNone(ind: ByKind<K>): WhenNone | undefined;
  showsYesNo: boolean;
  /** The shares it holds, for the checks between figures. */
  shares(ind: ByKind<K>, ctx: EvalContext): ShareMeasure[];
  /** Its threshold depends on the report year: without a report date it cannot be judged. */
  needsReportDate: boolean;
  /** What a list named by the indicator fills: its counts (numerator over the list's population), a yes/no (anyone listed), or nothing. */
  listFigure: "counts" | "anyone-listed" | undefined;
  /** A ratio of two counts: the roll-up adds numerators and denominators across communes. */
  countRatio(ind: ByKind<K>): boolean;
  /** The counts the report names in words; undefined where it gives the result alone. */
  reportCounts(ind: ByKind<K>): CountLabels | undefined;
  /** Its thresholds in the clerk's words, for the template (after the document's own requirement text). */
  requirementLines(ind: ByKind<K>): string[];
  /** The figure that chooses its threshold, for the check against the denominators counting the same population. */
  choosingCondition(ind: ByKind<K>): ByKind<"conditional">["condition"] | undefined;
};
