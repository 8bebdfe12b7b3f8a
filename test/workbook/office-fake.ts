/*
 * A small recording fake of the Excel API subset the Office.js adapter uses (the Xl* types of
 * src/workbook/office/adapter.ts), over an in-memory grid. It behaves like Excel where it matters to
 * the adapter's call pattern:
 * - calls only queue commands; context.sync() runs them in order and counts the round trip, with
 *   the request's size (queued commands as JSON, UTF-8) and the response's (loaded values);
 * - a property is readable only after load() and a sync (else it throws, as Office.js does), and
 *   isNullObject only after a sync; a null object's children are null objects;
 * - getItem() of a missing sheet fails the sync with ItemNotFound; writing to a protected sheet or
 *   adding a sheet to a protected workbook with AccessDenied; adding an existing sheet or name with
 *   ItemAlreadyExists — commands before the failing one stay done, as in Excel;
 * - input is typed as a clerk types it: "=…" is a formula, "+84 912" too, "3.2" a number, "TRUE" a
 *   boolean, "'text" text; formulas yield a value (literals, one cell, a name of one cell);
 * - names of both scopes, including one whose formula is =#REF!;
 * - every command and load path carries the Excel members it uses (Excel.<Type>.<member>); sync()
 *   refuses, with ApiNotFound, the first command whose member needs a set above `apiVersion`, by the
 *   same table of requirement sets the API contract test reads (commands before it stay done);
 * - conditional formats (cell-value rules), selection, activation, and a hidden sheet that cannot be
 *   activated;
 * - failNextSync(code) makes the next sync fail with that Office error code; failSyncAfter(n, code)
 *   lets n syncs pass first.
 */
import type { RawCell } from "../../src/core/text/cell";
import type {
  OfficeRun,
  XlBorderEdge,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlNamedItem,
  XlNamedItemCollection,
  XlPageLayout,
  XlRange,
  XlRangeFormat,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from "../../src/workbook/office/types";
import { minor, setOf } from "./office-api-sets";
import { isNameSyntax } from "../../src/workbook/names";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

type Area = { top: number; left: number; bottom: number; right: number };
type Content =
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
    if (stored !== undefined || !this.generated || this.cells.has(key(row, col)) || row > this.generated.rows || col > this.generated.columns) return stored;
    return this.generated.cell(row, col) instanceof Date ? "dd/mm/yyyy" : undefined;
  }
}

/** A fixture value as Excel stores it: a Date as its serial number. */
function contentOf(value: Exclude<RawCell, null>): Content {
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

type OfficeError = Error & { code: string; debugInfo: { code: string; message: string } };

export function officeError(code: string, message = `${code} (fake)`): OfficeError {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { code, message } });
}

