import type { Evaluation, IndicatorResult, MeasureResult, PartResult, SummaryResult, Verdict } from "../evaluate/result";
import { VERDICT_TEXT } from "../evaluate/result";
import type { ValueType } from "../evaluate/inputs";
import { toNumber, type Rational } from "../evaluate/rational";
import { shareThresholdValue } from "../text/format";
import { parseCell, type RawCell } from "../text/cell";
import type { AppliesIf, Comparator, Group, Indicator, IndicatorKind, Measure, Ruleset, ShareRequirement } from "../ruleset/schema";
import {
  badExpr,
  combineExpr,
  dateShown,
  inputExpr,
  quantityTest,
  shareShortfallExpr,
  shareTest,
  shareValueTest,
  summaryTextExpr,
  verdictExpr,
  V,
  yesNoDisplayExpr,
  yesNoVerdictExpr,
  str,
} from "./formulas";
import { blankWhen, blankWhenNone, measuredShortfallExpr, questionStateCached, questionStateExpr, situationTests, typedNotApplicableExpr, wrapNone, wrapNotApplicable } from "./applicability-formulas";
import { estimateRowHeights, type CellSpec, type CellValue, type SheetLayout, type StyleName } from "./sheet";

export const STATUS_KEY = "status";
export const STATUS_SHEET_NAME = "Trạng thái chỉ tiêu";

/** Columns of the status sheet, 1-based. L and M are narrow bookkeeping columns the summary formulas count on. */
const COL = { code: 1, name: 2, req: 3, D: 4, E: 5, F: 6, G: 7, H: 8, unit: 9, sources: 10, notes: 11, parent: 12, role: 13, sitQ: 14, sitTyped: 15 } as const;
const WIDTHS = [8, 48, 16, 12, 12, 14, 14, 11, 10, 24, 44, 7, 6];
const HEADER = ["Mã", "Chỉ tiêu", "Yêu cầu", "Tử số / Giá trị", "Mẫu số", "Kết quả", "Đánh giá", "Còn thiếu", "Đơn vị", "Nguồn số liệu", "Ghi chú", "Nhóm", "Loại"];
const HEADER_ROW = 5;
const FIRST_ROW = HEADER_ROW + 1;

export type StatusSheetInput = {
  ruleset: Ruleset;
  evaluation: Evaluation;
  sheetName: string;
  commune?: string | undefined;
  /** Code → slot → the reference a formula can use ("dan_so", "'Số liệu'!$B$3"); only for slots read live. */
  refs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Code → slot → the value as read, cached beside the formula. */
  raw: Readonly<Record<string, Readonly<Record<string, RawCell>>>>;
  /** Code → slot → the formula reading a figure taken from a list (its count), used instead of the blank mapped cell. */
  listFormulas?: Readonly<Record<string, Readonly<Record<string, string>>>>;
};

const col = (c: number) => String.fromCharCode(64 + c);
const at = (c: number, row: number) => `${col(c)}${row}`;

/** Each verdict's look, on the status sheet and wherever a verdict is shown (the roll-up). */
export const VERDICT_STYLE: Record<Verdict, StyleName> = {
  dat: "verdict-dat",
  "khong-dat": "verdict-khong-dat",
  "thieu-so-lieu": "verdict-thieu-so-lieu",
  "loi-so-lieu": "verdict-loi-so-lieu",
  "tam-dung": "verdict-tam-dung",
  "khong-ap-dung": "verdict-khong-ap-dung",
};

const text = (value: string, style: StyleName = "wrap"): CellSpec => ({ value, style });
const formula = (f: string, value: CellValue, style: StyleName): CellSpec => ({ formula: f, value, style });
const num = (r: Rational | undefined) => (r === undefined ? "" : toNumber(r));

/** The value a formula over a raw input shows, for the cached result. */
function cachedInput(raw: RawCell, type: ValueType): CellValue {
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return dateShown(raw);
  if (typeof raw === "object") return { error: raw.error };
  if (typeof raw === "boolean" && type !== "yes-no") return raw ? "TRUE" : "FALSE";
  const parsed = parseCell(raw, type);
  if (parsed.kind === "missing") return "";
  if (type === "count" && parsed.kind === "number" && typeof raw === "string") return toNumber(parsed.value);
  return raw;
}

