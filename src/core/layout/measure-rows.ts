/*
 * The figure, base, result, verdict, shortfall and unit cells of a row for each measure: a share, a
 * quantity, a yes/no answer. The kinds (src/core/kinds) choose which measure and threshold a row shows.
 */
import type { MeasureResult } from "../evaluate/result";
import type { ValueType } from "../evaluate/inputs";
import { toNumber } from "../evaluate/rational";
import type { Comparator, ShareRequirement } from "../ruleset/schema";
import { shareThresholdValue } from "../text/format";
import {
  badExpr,
  inputExpr,
  quantityTest,
  shareShortfallExpr,
  shareTest,
  shareValueTest,
  verdictExpr,
  V,
  yesNoDisplayExpr,
  yesNoVerdictExpr,
  type Operand,
} from "./formulas";
import { measuredShortfallExpr } from "./applicability-formulas";
import {
  cellAt,
  formula,
  num,
  operandCell,
  setCell,
  staticInput,
  text,
  typedAsText,
  verdictCell,
  type Row,
  type RowCtx,
} from "./status-cells";

export type ShareRowSpec = { requirement: ShareRequirement; unit: string; share: boolean; amount?: "count" | "measure" };

/** The threshold chosen by a condition figure: `requirement` when it holds, else `otherwise`. */
export type ShareCondition = { ref: string | undefined; comparator: Comparator; value: number; otherwise: ShareRequirement };

const slotIn = (prefix: string) => (s: string) => (prefix ? `${prefix}.${s}` : s);

/** The result a measure shows: its value when every input is a valid number (and the divisor not 0), else blank — as the engine. */
function valueShown(operands: Operand[], value: string, divisor?: string): string {
  const numbers = operands.map((o) => `ISNUMBER(${o.cell})`).join(",");
  const valid = [...operands.map((o) => `NOT(${badExpr(o.cell, o.type)})`), ...(divisor ? [`${divisor}<>0`] : [])].join(",");
  return `IF(AND(${numbers}),IF(AND(${valid}),${value},""),"")`;
}

/** A shortfall the engine would state: only when the verdict is không đạt and the amount is positive. */
function positiveShortfall(verdict: string, amount: string): string {
  return `IF(${verdict}=${V.khong},IF(${amount}>0,${amount},""),"")`;
}

const shortfallValue = (r: MeasureResult) => (r.shortfall ? toNumber(r.shortfall.amount) : "");

type ShareCells = { test: string; operands: Operand[]; impossible?: string; byValue: boolean; live: boolean };

/** The figure, base and result cells of a share, and the test its verdict formula makes. */
function shareOperands(row: Row, ctx: RowCtx, r: MeasureResult, spec: ShareRowSpec, prefix: string): ShareCells {
  const slot = slotIn(prefix);
  const figure = cellAt(ctx, "figure");
  const base = cellAt(ctx, "base");
  const threshold = shareThresholdValue(spec.requirement);
  const comparator = spec.requirement.comparator;
  const byValue =
    ctx.refs[slot("value")] !== undefined && ctx.refs[slot("numerator")] === undefined && ctx.refs[slot("denominator")] === undefined;
  const live = byValue || (ctx.refs[slot("numerator")] !== undefined && ctx.refs[slot("denominator")] !== undefined);
  // Written as values when typed as text (see typedAsText): the formulas then read those values.
  if (byValue) {
    const operands: Operand[] = [{ cell: figure, type: "ratio" }];
    setCell(row, "figure", operandCell(ctx, slot("value"), "ratio", "percent"));
    setCell(row, "base", null);
    setCell(
      row,
      "result",
      live ? formula(valueShown(operands, figure), num(r.value), "percent") : { value: num(r.value), style: "percent" },
    );
    return { test: shareValueTest(figure, threshold, comparator), operands, byValue, live };
  }
  // Lengths, areas and masses take decimals: compared as the engine does, without binary noise.
  const type: ValueType = spec.amount === "measure" ? "number" : "count";
  setCell(row, "figure", operandCell(ctx, slot("numerator"), type, type === "count" ? "integer" : "decimal"));
  setCell(row, "base", operandCell(ctx, slot("denominator"), type, type === "count" ? "integer" : "decimal"));
  const test =
    type === "count"
      ? shareTest(figure, base, threshold, comparator)
      : `ROUND(${figure}*${threshold.d}-${threshold.n}*${base},9)${comparator}0`;
  const operands: Operand[] = [
    { cell: figure, type },
    { cell: base, type },
  ];
  setCell(
    row,
    "result",
    live ? formula(valueShown(operands, `${figure}/${base}`, base), num(r.value), "percent") : { value: num(r.value), style: "percent" },
  );
  return { test, operands, impossible: spec.share ? `OR(${base}=0,${figure}>${base})` : `${base}=0`, byValue, live };
}

