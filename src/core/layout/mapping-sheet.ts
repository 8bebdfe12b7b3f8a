import type { RawCell } from "../text/cell";
import type { SheetLayout } from "./sheet";

/**
 * The mapping travels inside the workbook, in a very hidden sheet every back end can read: JSON text
 * in column A from row 2, cut into pieces well under Excel's 32 767 characters per cell.
 */
export const MAPPING_SHEET = "ChiTieuXa_AnhXa";
export const MAPPING_KEY = "mapping";
const PIECE = 8000;

export function mappingSheetLayout(json: string): SheetLayout {
  return hiddenTextSheet(MAPPING_KEY, MAPPING_SHEET, "Ánh xạ chỉ tiêu của Chỉ tiêu xã — do phần mềm quản lý, không sửa tay", json);
}

/** A very hidden owned sheet holding a text (JSON) in column A from row 2, under a title in A1. */
export function hiddenTextSheet(key: string, name: string, title: string, json: string): SheetLayout {
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += PIECE) pieces.push(json.slice(i, i + PIECE));
  return {
    key,
    name,
    rows: [[{ value: title }], ...pieces.map((p) => [{ value: p }])],
    columns: [100],
    merges: [],
    visibility: "veryHidden",
  };
}

/** Column A of the mapping sheet, from row 1, back to the JSON text; undefined when it holds none. */
export function mappingTextFromColumn(columnA: readonly RawCell[]): string | undefined {
  const text = columnA
    .slice(1)
    .map((c) => (typeof c === "string" ? c : ""))
    .join("");
  return text === "" ? undefined : text;
}
