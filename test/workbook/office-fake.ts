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
 *
 * The fake is split by what it models: office-fake-grid.ts (sheets, cells, names), office-fake-proxy.ts
 * (what every proxy shares), office-fake-sheets.ts and office-fake-range.ts (the proxies); this module
 * is the Excel and the request context, and what tests import.
 */
import type { RawCell } from "../../src/core/text/cell";
import type { OfficeRun, XlContext, XlWorksheet } from "../../src/workbook/office/types";
import { minor, setOf } from "./office-api-sets";
import {
  Area,
  Content,
  DAY_MS,
  EPOCH_1900,
  FakeInit,
  FakeName,
  FakeSheet,
  OfficeError,
  SyncRecord,
  columnIndex,
  inside,
  key,
  officeError,
  parseAddress,
  same,
  typedContent,
  utf8,
} from "./office-fake-grid";
import type { Place } from "./office-fake-proxy";
import { FakeWorkbook, FakeWorksheet } from "./office-fake-sheets";

export {
  FakeName,
  FakeSheet,
  officeError,
  parseAddress,
  type FakeConditionalFormat,
  type FakeInit,
  type SyncRecord,
} from "./office-fake-grid";

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
  worksheet(path: string, resolver: () => FakeSheet | null, place: Place): XlWorksheet {
    return new FakeWorksheet(this, path, resolver, false, place);
  }
  queue(describe: unknown, run: () => void, members: readonly string[]): void {
    this.pending.push({ describe, run, members });
  }
  async sync(): Promise<void> {
    const commands = this.pending;
    this.pending = [];
    const record: SyncRecord = {
      requestBytes: utf8(JSON.stringify(commands.map((c) => c.describe))),
      responseBytes: 0,
      commands: commands.length,
    };
    this.excel.log.push(record);
    const failure = this.excel.takeFailure();
    if (failure) throw failure;
    if (record.requestBytes > this.excel.payloadLimit)
      throw officeError("RequestPayloadSizeLimitExceeded", `request of ${record.requestBytes} bytes`);
    this.responseBytes = 0;
    try {
      for (const c of commands) {
        // Excel refuses a member of a later set where it meets it; what came before stays done.
        const refused = this.excel.refusedMember(c.members);
        if (refused)
          throw officeError(
            "ApiNotFound",
            `Excel.${refused.member} needs ExcelApi ${refused.set}; this Excel has ${this.excel.apiVersion}`,
          );
        c.run();
      }
    } finally {
      record.responseBytes = this.responseBytes;
    }
    if (record.responseBytes > this.excel.payloadLimit)
      throw officeError("ResponsePayloadSizeLimitExceeded", `response of ${record.responseBytes} bytes`);
  }
}
