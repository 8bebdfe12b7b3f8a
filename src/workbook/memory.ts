import { MAPPING_KEY, MAPPING_SHEET, mappingSheetLayout, mappingTextFromColumn } from "../core/layout/mapping-sheet";
import type { CellValue, SheetLayout } from "../core/layout/sheet";
import { cellRef, columnIndex, type RangeAddress } from "../core/ref/a1";
import type { RawCell } from "../core/text/cell";
import { WorkbookError, type DefinedName, type SheetVisibility, type WorkbookPort, type WorkbookSnapshot, type WriteResult } from "./port";
import { classifyNameFormula } from "./common/name-formula";
import { newNameFormula } from "./common/new-name";

type MemorySheet = {
  name: string;
  visibility: SheetVisibility;
  cells: Map<string, RawCell>;
  owner?: string;
  formulas: Map<string, string>;
  /** The layout last written to a sheet of ours: how it is to look, for the shared suite's rendering check. */
  layout?: SheetLayout;
};

export type MemoryWorkbookInit = {
  sheets: Array<{ name: string; visibility?: SheetVisibility; cells?: Record<string, RawCell> }>;
  names?: Array<{ name: string; scope?: string | null; formula: string; hidden?: boolean }>;
};

const toRaw = (v: CellValue): RawCell => v;

