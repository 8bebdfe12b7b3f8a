/*
 * The Office.js adapter of the workbook port: the live workbook inside Excel. Every port call is one
 * Excel.run with a constant number of context.sync() round trips — snapshot 1, readRanges 1,
 * readSheet 1 (+1 per further block of a long roster), writeSheets 1 (+1 per further chunk of about
 * 2 MB, +1 when no snapshot came first) — never one per indicator or per cell.
 *
 * Excel.run comes in through the constructor (the task pane passes Excel.run, tests a recording
 * fake); the Excel and Office globals are never read here.
 */
import { MAPPING_KEY, MAPPING_SHEET, mappingSheetLayout, mappingTextFromColumn } from "../../core/layout/mapping-sheet";
import type { CellSpec, SheetLayout, StyleName } from "../../core/layout/sheet";
import { columnName, type RangeAddress } from "../../core/ref/a1";
import type { RawCell } from "../../core/text/cell";
import { OWNER_NAME, WorkbookError, type DefinedName, type SheetInfo, type SheetVisibility, type WorkbookPort, type WorkbookSnapshot, type WriteResult } from "../port";
import { excelSerialToDate, isDateFormatCode } from "../xlsx/date-styles";
import { FONT_NAME, FONT_SIZE, LOOKS } from "../xlsx/styles-write";
import { classifyNameFormula } from "../xlsx/workbook-xml";
import { MESSAGES, toWorkbookError, type ErrorHint } from "./errors";
import { checkRequirements, supportsExcelApi, type IsSetSupported } from "./requirements";

/* ------------------------------------------------------------------------------------------------
 * The subset of the Excel API this adapter uses, as structural types. The real Excel.RequestContext
 * satisfies them (the test file checks that Excel.run fits the constructor); the recording fake in
 * test/workbook/office-fake.ts implements exactly these and nothing more.
 * --------------------------------------------------------------------------------------------- */

export interface XlLoadable {
  load(propertyNames: string): unknown;
}
export interface XlNullable {
  readonly isNullObject: boolean;
}
export type XlBorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";
export interface XlRangeFormat {
  readonly font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  readonly fill: { color: string };
  readonly borders: { getItem(index: XlBorderEdge): { style: string; weight: string; color: string } };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
  useStandardWidth: boolean;
  useStandardHeight: boolean;
}
export interface XlRange extends XlLoadable, XlNullable {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly valueTypes: string[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  columnHidden: boolean;
  rowHidden: boolean;
  readonly format: XlRangeFormat;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: "All"): void;
  getIntersectionOrNullObject(anotherRange: string): XlRange;
}
export interface XlNamedItem extends XlLoadable {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
  /** ExcelApi 1.7. */
  readonly formula: unknown;
  visible: boolean;
}
export interface XlNamedItemCollection extends XlLoadable {
  readonly items: XlNamedItem[];
  add(name: string, reference: string, comment?: string): XlNamedItem;
}
export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintTitleRows(printTitleRows: string): void;
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
}
export interface XlWorksheet extends XlLoadable, XlNullable {
  readonly name: string;
  visibility: string;
  readonly names: XlNamedItemCollection;
  readonly protection: XlLoadable & { readonly protected: boolean };
  /** ExcelApi 1.9. */
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.7. */
  readonly freezePanes: { freezeRows(count?: number): void; unfreeze(): void };
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
}
export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}
export interface XlWorkbook extends XlLoadable {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  /** ExcelApi 1.7. */
  readonly protection: XlLoadable & { readonly protected: boolean };
  /** ExcelApi 1.8. */
  readonly readOnly: boolean;
}
export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** Excel.run, or a fake of it. */
export type OfficeRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

export type OfficeWorkbookOptions = {
  /** Office.context.requirements.isSetSupported; absent means a current Excel (everything supported). */
  isSetSupported?: IsSetSupported;
};

/* ------------------------------------------------------------------------------------------------
 * Sizes. Excel on the web refuses requests and responses over about 5 MB; our estimate counts the
 * values we send as JSON, not Office's envelope around each action, so it aims well below.
 * --------------------------------------------------------------------------------------------- */

