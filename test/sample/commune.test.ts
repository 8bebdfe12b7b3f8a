import { workingAge } from "../../src/core/age/retirement";
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { evaluateWorkbook, type RulesetCatalog } from "../../src/app/evaluate-workbook";
import { loadRuleset } from "../../src/core/ruleset/load";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import {
  ADULT_AGE,
  BUSINESSES_SHEET,
  COOPERATIVES_SHEET,
  DATA_SHEET,
  OFFICIALS_SHEET,
  RESIDENTS_SHEET,
  WORKING_AGE,
  makeSampleCommune,
  type SampleCommune,
} from "../../src/sample/commune";
import { makeBusinesses, makeCooperatives, makeOfficials, makeResidents } from "../../src/sample/people";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const RULESET_FILE = join(__dirname, "../../rulesets/phu-tho-xa-thong-minh-2024.json");

function loadPhuTho(): Ruleset {
  const loaded = loadRuleset(RULESET_FILE, readFileSync(RULESET_FILE, "utf8"));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join("\n"));
  return loaded.ruleset;
}

const ruleset = loadPhuTho();
const catalog: RulesetCatalog = new Map([[ruleset.id, ruleset]]);

async function verdictsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const outcome = await evaluateWorkbook(await XlsxWorkbook.open(bytes), { rulesets: catalog });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return Object.fromEntries(outcome.evaluation.indicators.map((i) => [i.code, i.verdict]));
}

/** Full years on asOf, written independently of the generator: the birthday itself counts. */
function age(birth: Date, asOf: Date): number {
  const had = birth.getUTCMonth() * 100 + birth.getUTCDate() <= asOf.getUTCMonth() * 100 + asOf.getUTCDate();
  return asOf.getUTCFullYear() - birth.getUTCFullYear() - (had ? 0 : 1);
}

function text(v: ExcelJS.CellValue): string {
  return typeof v === "string" ? v : String(v);
}