/**
 * The workbook port over plain maps: the reference the other adapters are held to by the shared
 * suite, and a fast stand-in for the shells' tests. It counts round trips like a real host would.
 */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets: MemorySheet[];
  readonly names: DefinedName[];
  /** Round trips so far, one per port call, as Office.js would sync. */
  roundTrips = 0;
  /** Sheets of ours read since the last snapshot or write (lower case): their formulas came with them. */
  private readonly readWithFormulas = new Set<string>();
  /** Our sheets as the last snapshot listed them (lower case); none known after a write, as in Office.js. */
  private readonly ownedAtSnapshot = new Set<string>();

  constructor(init: MemoryWorkbookInit) {
    this.sheets = init.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility ?? "visible",
      cells: new Map(Object.entries(s.cells ?? {})),
      formulas: new Map(),
    }));
    const sheetNames = this.sheets.map((s) => s.name);
    this.names = (init.names ?? []).map((n) => ({
      name: n.name,
      scope: n.scope ?? null,
      formula: n.formula,
      target: classifyNameFormula(n.formula, sheetNames),
      hidden: n.hidden ?? false,
    }));
  }

  private sheet(name: string): MemorySheet | undefined {
    const key = name.toLocaleLowerCase("vi");
    return this.sheets.find((s) => s.name.toLocaleLowerCase("vi") === key);
  }

  /** A cell's value, for tests. */
  cell(sheet: string, a1: string): RawCell {
    return this.sheet(sheet)?.cells.get(a1) ?? null;
  }

  /** A cell's formula, for tests. */
  formula(sheet: string, a1: string): string | undefined {
    return this.sheet(sheet)?.formulas.get(a1);
  }

  async snapshot(): Promise<WorkbookSnapshot> {
    this.roundTrips++;
    this.readWithFormulas.clear();
    this.ownedAtSnapshot.clear();
    for (const s of this.sheets) if (s.owner !== undefined) this.ownedAtSnapshot.add(s.name.toLocaleLowerCase("vi"));
    const sheets = this.sheets.map((s) =>
      s.owner === undefined ? { name: s.name, visibility: s.visibility } : { name: s.name, visibility: s.visibility, owner: s.owner },
    );
    const mapping = this.sheets.find((s) => s.name === MAPPING_SHEET && s.owner === MAPPING_KEY);
    const names = this.names.map((n) => ({ ...n }));
    if (!mapping) return { sheets, names };
    const column: RawCell[] = [];
    for (let r = 1; mapping.cells.has(cellRef(r, 1)); r++) column.push(mapping.cells.get(cellRef(r, 1)) ?? null);
    const stored = mappingTextFromColumn(column);
    if (stored === undefined) return { sheets, names };
    return stored.ok ? { sheets, names, mappingText: stored.text } : { sheets, names, mappingDamaged: stored.why };
  }

  async readRanges(ranges: readonly RangeAddress[]): Promise<RawCell[][][]> {
    this.roundTrips++;
    return ranges.map((r) => {
      const sheet = this.sheet(r.sheet);
      if (!sheet) throw new WorkbookError(`Không có trang tính "${r.sheet}" trong sổ tính`, "not-found");
      const rows: RawCell[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const out: RawCell[] = [];
        for (let col = r.left; col <= r.right; col++) out.push(sheet.cells.get(cellRef(row, col)) ?? null);
        rows.push(out);
      }
      return rows;
    });
  }

  async readSheet(name: string): Promise<RawCell[][]> {
    this.roundTrips++;
    const sheet = this.sheet(name);
    if (!sheet) throw new WorkbookError(`Không có trang tính "${name}" trong sổ tính`, "not-found");
    if (this.ownedAtSnapshot.has(name.toLocaleLowerCase("vi"))) this.readWithFormulas.add(name.toLocaleLowerCase("vi"));
    let bottom = 0;
    let right = 0;
    for (const [ref, value] of sheet.cells) {
      if (value === null) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      bottom = Math.max(bottom, Number(m[2]));
      right = Math.max(right, columnIndex(m[1]!));
    }
    const rows: RawCell[][] = [];
    for (let r = 1; r <= bottom; r++) {
      const row: RawCell[] = [];
      for (let c = 1; c <= right; c++) row.push(sheet.cells.get(cellRef(r, c)) ?? null);
      rows.push(row);
    }
    return rows;
  }

  /**
   * The cells holding a formula; a sheet that is not there has none, as in the .xlsx adapter. Counted
   * as Office.js costs it: nothing for a sheet of ours read since the last snapshot or write (Excel
   * read its formulas with its values), else a round trip.
   */
  async formulaCells(name: string): Promise<ReadonlySet<string>> {
    if (!this.readWithFormulas.has(name.toLocaleLowerCase("vi"))) this.roundTrips++;
    return new Set(this.sheet(name)?.formulas.keys() ?? []);
  }

  /** A value typed into a cell, for tests: as in Excel, it replaces the cell's formula. */
  type(sheet: string, a1: string, value: RawCell): void {
    const s = this.sheet(sheet);
    if (!s) throw new WorkbookError(`Không có trang tính "${sheet}" trong sổ tính`, "not-found");
    s.formulas.delete(a1);
    if (value === null) s.cells.delete(a1);
    else s.cells.set(a1, value);
  }

  async addName(name: string, ref: string): Promise<void> {
    this.roundTrips++;
    const sheetNames = this.sheets.map((s) => s.name);
    const formula = newNameFormula(name, ref, sheetNames, this.names);
    this.names.push({ name, scope: null, formula, target: classifyNameFormula(formula, sheetNames), hidden: false });
  }

  async writeSheets(layouts: readonly SheetLayout[], mappingText?: string): Promise<WriteResult> {
    this.roundTrips++;
    this.readWithFormulas.clear();
    this.ownedAtSnapshot.clear();
    const all = mappingText === undefined ? layouts : [...layouts, mappingSheetLayout(mappingText)];
    // Check every target before writing any, so a refusal leaves the workbook as it was.
    for (const layout of all) {
      const existing = this.sheet(layout.name);
      if (existing && existing.owner !== layout.key) {
        throw new WorkbookError(`Trang tính "${existing.name}" không phải do Chỉ tiêu xã tạo nên không ghi đè`, "not-owned");
      }
    }
    const written: WriteResult["written"] = [];
    for (const layout of all) {
      const existing = this.sheet(layout.name);
      const sheet: MemorySheet = existing ?? {
        name: layout.name,
        visibility: layout.visibility,
        cells: new Map(),
        formulas: new Map(),
        owner: layout.key,
      };
      sheet.cells.clear();
      sheet.formulas.clear();
      sheet.layout = layout;
      layout.rows.forEach((row, ri) =>
        row.forEach((cell, ci) => {
          if (!cell) return;
          const ref = cellRef(ri + 1, ci + 1);
          if (cell.value !== null) sheet.cells.set(ref, toRaw(cell.value));
          if (cell.formula !== undefined) sheet.formulas.set(ref, cell.formula);
        }),
      );
      if (!existing) this.sheets.push(sheet);
      written.push({ key: layout.key, name: sheet.name, replaced: existing !== undefined });
    }
    return { written };
  }
}
