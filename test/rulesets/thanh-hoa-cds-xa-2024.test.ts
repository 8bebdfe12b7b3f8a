import { readFileSync } from "fs";
import { join } from "path";
import { evaluate } from "../../src/core/evaluate/evaluate";
import type { IndicatorInputs, Input, Inputs } from "../../src/core/evaluate/inputs";
import { fromNumber } from "../../src/core/evaluate/rational";
import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";
import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";

const SEED = "003_15a2fb30c1b792d3.txt";
const r = loadRulesetFile("thanh-hoa-cds-xa-2024");
const codes = (): string[] => indicatorsOf(r).map((l) => l.item.code);

/** The Hà Tân report's own figures (test/fixtures/ha-tan-2024.json). */
type ReportFigure = {
  numerator?: number;
  denominator?: number;
  value?: boolean | number;
  reportVerdict: "dat" | "khong-dat" | "dang-trien-khai";
  reportDisplay?: string;
  quote: string;
};
const fixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "ha-tan-2024.json"), "utf8")) as Record<string, ReportFigure>;
const figure = (code: string): ReportFigure => {
  const f = fixture[code];
  if (!f) throw new Error(`fixture has no ${code}`);
  return f;
};

const numberInput = (x: number): Input => ({ kind: "number", value: fromNumber(x) });

/** The fixture's figures as engine inputs: counts where the report gives them, else its value. */
function inputsFromReport(): Inputs {
  const out: Record<string, IndicatorInputs> = {};
  for (const [code, f] of Object.entries(fixture)) {
    const slots: Record<string, Input> = {};
    if (f.numerator !== undefined) slots["numerator"] = numberInput(f.numerator);
    if (f.denominator !== undefined) slots["denominator"] = numberInput(f.denominator);
    const kind = indicatorOrThrow(r, code).kind;
    if (f.value !== undefined && (kind === "yes-no" || f.numerator === undefined)) {
      slots["value"] = typeof f.value === "boolean" ? { kind: "bool", value: f.value } : numberInput(f.value);
    }
    out[code] = slots;
  }
  return out;
}

/** Half-up to one decimal of n/d as a percentage, in tenths of a percent, exactly. */
const tenthsHalfUp = (n: number, d: number): bigint => (BigInt(n) * 2000n + BigInt(d)) / (2n * BigInt(d));
const tenthsTruncated = (n: number, d: number): bigint => (BigInt(n) * 1000n) / BigInt(d);
/** "58,6%", "71.8%", "25%", "100 %" → tenths of a percent. */
const reportTenths = (display: string): bigint => BigInt(Math.round(Number(display.replace("%", "").replace(",", ".").trim()) * 10));

