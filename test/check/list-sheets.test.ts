import { checkWorkbook } from "../../src/app/check";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeSampleCommune } from "../../src/sample/commune";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const rulesets = loadRulesetDir().rulesets;

/** The sample commune after `evaluate --out`: status sheet and Phụ lục 03–07 written into it. */
async function withLists() {
  const sample = await makeSampleCommune({ residents: 400 });
  const port = await XlsxWorkbook.open(sample.bytes);
  const out = await evaluateWorkbook(port, { rulesets, write: true, lists: true });
  if (!out.ok) throw new Error("evaluate failed");
  return { port: await XlsxWorkbook.open(await port.save()), mapping: out.mapping };
}

describe("the lists attached to the workbook against its figures", () => {
  test("lists written from the same rosters agree with the figures: no list-count problem", async () => {
    const { port } = await withLists();
    const report = await checkWorkbook(port, { rulesets });
    expect(report.problems.filter((p) => p.checkId === "list-count-mismatch")).toEqual([]);
  });

  test("a figure that no longer matches its list is lỗi once, in the lists' own words, naming the figure's cell", async () => {
    const { port, mapping } = await withLists();
    // 1.1.1's numerator now reads the adults' cell: the figure and Phụ lục 03 disagree.
    const changed = {
      ...mapping,
      indicators: {
        ...mapping.indicators,
        "1.1.1": { ...mapping.indicators["1.1.1"], numerator: mapping.indicators["1.1.1"]!.denominator! },
      },
    };
    const report = await checkWorkbook(port, { rulesets, mapping: { text: JSON.stringify(changed), source: "m.json" } });
    // The rosters are in the workbook: the lists are built again and compared by the lists' code, so the
    // attached sheet's total is not compared a second time.
    expect(report.problems.filter((p) => p.checkId === "list-count-mismatch")).toEqual([]);
    const found = report.problems.filter((p) => p.checkId === "appendix-list");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "loi",
      message: expect.stringMatching(/^Chỉ tiêu 1\.1\.1, /),
      ref: expect.stringContaining("Số liệu"),
    });
  });

  test("an attached Phụ lục whose total the rosters no longer give is out of date, with the button that remakes it", async () => {
    const { port } = await withLists();
    const residents = await port.readSheet("Dân cư");
    const phone = residents[0]!.findIndex((h) => typeof h === "string" && /điện thoại/i.test(h));
    const owner = residents.findIndex((r, i) => i > 0 && r[phone] === "Có");
    const changed: typeof port = Object.create(port);
    changed.readSheet = async (name) => {
      const rows = await port.readSheet(name);
      return name === "Dân cư" ? rows.map((r, i) => (i === owner ? r.map((v, c) => (c === phone ? "Không" : v)) : r)) : rows;
    };
    const report = await checkWorkbook(changed, { rulesets });
    const stale = report.problems.filter((p) => p.checkId === "list-sheet-stale");
    expect(stale.map((p) => p.code)).toContain("1.1.1");
    expect(stale.find((p) => p.code === "1.1.1")).toMatchObject({
      severity: "loi",
      ref: expect.stringMatching(/^'Phụ lục 03'!A\d+$/),
      message: expect.stringContaining("Tạo phụ lục"),
    });
  });

  test("without rosters the attached sheets are still compared with the figures", async () => {
    const { port, mapping } = await withLists();
    const changed = {
      ...mapping,
      indicators: {
        ...mapping.indicators,
        "1.1.1": { ...mapping.indicators["1.1.1"], numerator: mapping.indicators["1.1.1"]!.denominator! },
      },
    };
    const noRosters: typeof port = Object.create(port);
    noRosters.snapshot = async () => {
      const snap = await port.snapshot();
      return { ...snap, sheets: snap.sheets.filter((s) => s.owner !== undefined || s.name === "Số liệu") };
    };
    const report = await checkWorkbook(noRosters, { rulesets, mapping: { text: JSON.stringify(changed), source: "m.json" } });
    expect(report.problems.filter((p) => p.checkId === "appendix-list")).toEqual([]);
    const found = report.problems.filter((p) => p.checkId === "list-count-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "loi", code: "1.1.1", ref: expect.stringMatching(/^'Phụ lục 03'!A\d+$/) });
  });
});
