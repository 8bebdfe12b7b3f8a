// The whole-process baseline: plain Node running ExcelJS 4.4.0's streaming reader over every row of
// every sheet, nothing else (no TypeScript loader), so a clerk's wait for `chitieu` can be set beside it.
//   node bench/bare-read.mjs FILE|DIR
// A folder (the roll-up's baseline, issue 12): every .xlsx in it one after another, in name order;
// the corpus's bad files are skipped as fast as the reader fails on them.
import ExcelJS from "exceljs";
import { readdirSync, statSync } from "fs";
import { join } from "path";

const OPTIONS = { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit", entries: "emit" };

async function readAll(file) {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, OPTIONS);
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  return rows;
}

const target = process.argv[2];
if (statSync(target).isDirectory()) {
  let files = 0;
  let rows = 0;
  for (const name of readdirSync(target)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()) {
    try {
      rows += await readAll(join(target, name));
      files++;
    } catch {
      // a corrupt, protected or renamed file of the corpus
    }
  }
  process.stdout.write(`${files} files, ${rows} rows\n`);
} else {
  process.stdout.write(`${await readAll(target)} rows\n`);
}
