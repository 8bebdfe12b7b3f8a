/*
 * The cells of one status-sheet row: where an indicator's figures come from (a live reference, a
 * list's count, or the value as read), and the verdict cell with its look.
 */
import type { MeasureResult, PartResult, Verdict } from "../evaluate/result";
import { VERDICT_TEXT } from "../evaluate/result";
import type { ValueType } from "../evaluate/inputs";
import { toNumber, type Rational } from "../evaluate/rational";
import { parseCell, type RawCell } from "../text/cell";
import { dateShown, inputExpr } from "./formulas";
import type { CellSpec, CellValue, StyleName } from "./sheet";
import { STATUS_COLUMN, STATUS_COLUMNS, type StatusColumnKey } from "./status-columns";

/** Each verdict's look, on the status sheet and wherever a verdict is shown (the roll-up). */
export const VERDICT_STYLE: Record<Verdict, StyleName> = {
  dat: "verdict-dat",
  "khong-dat": "verdict-khong-dat",
  "thieu-so-lieu": "verdict-thieu-so-lieu",
  "loi-so-lieu": "verdict-loi-so-lieu",
  "tam-dung": "verdict-tam-dung",
  "khong-ap-dung": "verdict-khong-ap-dung",
};

export type RowCtx = {
  row: number;
  asOf?: string | undefined;
  code: string;
  refs: Readonly<Record<string, string>>;
  raw: Readonly<Record<string, RawCell>>;
  lists?: Readonly<Record<string, string>>;
};

/** A row's cells from column A; null for a cell left empty. */
export type Row = Array<CellSpec | null>;

/** The rows an indicator takes (its own, then its parts'), and the cell holding its verdict. */
export type Built = { rows: Row[]; verdictCell: string };

export function emptyRow(): Row {
  return Array<CellSpec | null>(STATUS_COLUMN.role.index).fill(null);
}

export function setCell(row: Row, key: StatusColumnKey, cell: CellSpec | null): void {
  row[STATUS_COLUMN[key].index - 1] = cell;
}

export function cellOf(row: Row, key: StatusColumnKey): CellSpec | null {
  return row[STATUS_COLUMN[key].index - 1] ?? null;
}

/** The address of a column on this row: "G7". */
export const cellAt = (ctx: { row: number }, key: StatusColumnKey) => STATUS_COLUMN[key].cell(ctx.row);

/** A row of one indicator whose layout is complete, its verdict where the verdict column says. */
export const single = (base: Row, ctx: RowCtx): Built => ({ rows: [base], verdictCell: cellAt(ctx, "verdict") });

export const text = (value: string, style: StyleName = "wrap"): CellSpec => ({ value, style });
export const formula = (f: string, value: CellValue, style: StyleName): CellSpec => ({ formula: f, value, style });
export const num = (r: Rational | undefined) => (r === undefined ? "" : toNumber(r));

export function verdictCell(r: MeasureResult | PartResult, f: string | undefined): CellSpec {
  const value = VERDICT_TEXT[r.verdict];
  return f === undefined ? text(value, VERDICT_STYLE[r.verdict]) : formula(f, value, VERDICT_STYLE[r.verdict]);
}

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

/** Figure and base input cells: a live formula where the slot is mapped to something readable, else the value as a constant. */
export function operandCell(ctx: RowCtx, slot: string, type: ValueType, style: StyleName): CellSpec {
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
export function typedAsText(raw: RawCell | undefined, type: ValueType): boolean {
  return (type === "number" || type === "ratio") && typeof raw === "string" && parseCell(raw, type).kind === "number";
}

function liveRef(ctx: RowCtx, slot: string, type: ValueType): string | undefined {
  // A date where a figure belongs is written as shown, not as a live reference: LibreOffice's
  // CELL("format") does not tell a date from a number, so a formula there would count its serial.
  return typedAsText(ctx.raw[slot], type) || ctx.raw[slot] instanceof Date ? undefined : ctx.refs[slot];
}

export function staticInput(raw: RawCell, type: ValueType): CellValue {
  if (typedAsText(raw, type)) {
    const parsed = parseCell(raw, type);
    return parsed.kind === "number" ? toNumber(parsed.value) : cachedInput(raw, type);
  }
  return cachedInput(raw, type);
}

/** The note for slots written as values because the clerk typed the figure as text. */
export function textFigureNotes(ctx: RowCtx): string[] {
  return Object.entries(ctx.raw)
    .filter(
      ([slot, raw]) => ctx.refs[slot] !== undefined && (typedAsText(raw, "number") || typedAsText(raw, "ratio") || raw instanceof Date),
    )
    .map(([slot, raw]) =>
      raw instanceof Date
        ? `Ô nguồn của "${slot}" chứa ngày tháng (${dateShown(raw)}), không phải số liệu: bảng ghi như vậy, không tự cập nhật — hãy nhập lại ô đó dạng số.`
        : `Ô nguồn của "${slot}" chứa số dạng văn bản ("${String(raw)}"): bảng ghi giá trị này, không tự cập nhật — hãy nhập lại ô đó dạng số.`,
    );
}

/** The row's own answer cells (figure and base, where written), for a "Không áp dụng" typed there. */
export function answerCells(row: Row, rowNo: number): string[] {
  return STATUS_COLUMNS.filter((c) => (c.key === "figure" || c.key === "base") && row[c.index - 1] != null).map((c) => c.cell(rowNo));
}

export function notesOf(r: MeasureResult): string {
  return [...(r.shortfall ? [r.shortfall.text] : []), ...r.problems.map((p) => p.message), ...r.notes].join("\n");
}