/** Estimated bytes of one write request before it is sent. */
export const CHUNK_BYTES = 2_000_000;
/** Rows per write chunk at most, whatever their size (DESIGN: "blocks of a few thousand rows"). */
export const ROWS_PER_CHUNK = 5_000;
/** Rows readSheet reads with the first round trip, before it knows how wide the sheet is. */
export const FIRST_READ_ROWS = 2_000;
/** Cells per later readSheet round trip: values, their types and number formats come back for each. */
const READ_CELLS_PER_SYNC = 60_000;
/** Estimated bytes of the format commands of one rectangle of one layer (6 borders × 3 properties at most). */
const FORMAT_RECT_BYTES = 2_500;
/** Estimated bytes of one sheet's set-up: add or clear, marker name, widths, page layout. */
const SHEET_SETUP_BYTES = 8_000;

// What every cell of ours is written in, as styles-write.ts writes it into the .xlsx (not exported there).
const BORDER_COLOR = "#808080";
const FOOTER = "Trang &P/&N";

const BUILT_IN_NAME = /^(_xlnm\.|Print_Titles$|Print_Area$|_FilterDatabase$)/i;

type Look = (typeof LOOKS)[StyleName];
type KnownSheet = { name: string; owner?: string; protected: boolean };
/** What the last snapshot learned, so a write right after it needs no round trip to check ownership. */
type Known = { sheets: KnownSheet[]; readOnly: boolean; structureProtected: boolean };

const sameSheet = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

export class OfficeWorkbook implements WorkbookPort {
  private known: Known | undefined;
  private readonly isSetSupported: IsSetSupported;
  /** Things the last call could not do on this Excel (a missing requirement set), in Vietnamese. */
  notes: string[] = [];

  constructor(
    private readonly run: OfficeRun,
    options: OfficeWorkbookOptions = {},
  ) {
    this.isSetSupported = options.isSetSupported ?? (() => true);
  }

  private supports(version: string): boolean {
    return supportsExcelApi(this.isSetSupported, version);
  }

  /** One Excel.run; Excel's errors come out as WorkbookError with a message the clerk can act on. */
  private async call<T>(hint: ErrorHint, batch: (ctx: XlContext) => Promise<T>): Promise<T> {
    const missing = checkRequirements(this.isSetSupported);
    if (missing !== undefined) throw new WorkbookError(missing, "unsupported");
    try {
      return await this.run(batch);
    } catch (e) {
      throw toWorkbookError(e, hint);
    }
  }

  async snapshot(): Promise<WorkbookSnapshot> {
    this.known = undefined;
    return this.call({}, async (ctx) => {
      const read = this.queueSnapshot(ctx);
      await ctx.sync();
      const { snapshot, known } = read();
      this.known = known;
      return snapshot;
    });
  }

  /**
   * Queues, for one sync: every sheet with its protection and its sheet-scoped names (a nested load
   * of worksheets.items/names, ExcelApi 1.4), the workbook-scoped names, the workbook's read-only and
   * protection flags where Excel has them, and the mapping sheet's values. Names are read as formula
   * text and classified here: getRange() on a name that points to #REF! would fail the whole batch.
   */
  private queueSnapshot(ctx: XlContext): () => { snapshot: WorkbookSnapshot; known: Known } {
    const book = ctx.workbook;
    const hasFormula = this.supports("1.7");
    const nameProps = ["name", "type", "value", "visible", ...(hasFormula ? ["formula"] : [])];
    const sheetProps = ["name", "visibility", "protection/protected", ...nameProps.map((p) => `names/items/${p}`)];
    book.worksheets.load(sheetProps.map((p) => `items/${p}`).join(","));
    book.names.load(nameProps.map((p) => `items/${p}`).join(","));
    if (this.supports("1.8")) book.load("readOnly");
    if (this.supports("1.7")) book.protection.load("protected");
    // On a workbook without the mapping sheet both are null objects, read as "no mapping".
    const mapping = book.worksheets.getItemOrNullObject(MAPPING_SHEET).getUsedRangeOrNullObject(true);
    mapping.load("values,rowIndex,columnIndex");

    return () => {
      const worksheets = book.worksheets.items;
      const sheetNames = worksheets.map((ws) => ws.name);
      const names: DefinedName[] = [];
      const toName = (item: XlNamedItem, scope: string | null): DefinedName => {
        const formula = nameFormula(item, hasFormula);
        return { name: item.name, scope, formula, target: classifyNameFormula(formula, sheetNames), hidden: !item.visible };
      };
      for (const item of book.names.items) if (!BUILT_IN_NAME.test(item.name)) names.push(toName(item, null));
      const sheets: SheetInfo[] = [];
      const known: Known = {
        sheets: [],
        readOnly: this.supports("1.8") ? book.readOnly : false,
        structureProtected: this.supports("1.7") ? book.protection.protected : false,
      };
      for (const ws of worksheets) {
        let owner: string | undefined;
        for (const item of ws.names.items) {
          if (item.name === OWNER_NAME) {
            const target = classifyNameFormula(nameFormula(item, hasFormula), sheetNames);
            if (target.kind === "constant") owner = String(target.value);
          } else if (!BUILT_IN_NAME.test(item.name)) names.push(toName(item, ws.name));
        }
        const visibility = visibilityOf(ws.visibility);
        sheets.push(owner === undefined ? { name: ws.name, visibility } : { name: ws.name, visibility, owner });
        known.sheets.push({ name: ws.name, ...(owner === undefined ? {} : { owner }), protected: ws.protection.protected });
      }
      const snapshot: WorkbookSnapshot = { sheets, names };
      const mappingOwned = sheets.some((s) => s.name === MAPPING_SHEET && s.owner === MAPPING_KEY);
      if (mappingOwned && !mapping.isNullObject && mapping.columnIndex === 0) {
        const column: RawCell[] = Array<RawCell>(mapping.rowIndex).fill(null);
        for (const row of mapping.values) column.push(typeof row[0] === "string" ? row[0] : null);
        const stored = mappingTextFromColumn(column);
        if (stored?.ok) snapshot.mappingText = stored.text;
        else if (stored) snapshot.mappingDamaged = stored.why;
      }
      return { snapshot, known };
    };
  }

