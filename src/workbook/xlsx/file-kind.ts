import { WorkbookError } from "../port";

/*
 * What a file that is not a readable .xlsx is, from its first bytes, so the clerk reads what to do
 * with that file (remove a password, save as .xlsx, fetch the original again) and not a zip library's
 * words. Every message ends with the English kind in parentheses for the log.
 */

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAVE_AS_XLSX = "hãy mở tệp bằng Excel (hoặc LibreOffice) rồi Lưu thành › Sổ làm việc Excel (.xlsx)";

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** UTF-16LE, as stream names are stored in a compound file. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].flatMap((c) => [c.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 1 << 20) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function truncated(detail: string): WorkbookError {
  return new WorkbookError(
    `Tệp bị hỏng hoặc chưa tải hết (${detail}) — hãy lấy lại bản gốc: tải lại, chép lại từ USB hoặc thư điện tử`,
    "corrupt",
  );
}

/** The bytes are a zip (an .xlsx is one): "PK\x03\x04", or "PK\x05\x06" for an empty zip. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

/** Why bytes that are not a zip cannot be read, or undefined when they are a zip. */
export function notZipError(bytes: Uint8Array): WorkbookError | undefined {
  if (bytes.length === 0)
    return new WorkbookError("Tệp rỗng (0 byte) — có thể tệp chưa tải hoặc chưa lưu xong; hãy lấy lại bản gốc", "not-xlsx");
  if (looksLikeZip(bytes)) return undefined;
  if (startsWith(bytes, CFB)) {
    // A password-protected .xlsx is an OLE container holding the EncryptionInfo and EncryptedPackage streams.
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) {
      return new WorkbookError(
        "Tệp có mật khẩu mở (đã mã hoá) nên không đọc được — hãy mở bằng Excel, vào Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu, xoá mật khẩu rồi lưu lại",
        "protected",
      );
    }
    return new WorkbookError(`Tệp là định dạng Excel 97–2003 (.xls), không phải .xlsx — ${SAVE_AS_XLSX}`, "not-xlsx");
  }
  const head = new TextDecoder("utf-8")
    .decode(bytes.subarray(0, 4096))
    .replace(/^\ufeff/, "")
    .trimStart()
    .toLowerCase();
  // An XML declaration may stand before an XHTML page's <html>.
  const afterDecl = head.startsWith("<?xml") && head.includes("?>") ? head.slice(head.indexOf("?>") + 2).trimStart() : head;
  if (head.startsWith("<!doctype html") || afterDecl.startsWith("<html") || head.includes("<table")) {
    return new WorkbookError(`Tệp là trang web (HTML) được đặt tên .xlsx, thường do phần mềm khác xuất ra — ${SAVE_AS_XLSX}`, "not-xlsx");
  }
  if (head.startsWith("<?xml") || head.startsWith("<")) {
    return new WorkbookError(`Tệp là văn bản XML (có thể là "Bảng tính XML 2003"), không phải .xlsx — ${SAVE_AS_XLSX}`, "not-xlsx");
  }
  if (bytes.subarray(0, 4096).every((b) => b >= 0x20 || b === 9 || b === 10 || b === 13)) {
    return new WorkbookError(`Tệp là văn bản (CSV hoặc tương tự) được đặt tên .xlsx — ${SAVE_AS_XLSX}`, "not-xlsx");
  }
  return new WorkbookError(`Tệp không phải sổ tính .xlsx (không phải dạng tệp của Excel) — ${SAVE_AS_XLSX}`, "not-xlsx");
}

/** A zip that opened but is not a workbook: an OpenDocument spreadsheet, a Word file…; undefined when unknown. */
export function otherPackageError(paths: readonly string[], mimetype: string | undefined): WorkbookError {
  if (mimetype?.includes("opendocument.spreadsheet")) {
    return new WorkbookError(
      `Tệp là bảng tính OpenDocument (.ods) được đặt tên .xlsx — hãy mở bằng LibreOffice rồi Lưu thành › Excel 2007-365 (.xlsx)`,
      "not-xlsx",
    );
  }
  if (mimetype?.includes("opendocument")) {
    return new WorkbookError("Tệp là tài liệu OpenDocument, không phải sổ tính .xlsx — hãy chọn đúng tệp sổ tính", "not-xlsx");
  }
  if (paths.some((p) => p.startsWith("word/")))
    return new WorkbookError("Tệp là văn bản Word (.docx), không phải sổ tính .xlsx — hãy chọn đúng tệp sổ tính", "not-xlsx");
  if (paths.some((p) => p.startsWith("ppt/")))
    return new WorkbookError("Tệp là bài trình chiếu PowerPoint, không phải sổ tính .xlsx — hãy chọn đúng tệp sổ tính", "not-xlsx");
  return new WorkbookError(
    `Tệp nén này không phải sổ tính .xlsx (thiếu _rels/.rels) — có thể là tệp khác bị đổi tên; ${SAVE_AS_XLSX}`,
    "not-xlsx",
  );
}
