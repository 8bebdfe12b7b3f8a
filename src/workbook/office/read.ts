/*
 * Reading cells through Office.js, in requests sized for Excel on the web's 5 MB limit. A read's
 * response is estimated from the number of cells it asks for times what a cell costs: assumed
 * (UNMEASURED_CELL_BYTES) until some cells came back, then measured from the largest row read so
 * far, so a roster of long Vietnamese notes is read in smaller blocks than one of numbers.
 */
import { columnName, type RangeAddress } from "../../core/ref/a1";
import type { RawCell } from "../../core/text/cell";
import { excelSerialToDate, isDateFormatCode } from "../common/date-formats";
import {
  CHUNK_BYTES,
  isSizeRefusal,
  jsonBytes,
  MEASURE_MARGIN,
  MIN_CELL_BYTES,
  PAYLOAD_LIMIT_BYTES,
  readWithRetry,
  UNMEASURED_CELL_BYTES,
  type ReadPlan,
} from "./sizing";
import type { XlContext, XlRange, XlWorksheet } from "./types";

export const READ_PROPS = "values,valueTypes,numberFormat,rowIndex,columnIndex";
/** The block readSheet asks for with its first round trip, before it knows how large the sheet is. */
export const FIRST_READ_ROWS = 500;
export const FIRST_READ_COLUMNS = 30;

export function areaAddress(top: number, left: number, bottom: number, right: number): string {
  const a = `${columnName(left)}${top}`;
  return top === bottom && left === right ? a : `${a}:${columnName(right)}${bottom}`;
}

/**
 * Office.js gives "" for a blank, the error text ("#REF!") for an error, and serial numbers for
 * dates; valueTypes tells a typed "#REF!" text from the error, numberFormat a date from a number.
 */
export function cellsOf(range: XlRange): RawCell[][] {
  const types = range.valueTypes;
  const formats = range.numberFormat;
  return range.values.map((row, i) => row.map((value, j) => toRaw(value, types[i]?.[j], formats[i]?.[j])));
}

function toRaw(value: unknown, type: string | undefined, format: unknown): RawCell {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer": {
      const n = Number(value);
      // Excel for Mac's 1904 date system is not reported by Office.js; the 1900 system is assumed.
      return typeof format === "string" && isDateFormatCode(format) ? excelSerialToDate(n, false) : n;
    }
    default:
      if (typeof value === "number" || typeof value === "boolean") return value;
      if (typeof value !== "string") return null;
      return value === "" ? null : value.normalize("NFC");
  }
}

/** The props read with the values, and the formulas too when a caller wants to know which cells hold one. */
const propsFor = (formulas: boolean) => (formulas ? `${READ_PROPS},formulas` : READ_PROPS);

/**
 * The cells of a loaded block that hold a formula, as A1 addresses. Range.formulas gives a constant's
 * value for a cell without one, so a text that merely starts with "=" ('=x typed as text) is the
 * same in both and is not a formula.
 */
export function formulaCellsOf(range: XlRange, into: Set<string>): void {
  range.formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      if (typeof f === "string" && f.startsWith("=") && f !== range.values[i]?.[j])
        into.add(`${columnName(range.columnIndex + j + 1)}${range.rowIndex + i + 1}`);
    }),
  );
}

/** What a cell of this block cost on the way back, per column of its widest row (its formulas counted when read). */
function measuredCellBytes(range: XlRange, formulas: boolean): number {
  const columns = Math.max(1, range.values[0]?.length ?? 1);
  let widest = 0;
  range.values.forEach((row, i) => {
    const f = formulas ? jsonBytes(range.formulas[i]) : 0;
    widest = Math.max(widest, jsonBytes(row) + jsonBytes(range.valueTypes[i]) + jsonBytes(range.numberFormat[i]) + f);
  });
  return widest / columns;
}

