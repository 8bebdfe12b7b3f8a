import type { RawCell } from "../text/cell";
import { toBase64 } from "../text/base64";
import { utf8Encode } from "../text/utf8";
import { decodeStoredMapping, MAPPING_FORMAT, mappingHeader, type StoredMapping } from "./mapping-codec";
import type { SheetLayout } from "./sheet";

/**
 * The mapping travels inside the workbook, in a very hidden sheet every back end can read: row 2
 * holds the format, length and checksum, column A from row 3 the base64 of the JSON (see
 * mapping-codec.ts for why), cut into pieces well under Excel's 32 767 characters per cell.
 */
export const MAPPING_SHEET = "ChiTieuXa_AnhXa";
export const MAPPING_KEY = "mapping";
const PIECE = 8000;

export function mappingSheetLayout(json: string): SheetLayout {
  return hiddenTextSheet(MAPPING_KEY, MAPPING_SHEET, "Ánh xạ chỉ tiêu của Chỉ tiêu xã — do phần mềm quản lý, không sửa tay", json);
}

/**
 * A very hidden owned sheet holding a text (JSON) under a title in A1, in the mapping's format (header
 * with length and checksum in A2, base64 from A3), so that no spreadsheet's save can alter it unseen.
 */
export function hiddenTextSheet(key: string, name: string, title: string, json: string): SheetLayout {
  const bytes = utf8Encode(json);
  const encoded = toBase64(bytes);
  const pieces: string[] = [];
  for (let i = 0; i < encoded.length; i += PIECE) pieces.push(encoded.slice(i, i + PIECE));
  return {
    key,
    name,
    rows: [[{ value: title }], [{ value: mappingHeader(bytes) }], ...pieces.map((p) => [{ value: p }])],
    columns: [100],
    merges: [],
    visibility: "veryHidden",
  };
}
/**
 * Column A of the mapping sheet, from row 1, back to the JSON text; undefined when it holds none.
 * Workbooks written before the base64 format hold the JSON itself from row 2, and are still read.
 */
export function mappingTextFromColumn(columnA: readonly RawCell[]): StoredMapping | undefined {
  const texts = columnA.slice(1).map((c) => (typeof c === "string" ? c : ""));
  if (texts.join("") === "") return undefined;
  const header = texts[0] ?? "";
  if (header.startsWith(MAPPING_FORMAT.split("/")[0]!)) return decodeStoredMapping(header, texts.slice(1));
  return { ok: true, text: texts.join("") };
}

/** What a clerk reads when the stored mapping cannot be trusted, with the way out. */
export function damagedMappingMessage(why: string): string {
  return `Ánh xạ lưu trong sổ tính (trang ẩn ${MAPPING_SHEET}) bị hỏng: ${why}. Hãy chọn lại bộ tiêu chí và gán lại các ô số liệu (Chỉ tiêu xã đề xuất sẵn các ô tìm được), rồi ghi lại`;
}
