import JSZip from "jszip";
import { crc32 } from "../../core/text/crc32";
import { WorkbookError } from "../port";
import { notZipError, otherPackageError, truncated } from "./file-kind";
import { attr, parseXml } from "./xml";
import { byteString } from "./byte-text";
import type { PartEncoding } from "./sheet-cells";

/** An .xlsx opened as the zip of parts it is, with the paths of the parts we read and write. */
export type XlsxPackage = {
  zip: JSZip;
  /** "xl/workbook.xml" in files Excel writes; found through _rels/.rels, not assumed. */
  workbookPath: string;
  /** Relationship id → part path, from the workbook's .rels. */
  workbookRels: Map<string, { type: string; target: string }>;
};

export const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_OFFICE_DOCUMENT = "/officeDocument";

/** "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export function parseRels(xml: string, relsPath: string, ownerPart: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  parseXml(xml, relsPath, {
    open: (tag, name) => {
      if (name !== "Relationship") return;
      const id = attr(tag, "Id");
      const target = attr(tag, "Target");
      const mode = attr(tag, "TargetMode");
      if (id && target && mode !== "External") out.set(id, { type: attr(tag, "Type") ?? "", target: resolveTarget(ownerPart, target) });
    },
  });
  return out;
}

const utf8 = new TextDecoder("utf-8");

/** The CRC-32 and size a loaded entry's central directory records; absent for a part we wrote. */
function recorded(file: JSZip.JSZipObject): { crc32: number; size: number } | undefined {
  const data = (file as unknown as { _data?: { crc32?: unknown; uncompressedSize?: unknown } })._data;
  return typeof data?.crc32 === "number" && typeof data.uncompressedSize === "number"
    ? { crc32: data.crc32 >>> 0, size: data.uncompressedSize }
    : undefined;
}

/**
 * What the bundled command line's DEFLATE module (src/node/native-inflate.ts, put in place of JSZip's)
 * adds: a part inflated in one call and Node's CRC-32. The page's JSZip has neither and reads through
 * its chunked pipeline.
 */
type NativeCompression = {
  magic?: unknown;
  inflateSync?: (bytes: Uint8Array, expectedSize?: number) => Uint8Array;
  crc32?: (bytes: Uint8Array) => number;
};

/** A loaded entry as JSZip keeps it: its compressed bytes, where they lie in the file's bytes. */
type LoadedEntry = { compressedContent?: unknown; compression?: NativeCompression };

const STORE = "\x00\x00";

function loadedEntry(file: JSZip.JSZipObject): { content: Uint8Array; compression: NativeCompression } | undefined {
  const data = (file as unknown as { _data?: LoadedEntry })._data;
  const content = data?.compressedContent;
  return content instanceof Uint8Array && data?.compression ? { content, compression: data.compression } : undefined;
}

/**
 * A loaded part's bytes without JSZip's pipeline (16 kB chunks, a timer tick each, then a copy of them
 * all): stored bytes as they are, deflated ones in one call where the platform can. Undefined where it
 * cannot (the page, or a part we wrote). A size other than the recorded one is the same error as
 * JSZip's reading gives, so a damaged part reads the same words either way.
 */
function readDirect(file: JSZip.JSZipObject, path: string, expectedSize: number | undefined): Uint8Array | undefined {
  const entry = loadedEntry(file);
  if (!entry) return undefined;
  let bytes: Uint8Array;
  if (entry.compression.magic === STORE) bytes = entry.content.slice();
  else if (entry.compression.inflateSync) {
    try {
      bytes = entry.compression.inflateSync(entry.content, expectedSize);
    } catch {
      throw damagedPart(path, UNREADABLE);
    }
  } else return undefined;
  if (expectedSize !== undefined && bytes.length !== expectedSize) throw damagedPart(path, UNREADABLE);
  return bytes;
}

const UNREADABLE = "không giải nén được (dữ liệu bị cắt hoặc kích thước không khớp)";

/** Parts whose bytes matched their recorded CRC-32 once: not read twice to check again. */
const verified = new WeakSet<JSZip.JSZipObject>();

function damagedPart(path: string, why: string): WorkbookError {
  return truncated(`phần ${path} trong tệp ${why}`);
}

/**
 * A part's bytes, checked against the CRC-32 the zip records (JSZip does not check it): a damaged part
 * is "tệp bị hỏng" naming the part, never a wrong value read from it.
 */
