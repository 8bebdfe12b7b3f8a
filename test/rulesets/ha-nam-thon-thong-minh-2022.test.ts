import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";
import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";

const ID = "ha-nam-thon-thong-minh-2022";
const SEED = "004_82e1f95a3a47b462.txt";
const r = loadRulesetFile(ID);

function partsOf(code: string) {
  const ind = indicatorOrThrow(r, code);
  if (ind.kind !== "all-of") throw new Error(`${code} is ${ind.kind}, not all-of`);
  return ind.parts;
}

describe(`${ID} (seed 004, Hà Nam, mô hình thôn thông minh — chỉ tiêu 8.9 huyện NTM nâng cao)`, () => {
  test("is a village-level model taken from item 8.9 of the huyện nâng cao table", () => {
    expect(r).toMatchObject({ level: "thon", province: "Hà Nam", document: { date: "2022-10" }, source: { seed: SEED } });
    expect(r.source.section).toContain("8.9. Có mô hình xã, thôn thông minh");
  });

  test("has the model's five contents 1–5, content 4 holding five requirements, all needed", () => {
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]?.items.map((i) => i.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(criteriaOf(r).map((c) => c.item.code)).toEqual(["4"]);
    expect(indicatorsOf(r)).toHaveLength(9);
    expect(indicatorsOf(r).map((l) => l.item.code)).toEqual(["1", "2", "3", "4.1", "4.2", "4.3", "4.4", "4.5", "5"]);
    expect(r.overall).toMatchObject({ counts: "items", unitName: "nội dung", passRule: { all: true } });
    expect(r.groups[0]?.passRule).toEqual({ all: true });
  });

  test.each([
    // "1. Có Tổ công nghệ số cộng đồng cấp thôn"
    ["1", { kind: "yes-no", expected: true }],
    // "2. Giao tiếp thông minh — Trưởng thôn thiết lập kênh giao tiếp ... qua mạng xã hội như: Zalo, Mocha..."
    ["2", { kind: "yes-no", expected: true }],
    // "3. Thương mại điện tử — Các hộ sản xuất, kinh doanh ... có đăng ký tham gia một trong các sàn" (no percentage)
    ["3", { kind: "yes-no", expected: true }],
    // "- 70% người dân được hướng dẫn cài đặt và sử dụng các ứng dụng và nền tảng tư vấn ..."
    ["4.1", { kind: "ratio", requirement: { comparator: ">=", percent: 70 }, unit: "người", population: "dan-so" }],
    // "- Các hộ sản xuất, kinh doanh ứng dụng giải pháp truy xuất nguồn gốc ... (nếu có)."
    ["4.2", { kind: "yes-no", expected: true }],
    // "- Nhà văn hóa thôn được trang bị trạm phát Wifi kết nối Internet."
    ["4.3", { kind: "yes-no", expected: true }],
    // "- 100% hộ gia đình trong thôn được gắn mã địa chỉ trên nền tảng bản đồ số."
    ["4.4", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "hộ", population: "ho-gia-dinh" }],
    // "- Tối thiểu 80% hộ gia đình có kết nối Internet cáp quang và 90% hộ gia đình có điện thoại thông minh."
    ["4.5", { kind: "all-of" }],
    // "5. Quảng bá - Thương hiệu ... Tần suất 01 tin, bài/tháng."
    ["5", { kind: "quantity", requirement: { comparator: ">=", value: 1 }, unit: "tin, bài/tháng" }],
  ])("%s has the document's kind and threshold", (code, expected) => {
    expect(indicatorOrThrow(r, code)).toMatchObject(expected);
  });

  test.each([
    // "Tối thiểu 80% hộ gia đình có kết nối Internet cáp quang"
    ["a", { kind: "ratio", requirement: { comparator: ">=", percent: 80 }, unit: "hộ", population: "ho-gia-dinh" }],
    // "và 90% hộ gia đình có điện thoại thông minh"
    ["b", { kind: "ratio", requirement: { comparator: ">=", percent: 90 }, unit: "hộ", population: "ho-gia-dinh" }],
  ])("4.5 part %s: households with fibre / with a smartphone", (id, expected) => {
    expect(partsOf("4.5").find((p) => p.id === id)?.measure).toMatchObject(expected);
  });

  test("every indicator, part and criterion name stands verbatim in the seed", () => {
    const names = indicatorsOf(r).flatMap(({ item }) => [
      [item.code, item.name] as const,
      ...(item.kind === "all-of" ? item.parts.map((p) => [`${item.code}${p.id}`, p.name] as const) : []),
    ]);
    const criteria = criteriaOf(r).map((c) => [c.item.code, c.item.name] as const);
    const notVerbatim = [...names, ...criteria].filter(([, name]) => !isVerbatim(SEED, name)).map(([code]) => code);
    expect(notVerbatim).toEqual([]);
  });

  test("the document suspends nothing", () => {
    expect(indicatorsOf(r).filter((l) => l.item.suspended).map((l) => l.item.code)).toEqual([]);
    expect(criteriaOf(r).filter((c) => c.item.suspended).map((c) => c.item.code)).toEqual([]);
  });
});
