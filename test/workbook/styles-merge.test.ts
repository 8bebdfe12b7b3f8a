/*
 * Issue 17 point 2: our styles are merged into the clerk's styles.xml, never replacing it. A styles
 * part with every legal oddity in its format codes round-trips: the clerk's formats stay byte for
 * byte with their ids, and LibreOffice shows every clerk's cell exactly as before (CSV of the
 * formatted values, identical before and after our write).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetLayout } from "../../src/core/layout/sheet";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { attribute, elements } from "../../src/workbook/xlsx/xml-tokens";
import { requireTool } from "../support/libreoffice";

jest.setTimeout(300_000);

/** Format codes a clerk's file may hold: conditions with > and <, quotes, &, locale and colour codes. */
const CODES = [
  '[>=1000]#,##0;[<0]"âm "0;0',
  '#,##0" người"',
  '0" A&B <C>"',
  "[$-42A]dd/mm/yyyy",
  "[Red][<=-1]0.00;[Blue]0.00",
  "dd/mm/yyyy",
  '"Ngày "d" tháng "m" năm "yyyy',
  "0.0%",
  "#,##0.0",
];
const VALUES = [
  1234,
  56,
  7,
  new Date(Date.UTC(1990, 4, 17)),
  -3.5,
  new Date(Date.UTC(1970, 7, 11)),
  new Date(Date.UTC(2024, 0, 2)),
  0.4567,
  1234.56,
];

async function clerkBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dân cư");
  CODES.forEach((code, i) => {
    ws.getCell(i + 1, 1).value = code;
    ws.getCell(i + 1, 2).value = VALUES[i]!;
    ws.getCell(i + 1, 2).numFmt = code;
  });
  ws.getColumn(2).width = 30;
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  // '>' is legal unescaped in an attribute value, and Excel writes it so.
  const styles = await zip.file("xl/styles.xml")!.async("string");
  zip.file("xl/styles.xml", styles.replaceAll("&gt;", ">"));
  return zip.generateAsync({ type: "uint8array" });
}

const OURS: SheetLayout = {
  key: "status",
  name: "Trạng thái chỉ tiêu",
  rows: [
    [{ value: "Số", style: "header" }],
    [{ value: 12.5, style: "decimal" }],
    [{ value: 0.5, style: "percent" }],
    [{ value: 1200, style: "integer" }],
  ],
  columns: [14],
  merges: [],
  visibility: "visible",
};

/** LibreOffice's CSV of the first sheet, formatted values as shown. */
function csvOf(bytes: Uint8Array, dir: string, name: string): string {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  const profile = mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,1",
        "--outdir",
        dir,
        file,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    const csv = readdirSync(dir).find((f) => f.startsWith(name) && f.endsWith(".csv"));
    if (!csv) throw new Error(`LibreOffice wrote no CSV: ${r.stderr}`);
    return readFileSync(path.join(dir, csv), "utf8");
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const numFmts = (styles: string) =>
  elements(styles, "styles")
    .filter((e) => e.path === "styleSheet/numFmts/numFmt")
    .map((e) => ({
      id: attribute(styles, e.tag, "numFmtId"),
      code: attribute(styles, e.tag, "formatCode"),
      text: styles.slice(e.tag.start, e.end),
    }));

test("the clerk's formats keep their bytes and ids, and every clerk's cell shows the same in LibreOffice", async () => {
  requireTool("soffice");
  const dir = mkdtempSync(path.join(os.tmpdir(), "styles-merge-"));
  try {
    const before = await clerkBytes();
    const port = await XlsxWorkbook.open(before);
    await port.writeSheets([OURS]);
    const after = await port.save();

    const stylesBefore = await (await JSZip.loadAsync(before)).file("xl/styles.xml")!.async("string");
    const stylesAfter = await (await JSZip.loadAsync(after)).file("xl/styles.xml")!.async("string");
    const clerk = numFmts(stylesBefore);
    for (const f of clerk) expect(CODES).toContain(f.code);
    expect(clerk.length).toBeGreaterThanOrEqual(CODES.length - 2); // ExcelJS maps a few codes to built-in ids
    for (const f of clerk) expect(stylesAfter).toContain(f.text);
    const all = numFmts(stylesAfter);
    expect(new Set(all.map((f) => f.id)).size).toBe(all.length);

    const shown = csvOf(before, dir, "truoc");
    expect(shown).toContain("1,234"); // the conditional format applied, not General
    expect(csvOf(after, dir, "sau")).toBe(shown);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
