import { evaluate } from "../../src/core/evaluate/evaluate";
import type { Inputs } from "../../src/core/evaluate/inputs";
import { counts, makeRuleset, missing, num, ratio, yes, yesNo } from "../builders";

const one = (item: Record<string, unknown>, inputs: Inputs, asOf?: string) => {
  const ev = evaluate(makeRuleset({ items: [item] }), inputs, { asOf });
  return ev.indicators[0]!;
};

describe("ratio indicators compare exact values", () => {
  test.each([
    // numerator, denominator, threshold, verdict, display
    [3388, 3986, 85, "khong-dat", "85,0%"],
    [3389, 3986, 85, "dat", "85,0%"],
    [28, 40, 70, "dat", "70,0%"],
    [2335, 3986, 80, "khong-dat", "58,6%"],
    [2865, 3986, 70, "dat", "71,9%"],
    [0, 10, 0, "dat", "0,0%"],
  ])("%i/%i against ≥ %i%% is %s, shown %s", (n, d, t, verdict, display) => {
    const r = one(ratio("1", t), counts({ "1": [n, d] }));
    expect(r.verdict).toBe(verdict);
    expect(r.display).toBe(display);
  });

  test("3388/3986 says that 85,0% on screen is below 85% in truth", () => {
    const r = one(ratio("1", 85), counts({ "1": [3388, 3986] }));
    expect(r.notes.join(" ")).toMatch(/Hiển thị 85,0% nhưng giá trị chính xác là 84,9975% — chưa đạt/);
  });

  test("a clear pass carries no display note", () => {
    expect(one(ratio("1", 85), counts({ "1": [3900, 3986] })).notes).toEqual([]);
  });

  test.each([
    [2335, 3986, 80, 854],
    [836, 1396, 70, 142],
    [3388, 3986, 85, 1],
  ])("%i/%i against ≥ %i%% is short by %i", (n, d, t, short) => {
    const r = one(ratio("1", t), counts({ "1": [n, d] }));
    expect(r.shortfall?.amount).toEqual({ n: BigInt(short), d: 1n });
    expect(r.shortfall?.text).toBe(`Còn thiếu ${short} người`);
  });

  test("a ≤ threshold asks for fewer: 30/100 against ≤ 25% needs 5 fewer", () => {
    const r = one(ratio("1", 25, { requirement: { comparator: "<=", percent: 25 }, unit: "hộ" }), counts({ "1": [30, 100] }));
    expect(r.verdict).toBe("khong-dat");
    expect(r.shortfall?.text).toBe("Cần giảm 5 hộ");
  });

  test("a strict < 6,5% threshold: 13/200 (exactly 6,5%) fails, 12/200 passes", () => {
    const item = ratio("1", 6.5, { requirement: { comparator: "<", percent: 6.5 } });
    expect(one(item, counts({ "1": [13, 200] })).verdict).toBe("khong-dat");
    expect(one(item, counts({ "1": [13, 200] })).shortfall?.text).toBe("Cần giảm 1 người");
    expect(one(item, counts({ "1": [12, 200] })).verdict).toBe("dat");
  });

  test("a fraction threshold: 4 of 6 villages meets at least 2/3, 3 of 6 does not", () => {
    const item = ratio("1", 0, { requirement: { comparator: ">=", fraction: "2/3" }, unit: "thôn" });
    expect(one(item, counts({ "1": [4, 6] })).verdict).toBe("dat");
    expect(one(item, counts({ "1": [3, 6] })).shortfall?.text).toBe("Còn thiếu 1 thôn");
  });

  test.each([
    ["numerator above denominator", { numerator: num(44956, "B5"), denominator: num(5022, "B6") }, /lớn hơn mẫu số/],
    ["zero denominator", { numerator: num(0), denominator: num(0, "B6") }, /Mẫu số bằng 0/],
    [
      "negative count",
      { numerator: { kind: "invalid" as const, reason: "Ô B5: là số âm (-3)", source: "B5" }, denominator: num(10) },
      /số âm/,
    ],
  ])("%s is lỗi số liệu", (_, slots, message) => {
    const r = one(ratio("1", 80), { "1": slots });
    expect(r.verdict).toBe("loi-so-lieu");
    expect(r.problems[0]?.message).toMatch(message);
  });

  test("the typo 44956/5022 shows 895,2% and points at the numerator's cell", () => {
    const r = one(ratio("1", 80), { "1": { numerator: num(44956, "'Số liệu'!B5"), denominator: num(5022, "'Số liệu'!B6") } });
    expect(r.display).toBe("895,2%");
    expect(r.problems[0]?.ref).toBe("'Số liệu'!B5");
  });

  test("a share that may exceed its whole (computers per official) is not an error", () => {
    const r = one(ratio("1", 50, { share: false }), counts({ "1": [20, 17] }));
    expect(r.verdict).toBe("dat");
  });

  test("blank is thiếu số liệu, never zero", () => {
    const r = one(ratio("1", 80), { "1": { numerator: { kind: "missing", source: "B5" }, denominator: num(100) } });
    expect(r.verdict).toBe("thieu-so-lieu");
    expect(r.problems[0]).toMatchObject({ ref: "B5", message: expect.stringMatching(/Thiếu số liệu: Tử số/) });
  });

  test("an unmapped indicator is thiếu số liệu", () => {
    expect(one(ratio("1", 80), {}).verdict).toBe("thieu-so-lieu");
  });

  test("lỗi outranks thiếu when one input is bad and the other blank", () => {
    const r = one(ratio("1", 80), { "1": { numerator: { kind: "invalid", reason: "x" }, denominator: missing } });
    expect(r.verdict).toBe("loi-so-lieu");
    expect(r.problems).toHaveLength(2);
  });

  test("a ratio typed directly (58,6%) is judged without a shortfall count", () => {
    const r = one(ratio("1", 80), { "1": { value: num(0.586) } });
    expect(r).toMatchObject({ verdict: "khong-dat", display: "58,6%" });
    expect(r.shortfall).toBeUndefined();
  });

  test("a ratio typed directly above 100% is lỗi số liệu", () => {
    expect(one(ratio("1", 80), { "1": { value: num(1.2) } }).verdict).toBe("loi-so-lieu");
  });
});