type RowCtx = {
  row: number;
  asOf?: string | undefined;
  code: string;
  refs: Readonly<Record<string, string>>;
  raw: Readonly<Record<string, RawCell>>;
  lists?: Readonly<Record<string, string>>;
};

type Row = Array<CellSpec | null>;

function emptyRow(): Row {
  return Array<CellSpec | null>(COL.role).fill(null);
}

/** D/E input cells: a live formula where the slot is mapped to something readable, else the value as a constant. */
function operandCell(ctx: RowCtx, slot: string, type: ValueType, style: StyleName): CellSpec {
  const raw = ctx.raw[slot] ?? null;
  // A figure the engine took from a list is read from the list, so cache, recalculation and sources agree.
  const fromList = ctx.lists?.[slot];
  if (fromList !== undefined) return formula(fromList, cachedInput(raw, type), style);
  const ref = liveRef(ctx, slot, type);
  if (ref === undefined) return { value: staticInput(raw, type), style };
  return formula(inputExpr(ref, type), cachedInput(raw, type), style);
}

/**
 * A figure typed as text in a ratio or value slot ("58,6%", "45,5") is read by the engine, but no
 * formula reads Vietnamese decimals the same in every Excel locale: such a slot is written as its
 * value (with a note asking to retype it as a number) rather than as a formula that would disagree.
 */
function typedAsText(raw: RawCell | undefined, type: ValueType): boolean {
  return (type === "number" || type === "ratio") && typeof raw === "string" && parseCell(raw, type).kind === "number";
}

function liveRef(ctx: RowCtx, slot: string, type: ValueType): string | undefined {
  // A date where a figure belongs is written as shown, not as a live reference: LibreOffice's
  // CELL("format") does not tell a date from a number, so a formula there would count its serial.
  return typedAsText(ctx.raw[slot], type) || ctx.raw[slot] instanceof Date ? undefined : ctx.refs[slot];
}

function staticInput(raw: RawCell, type: ValueType): CellValue {
  if (typedAsText(raw, type)) {
    const parsed = parseCell(raw, type);
    return parsed.kind === "number" ? toNumber(parsed.value) : cachedInput(raw, type);
  }
  return cachedInput(raw, type);
}

/** The note for slots written as values because the clerk typed the figure as text. */
function textFigureNotes(ctx: RowCtx): string[] {
  return Object.entries(ctx.raw)
    .filter(([slot, raw]) => ctx.refs[slot] !== undefined && (typedAsText(raw, "number") || typedAsText(raw, "ratio") || raw instanceof Date))
    .map(([slot, raw]) =>
      raw instanceof Date
        ? `Ô nguồn của "${slot}" chứa ngày tháng (${dateShown(raw)}), không phải số liệu: bảng ghi như vậy, không tự cập nhật — hãy nhập lại ô đó dạng số.`
        : `Ô nguồn của "${slot}" chứa số dạng văn bản ("${String(raw)}"): bảng ghi giá trị này, không tự cập nhật — hãy nhập lại ô đó dạng số.`,
    );
}

type Built = { rows: Row[]; verdictCell: string };

function verdictCell(r: MeasureResult | PartResult, f: string | undefined): CellSpec {
  const value = VERDICT_TEXT[r.verdict];
  return f === undefined ? text(value, VERDICT_STYLE[r.verdict]) : formula(f, value, VERDICT_STYLE[r.verdict]);
}

