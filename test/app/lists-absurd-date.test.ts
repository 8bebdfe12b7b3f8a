/*
 * A date-formatted roster cell holding a number no date can have (1e12: Excel shows ####) is an
 * impossible birth date named by its cell, in Vietnamese, and everything else still works; it
 * once became an invalid Date and the roster's reading stopped with "Lỗi không mong đợi".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { listsCommand } from "../../src/cli/lists-command";
import type { RawCell } from "../../src/core/text/cell";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const rulesets = loadRulesetDir().rulesets;

const HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử"];

/** A residents sheet written by ExcelJS, the birth column styled as dates; `absurd` goes into Lê Thị Bình's birth cell (C3). */
async function workbook(absurd: RawCell): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dân cư");
  const rows: RawCell[][] = [
    HEADERS,
    [1, "Nguyễn Văn An", new Date(Date.UTC(1980, 2, 12)), "Nam", "Thôn Đông", "Có", "Có"],
    [2, "Lê Thị Bình", absurd, "Nữ", "Thôn Đoài", "Có", "Không"],
    [3, "Trần Văn Cường", new Date(Date.UTC(1964, 2, 15)), "Nam", "Thôn Đoài", "Không", "Có"],
  ];
  for (const r of rows) ws.addRow(r).getCell(3).numFmt = "dd/mm/yyyy";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a date-styled birth cell holding an absurd number", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "chitieu-absurd-date-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function lists(absurd: RawCell) {
    const file = join(dir, `xa-${String(absurd)}.xlsx`);
    writeFileSync(file, await workbook(absurd));
    const out: string[] = [];
    const err: string[] = [];
    const code = await listsCommand(
      [file, "--as-of", "2024-09-30", "--only", "PL03", "--out", join(dir, "out.xlsx")],
      { out: (s) => out.push(s), err: (s) => err.push(s) },
      { rulesets: () => rulesets, usage: (m: string) => new Error(`USAGE ${m}`) },
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  test("is read as the number it holds, not as an invalid date", async () => {
    const rows = await (await XlsxWorkbook.open(await workbook(1e12))).readSheet("Dân cư");
    expect(rows[2]![2]).toBe(1e12);
    expect(rows[1]![2]).toEqual(new Date(Date.UTC(1980, 2, 12)));
  });

  test.each([1e12, -1e12])("%s: named by its cell in Vietnamese; the others are still listed", async (absurd) => {
    const r = await lists(absurd);
    expect(r.err).not.toContain("không mong đợi");
    expect(r.err).toContain(`Ô 'Dân cư'!C3: không đọc được ngày sinh "${absurd}" của Lê Thị Bình`);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Phụ lục 03");
    const written = await (await XlsxWorkbook.open(readFileSync(join(dir, "out.xlsx")))).readSheet("Phụ lục 03");
    const names = written.flat().filter((v) => typeof v === "string");
    expect(names).toContain("Nguyễn Văn An"); // Trần Văn Cường has no smartphone
    expect(names).not.toContain("Lê Thị Bình");
  });

  test("a date the cell can hold is still read as that date: Lê Thị Bình is listed", async () => {
    const r = await lists(new Date(Date.UTC(1990, 0, 1)));
    expect(r.err).not.toContain("C3");
    const written = await (await XlsxWorkbook.open(readFileSync(join(dir, "out.xlsx")))).readSheet("Phụ lục 03");
    expect(written.flat()).toContain("Lê Thị Bình");
  });
});
