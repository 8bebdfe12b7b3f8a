import { readFileSync } from "fs";
import { join } from "path";
import { loadRuleset } from "../../src/core/ruleset/load";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { loadRulesetDir } from "../../src/node/rulesets";
import { RULESETS_DIR } from "./golden";

const IDS = [
  "ha-nam-thon-thong-minh-2022",
  "ha-nam-tttt-xa-ntm-2022",
  "ha-nam-tttt-xa-ntm-nang-cao-2022",
  "ha-nam-xa-thong-minh-2022",
  "ha-tinh-xa-ntm-2022",
  "phu-tho-xa-thong-minh-2024",
  "thanh-hoa-cds-xa-2024",
  "thanh-hoa-xa-ntm-kieu-mau-2023",
];

describe("every ruleset in rulesets/", () => {
  test("validates, and the folder holds exactly the eight programmes the command line names", () => {
    const { rulesets, problems } = loadRulesetDir();
    expect(problems).toEqual([]);
    expect([...rulesets.keys()].sort()).toEqual(IDS);
  });

  test.each(IDS)("%s names its province, issuing document and source seed", (id) => {
    const r = loadRulesetDir().rulesets.get(id)!;
    expect(r.province).not.toBe("");
    expect(r.document.issuer).not.toBe("");
    expect(readFileSync(join(RULESETS_DIR, "..", "..", "shared", "seeds", r.source.seed), "utf8").length).toBeGreaterThan(1000);
    expect(indicatorsOf(r).length).toBeGreaterThan(0);
  });
});

describe("a bad ruleset file gets a message naming the file and the path inside it", () => {
  const good = readFileSync(join(RULESETS_DIR, "thanh-hoa-cds-xa-2024.json"), "utf8");
  const edit = (f: (data: { groups: Array<{ items: Array<Record<string, unknown>> }> } & Record<string, unknown>) => void) => {
    const data = JSON.parse(good);
    f(data);
    return JSON.stringify(data);
  };

  test.each([
    ["a threshold typed as text", edit((d) => ((d.groups[2]!.items[1]!.requirement as Record<string, unknown>).percent = "80")), "groups[2].items[1].requirement.percent"],
    ["an unknown kind", edit((d) => (d.groups[0]!.items[0]!.kind = "tỷ lệ")), "groups[0].items[0]"],
    ["a missing wording", edit((d) => delete d.groups[1]!.items[0]!.name), "groups[1].items[0].name"],
    ["a duplicated code", edit((d) => (d.groups[1]!.items[1]!.code = "2.1")), "groups[1].items[1].code"],
    ["both percent and fraction", edit((d) => ((d.groups[2]!.items[1]!.requirement as Record<string, unknown>).fraction = "2/3")), "groups[2].items[1].requirement"],
    ["an unknown field", edit((d) => (d.nguong = 1)), "(gốc)"],
  ])("%s", (_, text, path) => {
    const r = loadRuleset("rulesets/thanh-hoa-cds-xa-2024.json", text);
    expect(r.ok).toBe(false);
    const messages = !r.ok ? r.problems.map((p) => p.message).join("\n") : "";
    expect(messages).toContain(`rulesets/thanh-hoa-cds-xa-2024.json: ${path}`);
  });

  test("a file that is not JSON says so", () => {
    const r = loadRuleset("rulesets/x.json", "{ id: ");
    expect(!r.ok && r.problems[0]!.message).toMatch(/^rulesets\/x\.json: không phải JSON hợp lệ/);
  });

  test("an id that differs from the file name is refused", () => {
    const r = loadRuleset("rulesets/khac.json", good);
    expect(!r.ok && r.problems[0]!.message).toMatch(/phải trùng tên tệp "khac"/);
  });

  test("an unknown kind lists the kinds there are", () => {
    const r = loadRuleset("rulesets/thanh-hoa-cds-xa-2024.json", edit((d) => (d.groups[0]!.items[0]!.kind = "tỷ lệ")));
    expect(!r.ok && r.problems[0]!.message).toMatch(/ratio, quantity, yes-no/);
  });
});
