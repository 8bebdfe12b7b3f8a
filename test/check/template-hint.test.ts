import { checkWorkbook } from "../../src/app/check";
import { loadCheckRuleFile } from "../../src/cli/check-command";
import { loadRulesetDir } from "../../src/node/rulesets";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate } from "../../src/workbook/xlsx/template";
import { makeRuleset, ratio } from "../builders";

const rulesets = loadRulesetDir().rulesets;

describe("the 'mapping one cell off' hint", () => {
  test.each(["thanh-hoa-cds-xa-2024", "thanh-hoa-xa-ntm-kieu-mau-2023", "phu-tho-xa-thong-minh-2024"])(
    "a blank %s template gets no hint from its own Yêu cầu column",
    async (id) => {
      const port = await XlsxWorkbook.open(await makeTemplate(rulesets.get(id)!, { asOf: "2024-06-30" }));
      const report = await checkWorkbook(port, { rulesets, checkRules: (r) => loadCheckRuleFile(r).rules });
      expect(report.problems.length).toBeGreaterThan(0);
      expect(report.problems.filter((p) => /lệch một ô/.test(p.message))).toEqual([]);
    },
  );

  test("a figure typed beside a blank mapped cell still gets it", async () => {
    const rs = makeRuleset({ items: [ratio("3.2", 80, { numeratorLabel: "Tử", denominatorLabel: "Mẫu" })] });
    const port = new MemoryWorkbook({
      sheets: [
        {
          name: "Số liệu",
          cells: { A1: "Nội dung", B1: "Số liệu", C1: "Yêu cầu", A2: "Tử", C2: "≥80%", D2: 12, A4: "Mẫu", B4: 20, C4: "100%" },
        },
      ],
      names: [
        { name: "tu", formula: "'Số liệu'!$B$2" },
        { name: "mau", formula: "'Số liệu'!$B$4" },
      ],
    });
    const mapping = JSON.stringify({ ruleset: rs.id, asOf: "2024-06-30", indicators: { "3.2": { numerator: "tu", denominator: "mau" } } });
    const report = await checkWorkbook(port, { rulesets: new Map([[rs.id, rs]]), mapping: { text: mapping, source: "m.json" } });
    const hints = report.problems.filter((p) => /lệch một ô/.test(p.message)).map((p) => p.message);
    // B2 is blank: C2 is the requirement column (not a figure typed one cell off); nothing to hint.
    expect(hints).toEqual([]);
    const noRequirementHeader = new MemoryWorkbook({
      sheets: [{ name: "Số liệu", cells: { A2: "Tử", C2: 12, A4: "Mẫu", B4: 20 } }],
      names: [
        { name: "tu", formula: "'Số liệu'!$B$2" },
        { name: "mau", formula: "'Số liệu'!$B$4" },
      ],
    });
    const again = await checkWorkbook(noRequirementHeader, {
      rulesets: new Map([[rs.id, rs]]),
      mapping: { text: mapping, source: "m.json" },
    });
    expect(again.problems.filter((p) => /lệch một ô/.test(p.message)).map((p) => p.message)).toEqual([
      expect.stringContaining("'Số liệu'!C2"),
    ]);
  });
});
