import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";
import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";

const ID = "phu-tho-xa-thong-minh-2024";
const SEED = "001_7d4820e14f3ca244.txt";
const r = loadRulesetFile(ID);

describe(`${ID} (Phú Thọ, Sở TT&TT 10/2024, mục III: xã nông thôn mới thông minh)`, () => {
  test("validates and names its seed, level and province", () => {
    expect(r.id).toBe(ID);
    expect(r.level).toBe("xa");
    expect(r.province).toBe("Phú Thọ");
    expect(r.source.seed).toBe(SEED);
    expect(r.document.date).toBe("2024-10");
  });

  test("has the 4 groups 1.1–1.4, no criteria and 13 indicators (2 + 5 + 3 + 3)", () => {
    expect(r.groups.map((g) => [g.code, g.name])).toEqual([
      ["1.1", "Hạ tầng số"],
      ["1.2", "Chính quyền số"],
      ["1.3", "Kinh tế số"],
      ["1.4", "Xã hội số"],
    ]);
    expect(criteriaOf(r)).toHaveLength(0);
    expect(r.groups.map((g) => g.items.length)).toEqual([2, 5, 3, 3]);
    expect(indicatorsOf(r)).toHaveLength(13);
    expect(indicatorsOf(r).map((l) => l.item.code)).toEqual([
      "1.1.1", "1.1.2",
      "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5",
      "1.3.1", "1.3.2", "1.3.3",
      "1.4.1", "1.4.2", "1.4.3",
    ]);
  });

  test("each group is đạt only when all its conditions are, and the model only when all 4 groups are", () => {
    // "1.1. Hạ tầng số: Được đánh giá là **đạt** khi đáp ứng các điều kiện sau:" (same wording for 1.2, 1.3, 1.4)
    for (const g of r.groups) {
      expect(g.passRule).toEqual({ all: true });
      expect(g.unitName).toBe("điều kiện");
    }
    expect(r.overall).toMatchObject({ counts: "groups", passRule: { all: true } });
  });

  test.each([
    // "1.1.1. Tỷ lệ dân số ở độ tuổi trưởng thành có điện thoại thông minh có kết nối internet: **>=85%**."
    ["1.1.1", { kind: "ratio", requirement: { comparator: ">=", percent: 85 }, unit: "người", population: "nguoi-truong-thanh", list: "PL03" }],
    // "1.1.2. Tỷ lệ cán bộ xã, khu dân cư sử dụng điện thoại thông minh kết nối internet: **100%**."
    ["1.1.2", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "người", list: "PL04" }],
    // "1.2.1. Tỷ lệ hồ sơ tiếp nhận và giải quyết thủ tục hành chính trực tuyến $\geq 75\%$"
    ["1.2.1", { kind: "ratio", requirement: { comparator: ">=", percent: 75 }, unit: "hồ sơ" }],
    // "1.2.2. Có hệ thống một cửa điện tử hiện đại, ..." (no number: a yes/no condition)
    ["1.2.2", { kind: "yes-no", expected: true }],
    // "1.2.3. Có tổ công nghệ số cộng đồng hoạt động hiệu quả."
    ["1.2.3", { kind: "yes-no", expected: true }],
    // "1.3.1. Tỷ lệ người dân ở độ tuổi lao động có tài khoản thanh toán điện tử ...: $\geq 85\%$."
    ["1.3.1", { kind: "ratio", requirement: { comparator: ">=", percent: 85 }, unit: "người", population: "do-tuoi-lao-dong", list: "PL05" }],
    // "1.3.2. Tỷ lệ cơ sở kinh doanh dịch vụ (có ĐKKD) ứng dụng giải pháp thanh toán trực tuyến $\geq 70\%$"
    ["1.3.2", { kind: "ratio", requirement: { comparator: ">=", percent: 70 }, unit: "cơ sở", list: "PL06" }],
    // "1.3.3. Có mô hình HTX, cơ sở sản xuất ứng dụng công nghệ số ... (có phụ lục 7 kèm theo)"
    ["1.3.3", { kind: "yes-no", expected: true, list: "PL07" }],
    // "1.4.1. Có ứng dụng công nghệ thông tin, chuyển đổi số trong đảm bảo an ninh trật tự (camera an ninh, ...)"
    ["1.4.1", { kind: "yes-no", expected: true }],
    // unnumbered: "Có ứng dụng công nghệ số trong hoạt động giảng dạy tại các cơ sở giáo dục như (...)"
    ["1.4.3", { kind: "yes-no", expected: true }],
  ] as const)("%s is encoded as the document states it", (code, expected) => {
    expect(indicatorOrThrow(r, code)).toMatchObject(expected);
  });

  test("1.1.1 requires at least 85% of adults, with the adult age a cited parameter (15, as seed 003 counts \"dân số trưởng thành\")", () => {
    expect(r.parameters["adultAge"]).toMatchObject({ value: 15, unit: "tuổi" });
    // Seed 003 divides "người dân trưởng thành" (2865) and "người từ 15 tuổi trở lên" (2335) by the same 3.986.
    expect(r.parameters["adultAge"]?.source).toContain("2865/3986");
    expect(r.parameters["adultAge"]?.source).toContain("2335/3986");
    expect(r.parameters["adultAge"]?.source).toContain("Điều 20"); // the clerk's other choice, 18, is named
  });

  test("only 1.1.1, 1.1.2, 1.3.1, 1.3.2 and 1.3.3 are backed by the Phụ lục 03–07 lists", () => {
    const linked = indicatorsOf(r).flatMap((l) => (l.item.list ? [[l.item.code, l.item.list]] : []));
    expect(linked).toEqual([
      ["1.1.1", "PL03"],
      ["1.1.2", "PL04"],
      ["1.3.1", "PL05"],
      ["1.3.2", "PL06"],
      ["1.3.3", "PL07"],
    ]);
  });

  test("the unnumbered education condition gets code 1.4.3 with a note saying so", () => {
    expect(indicatorOrThrow(r, "1.4.3").notes.join(" ")).toContain("không được đánh số");
  });

  test("every indicator name stands verbatim in the source document", () => {
    const notVerbatim = indicatorsOf(r)
      .filter((l) => !isVerbatim(SEED, l.item.name))
      .map((l) => l.item.code);
    expect(notVerbatim).toEqual([]);
  });

  test("every quoted \"Yêu cầu: ...\" note stands verbatim in the source document", () => {
    const notVerbatim = indicatorsOf(r).flatMap((l) =>
      l.item.notes.filter((n) => n.startsWith("Yêu cầu:") && !isVerbatim(SEED, n)).map(() => l.item.code),
    );
    expect(notVerbatim).toEqual([]);
  });

  test.each(["PL03", "PL04", "PL05", "PL06", "PL07"])(
    "the ruleset notes record the %s template's title, headers and confirmation blocks as written",
    (pl) => {
      const note = r.notes.find((n) => n.startsWith(`${pl} tiêu đề:`));
      expect(note).toBeDefined();
      const quoted = [...(note ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
      expect(quoted.length).toBeGreaterThanOrEqual(5);
      expect(quoted).toEqual(expect.arrayContaining(["STT", "Ghi chú", "Tổng cộng:", "Xác nhận của UBND xã"]));
      expect(quoted.filter((q) => !isVerbatim(SEED, q))).toEqual([]);
    },
  );

  test("no indicator is suspended: the document marks none tạm dừng", () => {
    expect(indicatorsOf(r).filter((l) => l.item.suspended).map((l) => l.item.code)).toEqual([]);
  });
});
