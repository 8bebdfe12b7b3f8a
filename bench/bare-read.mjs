// The whole-process baseline: plain Node running ExcelJS 4.4.0's streaming reader over every row of
// every sheet, nothing else (no TypeScript loader), so a clerk's wait for `chitieu` can be set beside it.
//   node bench/bare-read.mjs FILE
import ExcelJS from "exceljs";

const file = process.argv[2];
let rows = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit", entries: "emit" });
for await (const sheet of reader) for await (const _row of sheet) rows++;
process.stdout.write(`${rows} rows\n`);
