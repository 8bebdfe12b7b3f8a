/*
 * The columns of the status sheet, in one place: the layout writes them, the check reads them back
 * (by header, with the position as fallback) and the tests address them — none derives them again.
 */

export type StatusColumnKey =
  | "code"
  | "name"
  | "requirement"
  | "figure"
  | "base"
  | "result"
  | "verdict"
  | "shortfall"
  | "unit"
  | "sources"
  | "notes"
  | "parent"
  | "role"
  | "questionState"
  | "typedNotApplicable";

export type StatusColumn = {
  key: StatusColumnKey;
  /** 1-based. */
  index: number;
  letter: string;
  /** The header on the header row; the two situation helpers have none. */
  header?: string;
  /** In characters; the situation helpers keep the application's width. */
  width?: number;
  /** Bookkeeping the summary formulas count on, hidden from the clerk (the situation helpers only when written). */
  hidden: "always" | "when-written" | false;
  /** The cell of this column on a row, for a formula: "G7". */
  cell: (row: number) => string;
  /** The column over rows first..last, absolute, for the summaries' COUNTIFS: "$G$6:$G$80". */
  range: (first: number, last: number) => string;
};

type Spec = Omit<StatusColumn, "index" | "letter" | "cell" | "range">;

const SPECS: readonly Spec[] = [
  { key: "code", header: "Mã", width: 8, hidden: false },
  { key: "name", header: "Chỉ tiêu", width: 48, hidden: false },
  { key: "requirement", header: "Yêu cầu", width: 16, hidden: false },
  // The numerator, or the single figure (a value, a typed ratio, a yes/no answer).
  { key: "figure", header: "Tử số / Giá trị", width: 12, hidden: false },
  // The denominator, where the measure has one.
  { key: "base", header: "Mẫu số", width: 12, hidden: false },
  { key: "result", header: "Kết quả", width: 14, hidden: false },
  { key: "verdict", header: "Đánh giá", width: 14, hidden: false },
  { key: "shortfall", header: "Còn thiếu", width: 11, hidden: false },
  { key: "unit", header: "Đơn vị", width: 10, hidden: false },
  { key: "sources", header: "Nguồn số liệu", width: 24, hidden: false },
  { key: "notes", header: "Ghi chú", width: 44, hidden: false },
  // "o", "g:CODE" or "c:CODE": the summary row a row counts towards.
  { key: "parent", header: "Nhóm", width: 7, hidden: "always" },
  // "group", "crit", "ind" or "part".
  { key: "role", header: "Loại", width: 6, hidden: "always" },
  // The state of the applicability question a row reads, and whether "Không áp dụng" is typed in its figures.
  { key: "questionState", hidden: "when-written" },
  { key: "typedNotApplicable", hidden: "when-written" },
];

const letterOf = (index: number) => String.fromCharCode(64 + index);

/** Every column, from A. */
export const STATUS_COLUMNS: readonly StatusColumn[] = SPECS.map((spec, i) => {
  const letter = letterOf(i + 1);
  return {
    ...spec,
    index: i + 1,
    letter,
    cell: (row: number) => `${letter}${row}`,
    range: (first: number, last: number) => `$${letter}$${first}:$${letter}$${last}`,
  };
});

/** The columns by what they hold: STATUS_COLUMN.verdict.cell(7) is "G7". */
export const STATUS_COLUMN = Object.fromEntries(STATUS_COLUMNS.map((c) => [c.key, c])) as { readonly [K in StatusColumnKey]: StatusColumn };

/** The header row; indicator rows start below it. */
export const STATUS_HEADER_ROW = 5;
export const STATUS_FIRST_ROW = STATUS_HEADER_ROW + 1;
/** The row of the overall summary (its result and verdict are in the result and verdict columns). */
export const STATUS_OVERALL_ROW = 3;

/** Widths from column A, up to the last column that has one. */
export const STATUS_WIDTHS: readonly number[] = STATUS_COLUMNS.flatMap((c) => (c.width === undefined ? [] : [c.width]));

/** A cell of a row read back as an array (0-based), by what the column holds. */
export function statusValue<T>(row: readonly T[], key: StatusColumnKey): T | undefined {
  return row[STATUS_COLUMN[key].index - 1];
}
