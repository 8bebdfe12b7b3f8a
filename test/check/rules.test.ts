import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { FigureContext } from "../../src/core/check/context";
import { checkRules, evaluateRule } from "../../src/core/check/rules";
import { parseCheckRules, parseCheckRulesText, parseSide, type CheckRule } from "../../src/core/check/schema";
import { loadRulesetDir, RULESETS_DIR } from "../../src/node/rulesets";
import { makeRuleset, num, ratio } from "../builders";

const CHECKS_DIR = join(RULESETS_DIR, "checks");
const { rulesets } = loadRulesetDir();

describe("every rule file in rulesets/checks", () => {
  const files = readdirSync(CHECKS_DIR).filter((f) => f.endsWith(".json"));

  test("covers at least the Thanh Hóa CĐS and Phú Thọ smart-commune rulesets", () => {
    expect(files).toEqual(expect.arrayContaining(["thanh-hoa-cds-xa-2024.json", "phu-tho-xa-thong-minh-2024.json"]));
  });

  test.each(files)("%s validates against its ruleset, and every rule says why it holds", (file) => {
    const id = file.replace(/\.json$/, "");
    const ruleset = rulesets.get(id);
    expect(ruleset).toBeDefined();
    const parsed = parseCheckRulesText(`rulesets/checks/${file}`, readFileSync(join(CHECKS_DIR, file), "utf8"), ruleset);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
    expect(parsed.rules.rules.length).toBeGreaterThan(0);
    for (const rule of parsed.rules.rules) {
      expect(rule.why.length).toBeGreaterThan(20);
      expect(rule.message).toMatch(/hãy/);
    }
  });
});

describe("a bad rule file gets a message naming the file and the JSON path", () => {
  const th = rulesets.get("thanh-hoa-cds-xa-2024")!;
  const file = "rulesets/checks/thanh-hoa-cds-xa-2024.json";
  const rule = (extra: Partial<Record<keyof CheckRule, unknown>>) => ({
    id: "r",
    left: "3.1.denominator",
    operator: "<=",
    right: "3.2.denominator",
    importance: "loi",
    message: "m — hãy sửa",
    why: "vì",
    ...extra,
  });
  const fileWith = (...rules: unknown[]) => ({ ruleset: "thanh-hoa-cds-xa-2024", rules });

  test.each([
    ["an unknown operator", fileWith(rule({ operator: "=<" })), "rules[0].operator"],
    ["an importance that is not lỗi or cảnh báo", fileWith(rule({ importance: "error" })), "rules[0].importance"],
    ["a side that is not a sum of references", fileWith(rule({}), rule({ id: "s", left: "3.1.denominator * 2" })), "rules[1].left"],
    ["a code the ruleset lacks", fileWith(rule({ right: "9.9.denominator" })), "rules[0].right"],
    ["a slot the indicator lacks", fileWith(rule({ left: "1.1.numerator" })), "rules[0].left"],
    ["a duplicated id", fileWith(rule({}), rule({})), "rules[1].id"],
    ["a rule without why", fileWith({ ...rule({}), why: undefined }), "rules[0].why"],
    ["an unknown field", { ...fileWith(rule({})), comment: "x" }, "(gốc)"],
  ])("%s", (_, data, path) => {
    const r = parseCheckRules(file, data, th);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.message).join("\n")).toContain(`${file}: ${path}`);
  });

  test("a file named after another ruleset says so", () => {
    const r = parseCheckRules("rulesets/checks/phu-tho-xa-thong-minh-2024.json", fileWith(rule({})));
    expect(!r.ok && r.problems[0]!.message).toMatch(/phu-tho-xa-thong-minh-2024.json: ruleset/);
  });

  test("a file that is not JSON says so", () => {
    const r = parseCheckRulesText("rulesets/checks/x.json", "{ rules: ");
    expect(!r.ok && r.problems[0]!.message).toMatch(/^rulesets\/checks\/x\.json: không phải JSON hợp lệ/);
  });
});

