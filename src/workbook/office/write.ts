/*
 * Writing our sheets through Office.js: each sheet's set-up, then its rows in chunks sized from the
 * cells they carry, as parts of a Batch (sizing.ts) so a request Excel refuses as too large can be
 * sent again in halves. A part finds its sheet by name when it is queued, so it can be queued twice.
 */
import type { CellSpec, SheetLayout } from "../../core/layout/sheet";
import { columnName } from "../../core/ref/a1";
import { LOOKS } from "../common/looks";
import { OWNER_NAME } from "../port";
import { LAYERS, queueConditionalFormats, queueFormats, runId, runsIn } from "./format";
import { areaAddress } from "./read";
import {
  CHUNK_BYTES,
  CONDITIONAL_FORMAT_BYTES,
  FORMAT_RECT_BYTES,
  ROWS_PER_CHUNK,
  SHEET_SETUP_BYTES,
  utf8Bytes,
  type Part,
} from "./sizing";
import type { Abilities } from "./requirements";
import type { XlContext, XlWorksheet } from "./types";

const FOOTER = "Trang &P/&N";

type Chunk = { top: number; bottom: number; bytes: number };

/**
 * A cell as typed into Excel. Every text gets a leading apostrophe, Excel's own mark for "this is
 * text": "=SUM(1,2)", "+84 912", "-x" and "@a" stay text instead of becoming formulas, and "3.2",
 * "1/2", "TRUE" or "3.986" stay text instead of becoming a number, a date or a boolean by the
 * clerk's locale. Excel stores the text without the apostrophe. Formulas go in en-US syntax.
 */
function typed(cell: CellSpec | null | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === "") return "";
  if (typeof v === "string") return `'${v}`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`không ghi được số ${v}`);
    return v;
  }
  if (typeof v === "boolean") return v;
  return v.error; // an error literal such as #N/A, typed as Excel reads it
}

function widthOf(layout: SheetLayout, top: number, bottom: number): number {
  let w = 1;
  for (let r = top; r <= bottom; r++) w = Math.max(w, layout.rows[r - 1]?.length ?? 0);
  return w;
}

/** Estimated bytes of one row: its typed values as JSON, number formats, and the rectangles it opens. */
function rowBytes(layout: SheetLayout, r: number, previous: ReadonlyArray<Set<string>>): { bytes: number; runs: Array<Set<string>> } {
  const row = layout.rows[r - 1];
  let bytes = utf8Bytes(JSON.stringify((row ?? []).map(typed))) + 2;
  const runs = LAYERS.map((layer, i) => {
    const here = runsIn(row, layer);
    for (const run of here) if (!previous[i]!.has(runId(run))) bytes += FORMAT_RECT_BYTES;
    return new Set(here.map(runId));
  });
  for (const cell of row ?? []) {
    const fmt = cell?.style ? LOOKS[cell.style].numFmt : undefined;
    if (fmt) bytes += fmt.length + 3;
  }
  return { bytes, runs };
}

/** The layout's rows cut into chunks under CHUNK_BYTES and ROWS_PER_CHUNK. */
export function* chunksOf(layout: SheetLayout): Generator<Chunk> {
  const total = layout.rows.length;
  let top = 1;
  while (top <= total) {
    let bytes = 0;
    let bottom = top - 1;
    let previous = LAYERS.map(() => new Set<string>());
    while (bottom < total && bottom - top + 1 < ROWS_PER_CHUNK) {
      const row = rowBytes(layout, bottom + 1, previous);
      if (bottom >= top && bytes + row.bytes > CHUNK_BYTES) break;
      bytes += row.bytes;
      previous = row.runs;
      bottom++;
    }
    yield { top, bottom, bytes };
    top = bottom + 1;
  }
}

/** Values first (one rectangle), then the formats of the chunk's rows, then merges that end in it. */
function queueChunk(ws: XlWorksheet, layout: SheetLayout, chunk: Chunk): void {
  const width = widthOf(layout, chunk.top, chunk.bottom);
  const grid: Array<Array<string | number | boolean>> = [];
  for (let r = chunk.top; r <= chunk.bottom; r++) {
    const row = layout.rows[r - 1] ?? [];
    grid.push(Array.from({ length: width }, (_, c) => typed(row[c])));
  }
  ws.getRange(areaAddress(chunk.top, 1, chunk.bottom, width)).formulas = grid;
  queueFormats(ws, layout, chunk.top, chunk.bottom);

  const last = chunk.bottom === layout.rows.length;
  for (const m of layout.merges) {
    if ((m.bottom >= chunk.top && m.bottom <= chunk.bottom) || (last && m.bottom > chunk.bottom)) {
      ws.getRange(areaAddress(m.top, m.left, m.bottom, m.right)).merge(false);
    }
  }
}

