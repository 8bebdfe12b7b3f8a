/*
 * A drop on the roll-up panel: files as they are; a dropped folder walked to its spreadsheet files
 * (its reader answering in batches, as browsers do); a browser without folder entries keeps the list.
 */
import { droppedFiles, type DropData } from "../../src/taskpane/rollup/dropped-files";

const file = (name: string) => new File([new Uint8Array(4)], name);

/** A file entry, as webkitGetAsEntry gives one. */
function fileEntry(name: string, fail = false): FileSystemEntry {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (ok: (f: File) => void, ko: (e: Error) => void) => (fail ? ko(new Error("NotReadableError")) : ok(file(name))),
  } as unknown as FileSystemEntry;
}

/** A folder entry whose reader gives its children two at a time, then an empty batch. */
function folderEntry(name: string, children: FileSystemEntry[]): FileSystemEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (b: FileSystemEntry[]) => void) => {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          ok(batch);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

const drop = (entries: Array<FileSystemEntry | null>, files: File[] = []): DropData => ({
  files,
  items: entries.map((e) => ({ kind: "file", webkitGetAsEntry: () => e })),
});

test("a dropped folder gives its spreadsheets, sub-folders included, in Vietnamese name order as on the command line", async () => {
  const folder = folderEntry("Nhận từ xã", [
    fileEntry("xa-b.xlsx"),
    fileEntry("ghi-chu.txt"),
    folderEntry("Đợt 2", [fileEntry("xa-d.xls"), fileEntry("anh.png")]),
    fileEntry("xa-a.xlsx"),
    fileEntry("xa-c.ods"),
  ]);
  const got = await droppedFiles(drop([folder, fileEntry("le.xlsx")]));
  expect(got.map((f) => f.name)).toEqual(["xa-d.xls", "xa-a.xlsx", "xa-b.xlsx", "xa-c.ods", "le.xlsx"]);
});

test("files alone, or a browser without folder entries: the drop's own list, every kind kept", async () => {
  const files = [file("xa-a.xlsx"), file("ghi-chu.txt")];
  expect((await droppedFiles(drop([fileEntry("xa-a.xlsx"), fileEntry("ghi-chu.txt")], files))).map((f) => f.name)).toEqual([
    "xa-a.xlsx",
    "ghi-chu.txt",
  ]);
  expect((await droppedFiles({ files })).map((f) => f.name)).toEqual(["xa-a.xlsx", "ghi-chu.txt"]);
  expect((await droppedFiles(drop([null, null], files))).map((f) => f.name)).toEqual(["xa-a.xlsx", "ghi-chu.txt"]);
});

test("a file of a dropped folder that cannot be read fails the drop with the browser's error", async () => {
  await expect(droppedFiles(drop([folderEntry("Nhận", [fileEntry("xa-a.xlsx", true)])]))).rejects.toThrow("NotReadableError");
});
