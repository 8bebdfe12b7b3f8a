import { sharesOf } from "../../src/core/check/measures";
import { evaluate } from "../../src/core/evaluate/evaluate";
import { toNumber } from "../../src/core/evaluate/rational";
import { slotsOf } from "../../src/core/evaluate/slots";
import { thresholdForYear } from "../../src/core/kinds/by-year";
import { KINDS, kindOf } from "../../src/core/kinds/registry";
import { Indicator } from "../../src/core/ruleset/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { makeRuleset, num, ratio, yesNo } from "../builders";
import { everyKindRuleset } from "../e2e/scenarios";

const byYear = (extra: Record<string, unknown> = {}) =>
  Indicator.parse({
    kind: "by-year",
    code: "9",
    name: "Thu nhập bình quân",
    measure: "quantity",
    comparator: ">=",
    byYear: { "2024": 60, "2025": 65 },
    unit: "triệu đồng",
    ...extra,
  }) as Extract<Indicator, { kind: "by-year" }>;

describe("one module per indicator kind", () => {
  test("the table has exactly the schema's kinds", () => {
    const schemaKinds = Indicator.options.map((o) => o.shape.kind.value).sort();
    expect(Object.keys(KINDS).sort()).toEqual(schemaKinds);
  });

  test("each indicator of the every-kind ruleset is answered by the module of its own kind", () => {
    for (const { item } of indicatorsOf(everyKindRuleset())) expect(kindOf(item)).toBe(KINDS[item.kind]);
  });

  test("what the roll-up sums, what a list fills, what needs a report date", () => {
    const answers = (ind: Indicator) => ({
      countRatio: kindOf(ind).countRatio(ind),
      list: kindOf(ind).listFigure,
      date: kindOf(ind).needsReportDate,
    });
    const seen = new Map<string, ReturnType<typeof answers>>();
    for (const { item } of indicatorsOf(everyKindRuleset()))
      seen.set(item.kind === "by-year" ? `by-year ${item.measure}` : item.kind, answers(item));
    expect(Object.fromEntries(seen)).toEqual({
      ratio: { countRatio: true, list: "counts", date: false },
      quantity: { countRatio: false, list: undefined, date: false },
      "yes-no": { countRatio: false, list: "anyone-listed", date: false },
      "by-year ratio": { countRatio: true, list: undefined, date: true },
      "by-year quantity": { countRatio: false, list: undefined, date: true },
      conditional: { countRatio: true, list: undefined, date: false },
      "all-of": { countRatio: false, list: undefined, date: false },
    } satisfies Record<string, unknown>);
    expect(seen.size).toBe(7);
  });

  test("slotsOf puts the applicability question first, then the kind's own slots", () => {
    const [ind] = indicatorsOf(
      makeRuleset({
        items: [yesNo("1", { appliesIf: { key: "q", question: "Xã có chợ?", reason: "xã không có chợ", source: "(nếu có)" } })],
      }),
    ).map((x) => x.item);
    expect(slotsOf(ind!).map((s) => s.slot)).toEqual(["question", "value"]);
    const [plain] = indicatorsOf(makeRuleset({ items: [ratio("2", 80)] })).map((x) => x.item);
    expect(slotsOf(plain!).map((s) => s.slot)).toEqual(["numerator", "denominator", "value"]);
  });
});

describe("the threshold of the report year, written once", () => {
  test("the year's listed figure", () => {
    const t = thresholdForYear(byYear(), 2025, {});
    expect(t.ok && toNumber(t.value)).toBe(65);
  });

  test("a year the document does not list has no threshold: another year's is never borrowed", () => {
    expect(thresholdForYear(byYear(), 2026, {})).toMatchObject({
      ok: false,
      verdict: "thieu-so-lieu",
      problem: expect.stringContaining("năm 2026"),
    });
  });

  test("the document's rule over the reference figure, and a bad reference is lỗi số liệu", () => {
    const ruled = byYear({ rule: { text: "cao hơn 10%", percentOfReference: 110, referenceLabel: "Thu nhập năm trước" } });
    const t = thresholdForYear(ruled, 2026, { reference: num(60) });
    expect(t.ok && toNumber(t.value)).toBe(66);
    expect(thresholdForYear(ruled, 2026, { reference: { kind: "invalid", reason: "không phải số" } })).toMatchObject({
      ok: false,
      verdict: "loi-so-lieu",
    });
  });

  test("the check takes the threshold the engine applied (a ratio judged by the rule)", () => {
    const ind = byYear({
      measure: "ratio",
      code: "1",
      unit: "người",
      rule: { text: "theo năm trước", percentOfReference: 100, referenceLabel: "Tỷ lệ năm trước" },
    });
    const ruleset = makeRuleset({ items: [ind] });
    const inputs = { numerator: num(70), denominator: num(100), reference: num(75) };
    const engine = evaluate(ruleset, { "1": inputs }, { asOf: "2026-06-30" }).indicators[0]!;
    const [share] = sharesOf(ind, { inputs, asOf: "2026-06-30" });
    expect(engine.threshold && toNumber(engine.threshold)).toBe(75);
    expect(share?.threshold && toNumber(share.threshold.value) * 100).toBeCloseTo(75, 12);
    expect(sharesOf(ind, { inputs, asOf: undefined })[0]?.threshold).toBeUndefined();
  });
});