  async readRanges(ranges: readonly RangeAddress[]): Promise<RawCell[][][]> {
    if (ranges.length === 0) return [];
    // Not checked against the last snapshot: the clerk may have added the sheet since. A missing
    // sheet fails the sync with ItemNotFound, reported with the sheets asked for.
    const requested = distinct(ranges.map((r) => r.sheet));
    return this.call({ sheets: requested }, async (ctx) => {
      const sheets = new Map<string, XlWorksheet>();
      const blocks = ranges.map((r) => {
        const key = r.sheet.toLocaleLowerCase("vi");
        let ws = sheets.get(key);
        if (!ws) sheets.set(key, (ws = ctx.workbook.worksheets.getItem(r.sheet)));
        const range = ws.getRange(areaAddress(r.top, r.left, r.bottom, r.right));
        range.load(READ_PROPS);
        return range;
      });
      await ctx.sync();
      return blocks.map((b) => cellsOf(b));
    });
  }

  async readSheet(sheet: string): Promise<RawCell[][]> {
    return this.call({ sheets: [sheet] }, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const first = used.getIntersectionOrNullObject(`1:${FIRST_READ_ROWS}`);
      first.load(READ_PROPS);
      await ctx.sync();
      if (used.isNullObject) return [];
      const bottom = used.rowIndex + used.rowCount;
      const right = used.columnIndex + used.columnCount;
      const out: RawCell[][] = Array.from({ length: bottom }, () => Array<RawCell>(right).fill(null));
      const place = (block: XlRange) => {
        if (block.isNullObject) return;
        cellsOf(block).forEach((row, i) => row.forEach((v, j) => (out[block.rowIndex + i]![block.columnIndex + j] = v)));
      };
      place(first);
      // A long roster comes in further blocks, each small enough for Excel on the web's 5 MB limit.
      const step = Math.max(1, Math.min(ROWS_PER_CHUNK, Math.floor(READ_CELLS_PER_SYNC / used.columnCount)));
      for (let top = FIRST_READ_ROWS + 1; top <= bottom; top += step) {
        const block = used.getIntersectionOrNullObject(`${top}:${Math.min(bottom, top + step - 1)}`);
        block.load(READ_PROPS);
        await ctx.sync();
        place(block);
      }
      return out;
    });
  }

  /**
   * Writes our sheets. Ownership is checked from the snapshot taken just before (or from one round
   * trip of its own when there was none) before anything is queued, so a refusal changes nothing.
   * An owned sheet is replaced by clearing it, never by deleting it: a clerk's formula that points
   * into our status sheet ('Trạng thái chỉ tiêu'!E7) would turn into #REF! if the sheet were
   * deleted and added again, and the tab keeps its place.
   */
  async writeSheets(sheets: readonly SheetLayout[], mappingText?: string): Promise<WriteResult> {
    const layouts = mappingText === undefined ? sheets : [...sheets, mappingSheetLayout(mappingText)];
    const remembered = this.known;
    // What a write changes must be learned again before the next write.
    this.known = undefined;
    this.notes = [];
    return this.call({ readOnly: remembered?.readOnly ?? false }, async (ctx) => {
      const known = remembered ?? (await this.learn(ctx));
      const targets = layouts.map((layout) => ({ layout, existing: known.sheets.find((s) => sameSheet(s.name, layout.name)) }));
      refuseUnsafe(targets, known);
      if (known.readOnly) this.notes.push("Sổ tính đang mở chỉ đọc: các trang vừa ghi sẽ mất nếu không lưu thành bản khác (Tệp › Lưu như)");
      if (!this.supports("1.9") && layouts.some((l) => l.print)) {
        this.notes.push("Excel này chưa có ExcelApi 1.9 nên chưa đặt khổ giấy A4, hướng trang và dòng tiêu đề lặp khi in — hãy đặt trong Bố trí trang (page layout skipped)");
      }
      if (!this.supports("1.7") && layouts.some((l) => (l.freezeRows ?? 0) > 0)) {
        this.notes.push("Excel này chưa có ExcelApi 1.7 nên chưa cố định dòng tiêu đề (freeze panes skipped)");
      }

      const batch = new Batch(ctx);
      const written: WriteResult["written"] = [];
      for (const { layout, existing } of targets) {
        const ws = this.setUpSheet(ctx, layout, existing);
        batch.add(SHEET_SETUP_BYTES + 200 * layout.columns.length);
        for (const chunk of chunksOf(layout)) {
          await batch.room(chunk.bytes);
          queueChunk(ws, layout, chunk);
          batch.add(chunk.bytes);
        }
        written.push({ key: layout.key, name: existing?.name ?? layout.name, replaced: existing !== undefined });
      }
      await batch.flush();
      return { written };
    });
  }

  /** Sheets, owners and protection in one round trip, for a write that no snapshot preceded. */
  private async learn(ctx: XlContext): Promise<Known> {
    const read = this.queueSnapshot(ctx);
    await ctx.sync();
    return read().known;
  }

  /** Adds the sheet (with its marker) or clears ours, then sets what belongs to the whole sheet. */
  private setUpSheet(ctx: XlContext, layout: SheetLayout, existing: KnownSheet | undefined): XlWorksheet {
    let ws: XlWorksheet;
    if (existing) {
      // Our marker, with this key, is already there (that is how we know the sheet is ours).
      ws = ctx.workbook.worksheets.getItem(existing.name);
      const all = ws.getRange();
      all.unmerge();
      all.clear("All");
      all.columnHidden = false;
      all.rowHidden = false;
      all.format.useStandardWidth = true;
      all.format.useStandardHeight = true;
      if (this.supports("1.7")) ws.freezePanes.unfreeze();
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
    if (layout.visibility === "veryHidden") ws.visibility = "VeryHidden";

    for (const run of runsOf(layout.columns)) {
      ws.getRange(`${columnName(run.from)}:${columnName(run.to)}`).format.columnWidth = widthInPoints(run.value);
    }
    for (const col of layout.hiddenColumns ?? []) ws.getRange(`${columnName(col)}:${columnName(col)}`).columnHidden = true;
    for (const run of runsOf(layout.rowHeights ?? [])) ws.getRange(`${run.from}:${run.to}`).format.rowHeight = run.value;
    if ((layout.freezeRows ?? 0) > 0 && this.supports("1.7")) ws.freezePanes.freezeRows(layout.freezeRows);
    if (layout.print && this.supports("1.9")) {
      const page = ws.pageLayout;
      page.orientation = layout.print.orientation === "landscape" ? "Landscape" : "Portrait";
      page.paperSize = "A4";
      // As fitToWidth="1" fitToHeight="0" in the .xlsx: one page wide, as many pages tall as needed.
      if (layout.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      const rr = layout.print.repeatRows;
      if (rr) page.setPrintTitleRows(`$${rr.first}:$${rr.last}`);
      page.headersFooters.defaultForAllPages.centerFooter = FOOTER;
    }
    return ws;
  }
}

/** Refuses, before anything is queued: a clerk's sheet of a wanted name, a protected sheet, a locked workbook. */
function refuseUnsafe(targets: ReadonlyArray<{ layout: SheetLayout; existing: KnownSheet | undefined }>, known: Known): void {
  for (const { layout, existing } of targets) {
    if (existing && existing.owner !== layout.key) {
      throw new WorkbookError(`Trang tính "${existing.name}" không phải do Chỉ tiêu xã tạo nên không ghi đè (refusing to overwrite a sheet we do not own)`, "not-owned");
    }
  }
  for (const { existing } of targets) {
    if (existing?.protected) throw new WorkbookError(MESSAGES.protectedSheet(existing.name), "protected");
    if (!existing && known.structureProtected) throw new WorkbookError(MESSAGES.protectedWorkbook, "protected");
  }
}

/** Queued requests, sent when the next chunk would push the estimate over CHUNK_BYTES. */
class Batch {
  private pending = 0;
  constructor(private readonly ctx: XlContext) {}
  add(bytes: number): void {
    this.pending += bytes;
  }
  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > CHUNK_BYTES) await this.flush();
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.pending = 0;
  }
}

