import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";
import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";

const ID = "ha-tinh-xa-ntm-2022";
const SEED = "000_1e4ca939e16392ec.txt";
const r = loadRulesetFile(ID);

describe(`${ID} (seed 000, Phụ lục I: Bộ tiêu chí xã NTM tỉnh Hà Tĩnh 2022-2025)`, () => {
  test("has the appendix's six sections as groups (the document numbers the last one V again; coded VI)", () => {
    expect(r.groups.map((g) => g.code)).toEqual(["I", "II", "III", "IV", "V", "VI"]);
    expect(r.groups.map((g) => g.name)).toEqual([
      "QUY HOẠCH",
      "HẠ TẦNG KINH TẾ - XÃ HỘI",
      "KINH TẾ VÀ TỔ CHỨC SẢN XUẤT",
      "VĂN HÓA - XÃ HỘI - MÔI TRƯỜNG",
      "HỆ THỐNG CHÍNH TRỊ",
      "KHU DÂN CƯ",
    ]);
    expect(r.groups.map((g) => g.items.length)).toEqual([1, 8, 4, 4, 2, 1]);
  });

  test("a commune meets NTM only when all 20 criteria are met", () => {
    expect(r.overall).toMatchObject({ unitName: "tiêu chí", counts: "items", passRule: { all: true } });
    expect(r.groups.every((g) => g.unitName === "tiêu chí" && "all" in g.passRule)).toBe(true);
  });

  test("has 20 criteria coded 1..20 in order and 62 indicators", () => {
    expect(criteriaOf(r).map((c) => c.item.code)).toEqual(Array.from({ length: 20 }, (_, k) => String(k + 1)));
    expect(criteriaOf(r).every((c) => "all" in c.item.passRule)).toBe(true);
    expect(indicatorsOf(r)).toHaveLength(62);
    expect(criteriaOf(r).map((c) => c.item.indicators.length)).toEqual([
      2, 6, 2, 2, 2, 3, 2, 4, 2, 1, 1, 2, 5, 2, 4, 1, 12, 6, 2, 1,
    ]);
  });

  test.each([
    // 2.1 "Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa ..." | "100%"
    ["2.1", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "km", amount: "measure", requirementText: "100%" }],
    // 2.4 "Đạt", footnote 5: "Tối thiểu 70% được cứng hóa, ..."
    ["2.4", { kind: "ratio", requirement: { comparator: ">=", percent: 70 }, requirementText: "Đạt" }],
    // 4.2 "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện ..." | "≥98%"
    ["4.2", { kind: "ratio", requirement: { comparator: ">=", percent: 98 }, unit: "hộ", population: "ho-gia-dinh" }],
    // 5: "Các xã có hơn 3 trường: ... ≥70% đạt tiêu chuẩn cơ sở vật chất mức độ 1" / "từ 3 trường trở xuống: ... ≥50%"
    [
      "5.2",
      {
        kind: "conditional",
        condition: { comparator: ">", value: 3 },
        then: { comparator: ">=", percent: 70 },
        otherwise: { comparator: ">=", percent: 50 },
        unit: "trường",
      },
    ],
    // 9.1 "Nhà tạm, dột nát" | "Không"
    ["9.1", { kind: "yes-no", expected: false, requirementText: "Không" }],
    // 10 "Thu nhập bình quân đầu người (triệu đồng/ người)" | Năm 2021 ≥36 ... Năm 2025 ≥48
    [
      "10.1",
      {
        kind: "by-year",
        measure: "quantity",
        comparator: ">=",
        byYear: { "2021": 36, "2022": 39, "2023": 42, "2024": 45, "2025": 48 },
        unit: "triệu đồng/người",
      },
    ],
    // 11 "Tỷ lệ nghèo đa chiều giai đoạn 2021 - 2025" | "< 6,5%"
    ["11.1", { kind: "ratio", requirement: { comparator: "<", percent: 6.5 }, requirementText: "< 6,5%" }],
    // 15.3 "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi" | "≤25%"
    ["15.3", { kind: "ratio", requirement: { comparator: "<=", percent: 25 }, requirementText: "≤25%" }],
    // 16 "Tỷ lệ thôn, bản đạt tiêu chuẩn văn hoá theo quy định ..." | "≥80%"
    ["16.1", { kind: "ratio", requirement: { comparator: ">=", percent: 80 }, unit: "thôn", population: "thon-ban" }],
    // 17.4 "Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn" | "≥2m2/người"
    ["17.4", { kind: "quantity", requirement: { comparator: ">=", value: 2 }, unit: "m²/người", requirementText: "≥2m2/người" }],
    // 18.3 "Tổ chức chính trị - xã hội của xã được xếp loại ... hoàn thành tốt nhiệm vụ trở lên" | "100%"
    ["18.3", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "tổ chức" }],
    // 19.2 "Không có hoạt động xâm phạm an ninh quốc gia; ..." | "Đạt" (the whole condition must hold)
    ["19.2", { kind: "yes-no", expected: true, department: "Công an tỉnh" }],
  ])("%s has the document's kind and threshold", (code, expected) => {
    expect(indicatorOrThrow(r, code)).toMatchObject(expected);
  });

  test("17.1 requires ≥45% of households on clean water, of which ≥20% from a piped system", () => {
    // "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn" | "≥45%" | "(≥20% từ hệ thống cấp nước tập trung)"
    expect(indicatorOrThrow(r, "17.1")).toMatchObject({
      kind: "all-of",
      parts: [
        { id: "a", measure: { kind: "ratio", requirement: { comparator: ">=", percent: 45 }, population: "ho-gia-dinh" } },
        { id: "b", measure: { kind: "ratio", requirement: { comparator: ">=", percent: 20 }, population: "ho-gia-dinh" } },
      ],
    });
  });

  test("3.1 holds its three unnumbered rows as parts: irrigation ≥80%, drainage ≥80%, advanced irrigation ≥20%", () => {
    expect(indicatorOrThrow(r, "3.1")).toMatchObject({
      kind: "all-of",
      parts: [
        { id: "a", measure: { requirement: { percent: 80 } } },
        { id: "b", measure: { requirement: { percent: 80 } } },
        { id: "c", measure: { requirement: { percent: 20 } } },
      ],
    });
  });

  test("8.3 needs a radio station and loudspeakers in at least 2/3 of villages", () => {
    // "- Có ít nhất 2/3 thôn, bản trong xã có hệ thống loa hoạt động."
    expect(indicatorOrThrow(r, "8.3")).toMatchObject({
      kind: "all-of",
      parts: [
        { id: "a", measure: { kind: "yes-no", expected: true } },
        { id: "b", measure: { kind: "ratio", requirement: { comparator: ">=", fraction: "2/3" }, unit: "thôn" } },
      ],
    });
  });

  test("8.4 follows footnote 8: computers ≥50% of officials (not a share), ≥4 systems, online dossiers ≥30%", () => {
    expect(indicatorOrThrow(r, "8.4")).toMatchObject({
      kind: "all-of",
      parts: [
        { id: "a", measure: { kind: "ratio", requirement: { percent: 50 }, share: false } },
        { id: "b", measure: { kind: "quantity", requirement: { comparator: ">=", value: 4 } } },
        { id: "c", measure: { kind: "ratio", requirement: { percent: 30 } } },
      ],
    });
  });

  test.each(["12.1", "12.2", "14.2", "15.1"])(
    "%s ('áp dụng đạt cho cả nam và nữ') must be met by men and by women separately",
    (code) => {
      const ind = indicatorOrThrow(r, code);
      expect(ind.kind).toBe("all-of");
      if (ind.kind !== "all-of") return;
      expect(ind.parts.map((p) => p.id)).toEqual(["nam", "nu"]);
      const [nam, nu] = ind.parts;
      expect(nam?.measure).toMatchObject({ kind: "ratio" });
      expect(nu?.measure).toMatchObject({ kind: "ratio", requirement: nam?.measure.kind === "ratio" ? nam.measure.requirement : {} });
    },
  );

  test("20.1 needs every village at ≥70% of each model-village criterion and at least 3 villages at 100%", () => {
    expect(indicatorOrThrow(r, "20.1")).toMatchObject({
      kind: "all-of",
      parts: [
        { id: "a", measure: { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, population: "thon-ban" } },
        { id: "b", measure: { kind: "quantity", requirement: { comparator: ">=", value: 3 } } },
      ],
    });
  });

  test("keeps each criterion's responsible department, including split ones", () => {
    expect(criteriaOf(r).map((c) => c.item.department ?? null)).toEqual([
      "Sở Xây dựng",
      "Sở Giao thông và Vận tải",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "Sở Công thương",
      "Sở Giáo dục và Đào tạo",
      "Sở Văn hóa – Thể thao và Du lịch",
      "Sở Công thương",
      "Sở Thông tin và truyền thông",
      "Sở Xây dựng",
      "Cục Thống kê",
      "Sở Lao động – Thương binh và xã hội",
      "Sở Lao động – Thương binh và xã hội",
      null,
      "Sở Giáo dục và Đào tạo",
      "Sở Y tế",
      "Sở Văn hóa – Thể thao và Du lịch",
      null,
      null,
      null,
      "Sở Nông nghiệp và Phát triển nông thôn",
    ]);
    expect(indicatorOrThrow(r, "13.1").department).toBe(
      "Sở Kế hoạch và Đầu tư chủ trì phối hợp với Sở Nông nghiệp và PTNT và các sở ngành liên quan",
    );
    expect(indicatorOrThrow(r, "17.5").department).toBe("Sở Xây dựng chủ trì, phối hợp với Sở Y tế");
    expect(indicatorOrThrow(r, "18.4").department).toBe("Sở Tư pháp");
    expect(indicatorsOf(r).filter((l) => l.item.department === undefined)).toEqual([]);
  });

  test("every indicator name stands verbatim in the seed", () => {
    const notVerbatim = indicatorsOf(r)
      .map((l) => l.item)
      .filter((ind) => !isVerbatim(SEED, ind.name))
      .map((ind) => `${ind.code}: ${ind.name}`);
    expect(notVerbatim).toEqual([]);
  });

  test("every part name, requirement text, department, criterion and group name stands verbatim in the seed", () => {
    const texts: string[] = [];
    for (const { item } of indicatorsOf(r)) {
      if (item.requirementText !== undefined) texts.push(item.requirementText);
      if (item.department !== undefined) texts.push(item.department);
      if (item.kind === "all-of") {
        for (const p of item.parts) {
          texts.push(p.name);
          if (p.requirementText !== undefined) texts.push(p.requirementText);
        }
      }
    }
    for (const { item } of criteriaOf(r)) {
      texts.push(item.name);
      if (item.requirementText !== undefined) texts.push(item.requirementText);
    }
    texts.push(...r.groups.map((g) => g.name));
    expect(texts.length).toBeGreaterThan(150);
    expect(texts.filter((t) => !isVerbatim(SEED, t))).toEqual([]);
  });

  test("the document marks nothing as suspended", () => {
    expect(indicatorsOf(r).filter((l) => l.item.suspended).map((l) => l.item.code)).toEqual([]);
    expect(criteriaOf(r).filter((c) => c.item.suspended).map((c) => c.item.code)).toEqual([]);
  });

  test("codes the document leaves unnumbered are recorded as such in the notes", () => {
    for (const code of ["5.1", "5.2", "7.1", "7.2", "10.1", "11.1", "16.1", "20.1"]) {
      expect(indicatorOrThrow(r, code).notes.some((n) => n.includes("không đánh số"))).toBe(true);
    }
  });
});
