import { MAPPING_KEY, MAPPING_SHEET, mappingSheetLayout, mappingTextFromColumn } from "../../core/layout/mapping-sheet";
import type { SheetLayout } from "../../core/layout/sheet";
import type { RangeAddress } from "../../core/ref/a1";
import type { RawCell } from "../../core/text/cell";
import { OWNER_NAME, WorkbookError, type SheetInfo, type WorkbookPort, type WorkbookSnapshot, type WriteResult } from "../port";
import { parseDateStyles } from "./date-styles";
import { openPackage, readSheetText, readText, verifyParts, type XlsxPackage } from "./package";
import { parseSharedStrings } from "./shared-strings";
import { readSheetCells, type CellContext } from "./sheet-cells";
import { parseWorkbookXml } from "./workbook-xml";
import { writeSheetsToPackage } from "./write-sheets";
import { attribute, elements } from "./xml-tokens";
import { formulaCellsOfXml } from "./formula-cells";
import { addNameToPackage } from "./add-name";

const REL_SHARED_STRINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

function missingSharedStrings(path: string): WorkbookError {
  return new WorkbookError(
    `Tệp .xlsx bị hỏng: thiếu phần ${path} (bảng chữ dùng chung của mọi ô chữ) — hãy lấy lại bản gốc, hoặc mở bằng Excel và lưu lại`,
    "corrupt",
  );
}

/**
 * The .xlsx adapter of the workbook port, for Node and the browser alike: reads only the parts a
 * request needs and writes our sheets as added parts (see write-sheets.ts).
 */
export class XlsxWorkbook implements WorkbookPort {
  private cellContext: CellContext | undefined;

  private constructor(private readonly pkg: XlsxPackage) {}

