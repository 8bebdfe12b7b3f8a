import { readFileSync } from "fs";
import { join } from "path";
import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";
import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";
import type { Item } from "../../src/core/ruleset/schema";

const ID = "thanh-hoa-xa-ntm-kieu-mau-2023";
const SEED = "002_155c07a5156293e4.txt";
const r = loadRulesetFile(ID);

type Status = { status: "dat" | "khong-dat" | "tam-dung"; figure?: string; quote: string };
const statuses = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "thanh-hoa-kieu-mau-statuses.json"), "utf8"),
) as Record<string, Status>;

function group(code: string) {
  const g = r.groups.find((x) => x.code === code);
  if (!g) throw new Error(`no group ${code}`);
  return g;
}

describe(`${ID} (seed 002, Thanh Hóa xã NTM kiểu mẫu 2023)`, () => {
  test("has the four requirements as groups, passing only when all four hold", () => {
    expect(r.groups.map((g) => g.code)).toEqual(["YC1", "YC2", "YC3", "YC4"]);
    expect(r.overall).toMatchObject({ unitName: "yêu cầu", counts: "groups", passRule: { all: true } });
  });

  test("counts 19 criteria in YC1, 1 in YC2, 6 requirements in YC3 and 8 indicators in YC4", () => {
    expect(r.groups.map((g) => g.items.length)).toEqual([19, 1, 6, 8]);
    expect(r.groups.map((g) => g.unitName)).toEqual(["tiêu chí", "chỉ tiêu", "yêu cầu", "chỉ tiêu"]);
    expect(criteriaOf(r).map((c) => c.item.code)).toEqual(["TC2", "TC5", "TC14", "TC17", "TC18"]);
    expect(indicatorsOf(r)).toHaveLength(37);
  });

  test("YC1 numbers its criteria TC1..TC19 in the document's order", () => {
    expect(group("YC1").items.map((i) => i.code)).toEqual(Array.from({ length: 19 }, (_, k) => `TC${k + 1}`));
  });

  test("YC3 and YC4 keep the suspended item in the total (the plan writes 2/6 and 4/8)", () => {
    expect(group("YC3").suspendedInTotal).toBe(true);
    expect(group("YC4").suspendedInTotal).toBe(true);
    expect(group("YC1").suspendedInTotal).toBe(false);
  });

  test.each([
    // "Tỷ lệ đường thôn có biển báo chưa đạt trên 50%."
    ["2.2", { kind: "ratio", requirement: { comparator: ">", percent: 50 }, unit: "tuyến" }],
    // "chỉ tiêu 5.6: chưa có mô hình giáo dục thể chất ..."
    ["5.6", { kind: "yes-no", expected: true }],
    // "Trường THCS quá hạn sau 5 năm đạt chuẩn quốc gia mức độ 1." (a state that must NOT hold)
    ["5.7", { kind: "yes-no", expected: false }],
    // "Cả 2 chỉ tiêu này chưa được triển khai và hướng dẫn thực hiện." (no threshold given)
    ["14.2", { kind: "yes-no", expected: true }],
    // "phân loại chất thải rắn tại nguồn chưa đạt 50%."
    ["17.5", { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, unit: "hộ", population: "ho-gia-dinh" }],
    // "từ hệ thống cấp nước tập trung chưa đạt trên 55%."
    ["18.1", { kind: "ratio", requirement: { comparator: ">", percent: 55 }, unit: "hộ", population: "ho-gia-dinh" }],
    // "Năm 2023 phải đạt trên hoặc bằng 63,8 triệu đồng/người/năm"
    ["YC2.1", { kind: "by-year", measure: "quantity", comparator: ">=", byYear: { "2023": 63.8 }, unit: "triệu đồng/người/năm" }],
    // "+ Trên 70% người trong độ tuổi lao động có kỹ năng sử dụng các loại hình dịch vụ công;"
    ["YC3.3", { kind: "ratio", requirement: { comparator: ">", percent: 70 }, population: "nguoi-trong-do-tuoi-lao-dong-thon" }],
    // "+ 50% người trong độ tuổi lao động có tài khoản thanh toán điện tử."
    ["YC3.4", { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, population: "nguoi-trong-do-tuoi-lao-dong-thon" }],
    // "... có tài khoản thanh toán điện tử đạt 30% (yêu cầu 50%)."
    ["YC4.6", { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, population: "nguoi-trong-do-tuoi-lao-dong" }],
    // "... các dịch vụ số thiết yếu đạt 45% (yêu cầu 70%)."
    ["YC4.7", { kind: "ratio", requirement: { comparator: ">=", percent: 70 }, population: "nguoi-trong-do-tuoi-lao-dong" }],
    // "Chưa có hệ thống đài truyền thanh ứng dụng công nghệ thông tin."
    ["YC4.5", { kind: "yes-no", expected: true }],
  ])("%s has the document's kind and threshold", (code, expected) => {
    expect(indicatorOrThrow(r, code)).toMatchObject(expected);
  });

  test("the 2023 income threshold is the NTM nâng cao level (58) plus 10%", () => {
    const income = r.parameters["incomeNangCao2023"]?.value;
    const margin = r.parameters["incomeMarginPercent"]?.value;
    expect(income).toBe(58);
    expect(margin).toBe(10);
    // 58 × (100 + 10) = 6380, i.e. 63,80 triệu, compared in integers
    expect((income ?? 0) * (100 + (margin ?? 0))).toBe(6380);
    expect(indicatorOrThrow(r, "YC2.1")).toMatchObject({ byYear: { "2023": 63.8 } });
  });

  test("every indicator name stands verbatim in the seed", () => {
    const notVerbatim = indicatorsOf(r)
      .map((l) => l.item)
      .filter((ind) => !isVerbatim(SEED, ind.name))
      .map((ind) => `${ind.code}: ${ind.name}`);
    expect(notVerbatim).toEqual([]);
  });

  test("every requirement text stands verbatim in the seed", () => {
    const texts = [
      ...indicatorsOf(r).map((l) => l.item.requirementText),
      ...r.groups.map((g) => g.requirementText),
    ].filter((t): t is string => t !== undefined);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => !isVerbatim(SEED, t))).toEqual([]);
  });

  test("every criterion and group name stands verbatim in the seed", () => {
    const names = [...criteriaOf(r).map((c) => c.item.name), ...r.groups.map((g) => g.name)];
    expect(names.filter((n) => !isVerbatim(SEED, n))).toEqual([]);
  });

  test("only the house address-code item is suspended, in both the smart village and the CĐS field", () => {
    const suspended = indicatorsOf(r)
      .filter((l) => l.item.suspended)
      .map((l) => l.item.code);
    expect(suspended).toEqual(["YC3.6", "YC4.8"]);
    expect(indicatorOrThrow(r, "YC3.6").suspended).toEqual({ reason: "hiện tại đang tạm dừng" });
    expect(indicatorOrThrow(r, "YC4.8").suspended).toEqual({ reason: "tạm thời chưa thực hiện" });
    expect(criteriaOf(r).filter((c) => c.item.suspended)).toEqual([]);
  });

  test("the notes record the plan's '4 chỉ tiêu chưa đạt' against its list of three", () => {
    expect(r.notes.some((n) => n.includes("4 chỉ tiêu chưa đạt và 1 chỉ tiêu tạm dừng") && n.includes("3 chỉ tiêu chưa đạt"))).toBe(true);
  });

  describe("status fixture (the plan's own assessment)", () => {
    const itemStatus = (item: Item): Status["status"] => {
      const codes = item.kind === "criterion" ? item.indicators.map((i) => i.code) : [item.code];
      const s = codes.map((c) => statuses[c]?.status);
      if (s.some((x) => x === undefined)) throw new Error(`no status for ${codes.join(", ")}`);
      if (s.every((x) => x === "tam-dung")) return "tam-dung";
      return s.every((x) => x === "dat" || x === "tam-dung") ? "dat" : "khong-dat";
    };
    const tally = (code: string) => {
      const g = group(code);
      const s = g.items.map(itemStatus);
      return `${s.filter((x) => x === "dat").length}/${g.suspendedInTotal ? s.length : s.filter((x) => x !== "tam-dung").length}`;
    };

    test("covers exactly the indicators of YC1, YC3 and YC4", () => {
      const codes = indicatorsOf(r)
        .filter((l) => l.group.code !== "YC2")
        .map((l) => l.item.code);
      expect(Object.keys(statuses).sort()).toEqual([...codes].sort());
    });

    test.each([
      ["YC1", "13/19"], // "xã mới đạt 13/19 tiêu chí theo yêu cầu"
      ["YC3", "2/6"], // "mới đạt 2/6 yêu cầu tiêu chí"
      ["YC4", "4/8"], // "Có 4/8 chỉ tiêu đạt"
    ])("reproduces the plan's tally for %s (%s)", (code, expected) => {
      expect(tally(code)).toBe(expected);
    });

    test("suspended statuses match the ruleset's suspended items", () => {
      const fromFixture = Object.entries(statuses)
        .filter(([, s]) => s.status === "tam-dung")
        .map(([c]) => c)
        .sort();
      expect(fromFixture).toEqual(["YC3.6", "YC4.8"]);
    });
  });
});
