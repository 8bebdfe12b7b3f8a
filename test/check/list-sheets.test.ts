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

  test("a figure that no longer matches its list is lỗi, pointing at the list's total", async () => {
    const { port, mapping } = await withLists();
    // 1.1.1's numerator now reads the adults' cell: the figure and Phụ lục 03 disagree.
    const changed = { ...mapping, indicators: { ...mapping.indicators, "1.1.1": { ...mapping.indicators["1.1.1"], numerator: mapping.indicators["1.1.1"]!.denominator! } } };
    const report = await checkWorkbook(port, { rulesets, mapping: { text: JSON.stringify(changed), source: "m.json" } });
    const found = report.problems.filter((p) => p.checkId === "list-count-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "loi", code: "1.1.1", ref: expect.stringMatching(/^'Phụ lục 03'!A\d+$/) });
  });
});