/** A chunk as a part of a batch; it halves by rows when Excel refuses it as too large. */
export function chunkPart(ctx: XlContext, sheet: string, layout: SheetLayout, chunk: Chunk): Part {
  return {
    bytes: chunk.bytes,
    queue: () => queueChunk(ctx.workbook.worksheets.getItem(sheet), layout, chunk),
    split: () => {
      if (chunk.bottom === chunk.top) return undefined;
      const mid = Math.floor((chunk.top + chunk.bottom) / 2);
      const half = Math.ceil(chunk.bytes / 2);
      return [
        chunkPart(ctx, sheet, layout, { top: chunk.top, bottom: mid, bytes: half }),
        chunkPart(ctx, sheet, layout, { top: mid + 1, bottom: chunk.bottom, bytes: half }),
      ];
    },
  };
}

export type SetUp = {
  layout: SheetLayout;
  /** The sheet's name in the workbook when it is ours already, else undefined (it is added). */
  existing: string | undefined;
  /** Set the visibility: false when the sheet already has the wanted one (a protected structure refuses any change). */
  setVisibility: boolean;
};

/** Adds the sheet (with its marker) or clears ours, then sets what belongs to the whole sheet. */
export function setUpPart(ctx: XlContext, s: SetUp, can: Abilities): Part {
  const { layout } = s;
  const bytes = SHEET_SETUP_BYTES + 200 * layout.columns.length + CONDITIONAL_FORMAT_BYTES * (layout.conditionalFormats?.length ?? 0);
  return { bytes, queue: () => queueSetUp(ctx, s, can) };
}

function queueSetUp(ctx: XlContext, { layout, existing, setVisibility }: SetUp, can: Abilities): void {
  let ws: XlWorksheet;
  if (existing !== undefined) {
    // Our marker, with this key, is already there (that is how we know the sheet is ours).
    ws = ctx.workbook.worksheets.getItem(existing);
    const all = ws.getRange();
    all.unmerge();
    all.clear("All");
    all.columnHidden = false;
    all.rowHidden = false;
    if (can.conditionalFormats) all.conditionalFormats.clearAll();
    if (can.standardSizes) {
      all.format.useStandardWidth = true;
      all.format.useStandardHeight = true;
    }
    if (can.freeze) ws.freezePanes.unfreeze();
  } else {
    // Added at the end of the tabs; a proxy from add() is never a clerk's sheet of the same name:
    // if one appeared since the snapshot, add() fails the batch (ItemAlreadyExists) instead. The
    // marker goes in the first request, so a sheet left half-written by a failed later chunk is
    // still recognised as ours and replaced on the next run.
    ws = ctx.workbook.worksheets.add(layout.name);
    const marker = ws.names.add(OWNER_NAME, `="${layout.key.replace(/"/g, '""')}"`);
    marker.visible = false;
  }
  // A sheet of ours the clerk hid stays hidden; the mapping sheet is always very hidden.
  if (layout.visibility === "veryHidden" && setVisibility) ws.visibility = "VeryHidden";

  for (const run of runsOf(layout.columns)) {
    ws.getRange(`${columnName(run.from)}:${columnName(run.to)}`).format.columnWidth = widthInPoints(run.value);
  }
  for (const col of layout.hiddenColumns ?? []) ws.getRange(`${columnName(col)}:${columnName(col)}`).columnHidden = true;
  for (const run of runsOf(layout.rowHeights ?? [])) ws.getRange(`${run.from}:${run.to}`).format.rowHeight = run.value;
  if ((layout.freezeRows ?? 0) > 0 && can.freeze) ws.freezePanes.freezeRows(layout.freezeRows);
  queueConditionalFormats(ws, layout, can);
  if (layout.print && can.page) {
    const page = ws.pageLayout;
    page.orientation = layout.print.orientation === "landscape" ? "Landscape" : "Portrait";
    page.paperSize = "A4";
    // As fitToWidth="1" fitToHeight="0" in the .xlsx: one page wide, as many pages tall as needed.
    if (layout.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const rr = layout.print.repeatRows;
    if (rr) page.setPrintTitleRows(`$${rr.first}:$${rr.last}`);
    page.headersFooters.defaultForAllPages.centerFooter = FOOTER;
  }
}

/** Consecutive equal values (1-based positions), skipping undefined: columns A:C at one width. */
function runsOf(values: ReadonlyArray<number | undefined>): Array<{ from: number; to: number; value: number }> {
  const out: Array<{ from: number; to: number; value: number }> = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const last = out[out.length - 1];
    if (last && last.value === value && last.to === i) last.to = i + 1;
    else out.push({ from: i + 1, to: i + 1, value });
  });
  return out;
}

/**
 * Column width in characters (as the layout and the .xlsx give it) to points (as Office.js sets it):
 * Excel draws w characters of the default font's 7-pixel digit as w·7 + 5 pixels; a point is 4/3 px.
 */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
