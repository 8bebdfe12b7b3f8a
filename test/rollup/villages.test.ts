/*
 * The roll-up's columns for indicators judged per village: how many villages meet each, judged by the
 * group's commune rule over the villages, never blank; and nothing for a commune judged as a whole.
 */
import { evaluateVillages } from "../../src/core/evaluate/units";
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { Inputs } from "../../src/core/evaluate/inputs";
import { rat } from "../../src/core/evaluate/rational";
import { villageIndicatorEntries } from "../../src/core/rollup/villages";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { loadRulesetDir } from "../../src/node/rulesets";

const { rulesets } = loadRulesetDir();
const kieuMau = rulesets.get("thanh-hoa-xa-ntm-kieu-mau-2023")!;
const yes = (value: boolean) => ({ kind: "bool" as const, value });
const count = (n: number) => ({ kind: "number" as const, value: rat(n) });
const passing: Inputs = {
  "YC3.1": { value: yes(true) },
  "YC3.2": { value: yes(true) },
  "YC3.3": { numerator: count(80), denominator: count(100) },
  "YC3.4": { numerator: count(50), denominator: count(100) },
  "YC3.5": { value: yes(true) },
};
const noModel: Inputs = { ...passing, "YC3.5": { value: yes(false) } };
const withRule = (rule: { all: true } | { atLeast: number }): Ruleset => ({
  ...kieuMau,
  groups: kieuMau.groups.map((g) => (g.units ? { ...g, units: { ...g.units, communeRule: rule } } : g)),
});
const entries = (ruleset: Ruleset, villages: Array<{ name: string; inputs: Inputs }>) =>
  villageIndicatorEntries(ruleset, evaluateVillages(ruleset, {}, villages)!.evaluation);

describe("indicators judged per village, in the roll-up", () => {
  const two = [
    { name: "Thôn A", inputs: passing },
    { name: "Thôn B", inputs: noModel },
  ];

  test("each indicator of the group says how many villages meet it, judged by ít nhất 1 thôn", () => {
    const byCode = new Map(entries(kieuMau, two).map((e) => [e.code, e]));
    expect(byCode.get("YC3.1")).toEqual({ code: "YC3.1", verdict: "dat", display: "2/2 thôn đạt" });
    expect(byCode.get("YC3.5")).toEqual({ code: "YC3.5", verdict: "dat", display: "1/2 thôn đạt" });
  });

  test("under 'every village', one village without the model fails that indicator only", () => {
    const byCode = new Map(entries(withRule({ all: true }), two).map((e) => [e.code, e]));
    expect(byCode.get("YC3.5")).toEqual({ code: "YC3.5", verdict: "khong-dat", display: "1/2 thôn đạt" });
    expect(byCode.get("YC3.3")!.verdict).toBe("dat");
  });

  test("a village's missing figure is thiếu số liệu where the rule still needs it, never a pass", () => {
    const blank: Inputs = { ...passing, "YC3.5": {} };
    const byCode = new Map(entries(withRule({ all: true }), [two[0]!, { name: "Thôn C", inputs: blank }]).map((e) => [e.code, e]));
    expect(byCode.get("YC3.5")).toMatchObject({ verdict: "thieu-so-lieu", display: "1/2 thôn đạt" });
  });

  test("a commune judged as a whole adds nothing", () => {
    expect(villageIndicatorEntries(kieuMau, evaluate(kieuMau, passing))).toEqual([]);
  });
});