function notLoaded(prop: string): Error {
  return officeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

const key = (row: number, col: number) => `${row},${col}`;
const same = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

function columnIndex(letters: string): number {
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

function intersect(a: Area, b: Area): Area | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top > r.bottom || r.left > r.right ? null : r;
}

const inside = (a: Area, row: number, col: number) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;

function utf8(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** What typing `input` into a cell stores (Range.values and Range.formulas setters do the same). */
function typedContent(input: unknown, numberFormat: string | undefined): Content | null {
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

export class FakeExcel {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  readOnly = false;
  structureProtected = false;
  /** The highest ExcelApi 1.x this Excel has. */
  apiVersion = "1.12";
  /** Excel on the web's limit on a request and on a response; over it a sync fails as Excel's does. */
  payloadLimit = 5 * 1024 * 1024;
  /** The selected range ("Data!B7") and the active sheet's name. */
  selection = "";
  active = "";
  log: SyncRecord[] = [];
  private failures: Array<OfficeError | undefined> = [];

  constructor(init?: FakeInit) {
    for (const s of init?.sheets ?? []) {
      const sheet = new FakeSheet(s.name, s.visibility === "veryHidden" ? "VeryHidden" : s.visibility === "hidden" ? "Hidden" : "Visible");
      sheet.protected = s.protected ?? false;
      sheet.generated = s.generate;
      for (const [ref, value] of Object.entries(s.cells ?? {})) this.put(sheet, ref, value);
      this.sheets.push(sheet);
    }
    for (const n of init?.names ?? []) {
      const name = new FakeName(n.name, `=${n.formula}`, !(n.hidden ?? false));
      if (n.scope) this.sheet(n.scope)!.names.push(name);
      else this.names.push(name);
    }
  }

  /** A fixture value into a cell: a Date becomes its serial number shown as a date, as Excel stores it. */
  put(sheet: FakeSheet, ref: string, value: RawCell): void {
    const a = parseAddress(ref);
    const k = key(a.top, a.left);
    if (value === null || value === undefined) sheet.cells.delete(k);
    else if (value instanceof Date) {
      sheet.cells.set(k, { kind: "number", value: (value.getTime() - EPOCH_1900) / DAY_MS });
      sheet.numberFormats.set(k, "dd/mm/yyyy");
    } else if (typeof value === "object") sheet.cells.set(k, { kind: "error", value: value.error });
    else if (typeof value === "string") sheet.cells.set(k, { kind: "string", value });
    else if (typeof value === "number") sheet.cells.set(k, { kind: "number", value });
    else sheet.cells.set(k, { kind: "boolean", value });
  }

  readonly run: OfficeRun = async (batch) => {
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pendingCount > 0) throw new Error(`fake: ${ctx.pendingCount} commands were queued but never synced`);
    return result;
  };

  readonly isSetSupported = (name: string, version: string): boolean => name === "ExcelApi" && minor(version) <= minor(this.apiVersion);

  /** The member of the list this Excel does not have, with the set it needs; an unknown member is a bug of the fake's caller. */
  refusedMember(members: readonly string[]): { member: string; set: string } | undefined {
    for (const member of members) {
      const set = setOf(member);
      if (set === undefined) throw new Error(`fake: Excel.${member} is not in the table of requirement sets`);
      if (minor(set) > minor(this.apiVersion)) return { member, set };
    }
    return undefined;
  }

  failNextSync(code: string, message?: string): void {
    this.failures.push(officeError(code, message));
  }

  failSyncAfter(passing: number, code: string, message?: string): void {
    for (let i = 0; i < passing; i++) this.failures.push(undefined);
    this.failures.push(officeError(code, message));
  }

  takeFailure(): OfficeError | undefined {
    return this.failures.shift();
  }

  /** The cells a reference means ("'Số liệu'!$B$7", "Data!B7:C9", "B7" on `scope` or the first sheet); null when there is no such sheet. */
  rangeAt(ref: string, scope?: FakeSheet): { sheet: FakeSheet; area: Area } | null {
    const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(.+)$/.exec(ref);
    if (!m) return null;
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const sheet = name === undefined ? (scope ?? this.sheets[0]) : this.sheet(name);
    if (!sheet || !/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(m[3]!)) return null;
    return { sheet, area: parseAddress(m[3]) };
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => same(s.name, name));
  }

  get syncCount(): number {
    return this.log.length;
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.log.map((r) => r.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.log.map((r) => r.responseBytes));
  }
  resetLog(): void {
    this.log = [];
  }

  /** A cell as Range.values would give it, with errors as { error } and blanks as null, for assertions. */
  cell(sheet: string, a1: string): RawCell {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet ${sheet}`);
    const a = parseAddress(a1);
    const c = this.valueOf(s, a.top, a.left);
    return c === null ? null : c.kind === "error" ? { error: c.value } : c.value;
  }

  formulaAt(sheet: string, a1: string): string | undefined {
    const a = parseAddress(a1);
    const c = this.sheet(sheet)?.cells.get(key(a.top, a.left));
    return c?.kind === "formula" ? c.formula : undefined;
  }

  /** Every format property set on a cell, later settings winning. */
  formatAt(sheet: string, a1: string): Record<string, unknown> {
    const a = parseAddress(a1);
    const out: Record<string, unknown> = {};
    for (const f of this.sheet(sheet)?.formats ?? []) if (inside(f.area, a.top, a.left)) Object.assign(out, f.props);
    return out;
  }

  /** The computed content of a cell: formulas of a literal, one cell or a name of one cell; else #CALC!. */
  valueOf(sheet: FakeSheet, row: number, col: number, depth = 0): Exclude<Content, { kind: "formula" }> | null {
    const c = sheet.contentAt(row, col);
    if (!c || c.kind !== "formula") return c ?? null;
    if (depth > 20) return { kind: "error", value: "#REF!" };
    const literal = typedContent(c.formula, undefined);
    if (literal && literal.kind !== "formula" && literal.kind !== "string") return literal;
    const text = /^"((?:[^"]|"")*)"$/.exec(c.formula);
    if (text) return { kind: "string", value: text[1]!.replace(/""/g, '"') };
    return this.reference(sheet, c.formula, depth) ?? { kind: "error", value: "#CALC!" };
  }

  private reference(from: FakeSheet, ref: string, depth: number): Exclude<Content, { kind: "formula" }> | null | undefined {
    const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
    if (m) {
      const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      const sheet = sheetName === undefined ? from : this.sheet(sheetName);
      return sheet ? this.valueOf(sheet, Number(m[4]), columnIndex(m[3]!), depth + 1) : { kind: "error", value: "#REF!" };
    }
    const name = from.names.find((n) => same(n.name, ref)) ?? this.names.find((n) => same(n.name, ref));
    if (!name) return undefined;
    const body = name.formula.replace(/^=/, "");
    const cell = new FakeSheet("__calc");
    cell.cells.set(key(1, 1), { kind: "formula", formula: body });
    return body.includes("!") ? this.reference(from, body, depth + 1) : this.valueOf(cell, 1, 1, depth + 1);
  }
}

type Command = { describe: unknown; run: () => void; members: readonly string[] };

/** Which Excel type a navigation property leads to, for load paths such as items/names/items/formula. */
const NAV: Record<string, string> = {
  "Workbook.worksheets": "WorksheetCollection",
  "Workbook.names": "NamedItemCollection",
  "Workbook.protection": "WorkbookProtection",
  "WorksheetCollection.items": "Worksheet",
  "Worksheet.names": "NamedItemCollection",
  "Worksheet.protection": "WorksheetProtection",
  "NamedItemCollection.items": "NamedItem",
};

/** The members a load path uses, from the type it is loaded on. */
function loadMembers(type: string, path: string): string[] {
  const out: string[] = [];
  let t = type;
  for (const seg of path.split("/")) {
    out.push(`${t}.${seg}`);
    t = NAV[`${t}.${seg}`] ?? t;
  }
  return out;
}

export class FakeContext implements XlContext {
  private pending: Command[] = [];
  responseBytes = 0;
  readonly workbook: FakeWorkbook;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  get pendingCount(): number {
    return this.pending.length;
  }
  queue(describe: unknown, run: () => void, members: readonly string[]): void {
    this.pending.push({ describe, run, members });
  }
  async sync(): Promise<void> {
    const commands = this.pending;
    this.pending = [];
    const record: SyncRecord = { requestBytes: utf8(JSON.stringify(commands.map((c) => c.describe))), responseBytes: 0, commands: commands.length };
    this.excel.log.push(record);
    const failure = this.excel.takeFailure();
    if (failure) throw failure;
    if (record.requestBytes > this.excel.payloadLimit) throw officeError("RequestPayloadSizeLimitExceeded", `request of ${record.requestBytes} bytes`);
    this.responseBytes = 0;
    try {
      for (const c of commands) {
        // Excel refuses a member of a later set where it meets it; what came before stays done.
        const refused = this.excel.refusedMember(c.members);
        if (refused) throw officeError("ApiNotFound", `Excel.${refused.member} needs ExcelApi ${refused.set}; this Excel has ${this.excel.apiVersion}`);
        c.run();
      }
    } finally {
      record.responseBytes = this.responseBytes;
    }
    if (record.responseBytes > this.excel.payloadLimit) throw officeError("ResponsePayloadSizeLimitExceeded", `response of ${record.responseBytes} bytes`);
  }
}

/** Where a proxy sits: the Excel type it stands for and the members used to reach it. */
type Place = { type: string; via: readonly string[] };

/** The common part of every proxy: a path, a target resolved when the commands run, loaded properties. */
abstract class FakeObject<T> {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
    private readonly resolver: () => T | null,
    nullable: boolean,
    readonly place: Place,
  ) {
    if (nullable) ctx.queue({ a: "instantiate", p: path }, () => void (this.nullState = this.resolve() === null), place.via);
  }
  protected get excel(): FakeExcel {
    return this.ctx.excel;
  }
  /** The members a use of `member` on this proxy carries. */
  protected member(...members: string[]): string[] {
    return [...this.place.via, ...members.map((m, i) => (i === 0 ? `${this.place.type}.${m}` : m))];
  }
  /** Where a proxy reached through `member` (of type `type`) sits. */
  protected childPlace(member: string, type: string): Place {
    return { type, via: this.member(member) };
  }
  resolve(): T | null {
    return this.resolver();
  }
  protected target(): T {
    const t = this.resolve();
    if (t === null) throw officeError("InvalidObjectPath", `${this.path} is a null object`);
    return t;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }
  protected read<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }
  load(propertyNames: string): this {
    const paths = propertyNames.split(",").map((p) => p.trim()).filter((p) => p !== "");
    const members = [...this.place.via, ...paths.flatMap((p) => loadMembers(this.place.type, p))];
    this.ctx.queue({ a: "load", p: this.path, s: propertyNames }, () => this.fill(paths), members);
    return this;
  }
  /** Runs in sync(): scalar properties from the target, navigation properties through their proxies. */
  fill(paths: readonly string[]): void {
    const t = this.resolve();
    if (t === null) return;
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length === 0) {
        const value = this.scalar(t, head!);
        this.loaded.set(head!, value);
        this.ctx.responseBytes += utf8(JSON.stringify(value) ?? "null");
      } else nested.set(head!, [...(nested.get(head!) ?? []), rest.join("/")]);
    }
    for (const [head, rest] of nested) this.navigate(head).fill(rest);
  }
  protected scalar(_t: T, prop: string): unknown {
    throw new Error(`fake: ${this.path}.${prop} is not modelled`);
  }
  protected navigate(prop: string): FakeObject<unknown> {
    throw new Error(`fake: navigation ${this.path}/${prop} is not modelled`);
  }
  /** Queues a change; it runs in sync(), refused on a protected sheet like Excel does. */
  protected change(members: readonly string[], describe: Record<string, unknown>, sheetOf: (t: T) => FakeSheet | undefined, apply: (t: T) => void): void {
    this.ctx.queue(
      { p: this.path, ...describe },
      () => {
        const t = this.target();
        if (sheetOf(t)?.protected) throw officeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        apply(t);
      },
      members,
    );
  }
}

class FakeWorkbook extends FakeObject<FakeExcel> implements XlWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  constructor(ctx: FakeContext) {
    super(ctx, "workbook", () => ctx.excel, false, { type: "Workbook", via: [] });
    this.worksheets = new FakeWorksheets(ctx, this.childPlace("worksheets", "WorksheetCollection"));
    this.names = new FakeNames(ctx, "workbook.names", () => ({ owner: ctx.excel.names, sheet: undefined }), false, this.childPlace("names", "NamedItemCollection"));
  }
  private protectionProxy: FakeProtection<FakeExcel> | undefined;
  get protection(): FakeProtection<FakeExcel> {
    return (this.protectionProxy ??= new FakeProtection(this.ctx, "workbook.protection", () => this.ctx.excel, (b) => b.structureProtected, this.childPlace("protection", "WorkbookProtection")));
  }
  get readOnly(): boolean {
    return this.read("readOnly");
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, "workbook.selection", () => this.excel.rangeAt(this.excel.selection), false, this.childPlace("getSelectedRange", "Range"));
  }
  protected override scalar(t: FakeExcel, prop: string): unknown {
    if (prop === "readOnly") return t.readOnly;
    return super.scalar(t, prop);
  }
  protected override navigate(prop: string): FakeObject<unknown> {
    if (prop === "protection") return this.protection as FakeObject<unknown>;
    return super.navigate(prop);
  }
}

class FakeProtection<T> extends FakeObject<T> {
  constructor(ctx: FakeContext, path: string, resolver: () => T | null, private readonly flag: (t: T) => boolean, place: Place) {
    super(ctx, path, resolver, false, place);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protected override scalar(t: T, prop: string): unknown {
    return prop === "protected" ? this.flag(t) : super.scalar(t, prop);
  }
}

class FakeWorksheets extends FakeObject<FakeExcel> implements XlWorksheetCollection {
  constructor(ctx: FakeContext, place: Place) {
    super(ctx, "worksheets", () => ctx.excel, false, place);
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  override fill(paths: readonly string[]): void {
    const sub = paths.map((p) => p.replace(/^items\//, ""));
    const items = this.excel.sheets.map((s) => new FakeWorksheet(this.ctx, `worksheets('${s.name}')`, () => s, false, this.childPlace("items", "Worksheet")));
    for (const item of items) item.fill(sub);
    this.loaded.set("items", items);
  }
  getItem(name: string): FakeWorksheet {
    const resolve = () => {
      const s = this.excel.sheet(name);
      if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist.");
      return s;
    };
    return new FakeWorksheet(this.ctx, `worksheets('${name}')`, resolve, false, this.childPlace("getItem", "Worksheet"));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets('${name}')?`, () => this.excel.sheet(name) ?? null, true, this.childPlace("getItemOrNullObject", "Worksheet"));
  }
  getActiveWorksheet(): FakeWorksheet {
    const resolve = () => this.excel.sheet(this.excel.active) ?? this.excel.sheets.find((s) => s.visibility === "Visible") ?? null;
    return new FakeWorksheet(this.ctx, "worksheets.active", resolve, false, this.childPlace("getActiveWorksheet", "Worksheet"));
  }
  add(name = "Sheet"): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.ctx.queue(
      { a: "add", p: "worksheets", n: name },
      () => {
        if (this.excel.structureProtected) throw officeError("AccessDenied", "The workbook structure is protected.");
        if (this.excel.sheet(name)) throw officeError("ItemAlreadyExists", "The resource being created already exists.");
        created = new FakeSheet(name);
        this.excel.sheets.push(created);
      },
      this.member("add"),
    );
    const resolve = () => {
      if (!created) throw new Error("fake: a sheet from add() used before its sync");
      return created;
    };
    return new FakeWorksheet(this.ctx, `worksheets.add('${name}')`, resolve, false, this.childPlace("add", "Worksheet"));
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> implements XlWorksheet {
  readonly names: FakeNames;
  readonly protection: FakeProtection<FakeSheet>;
  constructor(ctx: FakeContext, path: string, resolver: () => FakeSheet | null, nullable: boolean, place: Place) {
    super(ctx, path, resolver, nullable, place);
    const scope = () => {
      const s = this.resolve();
      return s === null ? null : { owner: s.names, sheet: s };
    };
    this.names = new FakeNames(ctx, `${path}.names`, scope, false, this.childPlace("names", "NamedItemCollection"));
    this.protection = new FakeProtection(ctx, `${path}.protection`, () => this.resolve(), (s) => s.protected, this.childPlace("protection", "WorksheetProtection"));
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.change(this.member("visibility"), { n: "visibility", v }, () => undefined, (s) => {
      // Hiding or showing a sheet changes the workbook's structure.
      if (this.excel.structureProtected && s.visibility !== v) throw officeError("AccessDenied", "The workbook structure is protected.");
      s.visibility = v as FakeSheet["visibility"];
    });
  }
  get pageLayout(): XlPageLayout {
    return fakePageLayout(this.ctx, `${this.path}.pageLayout`, () => this.target(), this.member("pageLayout"));
  }
  get freezePanes(): { freezeRows(count?: number): void; unfreeze(): void } {
    const queue = (a: string, n: number) => this.change(this.member("freezePanes", `WorksheetFreezePanes.${a}`), { a, n }, (s) => s, (s) => void (s.frozenRows = n));
    return { freezeRows: (count = 1) => queue("freezeRows", count), unfreeze: () => queue("unfreeze", 0) };
  }
  activate(): void {
    this.ctx.queue(
      { a: "activate", p: this.path },
      () => {
        const s = this.target();
        // Excel will not show a hidden sheet; its error does not say so.
        if (s.visibility !== "Visible") throw officeError("InvalidOperation", "This operation is not permitted for the current object.");
        this.excel.active = s.name;
      },
      this.member("activate"),
    );
  }
  protected override scalar(s: FakeSheet, prop: string): unknown {
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    return super.scalar(s, prop);
  }
  protected override navigate(prop: string): FakeObject<unknown> {
    if (prop === "names") return this.names as FakeObject<unknown>;
    if (prop === "protection") return this.protection as FakeObject<unknown>;
    return super.navigate(prop);
  }
  getRange(address?: string): FakeRange {
    const area = parseAddress(address);
    const resolve = () => {
      const sheet = this.resolve();
      return sheet === null ? null : { sheet, area };
    };
    return new FakeRange(this.ctx, `${this.path}.range('${address ?? ""}')`, resolve, false, this.childPlace("getRange", "Range"));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const resolve = () => {
      const sheet = this.resolve();
      if (sheet === null || (sheet.cells.size === 0 && !sheet.generated)) return null;
      const area = { top: MAX_ROW, left: MAX_COL, bottom: 0, right: 0 };
      if (sheet.generated) Object.assign(area, { top: 1, left: 1, bottom: sheet.generated.rows, right: sheet.generated.columns });
      for (const k of sheet.cells.keys()) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        area.top = Math.min(area.top, r);
        area.bottom = Math.max(area.bottom, r);
        area.left = Math.min(area.left, c);
        area.right = Math.max(area.right, c);
      }
      return { sheet, area };
    };
    return new FakeRange(this.ctx, `${this.path}.usedRange(${valuesOnly ?? false})?`, resolve, true, this.childPlace("getUsedRangeOrNullObject", "Range"));
  }
}

