/* Workbook, worksheet and name proxies of the fake (see office-fake.ts). */
import type {
  XlNamedItem,
  XlNamedItemCollection,
  XlPageLayout,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from "../../src/workbook/office/types";
import { isNameSyntax } from "../../src/workbook/names";
import { FakeHost, FakeName, FakeSheet, MAX_COL, MAX_ROW, officeError, parseAddress, same, typedContent } from "./office-fake-grid";
import { FakeObject, Place, ProxyContext } from "./office-fake-proxy";
import { FakeRange } from "./office-fake-range";

export class FakeWorkbook extends FakeObject<FakeHost> implements XlWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  constructor(ctx: ProxyContext) {
    super(ctx, "workbook", () => ctx.excel, false, { type: "Workbook", via: [] });
    this.worksheets = new FakeWorksheets(ctx, this.childPlace("worksheets", "WorksheetCollection"));
    this.names = new FakeNames(
      ctx,
      "workbook.names",
      () => ({ owner: ctx.excel.names, sheet: undefined }),
      false,
      this.childPlace("names", "NamedItemCollection"),
    );
  }
  private protectionProxy: FakeProtection<FakeHost> | undefined;
  get protection(): FakeProtection<FakeHost> {
    return (this.protectionProxy ??= new FakeProtection(
      this.ctx,
      "workbook.protection",
      () => this.ctx.excel,
      (b) => b.structureProtected,
      this.childPlace("protection", "WorkbookProtection"),
    ));
  }
  get readOnly(): boolean {
    return this.read("readOnly");
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      "workbook.selection",
      () => this.excel.rangeAt(this.excel.selection),
      false,
      this.childPlace("getSelectedRange", "Range"),
    );
  }
  protected override scalar(t: FakeHost, prop: string): unknown {
    if (prop === "readOnly") return t.readOnly;
    return super.scalar(t, prop);
  }
  protected override navigate(prop: string): FakeObject<unknown> {
    if (prop === "protection") return this.protection as FakeObject<unknown>;
    return super.navigate(prop);
  }
}