/* ---------------------------------------------- reading ---------------------------------------- */

const READ_PROPS = "values,valueTypes,numberFormat,rowIndex,columnIndex";

/**
 * Office.js gives "" for a blank, the error text ("#REF!") for an error, and serial numbers for
 * dates; valueTypes tells a typed "#REF!" text from the error, numberFormat a date from a number.
 */
function cellsOf(range: XlRange): RawCell[][] {
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

/** Name formula text without "=": NamedItem.formula (ExcelApi 1.7), else rebuilt from type and value. */
function nameFormula(item: XlNamedItem, formulaLoaded: boolean): string {
  const raw = formulaLoaded ? item.formula : undefined;
  if (typeof raw === "string" && raw !== "") return raw.replace(/^=/, "");
  const value = item.value;
  switch (item.type) {
    case "String":
      return `"${String(value).replace(/"/g, '""')}"`;
    case "Boolean":
      return value ? "TRUE" : "FALSE";
    case "Integer":
    case "Double":
    case "Range":
    case "Error":
      return String(value).replace(/^=/, "");
    default:
      return "";
  }
}

function visibilityOf(v: string): SheetVisibility {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

function distinct(sheets: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of sheets) if (!out.some((o) => sameSheet(o, s))) out.push(s);
  return out;
}

function areaAddress(top: number, left: number, bottom: number, right: number): string {
  const a = `${columnName(left)}${top}`;
  return top === bottom && left === right ? a : `${a}:${columnName(right)}${bottom}`;
}

/* ---------------------------------------------- writing ---------------------------------------- */

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

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

function widthOf(layout: SheetLayout, top: number, bottom: number): number {
  let w = 1;
  for (let r = top; r <= bottom; r++) w = Math.max(w, layout.rows[r - 1]?.length ?? 0);
  return w;
}

type Rect = { key: string; top: number; bottom: number; left: number; right: number };
/** What a cell contributes to one layer of formatting; cells of one key next to each other share a rectangle. */
type Layer = (cell: CellSpec | null | undefined) => string | undefined;

/**
 * Formatting in three layers, so what many styles share is sent once per block instead of once per
 * style: the font of every styled cell, the thin grey borders of every bordered one, and what each
 * style adds (bold, colour, fill, alignment, number format).
 */
const FONT_LAYER: Layer = (c) => (c?.style ? "font" : undefined);
const BORDER_LAYER: Layer = (c) => (c?.style && LOOKS[c.style].border ? "border" : undefined);
const STYLE_LAYER: Layer = (c) => c?.style;
const LAYERS = [FONT_LAYER, BORDER_LAYER, STYLE_LAYER];

/** Horizontal runs of one key in a row, 1-based columns. */
function runsIn(row: ReadonlyArray<CellSpec | null> | undefined, layer: Layer): Array<{ key: string; left: number; right: number }> {
  const runs: Array<{ key: string; left: number; right: number }> = [];
  (row ?? []).forEach((cell, i) => {
    const key = layer(cell);
    if (key === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.key === key && last.right === i) last.right = i + 1;
    else runs.push({ key, left: i + 1, right: i + 1 });
  });
  return runs;
}

const runId = (r: { key: string; left: number; right: number }) => `${r.key}|${r.left}|${r.right}`;

/** Runs grow downwards into rectangles while the rows below repeat them exactly. */
function rectangles(layout: SheetLayout, top: number, bottom: number, layer: Layer): Rect[] {
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  for (let r = top; r <= bottom; r++) {
    const next = new Map<string, Rect>();
    for (const run of runsIn(layout.rows[r - 1], layer)) {
      let rect = open.get(runId(run));
      if (rect) rect.bottom = r;
      else rects.push((rect = { ...run, top: r, bottom: r }));
      next.set(runId(run), rect);
    }
    open = next;
  }
  return rects;
}

/**
 * The layout's rows cut into chunks under CHUNK_BYTES (estimated: the typed values as JSON, number
 * formats, and a fixed cost per rectangle of formatting) and ROWS_PER_CHUNK.
 */
function* chunksOf(layout: SheetLayout): Generator<Chunk> {
  const total = layout.rows.length;
  let top = 1;
  while (top <= total) {
    let bytes = 0;
    let bottom = top - 1;
    let previous = LAYERS.map(() => new Set<string>());
    while (bottom < total && bottom - top + 1 < ROWS_PER_CHUNK) {
      const row = layout.rows[bottom];
      let rowBytes = utf8Bytes(JSON.stringify((row ?? []).map(typed))) + 2;
      const current = LAYERS.map((layer, i) => {
        const runs = runsIn(row, layer);
        for (const run of runs) if (!previous[i]!.has(runId(run))) rowBytes += FORMAT_RECT_BYTES;
        return new Set(runs.map(runId));
      });
      for (const cell of row ?? []) {
        const fmt = cell?.style ? LOOKS[cell.style].numFmt : undefined;
        if (fmt) rowBytes += fmt.length + 3;
      }
      if (bottom >= top && bytes + rowBytes > CHUNK_BYTES) break;
      bytes += rowBytes;
      previous = current;
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

  const range = (r: Rect) => ws.getRange(areaAddress(r.top, r.left, r.bottom, r.right));
  for (const rect of rectangles(layout, chunk.top, chunk.bottom, FONT_LAYER)) {
    const font = range(rect).format.font;
    font.name = FONT_NAME;
    font.size = FONT_SIZE;
  }
  for (const rect of rectangles(layout, chunk.top, chunk.bottom, BORDER_LAYER)) applyBorders(range(rect), rect);
  for (const rect of rectangles(layout, chunk.top, chunk.bottom, STYLE_LAYER)) applyLook(range(rect), LOOKS[rect.key as StyleName], rect);

  const last = chunk.bottom === layout.rows.length;
  for (const m of layout.merges) {
    if ((m.bottom >= chunk.top && m.bottom <= chunk.bottom) || (last && m.bottom > chunk.bottom)) {
      ws.getRange(areaAddress(m.top, m.left, m.bottom, m.right)).merge(false);
    }
  }
}

const hex = (argb: string) => `#${argb.slice(-6)}`;
const ALIGN = { left: "Left", center: "Center", right: "Right", top: "Top" } as const;

/** Thin grey lines around and inside the block, as styles-write.ts draws them. */
function applyBorders(range: XlRange, size: Rect): void {
  const edges: XlBorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (size.bottom > size.top) edges.push("InsideHorizontal");
  if (size.right > size.left) edges.push("InsideVertical");
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = BORDER_COLOR;
  }
}

/** What a style of LOOKS (the table the .xlsx writer uses) adds to the font and borders, as Office.js formats. */
function applyLook(range: XlRange, look: Look, size: Rect): void {
  const f = range.format;
  if (look.font?.size !== undefined && look.font.size !== FONT_SIZE) f.font.size = look.font.size;
  if (look.font?.bold) f.font.bold = true;
  if (look.font?.italic) f.font.italic = true;
  if (look.font?.color) f.font.color = hex(look.font.color);
  if (look.fill) f.fill.color = hex(look.fill);
  const a = look.align;
  if (a?.h) f.horizontalAlignment = ALIGN[a.h];
  if (a?.v) f.verticalAlignment = ALIGN[a.v];
  if (a?.wrap) f.wrapText = true;
  if (look.numFmt) {
    const fmt = look.numFmt;
    range.numberFormat = Array.from({ length: size.bottom - size.top + 1 }, () => Array<string>(size.right - size.left + 1).fill(fmt));
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