function fakePageLayout(ctx: FakeContext, path: string, sheet: () => FakeSheet, via: readonly string[]): XlPageLayout {
  const set = (n: string, v: unknown, members: readonly string[]) =>
    ctx.queue(
      { p: path, n, v },
      () => {
        const s = sheet();
        if (s.protected) throw officeError("AccessDenied");
        s.page[n] = v;
      },
      [...via, ...members],
    );
  const setOnly = (n: string, members: readonly string[]) => ({
    get: () => {
      throw new Error(`fake: reading pageLayout.${n} is not modelled`);
    },
    set: (v: unknown) => set(n, v, members),
  });
  const footer = Object.defineProperty({}, "centerFooter", setOnly("centerFooter", ["PageLayout.headersFooters", "HeaderFooterGroup.defaultForAllPages", "HeaderFooter.centerFooter"])) as {
    centerFooter: string;
  };
  const page = { setPrintTitleRows: (rows: string) => set("printTitleRows", rows, ["PageLayout.setPrintTitleRows"]), headersFooters: { defaultForAllPages: footer } };
  for (const n of ["orientation", "paperSize", "zoom"]) Object.defineProperty(page, n, setOnly(n, [`PageLayout.${n}`]));
  return page as unknown as XlPageLayout;
}

type NameScope = { owner: FakeName[]; sheet: FakeSheet | undefined };

