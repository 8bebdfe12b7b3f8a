/*
 * The roll-up's columns for indicators judged per village: how many villages meet each, judged by the
 * group's commune rule over the villages, never blank; and nothing for a commune judged as a whole.
 */
import { evaluateVillages } from "../../src/core/evaluate/units";
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { Inputs } from "../../src/core/evaluate/inputs";
import { villageIndicatorEntries } from "../../src/core/rollup/villages";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { kieuMau, NO_MODEL_YC3 as noModel, PASSING_YC3 as passing, withCommuneRule as withRule } from "../support/yc3-inputs";

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