describe("a side is a number, a slot reference or a sum of them", () => {
  test.each([
    ["3.2.denominator", [{ sign: 1, ref: { code: "3.2", slot: "denominator" } }]],
    ["17.1.b.numerator", [{ sign: 1, ref: { code: "17.1", slot: "b.numerator" } }]],
    ["12.1.nam.numerator", [{ sign: 1, ref: { code: "12.1", slot: "nam.numerator" } }]],
    ["YC3.4.denominator", [{ sign: 1, ref: { code: "YC3.4", slot: "denominator" } }]],
    [
      "3.2.numerator + 3.3.numerator - 12",
      [
        { sign: 1, ref: { code: "3.2", slot: "numerator" } },
        { sign: 1, ref: { code: "3.3", slot: "numerator" } },
        { sign: -1, number: "12" },
      ],
    ],
    [100, [{ sign: 1, number: "100" }]],
  ])("%s", (side, terms) => {
    expect(parseSide(side)).toEqual(terms);
  });

  test.each(["", "3.2.tu_so", "3.2.numerator +", "3.2.numerator * 2", "dan_so"])("%j is refused with a reason", (side) => {
    expect(typeof parseSide(side)).toBe("string");
  });
});

describe("a rule over the figures", () => {
  const ruleset = makeRuleset({ items: [ratio("1", 80, { population: "a" }), ratio("2", 70), ratio("3", 50)] });
  const ctx = (inputs: FigureContext["inputs"], suspended?: Record<string, string>): FigureContext => ({
    ruleset,
    mapping: { ruleset: ruleset.id, indicators: {}, ...(suspended ? { suspended } : {}) },
    inputs,
    raw: {},
    cells: { "2": { denominator: { ref: "'Số liệu'!B5", label: "'Số liệu'!B5" } } },
    evaluation: evaluate(ruleset, inputs),
  });
  const rule: CheckRule = {
    id: "tong",
    left: "1.denominator + 2.denominator",
    operator: "==",
    right: "3.denominator",
    importance: "canh-bao",
    message: "Tổng phải khớp — hãy sửa",
    why: "vì",
  };

  test("holds: no problem", () => {
    expect(
      evaluateRule(rule, ctx({ "1": { denominator: num(10) }, "2": { denominator: num(5) }, "3": { denominator: num(15) } })),
    ).toBeUndefined();
  });

  test("fails: a problem with the rule's importance, its id, both sides' figures and the first cell", () => {
    const p = evaluateRule(
      rule,
      ctx({ "1": { denominator: num(10) }, "2": { denominator: num(5, "'Số liệu'!B5") }, "3": { denominator: num(16) } }),
    );
    expect(p).toEqual({
      checkId: "rule:tong",
      severity: "canh-bao",
      code: "1",
      ref: "'Số liệu'!B5",
      message: "Tổng phải khớp — hãy sửa (cần mẫu số 1 = 10 + mẫu số 2 = 5 ('Số liệu'!B5) = mẫu số 3 = 16)",
    });
  });

  test("a missing or wrong figure leaves the rule unjudged (its own check reports it)", () => {
    expect(evaluateRule(rule, ctx({ "1": { denominator: num(10) }, "3": { denominator: num(16) } }))).toBeUndefined();
    expect(
      evaluateRule(
        rule,
        ctx({ "1": { denominator: num(10) }, "2": { denominator: { kind: "invalid", reason: "x" } }, "3": { denominator: num(16) } }),
      ),
    ).toBeUndefined();
  });

  test("a rule over a suspended indicator is not judged", () => {
    const c = {
      ...ctx({ "1": { denominator: num(10) }, "2": { denominator: num(5) }, "3": { denominator: num(16) } }, { "3": "không áp dụng" }),
      rules: { ruleset: ruleset.id, notes: [], rules: [rule] },
    };
    expect(checkRules(c)).toEqual([]);
  });
});
