import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { collectWorkbookFiles } from "../../src/node/workbook-files";

test("folders are walked recursively (links followed); lock, hidden, other files and the output are skipped", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-files-"));
  const other = mkdtempSync(path.join(os.tmpdir(), "chitieu-files-src-"));
  mkdirSync(path.join(dir, "huyen"));
  for (const f of ["b.xlsx", "a.XLSX", "~$b.xlsx", ".an.xlsx", "ghi-chu.txt", "cu.xls", "huyen/c.xlsx", "tong-hop.xlsx"])
    writeFileSync(path.join(dir, f), "x");
  writeFileSync(path.join(other, "d.xlsx"), "x");
  symlinkSync(path.join(other, "d.xlsx"), path.join(dir, "d.xlsx"));
  const got = collectWorkbookFiles([dir, path.join(dir, "khong-co.xlsx")], [path.join(dir, "tong-hop.xlsx")]).map((f) =>
    path.relative(dir, f),
  );
  expect(got).toEqual(["a.XLSX", "b.xlsx", "cu.xls", "d.xlsx", "huyen/c.xlsx", "khong-co.xlsx"]);
  rmSync(dir, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
});
