/*
 * `chitieu lists` on the template as a clerk fills it: the report date typed in "Ngày báo cáo" (D2)
 * and the adult age in "Độ tuổi trưởng thành" (D3) are read as `evaluate` reads them; --as-of overrides.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { makeLists } from "../../src/app/lists";
import { listsCommand } from "../../src/cli/lists-command";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { ADULT_AGE_NAME, makeTemplate, REPORT_DATE_NAME, TEMPLATE_SHEET } from "../../src/workbook/xlsx/template";

const rulesets = loadRulesetDir().rulesets;
const RULESET = "phu-tho-xa-thong-minh-2024";

/** Fictitious residents around the ages that matter on 30/09/2024: 15 that day, 14, 17, 40. */
const RESIDENTS: Array<[string, Date, string]> = [
  ["Nguyễn Văn An", new Date(Date.UTC(1984, 2, 12)), "Có"],
  ["Lê Thị Bình", new Date(Date.UTC(2009, 8, 30)), "Có"], // a full 15 on 30/09/2024, 14 the day before
  ["Trần Văn Cường", new Date(Date.UTC(2007, 0, 5)), "Có"], // 17: an adult at 15, not at 18
  ["Phạm Thị Dung", new Date(Date.UTC(2012, 4, 1)), "Có"], // 12
];

/**
 * The template's data sheet (its D2, D3 and their names) with a residents roster beside it, D2 and D3
 * typed as the clerk types them, and the template's own mapping stored, as `chitieu template` leaves it.
 */
async function clerkWorkbook(date: ExcelJS.CellValue, age?: ExcelJS.CellValue): Promise<Uint8Array> {
  const stored = (await (await XlsxWorkbook.open(await makeTemplate(rulesets.get(RULESET)!))).snapshot()).mappingText!;
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet(TEMPLATE_SHEET);
  data.getCell("D2").value = date;
  data.getCell("D3").value = age ?? 15;
  wb.definedNames.add(`'${TEMPLATE_SHEET}'!$D$2`, REPORT_DATE_NAME);
  wb.definedNames.add(`'${TEMPLATE_SHEET}'!$D$3`, ADULT_AGE_NAME);
  const ws = wb.addWorksheet("Dân cư");
  ws.addRow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh"]);
  RESIDENTS.forEach(([name, birth, phone], i) => ws.addRow([i + 1, name, birth, i % 2 ? "Nữ" : "Nam", "Thôn Đông", phone]));
  const port = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
  await port.writeSheets([], stored);
  return port.save();
}

async function pl03(bytes: Uint8Array, asOf?: string) {
  const out = await makeLists(await XlsxWorkbook.open(bytes), { rulesets, only: ["PL03"], ...(asOf ? { asOf } : {}) });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
  // The age is printed on Phụ lục 03 itself, in its note under the title.
  const printed = out.layouts[0]!.rows.flatMap((r) => r.map((c) => (c && typeof c.value === "string" ? c.value : ""))).join("\n");
  return { list: out.lists[0]!, mapping: out.mapping, problems: out.problems, printed };
}

describe("lists read the template's Ngày báo cáo (D2) and Độ tuổi trưởng thành (D3)", () => {
  test("the date typed in D2 is the report date: the girl who is 15 that day is an adult (ruleset's 15)", async () => {
    const { list, mapping, printed } = await pl03(await clerkWorkbook("30/09/2024"));
    expect(mapping.asOf).toBe("2024-09-30");
    expect([list.count, list.population]).toEqual([3, 3]);
    expect(printed).toContain("Người từ đủ 15 tuổi tính đến ngày 30/09/2024");
  });

  test("an Excel date in D2 is read too", async () => {
    const { mapping } = await pl03(await clerkWorkbook(new Date(Date.UTC(2024, 8, 30))));
    expect(mapping.asOf).toBe("2024-09-30");
  });

  test("--as-of overrides D2: a day earlier she is 14 and leaves the list", async () => {
    const { list, mapping } = await pl03(await clerkWorkbook("30/09/2024"), "2024-09-29");
    expect(mapping.asOf).toBe("2024-09-29");
    expect([list.count, list.population]).toEqual([2, 2]);
  });

  test("18 typed in D3 switches the adult age: only the 40-year-old remains", async () => {
    const { list, mapping, printed } = await pl03(await clerkWorkbook("30/09/2024", 18));
    expect(mapping.adultAge).toBe(18);
    expect(printed).toContain("Người từ đủ 18 tuổi tính đến ngày 30/09/2024");
    expect([list.count, list.population]).toEqual([1, 1]);
    expect(list.populationText).toContain("18 tuổi");
  });

  test("no date anywhere, or a D2 that is no date: refused, naming the cell", async () => {
    const blank = await makeLists(await XlsxWorkbook.open(await clerkWorkbook(null)), { rulesets, only: ["PL03"] });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.problems.map((p) => p.message).join("\n")).toContain("Chưa có ngày báo cáo");
    const bad = await makeLists(await XlsxWorkbook.open(await clerkWorkbook("hôm nay")), { rulesets, only: ["PL03"] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toMatch(/^Ô Ngày báo cáo .*D\$?2/);
  });

  describe("through chitieu lists", () => {
    let dir: string;
    const deps = { rulesets: () => rulesets, usage: (m: string) => new Error(`USAGE ${m}`) };
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "chitieu-lists-d2-"));
      writeFileSync(join(dir, "xa.xlsx"), await clerkWorkbook("30/09/2024"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = async (extra: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await listsCommand(
        [join(dir, "xa.xlsx"), "--only", "PL03", "--out", join(dir, "out.xlsx"), ...extra],
        { out: (s) => out.push(s), err: (s) => err.push(s) },
        deps,
      );
      return { code, out, err };
    };

    test("without --as-of the date comes from D2", async () => {
      const r = await run([]);
      expect(r.code).toBe(0);
      expect(r.out[0]).toContain("3 người — trong số 3 người từ đủ 15 tuổi");
    });

    test("--as-of still overrides", async () => {
      const r = await run(["--as-of", "2024-09-29"]);
      expect(r.code).toBe(0);
      expect(r.out[0]).toContain("2 người — trong số 2 người từ đủ 15 tuổi");
    });
  });
});
