/*
 * How a sheet of ours looks once written, read back the same way from each adapter, so the shared
 * suite can hold the .xlsx file and the live workbook in Excel to one sheet spec: values, formulas,
 * number formats, verdict colours (rules that follow the formulas, and the fill each verdict cell
 * carries), column widths, merged cells, frozen header rows and print setup.
 */
import ExcelJS from "exceljs";
import type { SheetLayout } from "../../src/core/layout/sheet";
import { cellRef } from "../../src/core/ref/a1";
import type { RawCell } from "../../src/core/text/cell";
import { LOOKS } from "../../src/workbook/common/looks";
import type { FakeExcel } from "./office-fake";

export type RenderedCell = { value?: RawCell; formula?: string; numFmt?: string };
export type Rendering = {
  cells: Record<string, RenderedCell>;
  /** Column widths in characters, two decimals, for the columns the layout sets. */
  widths: number[];
  merges: string[];
  freezeRows: number;
  print: { orientation: string; paper: string; fitToWidth: boolean; repeatRows?: string } | undefined;
  /** Verdict rules: "G3:G9 = Đạt → fill C6EFCE, font 006100". */
  verdictRules: string[];
  /** The fill each verdict cell carries (RGB), for the verdict cells of the spec. */
  verdictFills: Record<string, string>;
};
/** What the host could do; an Excel without a set does less (and says so). */
export type RenderLimits = { conditionalFormats: boolean; freeze: boolean; print: boolean };
export const ALL: RenderLimits = { conditionalFormats: true, freeze: true, print: true };

const rgb = (color: string | undefined) => (color === undefined ? undefined : color.replace(/^#/, "").slice(-6).toUpperCase());
const area = (a: { top: number; left: number; bottom: number; right: number }) => `${cellRef(a.top, a.left)}:${cellRef(a.bottom, a.right)}`;
const rule = (ref: string, equals: string, fill: string | undefined, font: string | undefined) =>
  `${ref} = ${equals} → fill ${fill}, font ${font}`;
const sortedRules = (rules: string[]) => [...rules].sort();
const verdictCells = (layout: SheetLayout) => {
  const out: Array<{ ref: string; fill: string }> = [];
  layout.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c?.style?.startsWith("verdict-")) out.push({ ref: cellRef(r + 1, col + 1), fill: rgb(LOOKS[c.style].fill)! });
    }),
  );
  return out;
};

/** What a sheet written from `layout` must look like on a host that can do `limits`. */
export function expectedRendering(layout: SheetLayout, limits: RenderLimits = ALL): Rendering {
  const cells: Record<string, RenderedCell> = {};
  layout.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (!c) return;
      const out: RenderedCell = {};
      if (c.formula !== undefined) out.formula = c.formula;
      else if (c.value !== null && c.value !== "") out.value = c.value;
      const fmt = c.style ? LOOKS[c.style].numFmt : undefined;
      if (fmt) out.numFmt = fmt;
      if (Object.keys(out).length > 0) cells[cellRef(r + 1, col + 1)] = out;
    }),
  );
  const p = layout.print;
  return {
    cells,
    widths: layout.columns.map((w) => Math.round(w * 100) / 100),
    merges: layout.merges.map(area).sort(),
    freezeRows: limits.freeze ? (layout.freezeRows ?? 0) : 0,
    print:
      p && limits.print
        ? {
            orientation: p.orientation,
            paper: "A4",
            fitToWidth: p.fitToWidth,
            ...(p.repeatRows ? { repeatRows: `${p.repeatRows.first}:${p.repeatRows.last}` } : {}),
          }
        : undefined,
    verdictRules: limits.conditionalFormats
      ? sortedRules(
          (layout.conditionalFormats ?? []).map((c) => rule(area(c), c.equals, rgb(LOOKS[c.style].fill), rgb(LOOKS[c.style].font?.color))),
        )
      : [],
    verdictFills: Object.fromEntries(verdictCells(layout).map((v) => [v.ref, v.fill])),
  };
}