/** Fills D–I of a row for a share measure (a ratio, or a ratio with its threshold chosen by year or condition). */
function shareRow(
  row: Row,
  ctx: RowCtx,
  r: MeasureResult,
  spec: { requirement: ShareRequirement; unit: string; share: boolean; amount?: "count" | "measure" },
  prefix: string,
  condition?: { ref: string | undefined; comparator: Comparator; value: number; otherwise: ShareRequirement },
): void {
  const p = (s: string) => (prefix ? `${prefix}.${s}` : s);
  const D = at(COL.D, ctx.row);
  const E = at(COL.E, ctx.row);
  const G = at(COL.G, ctx.row);
  const t = shareThresholdValue(spec.requirement);
  const c = spec.requirement.comparator;
  const byValue = ctx.refs[p("value")] !== undefined && ctx.refs[p("numerator")] === undefined && ctx.refs[p("denominator")] === undefined;
  const live = byValue || (ctx.refs[p("numerator")] !== undefined && ctx.refs[p("denominator")] !== undefined);
  // Written as values when typed as text (see typedAsText): the formulas then read those values.
  let test: string;
  let operands: Array<{ cell: string; type: ValueType }>;
  let impossible: string | undefined;
  if (byValue) {
    row[COL.D - 1] = operandCell(ctx, p("value"), "ratio", "percent");
    row[COL.E - 1] = null;
    test = shareValueTest(D, t, c);
    operands = [{ cell: D, type: "ratio" }];
    row[COL.F - 1] = live ? formula(valueShown([{ cell: D, type: "ratio" }], D), num(r.value), "percent") : { value: num(r.value), style: "percent" };
  } else {
    // Lengths, areas and masses take decimals: compared as the engine does, without binary noise.
    const type: ValueType = spec.amount === "measure" ? "number" : "count";
    row[COL.D - 1] = operandCell(ctx, p("numerator"), type, type === "count" ? "integer" : "decimal");
    row[COL.E - 1] = operandCell(ctx, p("denominator"), type, type === "count" ? "integer" : "decimal");
    test = type === "count" ? shareTest(D, E, t, c) : `ROUND(${D}*${t.d}-${t.n}*${E},9)${c}0`;
    operands = [
      { cell: D, type },
      { cell: E, type },
    ];
    impossible = spec.share ? `OR(${E}=0,${D}>${E})` : `${E}=0`;
    row[COL.F - 1] = live ? formula(valueShown(operands, `${D}/${E}`, E), num(r.value), "percent") : { value: num(r.value), style: "percent" };
  }
  if (condition) {
    const craw = ctx.raw["condition"];
    const cref = typedAsText(craw, "number") ? String(staticInput(craw ?? null, "number")) : condition.ref;
    const tElse = shareThresholdValue(condition.otherwise);
    const cElse = condition.otherwise.comparator;
    const testElse = byValue ? shareValueTest(D, tElse, cElse) : shareTest(D, E, tElse, cElse);
    if (cref !== undefined) {
      const cv = typedAsText(craw, "number") ? cref : `(${inputExpr(cref, "number")})`;
      test = `IF(${cv}${condition.comparator}${condition.value},${test},${testElse})`;
      const inner = verdictExpr(operands, test, impossible);
      const f = `IF(ISERROR(${cv}),${V.loi},IF(IF(ISNUMBER(${cv}),${cv}<0,${cv}<>""),${V.loi},IF(AND(${cv}="",OR(${operands.map((o) => `${o.cell}<>""`).join(",")})),IF(${inner}=${V.loi},${V.loi},${V.thieu}),${inner})))`;
      row[COL.G - 1] = verdictCell(r, live ? f : undefined);
    } else {
      row[COL.G - 1] = verdictCell(r, undefined);
    }
  } else {
    row[COL.G - 1] = verdictCell(r, live ? verdictExpr(operands, test, impossible) : undefined);
  }
  const sf = !byValue && !condition ? (spec.amount === "measure" ? measuredShortfallExpr(D, E, t, c) : shareShortfallExpr(D, E, t, c, spec.share)) : undefined;
  const sfStyle = spec.amount === "measure" ? "decimal" : "integer";
  const sfFormula = spec.amount === "measure" && sf ? positiveShortfall(G, sf) : `IF(${G}=${V.khong},${sf},"")`;
  row[COL.H - 1] = sf && live ? formula(sfFormula, r.shortfall ? toNumber(r.shortfall.amount) : "", sfStyle) : { value: r.shortfall ? toNumber(r.shortfall.amount) : "", style: sfStyle };
  row[COL.unit - 1] = text(spec.unit, "center");
}