export async function readBytes(zip: JSZip, path: string): Promise<Uint8Array | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  const expected = recorded(file);
  let bytes = readDirect(file, path, expected?.size);
  if (!bytes) {
    try {
      bytes = await file.async("uint8array");
    } catch {
      throw damagedPart(path, UNREADABLE);
    }
  }
  if (expected && !verified.has(file)) {
    if (bytes.length !== expected.size) throw damagedPart(path, "có kích thước không khớp");
    const crc = loadedEntry(file)?.compression.crc32 ?? crc32;
    if (crc(bytes) !== expected.crc32) throw damagedPart(path, "có mã kiểm tra CRC không khớp");
    verified.add(file);
  }
  return bytes;
}

/** A part's text; the platform's UTF-8 decoder is several times faster than JSZip's own on a large sheet. */
export async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const bytes = await readBytes(zip, path);
  return bytes ? utf8.decode(bytes) : undefined;
}

/**
 * A worksheet's text as the sheet scanner reads it: one character per byte where the platform makes
 * such a string fast (byte-text.ts), decoded as readText does elsewhere.
 */
export async function readSheetText(zip: JSZip, path: string): Promise<{ xml: string; encoding: PartEncoding } | undefined> {
  const bytes = await readBytes(zip, path);
  if (!bytes) return undefined;
  const xml = byteString(bytes);
  return xml === undefined ? { xml: utf8.decode(bytes), encoding: "text" } : { xml, encoding: "bytes" };
}

/** Small XML parts are checked for well-formedness before they are copied; a worksheet that large was read, or is the clerk's. */
const CHECK_XML_UP_TO = 1 << 20;

/**
 * Every part read and checked before the package is saved: a part we do not write is copied as it is
 * compressed, so a damaged one (wrong CRC, or XML no reader accepts) would make the output damaged
 * too (unzip -t fails, Excel repairs, ExcelJS refuses). We refuse instead, naming the part.
 */
export async function verifyParts(zip: JSZip): Promise<void> {
  for (const file of Object.values(zip.files)) {
    const size = recorded(file)?.size;
    if (file.dir || size === undefined) continue;
    const xml = /\.(xml|rels)$/i.test(file.name) && size <= CHECK_XML_UP_TO;
    if (verified.has(file) && !xml) continue;
    try {
      const bytes = await readBytes(zip, file.name);
      if (bytes && xml) parseXml(utf8.decode(bytes), file.name, {});
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
      throw new WorkbookError(
        `Không ghi tệp kết quả: phần ${file.name} của tệp gốc bị hỏng, ghi tiếp sẽ chép phần hỏng sang tệp mới — hãy mở tệp gốc bằng Excel và lưu lại, hoặc lấy lại bản gốc`,
        "corrupt",
      );
    }
  }
}

/** Opens the bytes of an .xlsx; a file that is not one gets a message saying so, in Vietnamese. */
export async function openPackage(bytes: Uint8Array | ArrayBuffer): Promise<XlsxPackage> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const notZip = notZipError(data);
  if (notZip) throw notZip;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    if (e instanceof Error && /encrypted/i.test(e.message)) {
      throw new WorkbookError("Tệp nén có mật khẩu nên không đọc được — hãy gỡ mật khẩu rồi lưu lại dưới dạng .xlsx", "not-xlsx");
    }
    throw truncated("mục lục của tệp nén bị thiếu hoặc hỏng");
  }
  const rootRels = await readText(zip, "_rels/.rels");
  if (rootRels === undefined) throw otherPackageError(Object.keys(zip.files), await readText(zip, "mimetype"));
  const root = parseRels(rootRels, "_rels/.rels", "");
  const doc = [...root.values()].find((r) => r.type.endsWith(REL_OFFICE_DOCUMENT));
  if (!doc || !zip.file(doc.target)) {
    throw new WorkbookError("Tệp .xlsx bị hỏng: không tìm thấy phần workbook", "corrupt");
  }
  const relsPath = relsPathFor(doc.target);
  const relsXml = await readText(zip, relsPath);
  const workbookRels = relsXml === undefined ? new Map() : parseRels(relsXml, relsPath, doc.target);
  return { zip, workbookPath: doc.target, workbookRels };
}