/** The verdict formula of a share whose threshold a condition figure chooses; undefined where the condition is not mapped. */
function conditionalVerdict(ctx: RowCtx, cells: ShareCells, condition: ShareCondition): string | undefined {
  const figure = cellAt(ctx, "figure");
  const base = cellAt(ctx, "base");
  const typed = ctx.raw["condition"];
  const conditionRef = typedAsText(typed, "number") ? String(staticInput(typed ?? null, "number")) : condition.ref;
  if (conditionRef === undefined) return undefined;
  const otherwiseThreshold = shareThresholdValue(condition.otherwise);
  const otherwiseComparator = condition.otherwise.comparator;
  const otherwiseTest = cells.byValue
    ? shareValueTest(figure, otherwiseThreshold, otherwiseComparator)
    : shareTest(figure, base, otherwiseThreshold, otherwiseComparator);
  const conditionValue = typedAsText(typed, "number") ? conditionRef : `(${inputExpr(conditionRef, "number")})`;
  const test = `IF(${conditionValue}${condition.comparator}${condition.value},${cells.test},${otherwiseTest})`;
  const inner = verdictExpr(cells.operands, test, cells.impossible);
  const anyFigure = cells.operands.map((o) => `${o.cell}<>""`).join(",");
  return `IF(ISERROR(${conditionValue}),${V.loi},IF(IF(ISNUMBER(${conditionValue}),${conditionValue}<0,${conditionValue}<>""),${V.loi},IF(AND(${conditionValue}="",OR(${anyFigure})),IF(${inner}=${V.loi},${V.loi},${V.thieu}),${inner})))`;
}

/** Fills the figure to unit cells of a row for a share (a ratio, or a ratio with its threshold chosen by year or condition). */
export function shareRow(row: Row, ctx: RowCtx, r: MeasureResult, spec: ShareRowSpec, prefix: string, condition?: ShareCondition): void {
  const cells = shareOperands(row, ctx, r, spec, prefix);
  if (condition) {
    const f = conditionalVerdict(ctx, cells, condition);
    setCell(row, "verdict", verdictCell(r, cells.live && f !== undefined ? f : undefined));
  } else {
    setCell(row, "verdict", verdictCell(r, cells.live ? verdictExpr(cells.operands, cells.test, cells.impossible) : undefined));
  }
  const figure = cellAt(ctx, "figure");
  const base = cellAt(ctx, "base");
  const threshold = shareThresholdValue(spec.requirement);
  const comparator = spec.requirement.comparator;
  const measured = spec.amount === "measure";
  const amount =
    !cells.byValue && !condition
      ? measured
        ? measuredShortfallExpr(figure, base, threshold, comparator)
        : shareShortfallExpr(figure, base, threshold, comparator, spec.share)
      : undefined;
  const style = measured ? "decimal" : "integer";
  const shortfall =
    measured && amount ? positiveShortfall(cellAt(ctx, "verdict"), amount) : `IF(${cellAt(ctx, "verdict")}=${V.khong},${amount},"")`;
  setCell(row, "shortfall", amount && cells.live ? formula(shortfall, shortfallValue(r), style) : { value: shortfallValue(r), style });
  setCell(row, "unit", text(spec.unit, "center"));
}

