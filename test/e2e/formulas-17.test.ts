/*
 * Issue 17 E and G: the status formula, recalculated by LibreOffice, says what the engine says for
 * counts near 2^53 (an exact comparison, not a floating-point one) and for a date in a count cell.
 */
import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as h from "../cli/helpers";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { VERDICT_TEXT, type Verdict } from "../../src/core/evaluate/result";
import { recalculate, requireTool } from "../support/libreoffice";
import { statusValue } from "../../src/core/layout/status-columns";

jest.setTimeout(300_000);

let dir: string;
beforeAll(() => {
  requireTool("soffice");
  dir = h.makeTmpDir("chitieu-e-g-");
});
afterAll(() => h.removeDir(dir));

/** The custom workbook with some figures of 'Số liệu' replaced (B3 dân số 15+, B5 điện thoại, B8 tổng DN). */
async function withFigures(cells: Record<string, ExcelJS.CellValue>, formats: Record<string, string> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await h.buildCustomWorkbook()).buffer as ArrayBuffer);
  const ws = wb.getWorksheet("Số liệu")!;
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  for (const [a, f] of Object.entries(formats)) ws.getCell(a).numFmt = f;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The verdict by indicator code of the status sheet. */
async function verdicts(file: string): Promise<Map<string, unknown>> {
  const rows = await (await XlsxWorkbook.open(readFileSync(file))).readSheet(h.STATUS_NAME);
  return new Map(
    rows.flatMap((r) => {
      const code = statusValue(r, "code");
      return typeof code === "string" && /^\d+\.\d+$/.test(code) ? [[code, statusValue(r, "verdict")] as const] : [];
    }),
  );
}

/** Engine, cached and LibreOffice's recalculated verdict of each indicator, as verdict texts. */
async function threeWays(
  name: string,
  bytes: Uint8Array,
  codes: string[],
): Promise<Record<string, { engine: string; cached: unknown; recalc: unknown }>> {
  const file = h.writeBytes(dir, `${name}.xlsx`, bytes);
  const out = path.join(dir, `${name}-kq.xlsx`);
  const json = path.join(dir, `${name}.json`);
  const r = await h.runCli(
    "evaluate",
    file,
    "--mapping",
    h.writeMapping(dir, h.customMapping(), `${name}.json.map`),
    "--out",
    out,
    "--json",
    json,
  );
  expect(r.code).toBe(0);
  const report = JSON.parse(readFileSync(json, "utf8")) as { indicators: Array<{ code: string; verdict: Verdict }> };
  const cached = await verdicts(out);
  const recalc = await verdicts(await recalculate(out, path.join(dir, `${name}-lo`)));
  return Object.fromEntries(
    codes.map((code) => [
      code,
      { engine: VERDICT_TEXT[report.indicators.find((i) => i.code === code)!.verdict], cached: cached.get(code), recalc: recalc.get(code) },
    ]),
  );
}

test("E: counts near 2^53, where a floating-point product says Đạt, are flagged the same way everywhere", async () => {
  // 6305039478318692·10 < 7·9007199254740989 exactly, but not in doubles (nor in LibreOffice's comparisons).
  const got = await threeWays("e", await withFigures({ B3: 9007199254740989, B5: 6305039478318692 }), ["3.4"]);
  expect(got["3.4"]).toEqual({ engine: "Lỗi số liệu", cached: "Lỗi số liệu", recalc: "Lỗi số liệu" });
});

test("E: at the largest count judged (10^12), one person short is Không đạt and the exact 70% is Đạt", async () => {
  const short = await threeWays("e-thieu", await withFigures({ B3: 1e12, B5: 7e11 - 1 }), ["3.4"]);
  expect(short["3.4"]).toEqual({ engine: "Không đạt", cached: "Không đạt", recalc: "Không đạt" });
  const exact = await threeWays("e-du", await withFigures({ B3: 1e12, B5: 7e11 }), ["3.4"]);
  expect(exact["3.4"]).toEqual({ engine: "Đạt", cached: "Đạt", recalc: "Đạt" });
});

test("G: a date-formatted number in a count cell is lỗi số liệu everywhere", async () => {
  const got = await threeWays("g", await withFigures({ B8: new Date(Date.UTC(2024, 0, 15)) }, { B8: "dd/mm/yyyy" }), ["2.4"]);
  expect(got["2.4"]).toEqual({ engine: "Lỗi số liệu", cached: "Lỗi số liệu", recalc: "Lỗi số liệu" });
});

test('G: a t="d" date cell in a count cell is lỗi số liệu everywhere', async () => {
  const zip = await JSZip.loadAsync(await h.buildCustomWorkbook());
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  const at = xml.indexOf('<c r="B8"');
  const end = xml.indexOf("</c>", at) + 4;
  expect(at).toBeGreaterThan(0);
  const styleAttr = / s="\d+"/.exec(xml.slice(at, end))?.[0] ?? "";
  zip.file(part, `${xml.slice(0, at)}<c r="B8"${styleAttr} t="d"><v>2024-01-15T00:00:00Z</v></c>${xml.slice(end)}`);
  const got = await threeWays("g-d", await zip.generateAsync({ type: "uint8array" }), ["2.4"]);
  expect(got["2.4"]!.engine).toBe("Lỗi số liệu");
  expect(got["2.4"]).toEqual({ engine: "Lỗi số liệu", cached: "Lỗi số liệu", recalc: "Lỗi số liệu" });
});