describe("thanh-hoa-cds-xa-2024 (Hà Tân CĐS report, 6/2024)", () => {
  test("loads and validates as a commune-level ruleset counting indicators", () => {
    expect(r.id).toBe("thanh-hoa-cds-xa-2024");
    expect(r.level).toBe("xa");
    expect(r.source.seed).toBe(SEED);
    expect(r.overall).toMatchObject({ unitName: "chỉ tiêu", counts: "indicators" });
  });

  test("has 4 groups of 10, 6, 12 and 8 indicators, no criteria, 36 indicators in all", () => {
    expect(r.groups.map((g) => [g.code, g.name, g.unitName, g.items.length])).toEqual([
      ["1", "Chính quyền số", "chỉ tiêu", 10],
      ["2", "Kinh tế số", "chỉ tiêu", 6],
      ["3", "Xã hội số", "chỉ tiêu", 12],
      ["4", "Hạ tầng số", "chỉ tiêu", 8],
    ]);
    expect(criteriaOf(r)).toHaveLength(0);
    expect(indicatorsOf(r)).toHaveLength(36);
  });

  test("numbers the indicators as the report does: 1.1–1.10, 2.1–2.6, 3.1–3.12, 4.1–4.8", () => {
    const range = (g: number, n: number) => Array.from({ length: n }, (_, i) => `${g}.${i + 1}`);
    expect(codes()).toEqual([...range(1, 10), ...range(2, 6), ...range(3, 12), ...range(4, 8)]);
  });

  test.each([
    // "a) Yêu cầu tiêu chí: 100% Lãnh đạo, cán bộ, công chức trên địa bàn cấp xã chỉ đạo, điều hành, xử lý công việc hoàn toàn trên môi trường điện tử"
    ["1.2", "ratio", ">=", 100, "none"],
    // "100% Cán bộ, công chức xã có hộp thư điện tử công vụ của các cơ quan Nhà nước cấp."
    ["1.4", "ratio", ">=", 100, "can-bo-cong-chuc-xa"],
    // "Chỉ tiêu hàng năm về tỷ lệ hồ sơ TTHC tiếp nhận giải quyết trực tuyến trên 70%."
    ["1.6", "ratio", ">", 70, "ho-so-tthc-xa"],
    // "Tỷ lệ doanh nghiệp, tổ chức sử dụng phương tiện thanh toán không dùng tiền mặt ... đạt trên 60%"
    ["2.4", "ratio", ">", 60, "none"],
    // "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử đạt theo các chỉ tiêu giao hàng năm đạt 50%."
    ["2.5", "ratio", ">=", 50, "none"],
    // "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác: 80%"
    ["3.2", "ratio", ">=", 80, "dan-so-tu-15-tuoi"],
    // "Tỷ lệ thuê bao điện thoại di động thông minh có sử dụng phần mềm an toàn thông tin mạng cơ bản ... đạt 65%"
    ["3.3", "ratio", ">=", 65, "none"],
    // "Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt theo các chỉ tiêu giao hàng năm: 70%"
    ["3.4", "ratio", ">=", 70, "dan-so-tu-15-tuoi"],
    // "Tỷ lệ người dân có hồ sơ sức khỏe điện tử, ... đạt theo các chỉ tiêu giao hàng năm: 100%"
    ["3.5", "ratio", ">=", 100, "dan-so-toan-xa"],
    // "Tỷ lệ dân số ở độ tuổi trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân ... 40%"
    ["3.10", "ratio", ">=", 40, "dan-so-tu-15-tuoi"],
    // "Tỷ lệ hộ gia đình thanh toán tiền điện bằng phương thức thanh toán không dùng tiền mặt 70%"
    ["3.12", "ratio", ">=", 70, "ho-gia-dinh"],
    // "Hạ tầng mạng băng rộng cáp quang, mạng thông tin di động 4G/5G sẵn sàng cung cấp dịch vụ đến các hộ gia đình. 100%"
    ["4.1", "ratio", ">=", 100, "ho-gia-dinh"],
    // "100% CBCC có máy tính phục vụ công việc"
    ["4.3", "ratio", ">=", 100, "can-bo-cong-chuc-xa"],
  ])("%s is a %s indicator requiring %s %i%% (population %s)", (code, kind, comparator, percent, population) => {
    const ind = indicatorOrThrow(r, code);
    expect(ind).toMatchObject({ kind, requirement: { comparator, percent } });
    expect(ind.kind === "ratio" ? (ind.population ?? "none") : "not a ratio").toBe(population);
  });

  test("every requirement without a number is a yes/no condition that passes on Có/Đạt", () => {
    // e.g. 1.1 "Xây dựng và tổ chức triển khai thực hiện các chỉ tiêu về chuyển đổi số ...", 4.2 "... đã được phê duyệt. đáp ứng"
    const yesNo = indicatorsOf(r).filter((l) => l.item.kind === "yes-no");
    expect(yesNo.map((l) => l.item.code)).toEqual(["1.1", "1.3", "1.7", "1.8", "1.9", "1.10", "2.1", "2.2", "4.2", "4.4", "4.5", "4.6", "4.7", "4.8"]);
    expect(yesNo.every((l) => l.item.kind === "yes-no" && l.item.expected)).toBe(true);
    expect(indicatorOrThrow(r, "4.2").requirementText).toBe("đáp ứng");
  });

  test("adult age is 15, and every ratio the report divides by 3986 adults names that population", () => {
    expect(r.parameters["adultAge"]).toMatchObject({ value: 15, unit: "tuổi" });
    expect(r.parameters["adultAge"]?.source).toMatch(/15 tuổi trở lên/);
    const over15 = indicatorsOf(r)
      .filter((l) => l.item.kind === "ratio" && l.item.population === "dan-so-tu-15-tuoi")
      .map((l) => l.item.code);
    expect(over15).toEqual(["3.2", "3.4", "3.6", "3.9", "3.10", "3.11"]);
    for (const code of over15) expect(figure(code).denominator).toBe(3986);
  });

  test("every indicator name is the report's requirement wording verbatim", () => {
    const notVerbatim = indicatorsOf(r)
      .filter((l) => !isVerbatim(SEED, l.item.name))
      .map((l) => l.item.code);
    expect(notVerbatim).toEqual([]);
    const reqNotVerbatim = indicatorsOf(r)
      .filter((l) => l.item.requirementText !== undefined && !isVerbatim(SEED, l.item.requirementText))
      .map((l) => l.item.code);
    expect(reqNotVerbatim).toEqual([]);
  });

  test("the report suspends nothing", () => {
    expect(indicatorsOf(r).filter((l) => l.item.suspended).map((l) => l.item.code)).toEqual([]);
  });

  test("the notes record the report's inconsistent group headers instead of following them", () => {
    const notes = r.notes.join("\n");
    expect(notes).toMatch(/11\/11/);
    expect(notes).toMatch(/8\/8/);
    expect(notes).toMatch(/đang triển khai: 01/);
    expect(notes).toMatch(/44956\/5022/);
  });
});