  static async open(bytes: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await openPackage(bytes));
  }

  /** workbook.xml read once until we write: every snapshot and sheet read needs its sheets and names. */
  private parsedWorkbook: (ReturnType<typeof parseWorkbookXml> & { date1904: boolean }) | undefined;

  private async workbookXml(): Promise<ReturnType<typeof parseWorkbookXml> & { date1904: boolean }> {
    if (this.parsedWorkbook) return this.parsedWorkbook;
    const xml = (await readText(this.pkg.zip, this.pkg.workbookPath))!;
    const wbPr = elements(xml, this.pkg.workbookPath).find((e) => e.path === "workbook/workbookPr");
    const date1904 = wbPr ? attribute(xml, wbPr.tag, "date1904") : undefined;
    this.parsedWorkbook = { ...parseWorkbookXml(xml, this.pkg.workbookPath), date1904: date1904 === "1" || date1904 === "true" };
    return this.parsedWorkbook;
  }

  private async context(date1904: boolean): Promise<CellContext> {
    if (this.cellContext) return this.cellContext;
    const rels = [...this.pkg.workbookRels.values()];
    const ssPath = rels.find((r) => r.type === REL_SHARED_STRINGS)?.target;
    const stPath = rels.find((r) => r.type === REL_STYLES)?.target;
    const ss = ssPath ? await readText(this.pkg.zip, ssPath) : undefined;
    if (ssPath && ss === undefined) throw missingSharedStrings(ssPath);
    const st = stPath ? await readText(this.pkg.zip, stPath) : undefined;
    this.cellContext = {
      sharedStrings: ss !== undefined && ssPath ? parseSharedStrings(ss, ssPath) : undefined,
      dateStyles: st && stPath ? parseDateStyles(st, stPath) : [],
      date1904,
    };
    return this.cellContext;
  }

  async snapshot(): Promise<WorkbookSnapshot> {
    const wb = await this.workbookXml();
    const owners = new Map<string, string>();
    for (const n of wb.names) {
      if (n.name === OWNER_NAME && n.scope !== null && n.target.kind === "constant") owners.set(n.scope, String(n.target.value));
    }
    const sheets: SheetInfo[] = wb.sheets.map((s) => {
      const owner = owners.get(s.name);
      return owner === undefined ? { name: s.name, visibility: s.visibility } : { name: s.name, visibility: s.visibility, owner };
    });
    const names = wb.names.filter((n) => n.name !== OWNER_NAME);
    const mappingSheet = sheets.find((s) => s.name === MAPPING_SHEET && s.owner === MAPPING_KEY);
    if (!mappingSheet) return { sheets, names };
    const [cells] = await this.readRanges([{ sheet: MAPPING_SHEET, top: 1, left: 1, bottom: 1000, right: 1 }]);
    const stored = mappingTextFromColumn((cells ?? []).map((r) => r[0] ?? null));
    if (stored === undefined) return { sheets, names };
    return stored.ok ? { sheets, names, mappingText: stored.text } : { sheets, names, mappingDamaged: stored.why };
  }

  async readRanges(ranges: readonly RangeAddress[]): Promise<RawCell[][][]> {
    const wb = await this.workbookXml();
    const ctx = await this.context(wb.date1904);
    const out: RawCell[][][] = ranges.map((r) =>
      Array.from({ length: r.bottom - r.top + 1 }, () => Array<RawCell>(r.right - r.left + 1).fill(null)),
    );
    const bySheet = new Map<string, number[]>();
    ranges.forEach((r, i) => {
      const key = r.sheet.toLocaleLowerCase("vi");
      bySheet.set(key, [...(bySheet.get(key) ?? []), i]);
    });
    for (const [key, indexes] of bySheet) {
      const sheet = wb.sheets.find((s) => s.name.toLocaleLowerCase("vi") === key);
      if (!sheet) throw new WorkbookError(`Không có trang tính "${ranges[indexes[0]!]!.sheet}" trong sổ tính`, "not-found");
      const part = this.pkg.workbookRels.get(sheet.rId)?.target;
      const text = part ? await readSheetText(this.pkg.zip, part) : undefined;
      if (!part || text === undefined) throw new WorkbookError(`Tệp .xlsx bị hỏng: thiếu phần của trang "${sheet.name}"`, "corrupt");
      const rs = indexes.map((i) => ranges[i]!);
      readSheetCells(
        text.xml,
        part,
        ctx,
        {
          wants: (row, col) => rs.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right),
          visit: (row, col, value) => {
            indexes.forEach((i) => {
              const r = ranges[i]!;
              if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) out[i]![row - r.top]![col - r.left] = value;
            });
          },
          lastRow: Math.max(...rs.map((r) => r.bottom)),
        },
        text.encoding,
      );
    }
    return out;
  }

  async readSheet(name: string): Promise<RawCell[][]> {
    const wb = await this.workbookXml();
    const ctx = await this.context(wb.date1904);
    const sheet = wb.sheets.find((s) => s.name.toLocaleLowerCase("vi") === name.toLocaleLowerCase("vi"));
    if (!sheet) throw new WorkbookError(`Không có trang tính "${name}" trong sổ tính`, "not-found");
    const part = this.pkg.workbookRels.get(sheet.rId)?.target;
    const text = part ? await readSheetText(this.pkg.zip, part) : undefined;
    if (!part || text === undefined) throw new WorkbookError(`Tệp .xlsx bị hỏng: thiếu phần của trang "${sheet.name}"`, "corrupt");
    const rows: RawCell[][] = [];
    let right = 0;
    readSheetCells(
      text.xml,
      part,
      ctx,
      {
        wants: () => true,
        visit: (row, col, value) => {
          if (value === null) return;
          while (rows.length < row) rows.push([]);
          rows[row - 1]![col - 1] = value;
          right = Math.max(right, col);
        },
      },
      text.encoding,
    );
    // Sparse rows become full rectangles with null for blanks, as the other adapters return; in place,
    // since a second copy of a 100 000-row roster is what would set the peak memory.
    for (const r of rows) {
      for (let i = 0; i < right; i++) if (r[i] === undefined) r[i] = null;
    }
    return rows;
  }

  async formulaCells(name: string): Promise<ReadonlySet<string>> {
    const wb = await this.workbookXml();
    const sheet = wb.sheets.find((s) => s.name.toLocaleLowerCase("vi") === name.toLocaleLowerCase("vi"));
    const part = sheet ? this.pkg.workbookRels.get(sheet.rId)?.target : undefined;
    const xml = part ? await readText(this.pkg.zip, part) : undefined;
    return xml === undefined || part === undefined ? new Set() : formulaCellsOfXml(xml, part);
  }

  async addName(name: string, ref: string): Promise<void> {
    // workbook.xml changes: the names parsed from it before are stale.
    this.parsedWorkbook = undefined;
    await addNameToPackage(this.pkg, name, ref);
    this.parsedWorkbook = undefined;
  }

  async writeSheets(sheets: readonly SheetLayout[], mappingText?: string): Promise<WriteResult> {
    const layouts = mappingText === undefined ? sheets : [...sheets, mappingSheetLayout(mappingText)];
    this.parsedWorkbook = undefined;
    const result = await writeSheetsToPackage(this.pkg, layouts);
    this.cellContext = undefined;
    this.parsedWorkbook = undefined;
    return result;
  }

  /** The package as .xlsx bytes; parts we did not write keep their original compressed bytes, ours are
   * compressed fast (level 1): a 60 000-row list compresses 3× faster for a slightly larger file. */
  async save(): Promise<Uint8Array> {
    await verifyParts(this.pkg.zip);
    return this.pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
  }
}
