/*
 * The standalone page's workbook: an .xlsx the clerk opened from disk, read and written in the page
 * by the .xlsx adapter, and handed back as a download. Nothing is uploaded anywhere.
 */
import { WorkbookError } from "../../workbook/port";
import { XlsxWorkbook } from "../../workbook/xlsx/adapter";
import type { WorkbookSession } from "./types";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What the page needs from the browser, passed in (tests give jsdom's, or a fake). */
export type BrowserDeps = {
  document: Document;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
};

export function browserDeps(win: Window): BrowserDeps {
  return {
    document: win.document,
    createObjectURL: (b) => (win as Window & typeof globalThis).URL.createObjectURL(b),
    revokeObjectURL: (u) => (win as Window & typeof globalThis).URL.revokeObjectURL(u),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
  };
}

/** The bytes of a chosen file, read in the page. */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsArrayBuffer(file);
  });
}

/** "xa-minh-tan.xlsx" → "xa-minh-tan-ket-qua.xlsx"; a name already ending so keeps it. */
export function resultFileName(name: string): string {
  const stem = name.replace(/\.xlsx$/i, "");
  return stem.endsWith("-ket-qua") ? `${stem}.xlsx` : `${stem}-ket-qua.xlsx`;
}

/** Offers bytes as a file download through a Blob URL (revoked after the click is handled). */
export function saveBytes(deps: BrowserDeps, bytes: Uint8Array, fileName: string, type = XLSX_MIME): void {
  const url = deps.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = deps.document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  deps.document.body.appendChild(a);
  a.click();
  a.remove();
  deps.setTimeout(() => deps.revokeObjectURL(url), 60_000);
}

/** A session on .xlsx bytes: the port is the .xlsx adapter; download saves what was written. */
export async function openBytesSession(deps: BrowserDeps, fileName: string, bytes: Uint8Array): Promise<WorkbookSession> {
  if (!/\.xlsx$/i.test(fileName)) {
    // The adapter says it too when the bytes are not a zip; the name is the quicker hint.
    throw new WorkbookError(
      `"${fileName}" không phải tệp .xlsx — hãy mở tệp trong Excel và Lưu thành › Sổ làm việc Excel (.xlsx)`,
      "not-xlsx",
    );
  }
  const port = await XlsxWorkbook.open(bytes);
  return {
    title: fileName,
    port,
    download: async () => {
      const name = resultFileName(fileName);
      saveBytes(deps, await port.save(), name);
      return name;
    },
  };
}

export async function openFileSession(deps: BrowserDeps, file: File): Promise<WorkbookSession> {
  return openBytesSession(deps, file.name, await readFileBytes(file));
}