describe("quantities, yes/no, year- and condition-dependent thresholds", () => {
  const income = {
    kind: "quantity",
    code: "10.1",
    name: "Thu nhập",
    requirement: { comparator: ">=", value: 45 },
    unit: "triệu đồng/người",
    valueLabel: "Thu nhập bình quân",
  };

  test("income 45,2 triệu meets ≥ 45 and displays in Vietnamese", () => {
    expect(one(income, { "10.1": { value: num(45.2) } })).toMatchObject({
      verdict: "dat",
      display: "45,2 triệu đồng/người",
      requirement: "≥ 45 triệu đồng/người",
    });
  });

  test("income 42,75 triệu misses ≥ 45 by 2,3 triệu (rounded half-up)", () => {
    const r = one(income, { "10.1": { value: num(42.75) } });
    expect(r.verdict).toBe("khong-dat");
    expect(r.shortfall?.text).toBe("Còn thiếu 2,3 triệu đồng/người");
  });

  test("m² per person from two inputs says how many m² the commune lacks", () => {
    const item = {
      kind: "quantity",
      code: "6.1",
      name: "Diện tích",
      requirement: { comparator: ">=", value: 2 },
      unit: "m²/người",
      valueLabel: "x",
      perCapita: { numeratorLabel: "Diện tích", denominatorLabel: "Dân số" },
    };
    const r = one(item, { "6.1": { numerator: num(7000), denominator: num(4000) } });
    expect(r).toMatchObject({ verdict: "khong-dat", display: "1,8 m²/người" });
    expect(r.shortfall?.text).toBe("Còn thiếu 1.000 m²");
  });

  test("at least one post office: none is short by 1 điểm", () => {
    const item = {
      kind: "quantity",
      code: "8.1",
      name: "Điểm bưu chính",
      requirement: { comparator: ">=", value: 1 },
      unit: "điểm",
      valueLabel: "Số điểm",
    };
    expect(one(item, { "8.1": { value: num(0) } }).shortfall?.text).toBe("Còn thiếu 1 điểm");
  });

  test.each([
    [true, true, "dat"],
    [false, true, "khong-dat"],
    [false, false, "dat"],
    [true, false, "khong-dat"],
  ])("yes/no answer %p where the document requires %p is %s", (answer, expected, verdict) => {
    expect(one(yesNo("1", { expected }), { "1": { value: yes(answer) } }).verdict).toBe(verdict);
  });

  test("a blank yes/no is thiếu số liệu, never không", () => {
    expect(one(yesNo("1"), { "1": { value: missing } }).verdict).toBe("thieu-so-lieu");
  });

  const byYear = {
    kind: "by-year",
    code: "10",
    name: "Thu nhập",
    measure: "quantity",
    comparator: ">=",
    byYear: { "2022": 39, "2023": 42, "2024": 45, "2025": 48 },
    unit: "triệu đồng/người",
    valueLabel: "Thu nhập",
  };

  test.each([
    ["2024-06-30", 44, "khong-dat"],
    ["2023-12-31", 44, "dat"],
    ["2025-06-30", 47.9, "khong-dat"],
  ])("income by year on %s: %p triệu is %s", (asOf, value, verdict) => {
    expect(one(byYear, { "10": { value: num(value) } }, asOf).verdict).toBe(verdict);
  });

  test("a year the document does not list has no threshold: thiếu mức yêu cầu, never another year's", () => {
    const r = one(byYear, { "10": { value: num(49) } }, "2026-06-30");
    expect(r.verdict).toBe("thieu-so-lieu");
    expect(r.problems[0]!.message).toMatch(/^Thiếu mức yêu cầu cho năm 2026: văn bản chỉ ghi mức cho năm 2022, 2023, 2024, 2025/);
    expect(r.threshold).toBeUndefined();
  });

  test("without a report date a year-dependent threshold is thiếu số liệu", () => {
    expect(one(byYear, { "10": { value: num(49) } }).verdict).toBe("thieu-so-lieu");
  });

  const schools = {
    kind: "conditional",
    code: "5.2",
    name: "Trường đạt chuẩn",
    condition: { label: "Số trường học", comparator: ">", value: 3 },
    then: { comparator: ">=", percent: 70 },
    otherwise: { comparator: ">=", percent: 50 },
    numeratorLabel: "Số trường đạt chuẩn",
    denominatorLabel: "Tổng số trường",
    unit: "trường",
  };

  test.each([
    [4, 2, "khong-dat", "≥ 70%"],
    [4, 3, "dat", "≥ 70%"],
    [3, 2, "dat", "≥ 50%"],
  ])("%i schools with %i up to standard is %s (requires %s)", (total, ok, verdict, req) => {
    const r = one(schools, { "5.2": { numerator: num(ok), denominator: num(total), condition: num(total) } });
    expect(r.verdict).toBe(verdict);
    expect(r.requirement).toBe(req);
  });

  test("a missing condition is thiếu số liệu and says the threshold cannot be chosen", () => {
    const r = one(schools, { "5.2": { numerator: num(3), denominator: num(4) } });
    expect(r.verdict).toBe("thieu-so-lieu");
    expect(r.problems[0]?.message).toMatch(/chọn mức yêu cầu/);
  });

  const water = {
    kind: "all-of",
    code: "17.1",
    name: "Nước sạch",
    parts: [
      {
        id: "a",
        name: "Nước sạch",
        measure: {
          kind: "ratio",
          requirement: { comparator: ">=", percent: 45 },
          numeratorLabel: "Hộ dùng nước sạch",
          denominatorLabel: "Tổng số hộ",
          unit: "hộ",
        },
      },
      {
        id: "b",
        name: "Nước máy",
        measure: {
          kind: "ratio",
          requirement: { comparator: ">=", percent: 20 },
          numeratorLabel: "Hộ dùng nước máy",
          denominatorLabel: "Tổng số hộ",
          unit: "hộ",
        },
      },
    ],
  };

  test.each([
    [50, 25, "dat"],
    [50, 19, "khong-dat"],
    [40, 25, "khong-dat"],
  ])("clean water %i%% with %i%% piped is %s", (clean, piped, verdict) => {
    const inputs = {
      "17.1": { "a.numerator": num(clean), "a.denominator": num(100), "b.numerator": num(piped), "b.denominator": num(100) },
    };
    const r = one(water, inputs);
    expect(r.verdict).toBe(verdict);
    expect(r.parts).toHaveLength(2);
  });

  test("a two-part indicator with one part blank is thiếu số liệu", () => {
    const r = one(water, { "17.1": { "a.numerator": num(50), "a.denominator": num(100) } });
    expect(r.verdict).toBe("thieu-so-lieu");
  });
});

