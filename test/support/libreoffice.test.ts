/**
 * Proves the LibreOffice harness is real: formula cells written with WRONG stored results come back
 * with the values Calc computes, because the throwaway profile forces recalculation on load.
 */
import ExcelJS from "exceljs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pdfPageCount, pdfText, pdfToPngs, recalculate, requireTool, toPdf } from "./libreoffice";

const STALE = 999;
let dir: string;
let source: string;

/** A workbook whose every formula carries a stored result that is wrong. */
async function writeStaleWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Số liệu");
  data.getCell("A1").value = 21; // dân số (named dan_so)
  data.getCell("A2").value = 17; // số đạt chuẩn
  data.getCell("B1").value = { formula: "A1*2", result: STALE };
  wb.definedNames.add("'Số liệu'!$A$1", "dan_so");

  const status = wb.addWorksheet("Trạng thái");
  status.getCell("A1").value = "Trạng thái chỉ tiêu";
  status.getCell("A2").value = "Tỷ lệ đạt chuẩn (%)";
  status.getCell("B2").value = { formula: "ROUND('Số liệu'!A2/dan_so*100,2)", result: STALE };
  status.getCell("C2").value = { formula: 'IF(B2>=90,"Đạt","Không đạt")', result: "Đạt" };
  status.getCell("A3").value = "Gấp đôi dân số";
  status.getCell("B3").value = { formula: "dan_so*2", result: STALE };
  status.getCell("C3").value = { formula: 'IF(B3>=40,"Đạt","Không đạt")', result: "Không đạt" };
  status.getColumn(1).width = 30;
  await wb.xlsx.writeFile(file);
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function result(wb: ExcelJS.Workbook, sheet: string, address: string): unknown {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`sheet ${sheet} missing after LibreOffice`);
  return ws.getCell(address).result;
}

beforeAll(async () => {
  // Fail loudly (not skip) on a machine without the tools.
  for (const tool of ["soffice", "pdftoppm", "pdfinfo", "pdftotext"]) requireTool(tool);
  dir = await mkdtemp(path.join(tmpdir(), "chitieu-lo-test-"));
  source = path.join(dir, "bao cáo xã.xlsx");
  await writeStaleWorkbook(source);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("recalculate", () => {
  it("replaces wrong stored results with the values Calc computes, and Calc's default would have kept them", async () => {
    // Two independent soffice instances at once: forced and default profile.
    const [forced, trusted] = await Promise.all([
      recalculate(source, path.join(dir, "forced")),
      recalculate(source, path.join(dir, "trusted"), { recalc: false }),
    ]);
    expect(path.basename(forced)).toBe("bao cáo xã.recalc.xlsx");

    const wb = await readBack(forced);
    expect(result(wb, "Số liệu", "B1")).toBe(42); // A1*2
    expect(result(wb, "Trạng thái", "B2")).toBe(80.95); // ROUND(17/21*100, 2)
    expect(result(wb, "Trạng thái", "C2")).toBe("Không đạt");
    expect(result(wb, "Trạng thái", "B3")).toBe(42); // dan_so*2, through the defined name
    expect(result(wb, "Trạng thái", "C3")).toBe("Đạt");
    // Formulas and the workbook name survive the round trip.
    expect(wb.getWorksheet("Trạng thái")?.getCell("B3").formula).toBe("dan_so*2");
    expect(wb.definedNames.model).toContainEqual({ name: "dan_so", ranges: ["'Số liệu'!$A$1"] });

    // Control: without the profile setting Calc trusts the stored results, so the test above means something.
    const stale = await readBack(trusted);
    expect(result(stale, "Số liệu", "B1")).toBe(STALE);
    expect(result(stale, "Trạng thái", "C2")).toBe("Đạt");
  });

  it("fails with a clear message when the file is missing", async () => {
    await expect(recalculate(path.join(dir, "khong-co.xlsx"), path.join(dir, "x"))).rejects.toThrow(/ENOENT/);
  });
});

describe("requireTool", () => {
  it("names the missing tool and how to install it", () => {
    expect(() => requireTool("khong-co-cong-cu-nay")).toThrow(
      "khong-co-cong-cu-nay không có trên máy này — cài bằng: apt-get install -y libreoffice-calc poppler-utils",
    );
    expect(() => requireTool("soffice")).not.toThrow();
  });
});

describe("toPdf, pdfText, pdfToPngs", () => {
  it("prints recalculated Vietnamese text and renders non-empty pages", async () => {
    const pdf = await toPdf(source, path.join(dir, "pdf"));
    expect(path.extname(pdf)).toBe(".pdf");

    const text = await pdfText(pdf);
    expect(text).toContain("Trạng thái chỉ tiêu");
    expect(text).toContain("Không đạt"); // only after recalculation: the stored result was "Đạt"
    expect(text).toContain("80.95");
    expect(text).not.toContain(String(STALE));

    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    const pngs = await pdfToPngs(pdf, path.join(dir, "png", "trang"), 40);
    expect(pngs).toHaveLength(pages);
    for (const png of pngs) {
      expect((await stat(png)).size).toBeGreaterThan(0);
      expect((await readFile(png)).subarray(1, 4).toString("latin1")).toBe("PNG");
    }
  });
});
