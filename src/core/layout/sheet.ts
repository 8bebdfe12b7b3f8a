/*
 * The layout of a sheet we own, as plain data: cells, formulas, named styles, print setup.
 * Each back end (the .xlsx writer, Office.js) turns it into its own calls; none decides anything.
 */

/** The styles a layout may use; back ends map each to fonts, fills, borders and number formats. */
export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "text"
  | "wrap"
  | "bold"
  | "integer"
  | "decimal"
  | "percent"
  | "center"
  | "summary"
  | "note"
  | "verdict-dat"
  | "verdict-khong-dat"
  | "verdict-thieu-so-lieu"
  | "verdict-loi-so-lieu"
  | "verdict-tam-dung"
  | "verdict-khong-ap-dung";

/** A cell's value; { error } is a cached error result such as #REF!. */
export type CellValue = string | number | boolean | null | { error: string };

export type CellSpec = {
  /** The value, or for a formula its computed result (written beside it for readers that do not recalculate). */
  value: CellValue;
  /** An Excel formula in en-US syntax, without the leading "=". */
  formula?: string;
  style?: StyleName;
};

export type PrintSetup = {
  orientation: "portrait" | "landscape";
  /** Fit all columns to one page wide; rows flow onto as many pages as needed. */
  fitToWidth: boolean;
  /** 1-based rows repeated at the top of every printed page. */
  repeatRows?: { first: number; last: number };
};

export type SheetLayout = {
  /** Identifies the owned sheet across runs: "status", "mapping", "PL03"… */
  key: string;
  /** The sheet name to write; decided by the caller (see chooseSheetName). */
  name: string;
  /** Rows from A1 down; null for an empty cell. */
  rows: Array<Array<CellSpec | null>>;
  /** Column widths in characters, from column A. */
  columns: number[];
  /** Merged areas as 1-based corners. */
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  print?: PrintSetup;
  /** Row heights in points, from row 1; undefined leaves a row to the application. */
  rowHeights?: Array<number | undefined>;
  /** 1-based columns kept but hidden (bookkeeping the formulas count on). */
  hiddenColumns?: number[];
  /** Cells that take a style's colours while their value equals a text (verdicts that follow their formulas). */
  conditionalFormats?: Array<{ top: number; left: number; bottom: number; right: number; equals: string; style: StyleName }>;
  /** Rows frozen at the top while scrolling. */
  freezeRows?: number;
  visibility: "visible" | "veryHidden";
};

/**
 * The name our sheet gets: the wanted one when free or already ours (a re-run replaces it), otherwise
 * the first free "wanted (2)", "wanted (3)"… A clerk's sheet is never taken over.
 */
export function chooseSheetName(
  wanted: string,
  key: string,
  sheets: ReadonlyArray<{ name: string; owner?: string | undefined }>,
): { name: string; replaces: boolean } {
  const ownedByKey = sheets.find((s) => s.owner === key);
  if (ownedByKey) return { name: ownedByKey.name, replaces: true };
  const taken = new Set(sheets.map((s) => s.name.toLocaleLowerCase("vi")));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    // Excel limits sheet names to 31 characters.
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLocaleLowerCase("vi"))) return { name, replaces: false };
  }
}

const LINE_HEIGHT = 15.75;

/**
 * Row heights that show wrapped text whole. Excel and LibreOffice do not grow rows of a file they
 * open, so the height is estimated from the longest text per column width (about one character
 * per unit of width).
 */
export function estimateRowHeights(
  rows: SheetLayout["rows"],
  columns: readonly number[],
  wrapStyles: ReadonlySet<StyleName>,
): Array<number | undefined> {
  return rows.map((row) => {
    let lines = 1;
    row.forEach((cell, i) => {
      if (!cell || typeof cell.value !== "string" || !cell.style || !wrapStyles.has(cell.style)) return;
      const width = Math.max(1, (columns[i] ?? 10) - 1);
      const n = cell.value.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / width)), 0);
      lines = Math.max(lines, n);
    });
    return lines > 1 ? Math.round(lines * LINE_HEIGHT * 100) / 100 : undefined;
  });
}
