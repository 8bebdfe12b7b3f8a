/*
 * units.ts without a workbook: each village evaluated alone, the commune by its rule over the villages;
 * and the mapping's villages checked against the ruleset with their JSON paths.
 */
import { evaluateVillages, villageAnswer } from "../../src/core/evaluate/units";
import type { Inputs } from "../../src/core/evaluate/inputs";
import { checkMappingAgainst, parseMappingText } from "../../src/core/mapping/schema";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { loadRulesetDir } from "../../src/node/rulesets";
import { isVerbatim } from "../rulesets/golden";
import { count, kieuMau, NO_MODEL_YC3, PASSING_YC3 as passing, withCommuneRule as withRule } from "../support/yc3-inputs";

const { rulesets } = loadRulesetDir();
const failing = NO_MODEL_YC3;

describe("the commune-level rule over the villages", () => {
  const villages = [
    { name: "Thôn A", inputs: passing },
    { name: "Thôn B", inputs: failing },
  ];
  test.each([
    [{ atLeast: 1 } as const, "dat"],
    [{ atLeast: 2 } as const, "khong-dat"],
    [{ all: true } as const, "khong-dat"],
  ])("%j over one passing and one failing village: %s", (rule, verdict) => {
    const out = evaluateVillages(withRule(rule), {}, villages)!;
    expect(out.evaluation.units![0]).toMatchObject({ verdict, passed: 1, counted: 2 });
  });

  test("every village passing meets { all: true }", () => {
    const out = evaluateVillages(withRule({ all: true }), {}, [villages[0]!, { name: "Thôn C", inputs: passing }])!;
    expect(out.evaluation.units![0]!.verdict).toBe("dat");
  });

  test("no village, or a ruleset without a per-village group: nothing to do (evaluate() as before)", () => {
    expect(evaluateVillages(kieuMau, {}, [])).toBeUndefined();
    expect(evaluateVillages(rulesets.get("phu-tho-xa-thong-minh-2024")!, {}, villages)).toBeUndefined();
  });

  test("a village's problems name the village; a wrong figure there makes the commune lỗi số liệu, not đạt", () => {
    const wrong: Inputs = { ...passing, "YC3.3": { numerator: count(120), denominator: count(100) } };
    const out = evaluateVillages(kieuMau, {}, [{ name: "Thôn Sai", inputs: wrong }])!;
    expect(out.evaluation.units![0]!.verdict).toBe("loi-so-lieu");
    expect(out.evaluation.problems.map((p) => p.message).join("\n")).toMatch(/^Thôn Sai, chỉ tiêu YC3\.3: /m);
    expect(villageAnswer("loi-so-lieu")).toBe("Lỗi số liệu");
    expect(villageAnswer("thieu-so-lieu")).toBeNull();
  });
});

describe("the mapping's villages", () => {
  const check = (ruleset: Ruleset, villages: unknown) => {
    const parsed = parseMappingText("m.json", JSON.stringify({ ruleset: ruleset.id, indicators: {}, villages }));
    if (!parsed.ok) return parsed.problems.map((p) => p.message);
    // The message says it in words; the JSON path stays in the ref (issue 16: no paths shown to the clerk).
    return checkMappingAgainst(ruleset, parsed.mapping, "m.json").map((p) => (p.ref === undefined ? p.message : `${p.message} [${p.ref}]`));
  };
  test("a village's code outside the per-village groups, or a slot it does not have, is said in words with its JSON path as the ref", () => {
    const msgs = check(kieuMau, [{ name: "Thôn A", indicators: { "YC4.1": { value: "A1" }, "YC3.1": { numerator: "A2" } } }]);
    expect(msgs.join("\n")).toContain("villages[0].indicators.YC4.1");
    expect(msgs.join("\n")).toContain('không có ô nhập "numerator"');
  });
  test("villages on a ruleset judged once, or a village with neither name nor name cell, are refused", () => {
    expect(check(rulesets.get("phu-tho-xa-thong-minh-2024")!, [{ name: "Thôn A" }]).join("\n")).toContain(
      "không có nhóm nào đánh giá theo thôn",
    );
    expect(check(kieuMau, [{ indicators: {} }]).join("\n")).toContain("thôn cần tên (name) hoặc ô ghi tên (nameRef)");
    expect(check(kieuMau, [{ name: "Thôn A", indicators: { "YC3.1": { value: "'Số liệu theo thôn'!E4" } } }])).toEqual([]);
  });
});

describe("the rulesets judged per village quote their seed", () => {
  const withUnits = [...rulesets.values()].flatMap((r) => r.groups.filter((g) => g.units).map((g) => [r.id, g.code, r] as const));

  test("Thanh Hóa YC3 and Hà Nam thôn thông minh are the groups judged per village, each “at least one village”", () => {
    expect(withUnits.map(([id, code]) => `${id} ${code}`).sort()).toEqual([
      "ha-nam-thon-thong-minh-2022 I",
      "thanh-hoa-xa-ntm-kieu-mau-2023 YC3",
    ]);
    for (const [, code, r] of withUnits) expect(r.groups.find((g) => g.code === code)!.units!.communeRule).toEqual({ atLeast: 1 });
  });

  test.each(withUnits)("%s %s: every quoted phrase of units.source stands in the seed", (_id, code, r) => {
    const source = r.groups.find((g) => g.code === code)!.units!.source;
    const quotes = [...source.matchAll(/“([^”]+)”/g)].map((m) => m[1]!.replace(/\s+/g, " ").trim());
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect({ q, found: isVerbatim(r.source.seed, q) }).toEqual({ q, found: true });
  });
});
