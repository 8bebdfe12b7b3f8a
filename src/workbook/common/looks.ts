/*
 * What each style of a layout looks like, in one table every writer reads: the .xlsx writer turns it
 * into styles.xml, the Office.js adapter into format commands, so both sheets look the same.
 */
import type { StyleName } from "../../core/layout/sheet";

export type Look = {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  fill?: string;
  border?: boolean;
  numFmt?: string;
  align?: { h?: "left" | "center" | "right"; v?: "top" | "center"; wrap?: boolean };
};

const BORDERED = { border: true, align: { v: "top" as const, wrap: true } };

export const LOOKS: Record<StyleName, Look> = {
  title: { font: { bold: true, size: 14 }, align: { h: "left", v: "center" } },
  subtitle: { font: { italic: true }, align: { h: "left" } },
  header: { font: { bold: true }, fill: "FFD9E1F2", border: true, align: { h: "center", v: "center", wrap: true } },
  text: BORDERED,
  wrap: BORDERED,
  bold: { ...BORDERED, font: { bold: true } },
  center: { border: true, align: { h: "center", v: "top", wrap: true } },
  integer: { border: true, numFmt: "#,##0", align: { v: "top" } },
  decimal: { border: true, numFmt: "#,##0.0", align: { v: "top" } },
  percent: { border: true, numFmt: "0.0%", align: { v: "top" } },
  summary: { font: { bold: true }, fill: "FFF2F2F2", border: true, align: { v: "top", wrap: true } },
  note: { font: { italic: true, size: 10 }, align: { v: "top", wrap: false } },
  "verdict-dat": { font: { bold: true, color: "FF006100" }, fill: "FFC6EFCE", border: true, align: { h: "center", v: "top", wrap: true } },
  "verdict-khong-dat": {
    font: { bold: true, color: "FF9C0006" },
    fill: "FFFFC7CE",
    border: true,
    align: { h: "center", v: "top", wrap: true },
  },
  "verdict-thieu-so-lieu": {
    font: { bold: true, color: "FF9C5700" },
    fill: "FFFFEB9C",
    border: true,
    align: { h: "center", v: "top", wrap: true },
  },
  "verdict-loi-so-lieu": {
    font: { bold: true, color: "FF833C0B" },
    fill: "FFF8CBAD",
    border: true,
    align: { h: "center", v: "top", wrap: true },
  },
  "verdict-tam-dung": {
    font: { bold: true, color: "FF595959" },
    fill: "FFD9D9D9",
    border: true,
    align: { h: "center", v: "top", wrap: true },
  },
  // Not applicable is no failure and no pause: blue-grey, apart from tạm dừng's grey.
  "verdict-khong-ap-dung": {
    font: { bold: true, color: "FF1F4E79" },
    fill: "FFDDEBF7",
    border: true,
    align: { h: "center", v: "top", wrap: true },
  },
};

export const STYLE_NAMES = Object.keys(LOOKS) as StyleName[];

// The font every one of our cells uses: Times New Roman is what Vietnamese administrative documents use.
export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 12;

/** The thin grey lines of every bordered cell (ARGB). */
export const BORDER_COLOR = "FF808080";
