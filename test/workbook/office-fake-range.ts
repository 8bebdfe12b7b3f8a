/* Range proxies of the fake (see office-fake.ts): values, formulas, formats, conditional formats. */
import type {
  XlBorderEdge,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlRange,
  XlRangeFormat,
  XlWorksheet,
} from "../../src/workbook/office/types";
import {
  Area,
  FakeConditionalFormat,
  FakeSheet,
  inside,
  intersect,
  key,
  officeError,
  parseAddress,
  typedContent,
} from "./office-fake-grid";
import { FakeObject } from "./office-fake-proxy";

export type RangeTarget = { sheet: FakeSheet; area: Area };

export const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
export const a1 = (a: Area) => {
  const cell = (r: number, c: number) => `${columnLetters(c)}${r}`;
  return a.top === a.bottom && a.left === a.right ? cell(a.top, a.left) : `${cell(a.top, a.left)}:${cell(a.bottom, a.right)}`;
};
export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export class FakeRange extends FakeObject<RangeTarget> implements XlRange {
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
    this.change(
      this.member("numberFormat"),
      { n: "numberFormat", v: grid },
      (t) => t.sheet,
      (t) => this.eachCell(t, grid, (k, v) => t.sheet.numberFormats.set(k, String(v))),
    );
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
    this.change(
      this.member("columnHidden"),
      { n: "columnHidden", v: hidden },
      (t) => t.sheet,
      ({ sheet, area }) => {
        for (let c = area.left; c <= area.right; c++) {
          if (hidden) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
      },
    );
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    // Hidden rows are not modelled beyond accepting the call: we only ever unhide.
    this.change(
      this.member("rowHidden"),
      { n: "rowHidden", v: hidden },
      (t) => t.sheet,
      () => undefined,
    );
  }
  get format(): XlRangeFormat {
    return fakeFormat(this);
  }
  get worksheet(): XlWorksheet {
    return this.ctx.worksheet(`${this.path}.worksheet`, () => this.resolve()?.sheet ?? null, this.childPlace("worksheet", "Worksheet"));
  }
  get conditionalFormats(): XlConditionalFormatCollection {
    return fakeConditionalFormats(this, this.member("conditionalFormats"));
  }
  /** Records a format property on this range's cells (used by the format proxies). */
  setFormat(prop: string, v: unknown): void {
    this.change(
      this.member("format", ...formatMembers(prop)),
      { n: `format.${prop}`, v },
      (t) => t.sheet,
      ({ sheet, area }) => {
        if (prop === "columnWidth") for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, v as number);
        else if (prop === "rowHeight") for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, v as number);
        else if (prop === "useStandardWidth") sheet.columnWidths.clear();
        else if (prop === "useStandardHeight") sheet.rowHeights.clear();
        else sheet.formats.push({ area, props: { [prop]: v } });
      },
    );
  }
  /** Queues a change on this range's conditional formats (used by their proxies). */
  changeConditional(members: readonly string[], describe: Record<string, unknown>, apply: (t: RangeTarget) => void): void {
    this.change(members, describe, (t) => t.sheet, apply);
  }
  merge(across = false): void {
    this.change(
      this.member("merge"),
      { a: "merge", across },
      (t) => t.sheet,
      ({ sheet, area }) => {
        if (sheet.merges.some((m) => intersect(m, area)))
          throw officeError("InvalidOperation", "Cannot merge a range that overlaps a merged range.");
        sheet.merges.push(area);
      },
    );
  }
  unmerge(): void {
    this.change(
      this.member("unmerge"),
      { a: "unmerge" },
      (t) => t.sheet,
      ({ sheet, area }) => void (sheet.merges = sheet.merges.filter((m) => !intersect(m, area))),
    );
  }
  clear(applyTo = "All"): void {
    this.change(
      this.member("clear"),
      { a: "clear", applyTo },
      (t) => t.sheet,
      ({ sheet, area }) => {
        for (const map of [sheet.cells, sheet.numberFormats] as Array<Map<string, unknown>>) {
          for (const k of [...map.keys()]) {
            const [r, c] = k.split(",").map(Number) as [number, number];
            if (inside(area, r, c)) map.delete(k);
          }
        }
        sheet.formats = sheet.formats.filter((f) => intersect(f.area, area) === null);
        sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => intersect(c.area, area) === null);
      },
    );
  }
  select(): void {
    this.ctx.queue(
      { a: "select", p: this.path },
      () => {
        const { sheet, area } = this.target();
        if (sheet.visibility !== "Visible")
          throw officeError("InvalidOperation", "This operation is not permitted for the current object.");
        this.excel.selection = `${quoteSheet(sheet.name)}!${a1(area)}`;
      },
      this.member("select"),
    );
  }
  getIntersectionOrNullObject(address: string): FakeRange {
    const other = parseAddress(address);
    const resolve = () => {
      const t = this.resolve();
      const area = t === null ? null : intersect(t.area, other);
      return t === null || area === null ? null : { sheet: t.sheet, area };
    };
    return new FakeRange(
      this.ctx,
      `${this.path}.intersection('${address}')?`,
      resolve,
      true,
      this.childPlace("getIntersectionOrNullObject", "Range"),
    );
  }

  private enter(prop: "values" | "formulas", grid: unknown[][]): void {
    this.change(
      this.member(prop),
      { n: prop, v: grid },
      (t) => t.sheet,
      (t) =>
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
      throw officeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
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
      Array.from({ length: area.bottom - area.top + 1 }, (_, i) =>
        Array.from({ length: area.right - area.left + 1 }, (_, j) => cell(area.top + i, area.left + j)),
      );
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
export function formatMembers(prop: string): string[] {
  const parts = prop.split(".");
  if (parts[0] === "font") return ["RangeFormat.font", `RangeFont.${parts[1]}`];
  if (parts[0] === "fill") return ["RangeFormat.fill", `RangeFill.${parts[1]}`];
  if (parts[0] === "border") return ["RangeFormat.borders", "RangeBorderCollection.getItem", `RangeBorder.${parts[2]}`];
  return [`RangeFormat.${prop}`];
}

/** Range.format and its font, fill and borders: setters record on the range; reading is not modelled. */
export function fakeFormat(range: FakeRange): XlRangeFormat {
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
  const format = setters("", [
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
    "columnWidth",
    "rowHeight",
    "useStandardWidth",
    "useStandardHeight",
  ]);
  Object.assign(format, {
    font: setters("font.", ["name", "size", "bold", "italic", "color"]),
    fill: setters("fill.", ["color"]),
    borders: { getItem: (edge: XlBorderEdge) => setters(`border.${edge}.`, ["style", "weight", "color"]) },
  });
  return format as XlRangeFormat;
}

/** Range.conditionalFormats: add("CellValue") and clearAll(), and the rule and colours of what was added. */
export function fakeConditionalFormats(range: FakeRange, via: readonly string[]): XlConditionalFormatCollection {
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
      Object.defineProperty(
        fill,
        "color",
        prop<string>((v) =>
          set([...fmt, "ConditionalRangeFormat.fill", "ConditionalRangeFill.color"], "fill.color", (c) => void (c.fill = v))(v),
        ),
      );
      const font = {};
      Object.defineProperty(
        font,
        "color",
        prop<string>((v) =>
          set([...fmt, "ConditionalRangeFormat.font", "ConditionalRangeFont.color"], "font.color", (c) => void (c.fontColor = v))(v),
        ),
      );
      Object.defineProperty(
        font,
        "bold",
        prop<boolean>((v) =>
          set([...fmt, "ConditionalRangeFormat.font", "ConditionalRangeFont.bold"], "font.bold", (c) => void (c.bold = v))(v),
        ),
      );
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