/** Data rows of a roster sheet (row 1 is the header), as arrays from column A. */
function rows(wb: ExcelJS.Workbook, sheet: string): ExcelJS.CellValue[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

/** The value of the cell a workbook-scoped name points to, read with ExcelJS (not our adapter). */
function named(wb: ExcelJS.Workbook, name: string): ExcelJS.CellValue {
  const { ranges } = wb.definedNames.getRanges(name);
  expect(ranges).toHaveLength(1);
  const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(ranges[0]!);
  if (!m) throw new Error(`unexpected range ${ranges[0]}`);
  return wb.getWorksheet(m[1]!)!.getCell(`${m[2]}${m[3]}`).value;
}

describe("sample commune Xã Minh Tân (fictitious)", () => {
  let sample: SampleCommune;
  let book: ExcelJS.Workbook;
  const asOf = new Date(Date.UTC(2024, 8, 30));

  beforeAll(async () => {
    sample = await makeSampleCommune();
    book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(sample.bytes) as unknown as ArrayBuffer);
  });

  test("the generator's age rules are the ruleset's parameters", () => {
    expect(ADULT_AGE).toBe(ruleset.parameters?.["adultAge"]?.value);
    expect(WORKING_AGE.from).toBe(ruleset.parameters?.["workingAgeFrom"]?.value);
  });

  test("maps every indicator of the ruleset, the blank one included", () => {
    const codes = indicatorsOf(ruleset).map((l) => l.item.code);
    expect(Object.keys(sample.mapping.indicators)).toEqual(codes);
    expect(Object.keys(sample.expected)).toEqual(codes);
    expect(sample.mapping).toMatchObject({ ruleset: ruleset.id, asOf: "2024-09-30", commune: "Xã Minh Tân" });
  });

  test("evaluates to exactly the expected verdicts: two ratios and one condition fail, one input is missing", async () => {
    expect(await verdictsOf(sample.bytes)).toEqual(sample.expected);
    const verdicts = Object.values(sample.expected);
    expect(verdicts.filter((v) => v === "khong-dat").length).toBeGreaterThanOrEqual(2);
    expect(verdicts.filter((v) => v === "thieu-so-lieu")).toHaveLength(1);
    expect(sample.expected).toMatchObject({ "1.1.1": "khong-dat", "1.3.1": "khong-dat", "1.2.5": "khong-dat", "1.4.2": "thieu-so-lieu" });
  });

  test("the figures on the data sheet are the counts of the rosters on the report date", () => {
    const residents = rows(book, RESIDENTS_SHEET);
    expect(residents).toHaveLength(1200);
    let adults = 0;
    let adultsPhone = 0;
    let working = 0;
    let workingAccount = 0;
    for (const [, , birth, sex, , phone, account] of residents) {
      expect(birth).toBeInstanceOf(Date);
      const a = age(birth as Date, asOf);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(95);
      if (a >= 15) {
        adults++;
        if (phone === "Có") adultsPhone++;
      }
      // Working age by the statutory retirement schedule (the full, not the quick, computation).
      const b = birth as Date;
      const status = workingAge(
        { precision: "day", year: b.getUTCFullYear(), month: b.getUTCMonth() + 1, day: b.getUTCDate() },
        sex === "Nam" ? "nam" : "nu",
        { year: asOf.getUTCFullYear(), month: asOf.getUTCMonth() + 1, day: asOf.getUTCDate() },
      );
      if (status.counted === true) {
        working++;
        if (account === "Có") workingAccount++;
      }
    }
    const officials = rows(book, OFFICIALS_SHEET);
    const businesses = rows(book, BUSINESSES_SHEET).filter((r) => r[3] === "Có");
    expect({
      dan_so_truong_thanh: named(book, "dan_so_truong_thanh"),
      co_dttm: named(book, "co_dttm"),
      dan_so_do_tuoi_lao_dong: named(book, "dan_so_do_tuoi_lao_dong"),
      co_tk_thanh_toan: named(book, "co_tk_thanh_toan"),
      can_bo_xa_thon: named(book, "can_bo_xa_thon"),
      can_bo_co_dttm: named(book, "can_bo_co_dttm"),
      co_so_kd_dkkd: named(book, "co_so_kd_dkkd"),
      co_so_tt_truc_tuyen: named(book, "co_so_tt_truc_tuyen"),
    }).toEqual({
      dan_so_truong_thanh: adults,
      co_dttm: adultsPhone,
      dan_so_do_tuoi_lao_dong: working,
      co_tk_thanh_toan: workingAccount,
      can_bo_xa_thon: officials.length,
      can_bo_co_dttm: officials.filter((r) => r[4] === "Có").length,
      co_so_kd_dkkd: businesses.length,
      co_so_tt_truc_tuyen: businesses.filter((r) => r[4] === "Có").length,
    });
    const digital = rows(book, COOPERATIVES_SHEET).filter((r) => r[3] === "Có").length;
    expect(named(book, "co_htx_ung_dung_cns")).toBe(digital > 0 ? "Có" : "Không");
  });

  test("yes/no figures are Có/Không text and exactly one input cell is blank", () => {
    const yesNoNames = Object.values(sample.mapping.indicators).flatMap((slots) => (slots["value"] ? [slots["value"]] : []));
    const values = yesNoNames.map((n) => named(book, n));
    expect(values.filter((v) => v === null || v === undefined)).toHaveLength(1);
    for (const v of values) if (v !== null && v !== undefined) expect(["Có", "Không"]).toContain(v);
    const allNames = Object.values(sample.mapping.indicators).flatMap((slots) => Object.values(slots));
    expect(allNames.map((n) => named(book, n)).filter((v) => v === null || v === undefined)).toHaveLength(1);
  });

  test("roster sheets have bold, frozen headers and dates formatted dd/mm/yyyy", () => {
    for (const name of [RESIDENTS_SHEET, OFFICIALS_SHEET, BUSINESSES_SHEET, COOPERATIVES_SHEET]) {
      const ws = book.getWorksheet(name)!;
      expect(ws.getCell("A1").value).toBe("STT");
      expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const residents = book.getWorksheet(RESIDENTS_SHEET)!;
    expect(residents.getRow(1).values).toEqual([
      undefined,
      "STT",
      "Họ và tên",
      "Ngày sinh",
      "Giới tính",
      "Thôn",
      "Có điện thoại thông minh",
      "Có tài khoản thanh toán điện tử",
    ]);
    expect(residents.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    expect(book.worksheets[0]!.name).toBe(DATA_SHEET);
  });

  test("every name is NFC, in the generator and in the workbook", () => {
    const generated = [
      ...makeResidents(1200, 2024, "2024-09-30").map((r) => r.name),
      ...makeOfficials(2024).flatMap((o) => [o.name, o.position]),
      ...makeBusinesses(2024).map((b) => b.name),
      ...makeCooperatives(2024).map((c) => c.name),
    ];
    for (const n of generated) expect(n).toBe(n.normalize("NFC"));
    const written = [RESIDENTS_SHEET, OFFICIALS_SHEET, BUSINESSES_SHEET, COOPERATIVES_SHEET].flatMap((s) =>
      rows(book, s).map((r) => text(r[1]!)),
    );
    expect(written.length).toBeGreaterThan(1200);
    for (const n of written) expect(n).toBe(n.normalize("NFC"));
    // no name a spreadsheet would take for a formula
    for (const n of [...generated, ...written]) expect(n).not.toMatch(/^[=+\-@]/);
  });

  test("the same seed gives the same people and the same workbook content; another seed other people", async () => {
    expect(makeResidents(500, 7, "2024-09-30")).toEqual(makeResidents(500, 7, "2024-09-30"));
    expect(makeBusinesses(7)).toEqual(makeBusinesses(7));
    const other = makeResidents(500, 8, "2024-09-30");
    const same = makeResidents(500, 7, "2024-09-30");
    expect(other.map((r) => r.name)).not.toEqual(same.map((r) => r.name));
    expect(makeOfficials(8).map((o) => o.name)).not.toEqual(makeOfficials(7).map((o) => o.name));
    expect(makeBusinesses(8).map((b) => b.name)).not.toEqual(makeBusinesses(7).map((b) => b.name));

    const again = await makeSampleCommune();
    const [a, b] = await Promise.all([JSZip.loadAsync(sample.bytes), JSZip.loadAsync(again.bytes)]);
    expect(Object.keys(b.files).sort()).toEqual(Object.keys(a.files).sort());
    for (const path of Object.keys(a.files)) {
      expect([path, await b.file(path)?.async("string")]).toEqual([path, await a.file(path)?.async("string")]);
    }
    expect(again.expected).toEqual(sample.expected);
  });

  test("the hard cases are there: namesakes in different villages, an 18th birthday on the report date", () => {
    const residents = makeResidents(1200, 2024, "2024-09-30");
    const byName = new Map<string, Set<string>>();
    for (const r of residents) byName.set(r.name, (byName.get(r.name) ?? new Set()).add(r.village));
    expect([...byName.values()].some((villages) => villages.size > 1)).toBe(true);
    expect(residents[17]!.name).toBe(residents[7]!.name); // the namesakes placed on purpose
    expect(residents[17]!.village).not.toBe(residents[7]!.village);
    const eighteenToday = residents.filter((r) => r.birthDate.getTime() === Date.UTC(2006, 8, 30));
    expect(eighteenToday.length).toBeGreaterThanOrEqual(1);
    expect(residents.some((r) => r.birthDate.getTime() === Date.UTC(2006, 9, 1))).toBe(true); // 18 tomorrow
    const times = residents.map(
      (r) => r.birthDate.getUTCHours() + r.birthDate.getUTCMinutes() + r.birthDate.getUTCSeconds() + r.birthDate.getUTCMilliseconds(),
    );
    expect(times.every((t) => t === 0)).toBe(true); // UTC midnight
  });

  test("the stored mapping is read back from the workbook", async () => {
    const snap = await (await XlsxWorkbook.open(sample.bytes)).snapshot();
    expect(snap.mappingText).toBeDefined();
    expect(JSON.parse(snap.mappingText!)).toEqual(sample.mapping);
    expect(snap.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([DATA_SHEET, RESIDENTS_SHEET, OFFICIALS_SHEET, BUSINESSES_SHEET, COOPERATIVES_SHEET]),
    );
  });

  test("a 20 000-resident sample (streaming writer) builds and evaluates to its expected verdicts", async () => {
    const big = await makeSampleCommune({ residents: 20_000, seed: 99 });
    expect(await verdictsOf(big.bytes)).toEqual(big.expected);
    expect(Object.values(big.expected).filter((v) => v === "khong-dat").length).toBeGreaterThanOrEqual(2);
    const zip = await JSZip.loadAsync(big.bytes);
    expect(zip.file("xl/sharedStrings.xml")).toBeNull();
  });
});
