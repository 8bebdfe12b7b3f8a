import { accessSync, constants, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { WorkbookError } from "../workbook/port";

/*
 * The files a command writes (--out, --json): their paths checked before any work, each written to
 * a temporary file beside its target, read back and verified, and renamed into place only when every
 * one of them succeeded — so exit 2 means nothing was written and a failure never leaves half a file.
 */

export type OutputPath = { flag: string; path: string };

export type Output = OutputPath & {
  data: Uint8Array | string;
  /** Checks the bytes as written to disk; throws a WorkbookError saying what is wrong. */
  verify?: (written: Uint8Array) => Promise<void>;
};

const cannot = (o: OutputPath, why: string, todo: string, english: string): WorkbookError =>
  new WorkbookError(`Không ghi được ${o.flag} "${o.path}": ${why} — ${todo} (${english})`, "other");

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of a path (the path itself when it exists). */
function nearestExisting(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Every output path checked before any work: a clear message for each way it cannot be written. */
export function checkOutputPaths(outputs: readonly OutputPath[]): void {
  const seen = new Map<string, OutputPath>();
  for (const o of outputs) {
    const full = resolve(o.path);
    const twin = seen.get(full);
    if (twin) throw cannot(o, `trùng với ${twin.flag}`, "hãy chọn hai tệp khác nhau", "two outputs share one path");
    seen.set(full, o);
    if (o.path.endsWith("/") || isDirectory(full)) {
      throw cannot(
        o,
        "đó là một thư mục",
        `hãy ghi tên tệp, ví dụ ${join(o.path, o.flag === "--json" ? "bao-cao.json" : "ket-qua.xlsx")}`,
        "is a directory",
      );
    }
    const folder = dirname(full);
    if (!existsSync(folder)) {
      const existing = nearestExisting(folder);
      if (!isDirectory(existing))
        throw cannot(o, `"${existing}" là một tệp, không phải thư mục`, "hãy chọn nơi ghi khác", "not a directory");
      throw cannot(o, `thư mục "${folder}" không tồn tại`, "hãy tạo thư mục đó hoặc chọn nơi ghi khác", "folder does not exist");
    }
    if (!isDirectory(folder)) throw cannot(o, `"${folder}" là một tệp, không phải thư mục`, "hãy chọn nơi ghi khác", "not a directory");
    try {
      accessSync(folder, constants.W_OK);
    } catch {
      throw cannot(o, `không có quyền ghi vào thư mục "${folder}"`, "hãy chọn thư mục khác hoặc xin quyền ghi", "permission denied");
    }
  }
}

/** A file-system failure as the clerk's words; anything unexpected keeps its code for the maintainer. */
function fsFailure(o: OutputPath, e: unknown): WorkbookError {
  const code = (e as { code?: string }).code ?? "";
  const why: Record<string, [string, string]> = {
    ENOSPC: ["ổ đĩa đã đầy", "hãy giải phóng chỗ trống rồi chạy lại"],
    EDQUOT: ["hết hạn mức dung lượng", "hãy giải phóng chỗ trống rồi chạy lại"],
    EACCES: ["không có quyền ghi", "hãy chọn thư mục khác hoặc xin quyền ghi"],
    EPERM: ["không có quyền ghi", "hãy chọn thư mục khác hoặc xin quyền ghi"],
    EROFS: ["ổ đĩa chỉ đọc", "hãy chọn thư mục khác"],
    EBUSY: ["tệp đang được mở ở chương trình khác", "hãy đóng tệp (Excel) rồi chạy lại"],
    EISDIR: ["đó là một thư mục", "hãy ghi tên tệp"],
    ENOENT: ["thư mục không tồn tại", "hãy tạo thư mục đó hoặc chọn nơi ghi khác"],
    ENOTDIR: ["một phần của đường dẫn là tệp, không phải thư mục", "hãy chọn nơi ghi khác"],
  };
  const [text, todo] = why[code] ?? ["lỗi hệ thống tệp", "hãy thử lại hoặc chọn nơi ghi khác"];
  return cannot(o, text, todo, code || (e instanceof Error ? e.message : String(e)));
}

const tempFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Writes the outputs together: every temporary written and verified first, then all renamed. A failure
 * removes every temporary and leaves the old files exactly as they were.
 */
export async function writeOutputs(outputs: readonly Output[]): Promise<void> {
  checkOutputPaths(outputs);
  const temps: string[] = [];
  try {
    for (const o of outputs) {
      const tmp = tempFor(resolve(o.path));
      try {
        temps.push(tmp);
        writeFileSync(tmp, o.data);
      } catch (e) {
        throw fsFailure(o, e);
      }
      if (o.verify) await o.verify(readFileSync(tmp));
    }
    outputs.forEach((o, i) => {
      try {
        renameSync(temps[i]!, resolve(o.path));
      } catch (e) {
        throw fsFailure(o, e);
      }
    });
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}
