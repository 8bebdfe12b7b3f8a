import { combine } from "../../src/core/evaluate/combine";
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { Inputs } from "../../src/core/evaluate/inputs";
import { parseCell } from "../../src/core/text/cell";
import { parseNotApplicableText } from "../../src/core/text/not-applicable";
import { parseReportDate } from "../../src/core/text/report-date";
import { makeRuleset, missing, num, ratio, yes, yesNo } from "../builders";

describe("the words a clerk types for 'not applicable'", () => {
  test.each([
    ["Không áp dụng", {}],
    ["KHÔNG ÁP DỤNG", {}],
    ["kad", {}],
    ["K.A.D", {}],
    ["không có", {}],
    ["—", {}],
    ["-", {}],
    ["Không áp dụng: xã không có làng nghề", { reason: "xã không có làng nghề" }],
    ["KAD (không có chợ)", { reason: "không có chợ" }],
  ])("%p is recognised", (text, expected) => {
    expect(parseNotApplicableText(text)).toEqual(expected);
  });

  test.each(["Không", "Không đạt", "- 3", "không có làng nghề", "12", "chưa biết", "kadence"])("%p is not", (text) => {
    expect(parseNotApplicableText(text)).toBeUndefined();
  });

  test("a cell of any type reads it as not applicable, with its source", () => {
    expect(parseCell("KAD", "count", "'Số liệu'!D7")).toEqual({ kind: "not-applicable", source: "'Số liệu'!D7" });
    expect(parseCell("Không", "yes-no")).toEqual({ kind: "bool", value: false });
  });
});

describe("the report date cell", () => {
  test.each<[Parameters<typeof parseReportDate>[0], string]>([
    ["30/06/2024", "2024-06-30"],
    ["1/7/2024", "2024-07-01"],
    ["2024-06-30", "2024-06-30"],
    [45473, "2024-06-30"],
    [new Date(Date.UTC(2024, 5, 29, 17)), "2024-06-30"],
  ])("%p is %s", (raw, iso) => {
    expect(parseReportDate(raw)).toEqual({ kind: "date", iso });
  });

  test.each<Parameters<typeof parseReportDate>[0]>(["31/02/2024", "06/30/2024", "tháng 6", 12.5, 3])(
    "%p is refused with a reason",
    (raw) => {
      expect(parseReportDate(raw)).toMatchObject({ kind: "invalid" });
    },
  );

  test("blank is blank", () => expect(parseReportDate(" ")).toEqual({ kind: "blank" }));
});

describe("not applicable in the roll-ups", () => {
  test("leaves the count like tạm dừng; a set of which nothing applies is itself not applicable", () => {
    expect(combine(["dat", "khong-ap-dung"], { all: true })).toEqual({ verdict: "dat", passed: 1, applicable: 1 });
    expect(combine(["khong-ap-dung", "khong-ap-dung"], { all: true }).verdict).toBe("khong-ap-dung");
    expect(combine(["khong-ap-dung", "tam-dung"], { all: true }).verdict).toBe("tam-dung");
  });

  const optional = (code: string, otherwise: "excused" | "not-met") =>
    yesNo(code, {
      appliesIf: { key: "lang-nghe", question: "Xã có làng nghề?", reason: "Xã không có làng nghề", otherwise, source: "“(nếu có)”" },
    });

  test("a criterion summary counts what applies: đạt 1/1 with one not applicable", () => {
    const rs = makeRuleset({
      items: [{ kind: "criterion", code: "13", name: "Tiêu chí 13", indicators: [yesNo("13.1"), optional("13.4", "excused")] }],
    });
    const ev = evaluate(rs, { "13.1": { value: yes(true) }, "13.4": { question: yes(false) } });
    expect(ev.criteria[0]).toMatchObject({ verdict: "dat", passed: 1, counted: 1, text: "đạt 1/1 chỉ tiêu (100,0%)" });
  });

  test("where the document counts not applicable as not met, it is không đạt and says why", () => {
    const rs = makeRuleset({ items: [optional("13.4", "not-met")] });
    const r = evaluate(rs, { "13.4": { question: yes(false) } }).indicators[0]!;
    expect(r.verdict).toBe("khong-dat");
    expect(r.notes.join(" ")).toMatch(/tính trường hợp không áp dụng là không đạt/);
  });

  test("an unanswered question with nothing typed is judged as applying, and asks the question", () => {
    const rs = makeRuleset({ items: [optional("13.4", "excused")] });
    const r = evaluate(rs, { "13.4": { question: missing, value: missing } }).indicators[0]!;
    expect(r.verdict).toBe("thieu-so-lieu");
    expect(r.problems.map((p) => p.message)).toContain(
      'Chưa trả lời câu hỏi "Xã có làng nghề?" — trả lời để biết chỉ tiêu này có áp dụng với xã không',
    );
  });

  test("a schema key asked two ways is refused", () => {
    expect(() =>
      makeRuleset({
        items: [
          yesNo("1", { appliesIf: { key: "cho", question: "Xã có chợ?", reason: "r", source: "s" } }),
          yesNo("2", { appliesIf: { key: "cho", question: "Có chợ không?", answer: false, reason: "r", source: "s" } }),
        ],
      }),
    ).toThrow(/câu hỏi của key .{0,2}cho.{0,2} phải giống nhau/);
  });
});

describe("measured ratios and 0/0", () => {
  const road = ratio("2.1", 100, { unit: "km", amount: "measure" });

  test("12,5 km of 13 km fails ≥ 100% short by 0,5 km, exactly", () => {
    const inputs: Inputs = { "2.1": { numerator: num(12.5), denominator: num(13) } };
    const r = evaluate(makeRuleset({ items: [road] }), inputs).indicators[0]!;
    expect(r.verdict).toBe("khong-dat");
    expect(r.shortfall?.text).toBe("Còn thiếu 0,5 km");
  });

  test("0/0 is lỗi số liệu unless the document reads it as none", () => {
    const inputs: Inputs = { "1": { numerator: num(0), denominator: num(0) } };
    expect(evaluate(makeRuleset({ items: [ratio("1", 100)] }), inputs).indicators[0]!.verdict).toBe("loi-so-lieu");
    const none = evaluate(
      makeRuleset({ items: [ratio("1", 100, { whenNone: { reason: "Xã không có sản phẩm OCOP", source: "“100% sản phẩm OCOP”" } })] }),
      inputs,
    ).indicators[0]!;
    expect(none).toMatchObject({ verdict: "khong-ap-dung", notApplicable: { reason: "Xã không có sản phẩm OCOP" } });
  });
});
