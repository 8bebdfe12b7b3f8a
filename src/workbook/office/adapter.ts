/*
 * The Office.js adapter of the workbook port: the live workbook inside Excel. Every port call is one
 * Excel.run with a constant number of context.sync() round trips — snapshot 1, readRanges 1 (+1 per
 * further request of about 2 MB), readSheet 1 (+1 per further block of a long roster), writeSheets 1
 * (+1 per further chunk of about 2 MB, +1 when no snapshot came first), formulaCells 0 right after
 * readSheet of a sheet of ours (else as readSheet) — never one per indicator or per cell. Reading, writing, formatting and request sizing live in their own files beside this one.
 *
 * Excel.run comes in through the constructor (the task pane passes Excel.run, tests a recording
 * fake); the Excel and Office globals are never read here.
 */
import { mappingSheetLayout } from "../../core/layout/mapping-sheet";
import type { SheetLayout } from "../../core/layout/sheet";
import type { RangeAddress } from "../../core/ref/a1";
import type { RawCell } from "../../core/text/cell";
import { WorkbookError, type WorkbookPort, type WorkbookSnapshot, type WriteResult } from "../port";
import { MESSAGES, toWorkbookError, type ErrorHint } from "./errors";
import { readRangesIn, readSheetIn } from "./read";
import { abilitiesOf, checkRequirements, type Abilities, type IsSetSupported } from "./requirements";
import { selectedReference, selectReference } from "./select";
import { Batch } from "./sizing";
import { addNameIn } from "./add-name";
import { queueSnapshot, type Known, type KnownSheet } from "./snapshot";
import type { OfficeRun, XlContext } from "./types";
import { chunkPart, chunksOf, setUpPart, type SetUp } from "./write";

export type { OfficeRun, XlContext } from "./types";
export { CHUNK_BYTES, PAYLOAD_LIMIT_BYTES, ROWS_PER_CHUNK } from "./sizing";
export { widthInPoints } from "./write";

export type OfficeWorkbookOptions = {
  /** Office.context.requirements.isSetSupported; absent means a current Excel (everything supported). */
  isSetSupported?: IsSetSupported;
};

const sameSheet = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

export class OfficeWorkbook implements WorkbookPort {
  private known: Known | undefined;
  /** Formula cells read with a sheet's values, by lower-cased sheet name; forgotten at the next snapshot or write. */
  private readonly formulasRead = new Map<string, ReadonlySet<string>>();
  private readonly isSetSupported: IsSetSupported;
  /** Things the last call could not do on this Excel (a missing requirement set), in Vietnamese. */
  notes: string[] = [];

  constructor(
    private readonly run: OfficeRun,
    options: OfficeWorkbookOptions = {},
  ) {
    this.isSetSupported = options.isSetSupported ?? (() => true);
  }

  private get can(): Abilities {
    return abilitiesOf(this.isSetSupported);
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
    this.formulasRead.clear();
    return this.call({}, async (ctx) => {
      const read = queueSnapshot(ctx, this.can);
      await ctx.sync();
      const { snapshot, known } = read();
      this.known = known;
      return snapshot;
    });
  }

  async readRanges(ranges: readonly RangeAddress[]): Promise<RawCell[][][]> {
    if (ranges.length === 0) return [];
    // Not checked against the last snapshot: the clerk may have added the sheet since. A missing
    // sheet fails the sync with ItemNotFound, reported with the sheets asked for.
    const requested = distinct(ranges.map((r) => r.sheet));
    return this.call({ sheets: requested }, (ctx) => readRangesIn(ctx, ranges));
  }

  /**
   * A sheet of ours (owned in the last snapshot: the status sheet, small) is read with its formulas
   * in the same syncs, so formulaCells right after it (the check's typed-over verdicts) costs no
   * round trip. A clerk's sheet (a roster of thousands of rows) is read without them.
   */
  async readSheet(sheet: string): Promise<RawCell[][]> {
    const owned = this.known?.sheets.find((s) => sameSheet(s.name, sheet))?.owner !== undefined;
    if (!owned) return this.call({ sheets: [sheet] }, (ctx) => readSheetIn(ctx, sheet));
    const formulas = new Set<string>();
    const rows = await this.call({ sheets: [sheet] }, (ctx) => readSheetIn(ctx, sheet, formulas));
    this.formulasRead.set(sheet.toLocaleLowerCase("vi"), formulas);
    return rows;
  }

  /**
   * The cells of a sheet that hold a formula: those read with the sheet's values since the last
   * snapshot, else read now (the used range, in as many syncs as readSheet). A sheet that is not
   * there has none, as in the .xlsx adapter.
   */
  async formulaCells(sheet: string): Promise<ReadonlySet<string>> {
    const read = this.formulasRead.get(sheet.toLocaleLowerCase("vi"));
    if (read) return read;
    const formulas = new Set<string>();
    try {
      await this.call({ sheets: [sheet] }, (ctx) => readSheetIn(ctx, sheet, formulas));
    } catch (e) {
      if (e instanceof WorkbookError && e.code === "not-found") return new Set();
      throw e;
    }
    return formulas;
  }