/** The result a measure shows: its value when every input is a valid number (and the divisor not 0), else blank — as the engine. */
function valueShown(operands: Array<{ cell: string; type: ValueType }>, value: string, divisor?: string): string {
  const numbers = operands.map((o) => `ISNUMBER(${o.cell})`).join(",");
  const valid = [...operands.map((o) => `NOT(${badExpr(o.cell, o.type)})`), ...(divisor ? [`${divisor}<>0`] : [])].join(",");
  return `IF(AND(${numbers}),IF(AND(${valid}),${value},""),"")`;
}

/** A shortfall the engine would state: only when the verdict is không đạt and the amount is positive. */
function positiveShortfall(verdictCell: string, amount: string): string {
  return `IF(${verdictCell}=${V.khong},IF(${amount}>0,${amount},""),"")`;
}

function quantityRow(row: Row, ctx: RowCtx, r: MeasureResult, m: { requirement: { comparator: Comparator; value: number }; unit: string; perCapita?: unknown }, prefix: string): void {
  const p = (s: string) => (prefix ? `${prefix}.${s}` : s);
  const D = at(COL.D, ctx.row);
  const E = at(COL.E, ctx.row);
  const G = at(COL.G, ctx.row);
  const t = String(m.requirement.value);
  const c = m.requirement.comparator;
  const up = c === ">=" || c === ">";
  if (m.perCapita) {
    const live = ctx.refs[p("numerator")] !== undefined && ctx.refs[p("denominator")] !== undefined;
    row[COL.D - 1] = operandCell(ctx, p("numerator"), "number", "decimal");
    row[COL.E - 1] = operandCell(ctx, p("denominator"), "count", "integer");
    const perCapitaOperands = [
      { cell: D, type: "number" as const },
      { cell: E, type: "count" as const },
    ];
    row[COL.F - 1] = live ? formula(valueShown(perCapitaOperands, `${D}/${E}`, E), num(r.value), "decimal") : { value: num(r.value), style: "decimal" };
    const v = verdictExpr(
      [
        { cell: D, type: "number" },
        { cell: E, type: "count" },
      ],
      `ROUND(${D}-(${t})*${E},9)${c}0`,
      `${E}=0`,
    );
    row[COL.G - 1] = verdictCell(r, live ? v : undefined);
    const sf = c === "=" ? undefined : up ? `(${t})*${E}-${D}` : `${D}-(${t})*${E}`;
    row[COL.H - 1] = sf && live ? formula(positiveShortfall(G, sf), r.shortfall ? toNumber(r.shortfall.amount) : "", "decimal") : { value: r.shortfall ? toNumber(r.shortfall.amount) : "", style: "decimal" };
  } else {
    const live = ctx.refs[p("value")] !== undefined;
    row[COL.D - 1] = operandCell(ctx, p("value"), "number", "decimal");
    row[COL.F - 1] = live ? formula(valueShown([{ cell: D, type: "number" }], D), num(r.value), "decimal") : { value: num(r.value), style: "decimal" };
    row[COL.G - 1] = verdictCell(r, live ? verdictExpr([{ cell: D, type: "number" }], quantityTest(D, t, c)) : undefined);
    const sf = c === "=" ? undefined : up ? `(${t})-${D}` : `${D}-(${t})`;
    row[COL.H - 1] = sf && live ? formula(positiveShortfall(G, sf), r.shortfall ? toNumber(r.shortfall.amount) : "", "decimal") : { value: r.shortfall ? toNumber(r.shortfall.amount) : "", style: "decimal" };
  }
  row[COL.unit - 1] = text(m.unit, "center");
}

function yesNoRow(row: Row, ctx: RowCtx, r: MeasureResult, expected: boolean, prefix: string): void {
  const slot = prefix ? `${prefix}.value` : "value";
  const D = at(COL.D, ctx.row);
  const F = at(COL.F, ctx.row);
  const live = ctx.refs[slot] !== undefined;
  row[COL.D - 1] = operandCell(ctx, slot, "yes-no", "center");
  const shown = r.display ?? (r.verdict === "loi-so-lieu" ? "?" : "");
  row[COL.F - 1] = live ? formula(yesNoDisplayExpr(D), shown, "center") : text(r.display ?? "", "center");
  row[COL.G - 1] = verdictCell(r, live ? yesNoVerdictExpr(D, F, expected) : undefined);
  row[COL.H - 1] = { value: "", style: "integer" };
  row[COL.unit - 1] = text("", "center");
}