class FakeNames extends FakeObject<NameScope> implements XlNamedItemCollection {
  get items(): FakeNamedItem[] {
    return this.read("items");
  }
  override fill(paths: readonly string[]): void {
    const scope = this.resolve();
    if (scope === null) return;
    const sub = paths.map((p) => p.replace(/^items\//, ""));
    const items = scope.owner.map((n) => new FakeNamedItem(this.ctx, `${this.path}('${n.name}')`, () => n, false, this.childPlace("items", "NamedItem"), scope.sheet));
    for (const item of items) item.fill(sub);
    this.loaded.set("items", items);
  }
  add(name: string, reference: string): FakeNamedItem {
    let created: FakeName | undefined;
    this.ctx.queue(
      { a: "add", p: this.path, n: name, r: reference },
      () => {
        const scope = this.target();
        // Excel refuses a name that is not one (a cell address, spaces, a leading digit) as it refuses a second of one spelling.
        if (!isNameSyntax(name) || name.length > 255) throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        if (scope.owner.some((n) => same(n.name, name))) throw officeError("ItemAlreadyExists");
        created = new FakeName(name, reference);
        scope.owner.push(created);
      },
      this.member("add"),
    );
    return new FakeNamedItem(this.ctx, `${this.path}.add('${name}')`, () => created ?? null, false, this.childPlace("add", "NamedItem"), undefined);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const resolve = () => this.resolve()?.owner.find((n) => same(n.name, name)) ?? null;
    return new FakeNamedItem(this.ctx, `${this.path}('${name}')?`, resolve, true, this.childPlace("getItemOrNullObject", "NamedItem"), this.resolve()?.sheet);
  }
}

class FakeNamedItem extends FakeObject<FakeName> implements XlNamedItem {
  constructor(ctx: FakeContext, path: string, resolver: () => FakeName | null, nullable: boolean, place: Place, private readonly sheet: FakeSheet | undefined) {
    super(ctx, path, resolver, nullable, place);
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  get formula(): unknown {
    return this.read("formula");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.change(this.member("visible"), { n: "visible", v }, () => undefined, (n) => void (n.visible = v));
  }
  getRangeOrNullObject(): FakeRange {
    const resolve = () => {
      const n = this.resolve();
      return n === null ? null : this.excel.rangeAt(n.formula.replace(/^=/, ""), this.sheet);
    };
    return new FakeRange(this.ctx, `${this.path}.range?`, resolve, true, this.childPlace("getRangeOrNullObject", "Range"));
  }
  protected override scalar(n: FakeName, prop: string): unknown {
    switch (prop) {
      case "name":
        return n.name;
      case "visible":
        return n.visible;
      case "formula":
        return n.formula;
      case "type":
        return FakeNamedItem.typeAndValue(n)[0];
      case "value":
        return FakeNamedItem.typeAndValue(n)[1];
      default:
        return super.scalar(n, prop);
    }
  }

  /** NamedItem.type and .value as Excel reports them: a range gives its address, #REF! the error text. */
  static typeAndValue(n: FakeName): [string, unknown] {
    const body = n.formula.replace(/^=/, "");
    if (/#REF!/i.test(body)) return ["Error", "#REF!"];
    const text = /^"((?:[^"]|"")*)"$/.exec(body);
    if (text) return ["String", text[1]!.replace(/""/g, '"')];
    const constant = typedContent(body, undefined);
    if (constant?.kind === "number") return [Number.isInteger(constant.value) ? "Integer" : "Double", constant.value];
    if (constant?.kind === "boolean") return ["Boolean", constant.value];
    // A formula such as SUM(...) is reported by its computed value; the fake does not compute it.
    return body.includes("!") && !body.includes("(") ? ["Range", body] : ["Double", 0];
  }
}

type RangeTarget = { sheet: FakeSheet; area: Area };

const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const a1 = (a: Area) => {
  const cell = (r: number, c: number) => `${columnLetters(c)}${r}`;
  return a.top === a.bottom && a.left === a.right ? cell(a.top, a.left) : `${cell(a.top, a.left)}:${cell(a.bottom, a.right)}`;
};
function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

class FakeRange extends FakeObject<RangeTarget> implements XlRange {
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(grid: unknown[][]) {
    this.enter("values", grid);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.enter("formulas", grid);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.change(this.member("numberFormat"), { n: "numberFormat", v: grid }, (t) => t.sheet, (t) => this.eachCell(t, grid, (k, v) => t.sheet.numberFormats.set(k, String(v))));
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.change(this.member("columnHidden"), { n: "columnHidden", v: hidden }, (t) => t.sheet, ({ sheet, area }) => {
      for (let c = area.left; c <= area.right; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    // Hidden rows are not modelled beyond accepting the call: we only ever unhide.
    this.change(this.member("rowHidden"), { n: "rowHidden", v: hidden }, (t) => t.sheet, () => undefined);
  }
  get format(): XlRangeFormat {
    return fakeFormat(this);
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet ?? null, false, this.childPlace("worksheet", "Worksheet"));
  }
  get conditionalFormats(): XlConditionalFormatCollection {
    return fakeConditionalFormats(this, this.member("conditionalFormats"));
  }
  /** Records a format property on this range's cells (used by the format proxies). */
  setFormat(prop: string, v: unknown): void {
    this.change(this.member("format", ...formatMembers(prop)), { n: `format.${prop}`, v }, (t) => t.sheet, ({ sheet, area }) => {
      if (prop === "columnWidth") for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, v as number);
      else if (prop === "rowHeight") for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, v as number);
      else if (prop === "useStandardWidth") sheet.columnWidths.clear();
      else if (prop === "useStandardHeight") sheet.rowHeights.clear();
      else sheet.formats.push({ area, props: { [prop]: v } });
    });
  }
  /** Queues a change on this range's conditional formats (used by their proxies). */
  changeConditional(members: readonly string[], describe: Record<string, unknown>, apply: (t: RangeTarget) => void): void {
    this.change(members, describe, (t) => t.sheet, apply);
  }
  merge(across = false): void {
    this.change(this.member("merge"), { a: "merge", across }, (t) => t.sheet, ({ sheet, area }) => {
      if (sheet.merges.some((m) => intersect(m, area))) throw officeError("InvalidOperation", "Cannot merge a range that overlaps a merged range.");
      sheet.merges.push(area);
    });
  }
  unmerge(): void {
    this.change(this.member("unmerge"), { a: "unmerge" }, (t) => t.sheet, ({ sheet, area }) => void (sheet.merges = sheet.merges.filter((m) => !intersect(m, area))));
  }
  clear(applyTo = "All"): void {
    this.change(this.member("clear"), { a: "clear", applyTo }, (t) => t.sheet, ({ sheet, area }) => {
      for (const map of [sheet.cells, sheet.numberFormats] as Array<Map<string, unknown>>) {
        for (const k of [...map.keys()]) {
          const [r, c] = k.split(",").map(Number) as [number, number];
          if (inside(area, r, c)) map.delete(k);
        }
      }
      sheet.formats = sheet.formats.filter((f) => intersect(f.area, area) === null);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => intersect(c.area, area) === null);
    });
  }
  select(): void {
    this.ctx.queue({ a: "select", p: this.path }, () => {
      const { sheet, area } = this.target();
      if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", "This operation is not permitted for the current object.");
      this.excel.selection = `${quoteSheet(sheet.name)}!${a1(area)}`;
    }, this.member("select"));
  }
  getIntersectionOrNullObject(address: string): FakeRange {
    const other = parseAddress(address);
    const resolve = () => {
      const t = this.resolve();
      const area = t === null ? null : intersect(t.area, other);
      return t === null || area === null ? null : { sheet: t.sheet, area };
    };
    return new FakeRange(this.ctx, `${this.path}.intersection('${address}')?`, resolve, true, this.childPlace("getIntersectionOrNullObject", "Range"));
  }