describe("fixture ha-tan-2024.json: the report's own figures", () => {
  test("covers exactly the 36 indicators, each with a verbatim quote", () => {
    expect(Object.keys(fixture)).toEqual(codes());
    const notVerbatim = Object.entries(fixture)
      .filter(([, f]) => !isVerbatim(SEED, f.quote))
      .map(([code]) => code);
    expect(notVerbatim).toEqual([]);
  });

  test.each([
    // "Có tổng số 2335/3986 người (đạt tỷ lệ 58,6%)" — c) "không đạt (Chưa thống kê hết)"
    ["3.2", 2335, 3986, "58,6%", "khong-dat"],
    // "2865/3986 người dân trưởng thành có điện thoại thông minh, đạt tỷ lệ 71.8%" — Đạt
    ["3.4", 2865, 3986, "71.8%", "dat"],
    // "836/1396 Hộ gia đình thanh toán tiền điện ... đạt tỷ lệ 59.8%" — Chưa đạt
    ["3.12", 836, 1396, "59.8%", "khong-dat"],
    // "44956/5022 người được tạo lập hồ sơ sức khỏe điện tử đạt 898.7%" — Đạt
    ["1.8", 44956, 5022, "898.7%", "dat"],
  ])("%s records %i/%i shown %s, judged %s", (code, n, d, display, verdict) => {
    expect(figure(code)).toMatchObject({ numerator: n, denominator: d, reportDisplay: display, reportVerdict: verdict });
  });

  test("the report's own verdicts count 10/10, 5/6, 5/12 and 8/8 chỉ tiêu đạt", () => {
    const passed = r.groups.map((g) => g.items.filter((i) => figure(i.code).reportVerdict === "dat").length);
    expect(passed).toEqual([10, 5, 5, 8]);
  });

  test("only 1.8 has a numerator above its denominator", () => {
    const over = Object.entries(fixture)
      .filter(([, f]) => f.numerator !== undefined && f.denominator !== undefined && f.numerator > f.denominator)
      .map(([code]) => code);
    expect(over).toEqual(["1.8"]);
  });

  test("3.4, 3.6 and 3.12 are truncated, not rounded; 1.8's 898.7% matches neither", () => {
    const wrong = Object.entries(fixture).flatMap(([code, f]) =>
      f.numerator !== undefined && f.denominator !== undefined && f.reportDisplay !== undefined && tenthsHalfUp(f.numerator, f.denominator) !== reportTenths(f.reportDisplay)
        ? [[code, tenthsHalfUp(f.numerator, f.denominator), tenthsTruncated(f.numerator, f.denominator), reportTenths(f.reportDisplay)]]
        : [],
    );
    expect(wrong).toEqual([
      ["1.8", 8952n, 8951n, 8987n],
      ["3.4", 719n, 718n, 718n],
      ["3.6", 217n, 216n, 216n],
      ["3.12", 599n, 598n, 598n],
    ]);
  });

  test("the engine agrees with every verdict the report's figures can decide; 1.5, 1.6, 2.3, 2.4, 3.1 lack figures", () => {
    const ev = evaluate(r, inputsFromReport());
    const disagree = ev.indicators
      .filter((i) => (i.verdict === "dat" || i.verdict === "khong-dat") && i.verdict !== figure(i.code).reportVerdict)
      .map((i) => i.code);
    expect(disagree).toEqual([]);
    expect(ev.indicators.filter((i) => i.verdict === "thieu-so-lieu").map((i) => i.code)).toEqual(["1.5", "1.6", "2.3", "2.4", "3.1"]);
  });

  test("Xã hội số gives đạt 5/12 chỉ tiêu when every item is given as the report states", () => {
    const inputs: Record<string, IndicatorInputs> = { ...inputsFromReport() };
    // 3.1 is judged "Đạt" with no figure at all; stand in the threshold itself (70%) for "as the report states".
    inputs["3.1"] = { value: numberInput(0.7) };
    const group3 = evaluate(r, inputs).groups.find((g) => g.code === "3");
    expect(group3).toMatchObject({ passed: 5, counted: 12, text: "đạt 5/12 chỉ tiêu (41,7%)" });
  });
});
