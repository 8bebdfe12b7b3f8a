import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetLayout } from "../../src/core/layout/sheet";
import { addOurStyles } from "../../src/workbook/xlsx/styles-write";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const layout: SheetLayout = {
  key: "status",
  name: "Trạng thái chỉ tiêu",
  rows: [[{ value: "Đánh giá", style: "header" }], [{ value: "Đạt", formula: 'IF(1=1,"Đạt","Không đạt")', style: "verdict-dat" }]],
  columns: [14],
  merges: [],
  conditionalFormats: [{ top: 2, left: 1, bottom: 2, right: 1, equals: "Không đạt", style: "verdict-khong-dat" }],
  visibility: "visible",
};

async function clerkWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  ws.getCell("A1").value = 1;
  ws.getCell("A1").font = { bold: true, color: { argb: "FF0000FF" } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const stylesOf = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file("xl/styles.xml")!.async("string");

describe("our styles in the clerk's styles.xml", () => {
  test("are appended after the clerk's, whose indexes do not move", async () => {
    const before = await stylesOf(await clerkWorkbook());
    const { xml, xf } = addOurStyles(before);
    const clerkXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(before)![1]!;
    expect(xml).toContain(clerkXfs);
    expect(Math.min(...Object.values(xf))).toBeGreaterThanOrEqual((clerkXfs.match(/<xf\b/g) ?? []).length);
  });

  test("a second run adds nothing", async () => {
    const once = addOurStyles(await stylesOf(await clerkWorkbook()));
    const twice = addOurStyles(once.xml);
    expect(twice.xml).toBe(once.xml);
    expect(twice.xf).toEqual(once.xf);
  });

  test("a workbook without styles.xml gets a minimal one", () => {
    const { xml, xf } = addOurStyles(undefined);
    expect(xml).toMatch(/<cellXfs count="\d+">/);
    expect(xf.header).toBeGreaterThan(0);
  });

  test("verdict cells carry conditional formatting so their colour follows the formula", async () => {
    const port = await XlsxWorkbook.open(await clerkWorkbook());
    await port.writeSheets([layout]);
    const zip = await JSZip.loadAsync(await port.save());
    const sheetPath = Object.keys(zip.files)
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
      .sort()
      .pop()!;
    const sheet = await zip.file(sheetPath)!.async("string");
    expect(sheet).toMatch(
      /<conditionalFormatting sqref="A2:A2"><cfRule type="cellIs" dxfId="\d+" priority="1" operator="equal"><formula>&quot;Không đạt&quot;<\/formula>/,
    );
    // The element order of the schema: conditional formatting before the page margins.
    expect(sheet.indexOf("<conditionalFormatting")).toBeLessThan(sheet.indexOf("<pageMargins"));
    expect(await zip.file("xl/styles.xml")!.async("string")).toMatch(/<dxfs count="\d+"><dxf>/);
  });
});
