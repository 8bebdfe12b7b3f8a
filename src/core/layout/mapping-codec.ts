/*
 * The stored mapping as base64 of its UTF-8 bytes with a CRC-32: the base64 alphabet has no "_", no
 * control character and nothing a spreadsheet reads as a number, date or escape, so Excel, LibreOffice
 * and WPS all save it back byte for byte; the checksum tells a damaged copy from a good one.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : "=";
  }
  return out;
}

/** The bytes of base64 text; undefined when it is not base64 (a character changed or lost). */
export function fromBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/=+$/, "");
  if (s.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (const c of s) {
    const v = VALUE.get(c);
    if (v === undefined) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 255;
    }
  }
  return out;
}

let table: Uint32Array | undefined;

/** CRC-32 (the zip polynomial), as 8 hex digits. */
export function crc32Hex(bytes: Uint8Array): string {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 255]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}

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
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, why: "nội dung không phải văn bản UTF-8" };
  }
}
