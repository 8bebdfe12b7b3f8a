import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join } from "path";
import { WorkbookError } from "../workbook/port";

/** Reads a workbook file; a missing or unreadable one gets a Vietnamese message naming it. */
export function readWorkbookFile(path: string): Uint8Array {
  if (!existsSync(path)) throw new WorkbookError(`Không tìm thấy tệp "${path}" (file not found)`, "not-found");
  if (statSync(path).isDirectory())
    throw new WorkbookError(`"${path}" là thư mục, không phải tệp .xlsx — hãy chỉ tên tệp trong thư mục đó (is a directory)`, "not-xlsx");
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM")
      throw new WorkbookError(
        `Không có quyền đọc tệp "${path}" — hãy chép tệp sang thư mục của mình rồi chạy lại (permission denied)`,
        "read-only",
      );
    if (code === "EBUSY")
      throw new WorkbookError(`Tệp "${path}" đang bị chương trình khác khoá — hãy đóng tệp trong Excel rồi chạy lại (file busy)`, "busy");
    throw new WorkbookError(
      `Không đọc được tệp "${path}" (${code ?? "lỗi đọc"}) — hãy chép tệp sang thư mục khác rồi chạy lại (read error)`,
      "other",
    );
  }
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so a failure
 * never leaves half a workbook where the clerk's file was.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