export type QuantityRowSpec = { requirement: { comparator: Comparator; value: number }; unit: string; perCapita?: unknown };

/** Fills the figure to unit cells of a row for a quantity: a value, or a quotient of two figures (per person). */
export function quantityRow(row: Row, ctx: RowCtx, r: MeasureResult, m: QuantityRowSpec, prefix: string): void {
  const slot = slotIn(prefix);
  const figure = cellAt(ctx, "figure");
  const base = cellAt(ctx, "base");
  const threshold = String(m.requirement.value);
  const comparator = m.requirement.comparator;
  const up = comparator === ">=" || comparator === ">";
  let live: boolean;
  let amount: string | undefined;
  if (m.perCapita) {
    live = ctx.refs[slot("numerator")] !== undefined && ctx.refs[slot("denominator")] !== undefined;
    setCell(row, "figure", operandCell(ctx, slot("numerator"), "number", "decimal"));
    setCell(row, "base", operandCell(ctx, slot("denominator"), "count", "integer"));
    const operands: Operand[] = [
      { cell: figure, type: "number" },
      { cell: base, type: "count" },
    ];
    setCell(
      row,
      "result",
      live ? formula(valueShown(operands, `${figure}/${base}`, base), num(r.value), "decimal") : { value: num(r.value), style: "decimal" },
    );
    setCell(
      row,
      "verdict",
      verdictCell(r, live ? verdictExpr(operands, `ROUND(${figure}-(${threshold})*${base},9)${comparator}0`, `${base}=0`) : undefined),
    );
    amount = comparator === "=" ? undefined : up ? `(${threshold})*${base}-${figure}` : `${figure}-(${threshold})*${base}`;
  } else {
    live = ctx.refs[slot("value")] !== undefined;
    const operands: Operand[] = [{ cell: figure, type: "number" }];
    setCell(row, "figure", operandCell(ctx, slot("value"), "number", "decimal"));
    setCell(
      row,
      "result",
      live ? formula(valueShown(operands, figure), num(r.value), "decimal") : { value: num(r.value), style: "decimal" },
    );
    setCell(row, "verdict", verdictCell(r, live ? verdictExpr(operands, quantityTest(figure, threshold, comparator)) : undefined));
    amount = comparator === "=" ? undefined : up ? `(${threshold})-${figure}` : `${figure}-(${threshold})`;
  }
  setCell(
    row,
    "shortfall",
    amount && live
      ? formula(positiveShortfall(cellAt(ctx, "verdict"), amount), shortfallValue(r), "decimal")
      : { value: shortfallValue(r), style: "decimal" },
  );
  setCell(row, "unit", text(m.unit, "center"));
}

/** Fills the figure to unit cells of a row for a yes/no answer. */
export function yesNoRow(row: Row, ctx: RowCtx, r: MeasureResult, expected: boolean, prefix: string): void {
  const slot = slotIn(prefix)("value");
  const live = ctx.refs[slot] !== undefined;
  setCell(row, "figure", operandCell(ctx, slot, "yes-no", "center"));
  const shown = r.display ?? (r.verdict === "loi-so-lieu" ? "?" : "");
  setCell(row, "result", live ? formula(yesNoDisplayExpr(cellAt(ctx, "figure")), shown, "center") : text(r.display ?? "", "center"));
  setCell(row, "verdict", verdictCell(r, live ? yesNoVerdictExpr(cellAt(ctx, "figure"), cellAt(ctx, "result"), expected) : undefined));
  setCell(row, "shortfall", { value: "", style: "integer" });
  setCell(row, "unit", text("", "center"));
}
