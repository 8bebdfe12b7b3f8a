/*
 * The figures of the source documents through the engine: the Hà Tân CĐS report (seed 003) and
 * the Thanh Hóa kiểu mẫu plan (seed 002). The ruleset files are the ones shipped in rulesets/.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { IndicatorInputs, Input } from "../../src/core/evaluate/inputs";
import { loadRulesetFile } from "../rulesets/golden";
import { num, yes } from "../builders";

const haTan = loadRulesetFile("thanh-hoa-cds-xa-2024");
const kieuMau = loadRulesetFile("thanh-hoa-xa-ntm-kieu-mau-2023");

type HaTanFigure = { numerator?: number; denominator?: number; value?: number | boolean };
const haTanFigures = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "ha-tan-2024.json"), "utf8")) as Record<string, HaTanFigure>;

/** The report's figures as inputs: numerator and denominator where it gives both, else its yes/no or ratio. */
function haTanInputs(): Record<string, IndicatorInputs> {
  const out: Record<string, IndicatorInputs> = {};
  for (const [code, f] of Object.entries(haTanFigures)) {
    const slots: Record<string, Input> = {};
    if (f.numerator !== undefined && f.denominator !== undefined) {
      slots.numerator = num(f.numerator);
      slots.denominator = num(f.denominator);
    } else if (typeof f.value === "boolean") slots.value = yes(f.value);
    else if (typeof f.value === "number") slots.value = num(f.value);
    out[code] = slots;
  }
  return out;
}

describe("Hà Tân report (seed 003) through the engine", () => {
  const ev = evaluate(haTan, haTanInputs(), { asOf: "2024-06-30" });
  const result = (code: string) => ev.indicators.find((i) => i.code === code)!;

  test.each([
    ["3.2", "khong-dat", "58,6%", "Còn thiếu 854 người"],
    ["3.4", "dat", "71,9%", undefined],
    ["3.12", "khong-dat", "59,9%", "Còn thiếu 142 hộ"],
  ])("%s is %s, shown %s (%s)", (code, verdict, display, shortfall) => {
    const r = result(code);
    expect(r.verdict).toBe(verdict);
    expect(r.display).toBe(display);
    expect(r.shortfall?.text).toBe(shortfall);
  });

  test("3.4 rounds 2865/3986 to 71,9% where the report truncated to 71.8%", () => {
    expect(result("3.4").display).not.toBe("71,8%");
  });

  test("3.5 with the report's typo 44956/5022 is lỗi số liệu and says the numerator exceeds the denominator", () => {
    const inputs = { ...haTanInputs(), "3.5": { numerator: num(44956), denominator: num(5022) } };
    const r = evaluate(haTan, inputs).indicators.find((i) => i.code === "3.5")!;
    expect(r.verdict).toBe("loi-so-lieu");
    expect(r.problems[0]?.message).toMatch(/Tử số 44\.956 lớn hơn mẫu số 5\.022/);
  });

  test("group 3 gives đạt 5/12 chỉ tiêu when every item is given as the report states", () => {
    // 3.1 is judged "Đạt" in the report with no figure; its own threshold stands in for "as the report states".
    const inputs = { ...haTanInputs(), "3.1": { value: num(0.7) } };
    const group3 = evaluate(haTan, inputs).groups.find((g) => g.code === "3")!;
    expect(group3).toMatchObject({ passed: 5, counted: 12, verdict: "khong-dat", text: "đạt 5/12 chỉ tiêu (41,7%)" });
  });

  test("without a figure for 3.1 the engine does not invent one: 4/12 with 3.1 thiếu số liệu", () => {
    const group3 = ev.groups.find((g) => g.code === "3")!;
    expect(group3.passed).toBe(4);
    expect(result("3.1").verdict).toBe("thieu-so-lieu");
  });
});

type Status = { status: "dat" | "khong-dat" | "tam-dung"; figure?: string };
const statuses = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "thanh-hoa-kieu-mau-statuses.json"), "utf8")) as Record<
  string,
  Status
>;

/** The plan's statuses as inputs: a yes/no item answers its status, a ratio gets the plan's figure where it gives one. */
function kieuMauInputs(): Record<string, IndicatorInputs> {
  const out: Record<string, IndicatorInputs> = {};
  for (const [code, s] of Object.entries(statuses)) {
    if (s.status === "tam-dung") continue; // suspended by the ruleset itself
    const percent = s.figure && /^(\d+(?:[.,]\d+)?)%$/.exec(s.figure);
    const ind = kieuMau.groups
      .flatMap((g) => g.items.flatMap((i) => (i.kind === "criterion" ? i.indicators : [i])))
      .find((i) => i.code === code)!;
    if (ind.kind === "yes-no") out[code] = { value: yes(s.status === "dat" ? ind.expected : !ind.expected) };
    else if (percent) out[code] = { value: num(Number(percent[1]!.replace(",", ".")) / 100) };
  }
  return out;
}

describe("Thanh Hóa kiểu mẫu plan (seed 002) through the engine", () => {
  const ev = evaluate(kieuMau, kieuMauInputs(), { asOf: "2023-12-31" });
  const group = (code: string) => ev.groups.find((g) => g.code === code)!;

  test("requirement 1 counts 13/19 NTM nâng cao criteria", () => {
    expect(group("YC1")).toMatchObject({ passed: 13, counted: 19, verdict: "khong-dat" });
  });

  test("the smart village meets 2/6 requirements, the suspended one counted in the total as the plan writes it", () => {
    expect(group("YC3")).toMatchObject({ passed: 2, counted: 6, suspended: 1, text: "đạt 2/6 yêu cầu (33,3%)" });
  });

  test("the outstanding field chuyển đổi số meets 4/8, following the plan's list (3 not met, 1 suspended)", () => {
    expect(group("YC4")).toMatchObject({ passed: 4, counted: 8, suspended: 1 });
    expect(ev.indicators.filter((i) => i.groupCode === "YC4" && i.verdict === "khong-dat").map((i) => i.code)).toEqual([
      "YC4.5",
      "YC4.6",
      "YC4.7",
    ]);
  });

  test("e-payment accounts 30% against 50% and digital skills 45% against 70% fail", () => {
    expect(ev.indicators.find((i) => i.code === "YC4.6")).toMatchObject({ verdict: "khong-dat", display: "30,0%" });
    expect(ev.indicators.find((i) => i.code === "YC4.7")).toMatchObject({ verdict: "khong-dat", display: "45,0%" });
  });

  test("the ruleset notes the plan's '4 chưa đạt' against its list of three", () => {
    expect(kieuMau.notes.join(" ")).toMatch(/4 chỉ tiêu chưa đạt/);
  });
});