describe("roll-ups count as the documents count", () => {
  test("group 5/12 chỉ tiêu (41,7%)", () => {
    const items = Array.from({ length: 12 }, (_, i) => yesNo(`3.${i + 1}`));
    const inputs = Object.fromEntries(items.map((it, i) => [it.code, { value: yes(i < 5) }]));
    const ev = evaluate(makeRuleset({ items }), inputs);
    expect(ev.groups[0]).toMatchObject({ passed: 5, counted: 12, verdict: "khong-dat", text: "đạt 5/12 chỉ tiêu (41,7%)" });
  });

  test("a suspended item stays in the total only where the ruleset says so (2/6 versus 2/5)", () => {
    const items = [
      yesNo("1"),
      yesNo("2"),
      yesNo("3", { suspended: { reason: "tạm dừng theo văn bản" } }),
      yesNo("4"),
      yesNo("5"),
      yesNo("6"),
    ];
    const inputs = {
      "1": { value: yes(true) },
      "2": { value: yes(true) },
      "4": { value: yes(false) },
      "5": { value: yes(false) },
      "6": { value: yes(false) },
    };
    const counted = (suspendedInTotal: boolean) =>
      evaluate(makeRuleset({ groups: [{ code: "3", name: "Thôn thông minh", unitName: "yêu cầu", suspendedInTotal, items }] }), inputs)
        .groups[0]!;
    expect(counted(true)).toMatchObject({ passed: 2, counted: 6, suspended: 1 });
    expect(counted(false)).toMatchObject({ passed: 2, counted: 5 });
    const ev = evaluate(makeRuleset({ items }), inputs);
    expect(ev.indicators[2]).toMatchObject({ verdict: "tam-dung" });
  });

  test("a suspended item does not stop a group passing", () => {
    const items = [yesNo("1"), yesNo("2", { suspended: { reason: "tạm dừng" } })];
    expect(evaluate(makeRuleset({ items }), { "1": { value: yes(true) } }).groups[0]!.verdict).toBe("dat");
  });

  test("the clerk can mark an indicator not applicable", () => {
    const ev = evaluate(
      makeRuleset({ items: [yesNo("1"), yesNo("2")] }),
      { "1": { value: yes(true) } },
      { suspended: { "2": "Xã không có chợ" } },
    );
    expect(ev.indicators[1]).toMatchObject({ verdict: "tam-dung", notes: ["Tạm dừng: Xã không có chợ"] });
    expect(ev.groups[0]!.verdict).toBe("dat");
  });

  test("a criterion is đạt only when all its applicable indicators are", () => {
    const crit = { kind: "criterion", code: "8", name: "Thông tin và truyền thông", indicators: [yesNo("8.1"), yesNo("8.2")] };
    const ev = (b: boolean) => evaluate(makeRuleset({ items: [crit] }), { "8.1": { value: yes(true) }, "8.2": { value: yes(b) } });
    expect(ev(true).criteria[0]!.verdict).toBe("dat");
    expect(ev(false).criteria[0]).toMatchObject({ verdict: "khong-dat", text: "đạt 1/2 chỉ tiêu (50,0%)" });
  });

  test("a model of 19 criteria passes at 13/19 when it asks for at least 13", () => {
    const items = Array.from({ length: 19 }, (_, i) => yesNo(`${i + 1}`));
    const inputs = Object.fromEntries(items.map((it, i) => [it.code, { value: yes(i < 13) }]));
    const groups = [{ code: "1", name: "Tiêu chí", unitName: "tiêu chí", passRule: { atLeast: 13 }, items }];
    expect(evaluate(makeRuleset({ groups }), inputs).groups[0]).toMatchObject({ verdict: "dat", text: "đạt 13/19 tiêu chí (68,4%)" });
  });

  test("a group with a failure and an unknown is không đạt; with only unknowns it is thiếu số liệu", () => {
    const items = [yesNo("1"), yesNo("2"), yesNo("3")];
    expect(evaluate(makeRuleset({ items }), { "1": { value: yes(false) } }).groups[0]!.verdict).toBe("khong-dat");
    expect(evaluate(makeRuleset({ items }), { "1": { value: yes(true) } }).groups[0]!.verdict).toBe("thieu-so-lieu");
  });

  test("overall counts indicators, items or groups as the ruleset states", () => {
    const groups = [
      { code: "1", name: "A", unitName: "chỉ tiêu", items: [yesNo("1.1"), yesNo("1.2")] },
      { code: "2", name: "B", unitName: "chỉ tiêu", items: [yesNo("2.1")] },
    ];
    const inputs = { "1.1": { value: yes(true) }, "1.2": { value: yes(true) }, "2.1": { value: yes(false) } };
    expect(evaluate(makeRuleset({ groups, overall: { counts: "indicators", unitName: "chỉ tiêu" } }), inputs).overall.text).toBe(
      "đạt 2/3 chỉ tiêu (66,7%)",
    );
    expect(evaluate(makeRuleset({ groups, overall: { counts: "groups", unitName: "nhóm" } }), inputs).overall.text).toBe(
      "đạt 1/2 nhóm (50,0%)",
    );
  });

  test("a report date in the wrong form is reported, not guessed", () => {
    const ev = evaluate(makeRuleset({ items: [yesNo("1")] }), {}, { asOf: "30/6/2024" });
    expect(ev.problems[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(ev.asOf).toBeUndefined();
  });
});