type Area = { top: number; left: number; bottom: number; right: number };
type Piece = { index: number; sheet: string; area: Area };
type Block = { index: number; top: number; cells: RawCell[][] };

/**
 * Rows per read of `columns` columns when a cell costs `cellBytes`: under the budget, at least one.
 * No cap on rows: a roster of short cells is read in as few requests as its bytes allow.
 */
function rowsPerRead(columns: number, cellBytes: number): number {
  return Math.max(1, Math.floor(CHUNK_BYTES / (columns * Math.max(MIN_CELL_BYTES, cellBytes))));
}

/** The area in bands of rows, each under the budget. */
function bands(area: Area, cellBytes: number): Area[] {
  const step = rowsPerRead(area.right - area.left + 1, cellBytes);
  const out: Area[] = [];
  for (let top = area.top; top <= area.bottom; top += step) out.push({ ...area, top, bottom: Math.min(area.bottom, top + step - 1) });
  return out;
}

function halveRows(p: Piece): [Piece, Piece] | undefined {
  if (p.area.bottom === p.area.top) return undefined;
  const mid = Math.floor((p.area.top + p.area.bottom) / 2);
  return [
    { ...p, area: { ...p.area, bottom: mid } },
    { ...p, area: { ...p.area, top: mid + 1 } },
  ];
}

/** One sync reading these pieces; halves split the pieces, or the rows of a single one. */
function piecesPlan(ctx: XlContext, pieces: readonly Piece[], onRange?: (r: XlRange) => void, props = READ_PROPS): ReadPlan<Block[]> {
  return {
    queue: () => {
      const sheets = new Map<string, XlWorksheet>();
      const loaded = pieces.map((p) => {
        const key = p.sheet.toLocaleLowerCase("vi");
        let ws = sheets.get(key);
        if (!ws) sheets.set(key, (ws = ctx.workbook.worksheets.getItem(p.sheet)));
        const range = ws.getRange(areaAddress(p.area.top, p.area.left, p.area.bottom, p.area.right));
        range.load(props);
        return { p, range };
      });
      return () =>
        loaded.map(({ p, range }) => {
          onRange?.(range);
          return { index: p.index, top: p.area.top, cells: cellsOf(range) };
        });
    },
    split: () => {
      if (pieces.length > 1) {
        const mid = Math.ceil(pieces.length / 2);
        return [piecesPlan(ctx, pieces.slice(0, mid), onRange, props), piecesPlan(ctx, pieces.slice(mid), onRange, props)];
      }
      const two = pieces[0] && halveRows(pieces[0]);
      return two && [piecesPlan(ctx, [two[0]], onRange, props), piecesPlan(ctx, [two[1]], onRange, props)];
    },
  };
}

const concat = (a: Block[], b: Block[]) => [...a, ...b];

/**
 * The ranges, in as few syncs as the budget allows (one for the handful of cells an evaluation
 * reads): each range is cut into bands of rows, the bands grouped into requests under the budget.
 */
export async function readRangesIn(ctx: XlContext, ranges: readonly RangeAddress[]): Promise<RawCell[][][]> {
  const groups: Piece[][] = [[]];
  let pending = 0;
  ranges.forEach((r, index) => {
    for (const area of bands(r, UNMEASURED_CELL_BYTES)) {
      const bytes = (area.bottom - area.top + 1) * (area.right - area.left + 1) * UNMEASURED_CELL_BYTES;
      if (pending > 0 && pending + bytes > CHUNK_BYTES) {
        groups.push([]);
        pending = 0;
      }
      groups[groups.length - 1]!.push({ index, sheet: r.sheet, area });
      pending += bytes;
    }
  });
  const out: RawCell[][][] = ranges.map(() => []);
  for (const group of groups) {
    const blocks = await readWithRetry(ctx, piecesPlan(ctx, group), concat);
    // Bands of one range come back in order of their rows.
    blocks.sort((a, b) => a.index - b.index || a.top - b.top);
    for (const b of blocks) out[b.index]!.push(...b.cells);
  }
  return out;
}

