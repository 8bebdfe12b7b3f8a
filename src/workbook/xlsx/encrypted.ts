import { WorkbookError } from "../port";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE, the stream name of a password-protected .xlsx inside its CFB container. */
const ENCRYPTED = Array.from("EncryptedPackage").flatMap((ch) => [ch.charCodeAt(0), 0]);

function indexOf(bytes: Uint8Array, needle: readonly number[], limit: number): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Says what an OLE compound file is before the zip reader calls it "not an .xlsx": Excel saves a
 * workbook with an opening password that way, and the old .xls format is one too. Other bytes pass.
 */
export function refuseCompoundFile(bytes: Uint8Array): void {
  if (bytes.length < CFB.length || CFB.some((b, i) => bytes[i] !== b)) return;
  // The directory holding the stream names sits within the first sectors of such a small container.
  if (indexOf(bytes, ENCRYPTED, 1 << 20) >= 0) {
    throw new WorkbookError(
      "Sổ tính có mật khẩu mở tệp nên không đọc được — hãy mở trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa trống) rồi gửi lại (password-protected)",
      "protected",
    );
  }
  throw new WorkbookError("Tệp là định dạng Excel cũ (.xls) hoặc tệp Office khác, không phải .xlsx — hãy mở trong Excel và lưu lại dưới dạng .xlsx (old .xls or other OLE file)", "not-xlsx");
}

/** A zip's local-file signature: a file that starts so but does not open was damaged (cut short in transit, often). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