  /** Selects a cell, a range or a name's range in Excel, activating its sheet. */
  select(ref: string): Promise<void> {
    return selectReference(this.run, ref);
  }

  /** The one cell the clerk selected, as the mapping writes it. */
  selectedCell(): Promise<string> {
    return selectedReference(this.run);
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
    this.formulasRead.clear();
    this.notes = [];
    const can = this.can;
    const hint = { readOnly: remembered?.readOnly ?? false, structureProtected: remembered?.structureProtected ?? false };
    return this.call(hint, async (ctx) => {
      const known = remembered ?? (await this.learn(ctx));
      hint.readOnly = known.readOnly;
      hint.structureProtected = known.structureProtected;
      const targets = layouts.map((layout) => ({ layout, existing: known.sheets.find((s) => sameSheet(s.name, layout.name)) }));
      refuseUnsafe(targets, known);
      this.notes.push(...notesFor(layouts, known, can));

      const batch = new Batch(ctx);
      const written: WriteResult["written"] = [];
      for (const { layout, existing } of targets) {
        const name = existing?.name ?? layout.name;
        const setUp: SetUp = { layout, existing: existing?.name, setVisibility: existing?.visibility !== layout.visibility };
        await batch.add(setUpPart(ctx, setUp, can));
        for (const chunk of chunksOf(layout)) await batch.add(chunkPart(ctx, name, layout, chunk));
        written.push({ key: layout.key, name, replaced: existing !== undefined });
      }
      await batch.flush();
      return { written };
    });
  }

  /** A workbook-scoped name for a cell (names.add, ExcelApi 1.4): one round trip, Excel's refusals in words. */
  async addName(name: string, ref: string): Promise<void> {
    this.known = undefined;
    return this.call({}, (ctx) => addNameIn(ctx, name, ref));
  }

  /** Sheets, owners and protection in one round trip, for a write that no snapshot preceded. */
  private async learn(ctx: XlContext): Promise<Known> {
    const read = queueSnapshot(ctx, this.can);
    await ctx.sync();
    return read().known;
  }
}

/** What this Excel will leave undone in this write, each said once. */
function notesFor(layouts: readonly SheetLayout[], known: Known, can: Abilities): string[] {
  const notes: string[] = [];
  if (known.readOnly) notes.push("Sổ tính đang mở chỉ đọc: các trang vừa ghi sẽ mất nếu không lưu thành bản khác (Tệp › Lưu như)");
  if (!can.page && layouts.some((l) => l.print)) {
    notes.push(
      "Excel này chưa có ExcelApi 1.9 nên chưa đặt khổ giấy A4, hướng trang và dòng tiêu đề lặp khi in — hãy đặt trong Bố trí trang",
    );
  }
  if (!can.freeze && layouts.some((l) => (l.freezeRows ?? 0) > 0)) {
    notes.push("Excel này chưa có ExcelApi 1.7 nên chưa cố định dòng tiêu đề");
  }
  if (!can.conditionalFormats && layouts.some((l) => (l.conditionalFormats?.length ?? 0) > 0)) {
    notes.push(
      "Excel này chưa có ExcelApi 1.6 nên màu của cột kết luận là màu theo kết quả lúc ghi, không tự đổi khi sửa số liệu — hãy chạy lại Đánh giá sau khi sửa",
    );
  }
  return notes;
}

/**
 * Refuses, before anything is queued: a clerk's sheet of a wanted name, a protected sheet, a locked
 * workbook structure when a sheet must be added or hidden.
 */
function refuseUnsafe(targets: ReadonlyArray<{ layout: SheetLayout; existing: KnownSheet | undefined }>, known: Known): void {
  for (const { layout, existing } of targets) {
    if (existing && existing.owner !== layout.key) {
      throw new WorkbookError(`Trang tính "${existing.name}" không phải do Chỉ tiêu xã tạo nên không ghi đè`, "not-owned");
    }
  }
  for (const { layout, existing } of targets) {
    if (existing?.protected) throw new WorkbookError(MESSAGES.protectedSheet(existing.name), "protected");
    if (!existing && known.structureProtected) throw new WorkbookError(MESSAGES.protectedWorkbook, "protected");
    // Hiding a sheet changes the structure: Excel refuses it with a bare "access denied".
    if (existing && known.structureProtected && existing.visibility !== layout.visibility && layout.visibility === "veryHidden") {
      throw new WorkbookError(MESSAGES.protectedStructureHide(existing.name), "protected");
    }
  }
}

function distinct(sheets: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of sheets) if (!out.some((o) => sameSheet(o, s))) out.push(s);
  return out;
}