/**
 * A whole sheet from A1 to its last used cell. The first sync asks for the used range's size and a
 * first block (enough for any short sheet); the rest comes in bands sized from what the first block
 * measured. Given `formulas`, the same syncs also read which cells hold a formula, into that set.
 */
export async function readSheetIn(ctx: XlContext, sheet: string, formulas?: Set<string>): Promise<RawCell[][]> {
  let cellBytes = 0;
  const withFormulas = formulas !== undefined;
  const props = propsFor(withFormulas);
  const measure = (r: XlRange) => {
    cellBytes = Math.max(cellBytes, measuredCellBytes(r, withFormulas) * MEASURE_MARGIN);
    if (formulas) formulaCellsOf(r, formulas);
  };
  const ws = () => ctx.workbook.worksheets.getItem(sheet);

  const usedRange = () => {
    const r = ws().getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return r;
  };
  let used = usedRange();
  const first = used.getIntersectionOrNullObject(areaAddress(1, 1, FIRST_READ_ROWS, FIRST_READ_COLUMNS));
  first.load(props);
  let firstRead = true;
  try {
    await ctx.sync();
  } catch (e) {
    // The first block alone can be too large (very long texts): ask for the size alone, then read in bands.
    if (!isSizeRefusal(e)) throw e;
    firstRead = false;
    used = usedRange();
    await ctx.sync();
  }
  if (used.isNullObject) return [];
  const bottom = used.rowIndex + used.rowCount;
  const right = used.columnIndex + used.columnCount;
  const out: RawCell[][] = Array.from({ length: bottom }, () => Array<RawCell>(right).fill(null));
  const place = (top: number, left: number, cells: RawCell[][]) =>
    cells.forEach((row, i) => row.forEach((v, j) => (out[top - 1 + i]![left - 1 + j] = v)));

  const usedArea: Area = { top: used.rowIndex + 1, left: used.columnIndex + 1, bottom, right };
  const rest: Area[] = [];
  if (firstRead) {
    if (!first.isNullObject) {
      measure(first);
      place(first.rowIndex + 1, first.columnIndex + 1, cellsOf(first));
    }
    // What the first block left: the columns right of it beside it, then every row below it.
    if (right > FIRST_READ_COLUMNS)
      rest.push({
        top: usedArea.top,
        left: Math.max(usedArea.left, FIRST_READ_COLUMNS + 1),
        bottom: Math.min(bottom, FIRST_READ_ROWS),
        right,
      });
    if (bottom > FIRST_READ_ROWS) rest.push({ top: Math.max(usedArea.top, FIRST_READ_ROWS + 1), left: usedArea.left, bottom, right });
  } else {
    // The refused first block says what its cells cost at least: the limit spread over them.
    const firstCells = (Math.min(bottom, FIRST_READ_ROWS) - usedArea.top + 1) * (Math.min(right, FIRST_READ_COLUMNS) - usedArea.left + 1);
    cellBytes = Math.max(cellBytes, (PAYLOAD_LIMIT_BYTES / Math.max(1, firstCells)) * MEASURE_MARGIN);
    rest.push(usedArea);
  }

  for (const area of rest) {
    if (area.top > area.bottom || area.left > area.right) continue;
    // Each band is planned with what the bands before it measured.
    for (let top = area.top; top <= area.bottom;) {
      const step = rowsPerRead(area.right - area.left + 1, cellBytes || UNMEASURED_CELL_BYTES);
      const band: Area = { ...area, top, bottom: Math.min(area.bottom, top + step - 1) };
      const blocks = await readWithRetry(ctx, piecesPlan(ctx, [{ index: 0, sheet, area: band }], measure, props), concat);
      for (const b of blocks) place(b.top, band.left, b.cells);
      top = band.bottom + 1;
    }
  }
  return out;
}
