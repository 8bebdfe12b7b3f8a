import type { RawCell } from "../core/text/cell";
import type { RangeAddress } from "../core/ref/a1";
import type { SheetLayout } from "../core/layout/sheet";

/** What a defined name points to, as Excel resolves it. */
export type NameTarget =
  | { kind: "range"; range: RangeAddress }
  /** The name's formula contains #REF! (its cells were deleted). */
  | { kind: "ref-error" }
  /** ="text", 42, TRUE: a constant, not a cell. */
  | { kind: "constant"; value: string | number | boolean }
  /** Anything else (OFFSET(...), a sum, another name): not a cell we can read. */
  | { kind: "formula" };

export type DefinedName = {
  name: string;
  /** The sheet a sheet-scoped name belongs to; null for a workbook-scoped name. */
  scope: string | null;
  /** The name's formula as stored, without the leading "=". */
  formula: string;
  target: NameTarget;
  hidden: boolean;
};

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export type SheetInfo = {
  name: string;
  visibility: SheetVisibility;
  /** The key of the owned layout this sheet was written from ("status", "PL03", "mapping"); absent for the clerk's sheets. */
  owner?: string;
};

/** What one round trip tells about a workbook: its sheets, names and stored mapping. */
export type WorkbookSnapshot = {
  sheets: SheetInfo[];
  names: DefinedName[];
  /** The mapping JSON stored in the owned very-hidden sheet, if any. */
  mappingText?: string;
  /** Why the stored mapping cannot be trusted (checksum, cut, edited); mappingText is then absent. */
  mappingDamaged?: string;
};

export type WriteResult = { written: Array<{ key: string; name: string; replaced: boolean }> };

/**
 * The small interface the core needs from a workbook. Adapters translate; they decide nothing:
 * sheet names and what to write come in decided; an adapter refuses (throws WorkbookError)
 * rather than replace a sheet that is not marked as ours.
 */
export interface WorkbookPort {
  snapshot(): Promise<WorkbookSnapshot>;
  /** Values of each range as rows × columns, blanks as null and error values as { error }. One round trip. */
  readRanges(ranges: readonly RangeAddress[]): Promise<RawCell[][][]>;
  /**
   * Every value of a sheet from A1 to the last used cell (rosters of unknown length), rows × columns,
   * blanks as null. One round trip (an adapter may chunk a large sheet).
   */
  readSheet(sheet: string): Promise<RawCell[][]>;
  /** Writes (or replaces) owned sheets and, when given, the stored mapping. One round trip plus chunks. */
  writeSheets(sheets: readonly SheetLayout[], mappingText?: string): Promise<WriteResult>;
  /**
   * The cells of a sheet that hold a formula (A1, "G7"): how a verdict typed over our formula is told
   * from the formula's own result. Optional: an adapter that cannot tell leaves it out.
   */
  formulaCells?(sheet: string): Promise<ReadonlySet<string>>;
  /**
   * Adds a workbook-scoped defined name for a cell or range ("'Số liệu'!B6"), as the clerk would in
   * Excel: how an accepted proposal for an unnamed cell gets its readable name. Refuses (WorkbookError)
   * a name Excel refuses (a cell address, spaces, a leading digit) or one the workbook already has.
   * Optional: an adapter that cannot add names leaves it out.
   */
  addName?(name: string, ref: string): Promise<void>;
}

/** A failure the clerk can act on, in Vietnamese only (the pane shows it as it is). */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code: "not-found" | "corrupt" | "not-xlsx" | "not-owned" | "protected" | "read-only" | "busy" | "unsupported" | "other",
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** The sheet-scoped defined name that marks a sheet as written by us; its value is the layout key. */
export const OWNER_NAME = "ChiTieuXa_SoHuu";