function measureRow(row: Row, ctx: RowCtx, m: Measure, r: MeasureResult, prefix: string): void {
  if (m.kind === "ratio") shareRow(row, ctx, r, m, prefix);
  else if (m.kind === "quantity") quantityRow(row, ctx, r, m, prefix);
  else yesNoRow(row, ctx, r, m.expected, prefix);
}

type ByKind<K extends IndicatorKind> = Extract<Indicator, { kind: K }>;
type RowBuilder<K extends IndicatorKind> = (ind: ByKind<K>, r: IndicatorResult, ctx: RowCtx, base: Row) => Built;

const single = (base: Row, ctx: RowCtx): Built => ({ rows: [base], verdictCell: at(COL.G, ctx.row) });

/** Each kind lays out its own row(s); shared code does not switch on kind. */
const ROWS: { [K in IndicatorKind]: RowBuilder<K> } = {
  ratio: (ind, r, ctx, base) => {
    shareRow(base, ctx, r, ind, "");
    return single(base, ctx);
  },
  quantity: (ind, r, ctx, base) => {
    quantityRow(base, ctx, r, ind, "");
    return single(base, ctx);
  },
  "yes-no": (ind, r, ctx, base) => {
    yesNoRow(base, ctx, r, ind.expected, "");
    return single(base, ctx);
  },
  "by-year": (ind, r, ctx, base) => {
    // The threshold the engine applied for the report year (never another year's) is fixed when the sheet is written.
    const value = r.threshold !== undefined ? toNumber(r.threshold) : undefined;
    if (value === undefined) {
      base[COL.G - 1] = verdictCell(r, undefined);
      return single(base, ctx);
    }
    if (ind.measure === "ratio") {
      shareRow(base, ctx, r, { requirement: { comparator: ind.comparator, percent: value }, unit: ind.unit, share: true }, "");
    } else {
      quantityRow(base, ctx, r, { requirement: { comparator: ind.comparator, value }, unit: ind.unit }, "");
    }
    return single(base, ctx);
  },
  conditional: (ind, r, ctx, base) => {
    shareRow(base, ctx, r, { requirement: ind.then, unit: ind.unit, share: ind.share }, "", {
      ref: ctx.refs["condition"],
      comparator: ind.condition.comparator,
      value: ind.condition.value,
      otherwise: ind.otherwise,
    });
    return single(base, ctx);
  },
  "all-of": (ind, r, ctx, base) => {
    const rows: Row[] = [base];
    const partCells: string[] = [];
    ind.parts.forEach((part, i) => {
      const pr = r.parts?.[i];
      if (!pr) return;
      const rowNo = ctx.row + 1 + i;
      const row = emptyRow();
      row[COL.code - 1] = text(`${ind.code} ${part.id})`, "center");
      row[COL.name - 1] = text(part.name);
      row[COL.req - 1] = text(part.requirementText ?? pr.requirement);
      measureRow(row, { ...ctx, row: rowNo }, part.measure, pr, part.id);
      row[COL.sources - 1] = text(pr.sources.join("; "));
      row[COL.notes - 1] = text(notesOf(pr));
      row[COL.parent - 1] = text(`p:${ind.code}`, "note");
      row[COL.role - 1] = text("part", "note");
      rows.push(row);
      partCells.push(at(COL.G, rowNo));
    });
    const range = `${partCells[0]}:${partCells[partCells.length - 1]}`;
    const f = combineExpr((v) => `COUNTIF(${range},${v})`, String(partCells.length));
    base[COL.G - 1] = verdictCell(r, partCells.length > 0 ? f : undefined);
    // Each part shows its own result on its row; a joined text here could not follow the formulas.
    base[COL.F - 1] = text("", "wrap");
    return { rows, verdictCell: at(COL.G, ctx.row) };
  },
};

/** The row's own answer cells (D, E where written), for a "Không áp dụng" typed there. */
function answerCells(row: Row, rowNo: number): string[] {
  return [COL.D, COL.E].filter((c) => row[c - 1] != null).map((c) => at(c, rowNo));
}