  private enter(prop: "values" | "formulas", grid: unknown[][]): void {
    this.change(this.member(prop), { n: prop, v: grid }, (t) => t.sheet, (t) =>
      this.eachCell(t, grid, (k, input) => {
        const content = typedContent(input, t.sheet.numberFormats.get(k));
        if (content === null) t.sheet.cells.delete(k);
        else t.sheet.cells.set(k, content);
      }),
    );
  }

  private eachCell({ area }: RangeTarget, grid: unknown[][], visit: (key: string, value: unknown) => void): void {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    if (grid.length !== rows || grid.some((r) => r.length !== cols)) {
      throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    grid.forEach((row, i) => row.forEach((v, j) => visit(key(area.top + i, area.left + j), v)));
  }

  protected override scalar({ sheet, area }: RangeTarget, prop: string): unknown {
    if (prop === "rowIndex") return area.top - 1;
    if (prop === "columnIndex") return area.left - 1;
    if (prop === "rowCount") return area.bottom - area.top + 1;
    if (prop === "columnCount") return area.right - area.left + 1;
    if (prop === "address") return `${quoteSheet(sheet.name)}!${a1(area)}`;
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > 5_000_000) throw officeError("RangeExceedsLimit");
    const grid = (cell: (row: number, col: number) => unknown) =>
      Array.from({ length: area.bottom - area.top + 1 }, (_, i) => Array.from({ length: area.right - area.left + 1 }, (_, j) => cell(area.top + i, area.left + j)));
    const valueAt = (r: number, c: number) => {
      const v = this.excel.valueOf(sheet, r, c);
      return v === null ? "" : v.value;
    };
    switch (prop) {
      case "values":
        return grid(valueAt);
      case "formulas":
        return grid((r, c) => {
          const raw = sheet.contentAt(r, c);
          return raw?.kind === "formula" ? `=${raw.formula}` : valueAt(r, c);
        });
      case "valueTypes":
        return grid((r, c) => {
          const v = this.excel.valueOf(sheet, r, c);
          return v === null ? "Empty" : ({ string: "String", number: "Double", boolean: "Boolean", error: "Error" } as const)[v.kind];
        });
      case "numberFormat":
        return grid((r, c) => sheet.numberFormatAt(r, c) ?? "General");
      default:
        return super.scalar({ sheet, area }, prop);
    }
  }
}

