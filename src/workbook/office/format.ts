/*
 * Formatting our cells through Office.js as the .xlsx writer formats them: the same LOOKS table,
 * sent as few commands as possible (rectangles of cells that share a look), and the verdict colours
 * as conditional formats on the verdict formulas where Excel has them (ExcelApi 1.6).
 */
import type { CellSpec, SheetLayout, StyleName } from "../../core/layout/sheet";
import { BORDER_COLOR, FONT_NAME, FONT_SIZE, LOOKS, type Look } from "../common/looks";
import { areaAddress } from "./read";
import type { Abilities } from "./requirements";
import type { XlBorderEdge, XlRange, XlWorksheet } from "./types";

export type Rect = { key: string; top: number; bottom: number; left: number; right: number };
/** What a cell contributes to one layer of formatting; cells of one key next to each other share a rectangle. */
export type Layer = (cell: CellSpec | null | undefined) => string | undefined;

/**
 * Formatting in three layers, so what many styles share is sent once per block instead of once per
 * style: the font of every styled cell, the thin grey borders of every bordered one, and what each
 * style adds (bold, colour, fill, alignment, number format).
 */
const FONT_LAYER: Layer = (c) => (c?.style ? "font" : undefined);
const BORDER_LAYER: Layer = (c) => (c?.style && LOOKS[c.style].border ? "border" : undefined);
const STYLE_LAYER: Layer = (c) => c?.style;
export const LAYERS = [FONT_LAYER, BORDER_LAYER, STYLE_LAYER];

/** Horizontal runs of one key in a row, 1-based columns. */
export function runsIn(row: ReadonlyArray<CellSpec | null> | undefined, layer: Layer): Array<{ key: string; left: number; right: number }> {
  const runs: Array<{ key: string; left: number; right: number }> = [];
  (row ?? []).forEach((cell, i) => {
    const key = layer(cell);
    if (key === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.key === key && last.right === i) last.right = i + 1;
    else runs.push({ key, left: i + 1, right: i + 1 });
  });
  return runs;
}

export const runId = (r: { key: string; left: number; right: number }) => `${r.key}|${r.left}|${r.right}`;

/** Runs grow downwards into rectangles while the rows below repeat them exactly. */
function rectangles(layout: SheetLayout, top: number, bottom: number, layer: Layer): Rect[] {
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  for (let r = top; r <= bottom; r++) {
    const next = new Map<string, Rect>();
    for (const run of runsIn(layout.rows[r - 1], layer)) {
      let rect = open.get(runId(run));
      if (rect) rect.bottom = r;
      else rects.push((rect = { ...run, top: r, bottom: r }));
      next.set(runId(run), rect);
    }
    open = next;
  }
  return rects;
}

/** The formats of rows top..bottom of the layout. */
export function queueFormats(ws: XlWorksheet, layout: SheetLayout, top: number, bottom: number): void {
  const range = (r: Rect) => ws.getRange(areaAddress(r.top, r.left, r.bottom, r.right));
  for (const rect of rectangles(layout, top, bottom, FONT_LAYER)) {
    const font = range(rect).format.font;
    font.name = FONT_NAME;
    font.size = FONT_SIZE;
  }
  for (const rect of rectangles(layout, top, bottom, BORDER_LAYER)) applyBorders(range(rect), rect);
  for (const rect of rectangles(layout, top, bottom, STYLE_LAYER)) applyLook(range(rect), LOOKS[rect.key as StyleName], rect);
}

export const hex = (argb: string) => `#${argb.slice(-6)}`;
const ALIGN = { left: "Left", center: "Center", right: "Right", top: "Top" } as const;

/** Thin grey lines around and inside the block, as styles-write.ts draws them. */
function applyBorders(range: XlRange, size: Rect): void {
  const edges: XlBorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (size.bottom > size.top) edges.push("InsideHorizontal");
  if (size.right > size.left) edges.push("InsideVertical");
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = hex(BORDER_COLOR);
  }
}

/** What a style of LOOKS adds to the font and borders, as Office.js formats. */
function applyLook(range: XlRange, look: Look, size: Rect): void {
  const f = range.format;
  if (look.font?.size !== undefined && look.font.size !== FONT_SIZE) f.font.size = look.font.size;
  if (look.font?.bold) f.font.bold = true;
  if (look.font?.italic) f.font.italic = true;
  if (look.font?.color) f.font.color = hex(look.font.color);
  if (look.fill) f.fill.color = hex(look.fill);
  const a = look.align;
  if (a?.h) f.horizontalAlignment = ALIGN[a.h];
  if (a?.v) f.verticalAlignment = ALIGN[a.v];
  if (a?.wrap) f.wrapText = true;
  if (look.numFmt) {
    const fmt = look.numFmt;
    range.numberFormat = Array.from({ length: size.bottom - size.top + 1 }, () => Array<string>(size.right - size.left + 1).fill(fmt));
  }
}

/** The text a cell-value rule compares with, as a formula: ="Đạt". */
export const equalsFormula = (text: string) => `="${text.replace(/"/g, '""')}"`;

/**
 * The layout's verdict colours as conditional formats (ExcelApi 1.6): like the .xlsx, they follow the
 * verdict formulas when the clerk changes a figure. Each verdict cell also carries its computed
 * verdict's look as a plain fill, which is all an Excel without 1.6 shows.
 */
export function queueConditionalFormats(ws: XlWorksheet, layout: SheetLayout, can: Abilities): void {
  if (!can.conditionalFormats) return;
  for (const c of layout.conditionalFormats ?? []) {
    const look = LOOKS[c.style];
    const cf = ws.getRange(areaAddress(c.top, c.left, c.bottom, c.right)).conditionalFormats.add("CellValue");
    const format = cf.cellValue.format;
    if (look.fill) format.fill.color = hex(look.fill);
    if (look.font?.color) format.font.color = hex(look.font.color);
    if (look.font?.bold) format.font.bold = true;
    cf.cellValue.rule = { formula1: equalsFormula(c.equals), operator: "EqualTo" };
  }
}