/**
 * Wraps the verdict and result of an indicator or part that may not apply (its question, a typed
 * "Không áp dụng") or whose 0/0 is not applicable, so the sheet follows the answer cells live.
 * Returns whether the row's hidden helper cells (N, O) were written.
 */
function situationFormulas(ind: Indicator, ctx: RowCtx, rows: Row[]): boolean {
  let helpers = false;
  const one = (row: Row, rowNo: number, appliesIf: AppliesIf | undefined, prefix: string, none: Measure | Indicator, yesNo: boolean) => {
    const p = (s: string) => (prefix ? `${prefix}.${s}` : s);
    const whenNone = none.kind === "ratio" ? none.whenNone : undefined;
    if (whenNone && row[COL.E - 1] != null) {
      row[COL.G - 1] = wrapNone(row[COL.G - 1] ?? null, at(COL.D, rowNo), at(COL.E, rowNo), whenNone.counts === "not-met");
      row[COL.H - 1] = blankWhenNone(row[COL.H - 1] ?? null, at(COL.D, rowNo), at(COL.E, rowNo));
    }
    if (!appliesIf) return;
    const qRef = ctx.refs[p("question")];
    const cells = answerCells(row, rowNo);
    if (qRef !== undefined) row[COL.sitQ - 1] = formula(questionStateExpr(qRef), questionStateCached(ctx.raw[p("question")] ?? null), "note");
    const typedRaw = Object.entries(ctx.raw).some(([slot, raw]) => slot.startsWith(prefix ? `${prefix}.` : "") && !slot.endsWith("question") && parseCell(raw ?? null, "count").kind === "not-applicable");
    if (cells.length > 0) row[COL.sitTyped - 1] = formula(typedNotApplicableExpr(cells), typedRaw, "note");
    const test = situationTests(appliesIf, qRef !== undefined ? at(COL.sitQ, rowNo) : undefined, cells.length > 0 ? at(COL.sitTyped, rowNo) : undefined);
    if (test === undefined) return;
    helpers = true;
    row[COL.G - 1] = wrapNotApplicable(row[COL.G - 1] ?? null, test, appliesIf);
    row[COL.F - 1] = blankWhen(row[COL.F - 1] ?? null, test, yesNo ? `"?"` : `""`);
  };
  one(rows[0]!, ctx.row, ind.appliesIf, "", ind, ind.kind === "yes-no");
  if (ind.kind === "all-of") {
    ind.parts.forEach((part, i) => {
      const row = rows[i + 1];
      if (row) one(row, ctx.row + 1 + i, part.appliesIf, part.id, part.measure, part.measure.kind === "yes-no");
    });
  }
  return helpers;
}

function notesOf(r: MeasureResult): string {
  return [...(r.shortfall ? [r.shortfall.text] : []), ...r.problems.map((p) => p.message), ...r.notes].join("\n");
}

/**
 * A criterion or group row. Its formulas count rows below it, so they are filled in once every row
 * exists (`fill` runs after the layout is complete, with the last row known).
 */
function summaryRow(
  s: SummaryResult,
  role: "group" | "crit",
  parent: string,
  childKey: string,
  atLeast: number | undefined,
  suspendedInTotal: boolean,
  requirement: string,
  suspended = false,
): { row: Row; fill: (lastRow: number) => void } {
  const row = emptyRow();
  row[COL.code - 1] = text(s.code, "summary");
  row[COL.name - 1] = text(s.name, "summary");
  row[COL.req - 1] = text(requirement, "summary");
  row[COL.parent - 1] = text(parent, "note");
  row[COL.role - 1] = text(role, "note");
  const fill = (lastRow: number) => {
    const range = (c: number) => `$${col(c)}$${FIRST_ROW}:$${col(c)}$${lastRow}`;
    const count = (v: string) => `COUNTIFS(${range(COL.parent)},${str(childKey)},${range(COL.G)},${v})`;
    const total = `COUNTIF(${range(COL.parent)},${str(childKey)})`;
    const counted = suspendedInTotal ? `(${total}-${count(V.kad)})` : `(${total}-${count(V.tam)}-${count(V.kad)})`;
    row[COL.F - 1] = formula(summaryTextExpr(count(V.dat), counted, s.unitName), s.text, "summary");
    // Suspended by the ruleset or the clerk, it stays tạm dừng whatever its indicators say.
    row[COL.G - 1] = suspended
      ? text(VERDICT_TEXT["tam-dung"], VERDICT_STYLE["tam-dung"])
      : formula(combineExpr(count, total, atLeast), VERDICT_TEXT[s.verdict], VERDICT_STYLE[s.verdict]);
  };
  return { row, fill };
}