/** The members a format property ("font.bold", "border.EdgeTop.style", "wrapText") uses below Range.format. */
function formatMembers(prop: string): string[] {
  const parts = prop.split(".");
  if (parts[0] === "font") return ["RangeFormat.font", `RangeFont.${parts[1]}`];
  if (parts[0] === "fill") return ["RangeFormat.fill", `RangeFill.${parts[1]}`];
  if (parts[0] === "border") return ["RangeFormat.borders", "RangeBorderCollection.getItem", `RangeBorder.${parts[2]}`];
  return [`RangeFormat.${prop}`];
}

/** Range.format and its font, fill and borders: setters record on the range; reading is not modelled. */
function fakeFormat(range: FakeRange): XlRangeFormat {
  const setters = (prefix: string, props: readonly string[]) => {
    const o = {};
    for (const p of props) {
      Object.defineProperty(o, p, {
        get: () => {
          throw new Error(`fake: reading format ${prefix}${p} is not modelled — use FakeExcel.formatAt`);
        },
        set: (v: unknown) => range.setFormat(`${prefix}${p}`, v),
      });
    }
    return o;
  };
  const format = setters("", ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight", "useStandardWidth", "useStandardHeight"]);
  Object.assign(format, {
    font: setters("font.", ["name", "size", "bold", "italic", "color"]),
    fill: setters("fill.", ["color"]),
    borders: { getItem: (edge: XlBorderEdge) => setters(`border.${edge}.`, ["style", "weight", "color"]) },
  });
  return format as XlRangeFormat;
}

/** Range.conditionalFormats: add("CellValue") and clearAll(), and the rule and colours of what was added. */
function fakeConditionalFormats(range: FakeRange, via: readonly string[]): XlConditionalFormatCollection {
  return {
    clearAll: () =>
      range.changeConditional([...via, "ConditionalFormatCollection.clearAll"], { a: "clearAll" }, ({ sheet, area }) => {
        sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => intersect(c.area, area) === null);
      }),
    add: (type: "CellValue"): XlConditionalFormat => {
      let created: FakeConditionalFormat | undefined;
      const added = [...via, "ConditionalFormatCollection.add"];
      range.changeConditional(added, { a: "addConditionalFormat", type }, ({ sheet, area }) => {
        created = { area };
        sheet.conditionalFormats.push(created);
      });
      const cellValue = [...added, "ConditionalFormat.cellValue"];
      const set = (members: readonly string[], n: string, apply: (c: FakeConditionalFormat) => void) => (v: unknown) =>
        range.changeConditional([...cellValue, ...members], { n, v }, () => {
          if (!created) throw new Error("fake: a conditional format used before its add() ran");
          apply(created);
        });
      const prop = <V>(setter: (v: V) => void) => ({
        get: () => {
          throw new Error("fake: reading a conditional format is not modelled — use FakeSheet.conditionalFormats");
        },
        set: setter as (v: unknown) => void,
      });
      const fmt = ["CellValueConditionalFormat.format"];
      const fill = {};
      Object.defineProperty(fill, "color", prop<string>((v) => set([...fmt, "ConditionalRangeFormat.fill", "ConditionalRangeFill.color"], "fill.color", (c) => void (c.fill = v))(v)));
      const font = {};
      Object.defineProperty(font, "color", prop<string>((v) => set([...fmt, "ConditionalRangeFormat.font", "ConditionalRangeFont.color"], "font.color", (c) => void (c.fontColor = v))(v)));
      Object.defineProperty(font, "bold", prop<boolean>((v) => set([...fmt, "ConditionalRangeFormat.font", "ConditionalRangeFont.bold"], "font.bold", (c) => void (c.bold = v))(v)));
      const cv = { format: { fill, font } };
      Object.defineProperty(
        cv,
        "rule",
        prop<{ formula1: string; operator: string }>((v) =>
          set(["CellValueConditionalFormat.rule"], "rule", (c) => {
            c.formula1 = v.formula1;
            c.operator = v.operator;
          })(v),
        ),
      );
      return { cellValue: cv } as unknown as XlConditionalFormat;
    },
  };
}
