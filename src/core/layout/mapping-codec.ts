/*
 * The stored mapping as base64 of its UTF-8 bytes with a CRC-32: the base64 alphabet has no "_", no
 * control character and nothing a spreadsheet reads as a number, date or escape, so Excel, LibreOffice
 * and WPS all save it back byte for byte; the checksum tells a damaged copy from a good one.
 */

import { fromBase64 } from "../text/base64";
import { crc32Hex } from "../text/crc32";
import { utf8Decode } from "../text/utf8";

/** The header cell of an encoded mapping: format, byte length and checksum. */
export const MAPPING_FORMAT = "chitieuxa-anhxa/base64";

export function mappingHeader(bytes: Uint8Array): string {
  return `${MAPPING_FORMAT} ${bytes.length} ${crc32Hex(bytes)}`;
}

export type StoredMapping = { ok: true; text: string } | { ok: false; why: string };

/** The mapping text back from its header and base64 pieces, or why it cannot be trusted. */
export function decodeStoredMapping(header: string, pieces: readonly string[]): StoredMapping {
  const m = /^chitieuxa-anhxa\/base64 (\d+) ([0-9a-f]{8})$/.exec(header.trim());
  if (!m) return { ok: false, why: `dòng 2 không phải đầu mục ánh xạ ("${header.slice(0, 60)}")` };
  const bytes = fromBase64(pieces.join("").replace(/\s+/g, ""));
  if (!bytes) return { ok: false, why: "nội dung đã bị sửa (có ký tự lạ)" };
  if (bytes.length !== Number(m[1])) return { ok: false, why: `nội dung bị cắt hoặc thừa (${bytes.length} byte, cần ${m[1]})` };
  if (crc32Hex(bytes) !== m[2]) return { ok: false, why: "mã kiểm tra không khớp (nội dung đã bị sửa)" };
  const text = utf8Decode(bytes);
  return text === undefined ? { ok: false, why: "nội dung không phải văn bản UTF-8" } : { ok: true, text };
}