function formatDate(iso: string | undefined): string {
  if (!iso) return "(chưa có ngày báo cáo)";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The live status sheet: every indicator with its figures, formulas, verdict and shortfall, with summaries. */
export function statusSheetLayout(input: StatusSheetInput): SheetLayout {
  const { ruleset, evaluation } = input;
  const rows: Row[] = [];
  const merges: SheetLayout["merges"] = [];
  const results = new Map(evaluation.indicators.map((r) => [r.code, r]));
  const fills: Array<(lastRow: number) => void> = [];
  // Hidden helper columns N, O are written only when some row reads an applicability answer.
  let situationHelpers = false;

  const doc = ruleset.document;
  rows.push([text(`TRẠNG THÁI CHỈ TIÊU — ${ruleset.title.toLocaleUpperCase("vi")}`, "title")]);
  const adult = ruleset.parameters["adultAge"];
  const adultText = adult ? ` · Độ tuổi trưởng thành: từ đủ ${adult.value} tuổi` : "";
  rows.push([text(`Xã: ${input.commune ?? "(chưa ghi tên xã)"} · Ngày báo cáo: ${formatDate(evaluation.asOf)}${adultText} · Căn cứ: ${doc.number} của ${doc.issuer} (${ruleset.province})`, "subtitle")]);
  const overallRow = emptyRow();
  rows.push(overallRow);
  rows.push([text("Các ô Kết quả, Đánh giá và Còn thiếu là công thức theo các ô nguồn: sửa số liệu ở ô nguồn, bảng tự tính lại. Bảng do Chỉ tiêu xã tạo, chạy lại sẽ ghi đè.", "note")]);
  rows.push(HEADER.map((h) => text(h, "header")));
  merges.push({ top: 1, left: 1, bottom: 1, right: COL.notes }, { top: 2, left: 1, bottom: 2, right: COL.notes }, { top: 4, left: 1, bottom: 4, right: COL.notes });

  const groupSummary = new Map(evaluation.groups.map((g) => [g.code, g]));
  const criterionSummary = new Map(evaluation.criteria.map((c) => [c.code, c]));

  const indicatorRows = (ind: Indicator, parent: string): void => {
    const r = results.get(ind.code)!;
    const rowNo = FIRST_ROW + rows.length - HEADER_ROW;
    const base = emptyRow();
    base[COL.code - 1] = text(ind.code, "center");
    base[COL.name - 1] = text(ind.name);
    base[COL.req - 1] = text(ind.requirementText ?? r.requirement);
    const lists = input.listFormulas?.[ind.code];
    // A slot read from a list counts as live: the verdict formula then reads it like any mapped cell.
    const refs = lists ? { ...(input.refs[ind.code] ?? {}), ...lists } : (input.refs[ind.code] ?? {});
    const ctx: RowCtx = { row: rowNo, asOf: evaluation.asOf, code: ind.code, refs, raw: input.raw[ind.code] ?? {}, ...(lists ? { lists } : {}) };
    let built: Built;
    if (r.verdict === "tam-dung") {
      base[COL.G - 1] = verdictCell(r, undefined);
      built = single(base, ctx);
    } else {
      built = (ROWS[ind.kind] as RowBuilder<IndicatorKind>)(ind as never, r, ctx, base);
      if (situationFormulas(ind, ctx, built.rows)) situationHelpers = true;
    }
    base[COL.sources - 1] = text(r.sources.join("; "));
    base[COL.notes - 1] = text([notesOf(r), ...textFigureNotes(ctx)].filter((n) => n !== "").join("\n"));
    base[COL.parent - 1] = text(parent, "note");
    base[COL.role - 1] = text("ind", "note");
    rows.push(...built.rows);
  };

  const groupItems = (group: Group) => {
    for (const item of group.items) {
      if (item.kind === "criterion") {
        const s = criterionSummary.get(item.code)!;
        const summary = summaryRow(
          s,
          "crit",
          `g:${group.code}`,
          `c:${item.code}`,
          "atLeast" in item.passRule ? item.passRule.atLeast : undefined,
          false,
          item.requirementText ?? "",
          s.verdict === "tam-dung" && item.indicators.some((i) => results.get(i.code)?.verdict !== "tam-dung"),
        );
        rows.push(summary.row);
        fills.push(summary.fill);
        for (const ind of item.indicators) indicatorRows(ind, `c:${item.code}`);
      } else {
        indicatorRows(item, `g:${group.code}`);
      }
    }
  };

  for (const group of ruleset.groups) {
    const s = groupSummary.get(group.code)!;
    const summary = summaryRow(s, "group", "o", `g:${group.code}`, "atLeast" in group.passRule ? group.passRule.atLeast : undefined, group.suspendedInTotal, group.requirementText ?? "");
    rows.push(summary.row);
    fills.push(summary.fill);
    groupItems(group);
  }
  const lastRowNo = rows.length;
  for (const fill of fills) fill(lastRowNo);

  // The overall summary counts what the ruleset says it counts, over the rows written above.
  const o = ruleset.overall;
  const range = (c: number) => `$${col(c)}$${FIRST_ROW}:$${col(c)}$${lastRowNo}`;
  const [critCol, crit] =
    o.counts === "groups" ? [COL.role, "group"] : o.counts === "indicators" ? [COL.role, "ind"] : [COL.parent, "g:*"];
  const count = (v: string) => `COUNTIFS(${range(critCol)},${str(crit)},${range(COL.G)},${v})`;
  const total = `COUNTIF(${range(critCol)},${str(crit)})`;
  const counted = o.suspendedInTotal ? `(${total}-${count(V.kad)})` : `(${total}-${count(V.tam)}-${count(V.kad)})`;
  overallRow[COL.code - 1] = text("Tổng hợp", "summary");
  overallRow[COL.name - 1] = text(ruleset.title, "summary");
  overallRow[COL.req - 1] = text("atLeast" in o.passRule ? `đạt ít nhất ${o.passRule.atLeast} ${o.unitName}` : `đạt tất cả ${o.unitName}`, "summary");
  overallRow[COL.F - 1] = formula(summaryTextExpr(count(V.dat), counted, o.unitName), evaluation.overall.text, "summary");
  overallRow[COL.G - 1] = formula(
    combineExpr(count, total, "atLeast" in o.passRule ? o.passRule.atLeast : undefined),
    VERDICT_TEXT[evaluation.overall.verdict],
    VERDICT_STYLE[evaluation.overall.verdict],
  );
  merges.push({ top: 3, left: COL.F, bottom: 3, right: COL.F });

  const wrapped = new Set<StyleName>(["wrap", "text", "bold", "center", "summary", "header", ...Object.values(VERDICT_STYLE)]);
  const heights = estimateRowHeights(rows, WIDTHS, wrapped);
  return {
    key: STATUS_KEY,
    name: input.sheetName,
    rows: rows.map((r) => trimRow(r)),
    // Rows 1, 2 and 4 are merged across the page and fit one line; row 3 (the overall summary) wraps.
    rowHeights: heights.map((h, i) => (i < HEADER_ROW - 1 && i !== 2 ? undefined : h)),
    columns: WIDTHS,
    merges: merges.filter((m) => m.left !== m.right || m.top !== m.bottom),
    print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: HEADER_ROW, last: HEADER_ROW } },
    freezeRows: HEADER_ROW,
    hiddenColumns: situationHelpers ? [COL.parent, COL.role, COL.sitQ, COL.sitTyped] : [COL.parent, COL.role],
    conditionalFormats: (Object.keys(VERDICT_STYLE) as Verdict[]).map((v) => ({
      top: 3,
      left: COL.G,
      bottom: lastRowNo,
      right: COL.G,
      equals: VERDICT_TEXT[v],
      style: VERDICT_STYLE[v],
    })),
    visibility: "visible",
  };
}

function trimRow(row: Row): Row {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return row.slice(0, end);
}
