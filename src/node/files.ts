import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join } from "path";
import { WorkbookError } from "../workbook/port";

/** Reads a workbook file; a missing or unreadable one gets a Vietnamese message naming it. */
export function readWorkbookFile(path: string): Uint8Array {
  if (!existsSync(path)) throw new WorkbookError(`Không tìm thấy tệp "${path}" (file not found)`, "not-found");
  if (statSync(path).isDirectory()) throw new WorkbookError(`"${path}" là thư mục, không phải tệp .xlsx (is a directory)`, "not-xlsx");
  return readFileSync(path);
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
