import { checkWorkbook } from "../../src/app/check";
import { makeLists } from "../../src/app/lists";
import { loadRulesetDir } from "../../src/node/rulesets";
import { loadCheckRuleFile } from "../../src/cli/check-command";
import { makeSampleCommune } from "../../src/sample/commune";
import { makeResidents } from "../../src/sample/people";
import { fold } from "../../src/core/text/fold";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const rulesets = loadRulesetDir().rulesets;

/*
 * The sample is a workbook a careful clerk could have typed: its lists and figures agree at any size.
 * The only findings are the ones planted on purpose: 1.4.2 left blank (thiếu số liệu).
 */
describe.each([1000, 20000, 50000])("the %i-resident sample contradicts nothing", (residents) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await makeSampleCommune({ residents })).bytes;
  }, 120_000);

  test("no resident is the lists' duplicate of another (same folded name, birth date and village)", () => {
    const seen = new Set<string>();
    const twice = makeResidents(residents, 2024, "2024-09-30").filter((r) => {
      const key = `${fold(r.name)}|${r.birthDate.getTime()}|${r.village}`;
      return seen.has(key) || !seen.add(key);
    });
    expect(twice).toEqual([]);
  });

  test("the lists find no duplicate and agree with every list-backed figure", async () => {
    const out = await makeLists(await XlsxWorkbook.open(bytes), { rulesets });
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
    expect(out.problems.filter((p) => p.severity === "loi")).toEqual([]);
    expect(out.lists.length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  test("the pre-submission check finds only the blank 1.4.2 planted on purpose", async () => {
    const report = await checkWorkbook(await XlsxWorkbook.open(bytes), { rulesets, checkRules: (r) => loadCheckRuleFile(r).rules });
    const errors = report.problems.filter((p) => p.severity === "loi");
    expect(errors.map((p) => p.message)).toEqual([expect.stringContaining("1.4.2")]);
  }, 120_000);
});
