import { documentNumberShown } from "../../src/core/ruleset/document-number";
import { loadRulesetDir } from "../../src/node/rulesets";

describe("document numbers as a clerk reads them", () => {
  test.each([
    ["/HD-STTTT", "…/HD-STTTT (văn bản gốc để trống số)"],
    ["/2022/QĐ-UBND", "…/2022/QĐ-UBND (văn bản gốc để trống số)"],
    ["44/2022/QĐ-UBND", "44/2022/QĐ-UBND"],
  ])("%s → %s", (n, shown) => {
    expect(documentNumberShown(n)).toBe(shown);
  });

  test("no ruleset's number is shown starting with a bare slash", () => {
    for (const r of loadRulesetDir().rulesets.values()) expect(documentNumberShown(r.document.number)).not.toMatch(/^\//);
  });
});
