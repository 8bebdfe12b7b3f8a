/*
 * The files of a drop: files as they are, and a dropped folder walked to its files (the officer drags
 * the folder the communes' e-mails were saved to). From a folder only spreadsheet-like files are taken,
 * as the command line does; the others are not the roll-up's to judge.
 */

/** Excel, and what the command line takes from a folder: the others are rows saying why (not .xlsx). */
export const FOLDER_TAKES = /\.(xlsx|xlsm|xls|ods|csv)$/i;

/** The part of DataTransfer a drop needs (a browser's, or a test's). */
export type DropData = { files: ArrayLike<File>; items?: ArrayLike<{ kind: string; webkitGetAsEntry?: () => FileSystemEntry | null }> };

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A folder reader answers in batches (about 100 entries) until an empty one. */
async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    if (FOLDER_TAKES.test(entry.name)) out.push(await entryFile(entry as FileSystemFileEntry));
    return;
  }
  if (!entry.isDirectory) return;
  const children = (await entriesOf(entry as FileSystemDirectoryEntry)).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  for (const child of children) await walk(child, out);
}

/**
 * The dropped files, a dropped folder's files in place of the folder. Without folder entries (an
 * older browser, or only files dropped) the drop's own file list, as is.
 */
export async function droppedFiles(data: DropData): Promise<File[]> {
  // Entries must be taken before the first await: the drop's data is gone once its handler returns.
  const entries = Array.from(data.items ?? [])
    .filter((i) => i.kind === "file")
    .map((i) => i.webkitGetAsEntry?.() ?? null);
  const files = Array.from(data.files);
  if (entries.length === 0 || entries.some((e) => e === null) || !entries.some((e) => e!.isDirectory)) return files;
  const out: File[] = [];
  for (const entry of entries) {
    // A file dropped beside a folder is taken whatever its kind, as a file dropped alone is.
    if (entry!.isDirectory) await walk(entry!, out);
    else if (entry!.isFile) out.push(await entryFile(entry as FileSystemFileEntry));
  }
  return out;
}