/** The sheet as the .xlsx keeps it, read back with ExcelJS (a reader that is not ours). */
export async function renderXlsx(bytes: Uint8Array, sheet: string, layout: SheetLayout): Promise<Rendering> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const cells: Record<string, RenderedCell> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const out: RenderedCell = {};
      // ExcelJS shows a merged area's value in every cell of it; the file holds it in the first only.
      const v = cell.isMerged && cell.master !== cell ? null : cell.value;
      if (v !== null && typeof v === "object" && "formula" in v) out.formula = v.formula;
      else if (v !== null && v !== undefined && v !== "") out.value = v as RawCell;
      if (cell.numFmt && cell.numFmt !== "General") out.numFmt = cell.numFmt;
      if (Object.keys(out).length > 0) cells[cell.address] = out;
    }),
  );
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  const ps = ws.pageSetup;
  const conditional = (
    ws as unknown as {
      conditionalFormattings?: Array<{
        ref: string;
        rules: Array<{ formulae?: string[]; style?: { fill?: { fgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } }>;
      }>;
    }
  ).conditionalFormattings;
  const verdictRules = (conditional ?? []).flatMap((cf) =>
    cf.rules.map((r) =>
      rule(
        cf.ref,
        (r.formulae?.[0] ?? "").replace(/^"|"$/g, "").replace(/""/g, '"'),
        rgb(r.style?.fill?.fgColor?.argb),
        rgb(r.style?.font?.color?.argb),
      ),
    ),
  );
  const fills = verdictCells(layout).map((v) => [
    v.ref,
    rgb((ws.getCell(v.ref).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb),
  ]);
  return {
    cells,
    widths: layout.columns.map((_, i) => Math.round((ws.getColumn(i + 1).width ?? 0) * 100) / 100),
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    freezeRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
    print:
      ps.paperSize === undefined && ps.orientation === undefined
        ? undefined
        : {
            orientation: String(ps.orientation),
            paper: ps.paperSize === 9 ? "A4" : String(ps.paperSize),
            fitToWidth: ps.fitToPage === true && ps.fitToWidth === 1 && ps.fitToHeight === 0,
            ...(ps.printTitlesRow ? { repeatRows: ps.printTitlesRow.replace(/\$/g, "") } : {}),
          },
    verdictRules: sortedRules(verdictRules),
    verdictFills: Object.fromEntries(fills),
  };
}

/** Points (as Office.js sets a width) back to characters: the inverse of widthInPoints. */
const characters = (points: number) => Math.round(((points / 0.75 - 5) / 7) * 100) / 100;

/** The sheet as the recording fake of Excel holds it after the adapter's commands ran. */
export function renderOfficeFake(excel: FakeExcel, sheet: string, layout: SheetLayout): Rendering {
  const s = excel.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const cells: Record<string, RenderedCell> = {};
  for (const k of new Set([...s.cells.keys(), ...s.numberFormats.keys()])) {
    const [r, c] = k.split(",").map(Number) as [number, number];
    const content = s.cells.get(k);
    const out: RenderedCell =
      content === undefined
        ? {}
        : content.kind === "formula"
          ? { formula: content.formula }
          : { value: content.kind === "error" ? { error: content.value } : content.value };
    const fmt = s.numberFormats.get(k);
    if (fmt && fmt !== "General") out.numFmt = fmt;
    if (Object.keys(out).length > 0) cells[cellRef(r, c)] = out;
  }
  const page = s.page as {
    orientation?: string;
    paperSize?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number };
    printTitleRows?: string;
  };
  return {
    cells,
    widths: layout.columns.map((_, i) => characters(s.columnWidths.get(i + 1) ?? 0)),
    merges: s.merges.map(area).sort(),
    freezeRows: s.frozenRows,
    print:
      page.orientation === undefined
        ? undefined
        : {
            orientation: page.orientation.toLowerCase(),
            paper: String(page.paperSize),
            fitToWidth: page.zoom?.horizontalFitToPages === 1 && page.zoom.verticalFitToPages === 0,
            ...(page.printTitleRows ? { repeatRows: page.printTitleRows.replace(/\$/g, "") } : {}),
          },
    verdictRules: sortedRules(
      s.conditionalFormats.map((c) =>
        rule(area(c.area), (c.formula1 ?? "").replace(/^="|"$/g, "").replace(/""/g, '"'), rgb(c.fill), rgb(c.fontColor)),
      ),
    ),
    verdictFills: Object.fromEntries(
      verdictCells(layout).map((v) => [v.ref, rgb(excel.formatAt(sheet, v.ref)["fill.color"] as string | undefined)!]),
    ),
  };
}
