/* The fake Excel's model: sheets, cells, names, as office-fake.ts describes. */
import type { RawCell } from "../../src/core/text/cell";

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;
export const DAY_MS = 86_400_000;
export const EPOCH_1900 = Date.UTC(1899, 11, 30);

export type Area = { top: number; left: number; bottom: number; right: number };
export type Content =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "formula"; formula: string };

export class FakeSheet {
  cells = new Map<string, Content>();
  numberFormats = new Map<string, string>();
  names: FakeName[] = [];
  /** Format properties as set, in order: { area, "font.bold": true }. */
  formats: Array<{ area: Area; props: Record<string, unknown> }> = [];
  merges: Area[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  frozenRows = 0;
  page: Record<string, unknown> = {};
  conditionalFormats: FakeConditionalFormat[] = [];
  protected = false;
  /** Cells made on demand (a 100 000-row roster without 4 million map entries); stored cells win. */
  generated: { rows: number; columns: number; cell: (row: number, col: number) => RawCell } | undefined;
  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}
  contentAt(row: number, col: number): Content | undefined {
    const k = key(row, col);
    const stored = this.cells.get(k);
    if (stored || !this.generated || row > this.generated.rows || col > this.generated.columns) return stored;
    const v = this.generated.cell(row, col);
    return v === null ? undefined : contentOf(v);
  }
  numberFormatAt(row: number, col: number): string | undefined {
    const stored = this.numberFormats.get(key(row, col));
    if (
      stored !== undefined ||
      !this.generated ||
      this.cells.has(key(row, col)) ||
      row > this.generated.rows ||
      col > this.generated.columns
    )
      return stored;
    return this.generated.cell(row, col) instanceof Date ? "dd/mm/yyyy" : undefined;
  }
}

/** A fixture value as Excel stores it: a Date as its serial number. */
export function contentOf(value: Exclude<RawCell, null>): Content {
  if (value instanceof Date) return { kind: "number", value: (value.getTime() - EPOCH_1900) / DAY_MS };
  if (typeof value === "object") return { kind: "error", value: value.error };
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "number") return { kind: "number", value };
  return { kind: "boolean", value: value === true };
}

export class FakeName {
  constructor(
    public name: string,
    /** As Excel reports it, with the leading "=". */
    public formula: string,
    public visible = true,
  ) {}
}

/** A cell-value conditional format as Excel keeps it. */
export type FakeConditionalFormat = { area: Area; formula1?: string; operator?: string; fill?: string; fontColor?: string; bold?: boolean };

export type SyncRecord = { requestBytes: number; responseBytes: number; commands: number };

export type FakeInit = {
  sheets: ReadonlyArray<{
    name: string;
    cells?: Record<string, RawCell>;
    visibility?: "visible" | "hidden" | "veryHidden";
    protected?: boolean;
    generate?: FakeSheet["generated"];
  }>;
  /** Formulas as stored in workbook.xml, without "=". */
  names?: ReadonlyArray<{ name: string; scope?: string | null; formula: string; hidden?: boolean }>;
};

export type OfficeError = Error & { code: string; debugInfo: { code: string; message: string } };

export function officeError(code: string, message = `${code} (fake)`): OfficeError {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { code, message } });
}

export function notLoaded(prop: string): Error {
  return officeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const key = (row: number, col: number) => `${row},${col}`;
export const same = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3", "A1:C9", "3:5", "C:D", or undefined for the whole sheet. */
export function parseAddress(address?: string): Area {
  if (address === undefined) return { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL };
  const parts = address.replace(/\$/g, "").split(":");
  const one = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(p);
    if (!m || (m[1] === "" && m[2] === "")) throw officeError("InvalidArgument", `bad address ${address}`);
    return { col: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  };
  const a = one(parts[0]!);
  const b = one(parts[1] ?? parts[0]!);
  return { top: a.row ?? 1, left: a.col ?? 1, bottom: b.row ?? MAX_ROW, right: b.col ?? MAX_COL };
}

export function intersect(a: Area, b: Area): Area | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top > r.bottom || r.left > r.right ? null : r;
}

export const inside = (a: Area, row: number, col: number) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;

export function utf8(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** What typing `input` into a cell stores (Range.values and Range.formulas setters do the same). */
export function typedContent(input: unknown, numberFormat: string | undefined): Content | null {
  if (input === "" || input === null || input === undefined) return null;
  if (typeof input === "number") return { kind: "number", value: input };
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  const s = String(input);
  if (s.startsWith("'")) return { kind: "string", value: s.slice(1) };
  if (numberFormat === "@") return { kind: "string", value: s };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(s)) return { kind: "number", value: Number(s) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(s)) return { kind: "number", value: Number(s.slice(0, -1)) / 100 };
  if (/^(TRUE|FALSE)$/i.test(s)) return { kind: "boolean", value: s.toUpperCase() === "TRUE" };
  if (/^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(s)) return { kind: "error", value: s };
  if (/^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(s)) return { kind: "number", value: 45000 }; // a date, as Excel would guess it
  if (/^[=+\-@]/.test(s)) return { kind: "formula", formula: s.replace(/^=/, "") };
  return { kind: "string", value: s };
}

/** What the proxies reach of the fake Excel (office-fake.ts's FakeExcel): its model, its log, its refusals. */
export interface FakeHost {
  sheets: FakeSheet[];
  names: FakeName[];
  structureProtected: boolean;
  readOnly: boolean;
  apiVersion: string;
  payloadLimit: number;
  selection: string;
  active: string;
  log: SyncRecord[];
  takeFailure(): OfficeError | undefined;
  refusedMember(members: readonly string[]): { member: string; set: string } | undefined;
  rangeAt(ref: string, scope?: FakeSheet): { sheet: FakeSheet; area: Area } | null;
  sheet(name: string): FakeSheet | undefined;
  valueOf(sheet: FakeSheet, row: number, col: number, depth?: number): Exclude<Content, { kind: "formula" }> | null;
}