export class FakeProtection<T> extends FakeObject<T> {
  constructor(
    ctx: ProxyContext,
    path: string,
    resolver: () => T | null,
    private readonly flag: (t: T) => boolean,
    place: Place,
  ) {
    super(ctx, path, resolver, false, place);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protected override scalar(t: T, prop: string): unknown {
    return prop === "protected" ? this.flag(t) : super.scalar(t, prop);
  }
}

export class FakeWorksheets extends FakeObject<FakeHost> implements XlWorksheetCollection {
  constructor(ctx: ProxyContext, place: Place) {
    super(ctx, "worksheets", () => ctx.excel, false, place);
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  override fill(paths: readonly string[]): void {
    const sub = paths.map((p) => p.replace(/^items\//, ""));
    const items = this.excel.sheets.map(
      (s) => new FakeWorksheet(this.ctx, `worksheets('${s.name}')`, () => s, false, this.childPlace("items", "Worksheet")),
    );
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
    return new FakeWorksheet(
      this.ctx,
      `worksheets('${name}')?`,
      () => this.excel.sheet(name) ?? null,
      true,
      this.childPlace("getItemOrNullObject", "Worksheet"),
    );
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

export class FakeWorksheet extends FakeObject<FakeSheet> implements XlWorksheet {
  readonly names: FakeNames;
  readonly protection: FakeProtection<FakeSheet>;
  constructor(ctx: ProxyContext, path: string, resolver: () => FakeSheet | null, nullable: boolean, place: Place) {
    super(ctx, path, resolver, nullable, place);
    const scope = () => {
      const s = this.resolve();
      return s === null ? null : { owner: s.names, sheet: s };
    };
    this.names = new FakeNames(ctx, `${path}.names`, scope, false, this.childPlace("names", "NamedItemCollection"));
    this.protection = new FakeProtection(
      ctx,
      `${path}.protection`,
      () => this.resolve(),
      (s) => s.protected,
      this.childPlace("protection", "WorksheetProtection"),
    );
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.change(
      this.member("visibility"),
      { n: "visibility", v },
      () => undefined,
      (s) => {
        // Hiding or showing a sheet changes the workbook's structure.
        if (this.excel.structureProtected && s.visibility !== v) throw officeError("AccessDenied", "The workbook structure is protected.");
        s.visibility = v as FakeSheet["visibility"];
      },
    );
  }
  get pageLayout(): XlPageLayout {
    return fakePageLayout(this.ctx, `${this.path}.pageLayout`, () => this.target(), this.member("pageLayout"));
  }
  get freezePanes(): { freezeRows(count?: number): void; unfreeze(): void } {
    const queue = (a: string, n: number) =>
      this.change(
        this.member("freezePanes", `WorksheetFreezePanes.${a}`),
        { a, n },
        (s) => s,
        (s) => void (s.frozenRows = n),
      );
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
    return new FakeRange(
      this.ctx,
      `${this.path}.usedRange(${valuesOnly ?? false})?`,
      resolve,
      true,
      this.childPlace("getUsedRangeOrNullObject", "Range"),
    );
  }
}

export function fakePageLayout(ctx: ProxyContext, path: string, sheet: () => FakeSheet, via: readonly string[]): XlPageLayout {
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
  const footer = Object.defineProperty(
    {},
    "centerFooter",
    setOnly("centerFooter", ["PageLayout.headersFooters", "HeaderFooterGroup.defaultForAllPages", "HeaderFooter.centerFooter"]),
  ) as {
    centerFooter: string;
  };
  const page = {
    setPrintTitleRows: (rows: string) => set("printTitleRows", rows, ["PageLayout.setPrintTitleRows"]),
    headersFooters: { defaultForAllPages: footer },
  };
  for (const n of ["orientation", "paperSize", "zoom"]) Object.defineProperty(page, n, setOnly(n, [`PageLayout.${n}`]));
  return page as unknown as XlPageLayout;
}

export type NameScope = { owner: FakeName[]; sheet: FakeSheet | undefined };

export class FakeNames extends FakeObject<NameScope> implements XlNamedItemCollection {
  get items(): FakeNamedItem[] {
    return this.read("items");
  }
  override fill(paths: readonly string[]): void {
    const scope = this.resolve();
    if (scope === null) return;
    const sub = paths.map((p) => p.replace(/^items\//, ""));
    const items = scope.owner.map(
      (n) => new FakeNamedItem(this.ctx, `${this.path}('${n.name}')`, () => n, false, this.childPlace("items", "NamedItem"), scope.sheet),
    );
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
        if (!isNameSyntax(name) || name.length > 255)
          throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        if (scope.owner.some((n) => same(n.name, name))) throw officeError("ItemAlreadyExists");
        created = new FakeName(name, reference);
        scope.owner.push(created);
      },
      this.member("add"),
    );
    return new FakeNamedItem(
      this.ctx,
      `${this.path}.add('${name}')`,
      () => created ?? null,
      false,
      this.childPlace("add", "NamedItem"),
      undefined,
    );
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const resolve = () => this.resolve()?.owner.find((n) => same(n.name, name)) ?? null;
    return new FakeNamedItem(
      this.ctx,
      `${this.path}('${name}')?`,
      resolve,
      true,
      this.childPlace("getItemOrNullObject", "NamedItem"),
      this.resolve()?.sheet,
    );
  }
}

export class FakeNamedItem extends FakeObject<FakeName> implements XlNamedItem {
  constructor(
    ctx: ProxyContext,
    path: string,
    resolver: () => FakeName | null,
    nullable: boolean,
    place: Place,
    private readonly sheet: FakeSheet | undefined,
  ) {
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
    this.change(
      this.member("visible"),
      { n: "visible", v },
      () => undefined,
      (n) => void (n.visible = v),
    );
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
