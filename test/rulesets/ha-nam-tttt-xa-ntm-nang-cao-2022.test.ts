import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";
import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";

const ID = "ha-nam-tttt-xa-ntm-nang-cao-2022";
const SEED = "004_82e1f95a3a47b462.txt";
const r = loadRulesetFile(ID);

function partsOf(code: string) {
  const ind = indicatorOrThrow(r, code);
  if (ind.kind !== "all-of") throw new Error(`${code} is ${ind.kind}, not all-of`);
  return ind.parts;
}

describe(`${ID} (seed 004, Hà Nam, tiêu chí 8 và 15 xã nông thôn mới nâng cao)`, () => {
  test("validates and names the document it was taken from", () => {
    expect(r).toMatchObject({
      level: "xa",
      province: "Hà Nam",
      document: { number: "/STTTT-BCVTCNTT", date: "2022-10" },
      source: { seed: SEED },
    });
  });

  test("has one group with criteria 8 (8.1–8.5) and 15 (15.1–15.2), counted in tiêu chí", () => {
    expect(r.groups).toHaveLength(1);
    expect(criteriaOf(r).map((c) => c.item.code)).toEqual(["8", "15"]);
    expect(criteriaOf(r).map((c) => c.item.indicators.map((i) => i.code))).toEqual([
      ["8.1", "8.2", "8.3", "8.4", "8.5"],
      ["15.1", "15.2"],
    ]);
    expect(indicatorsOf(r)).toHaveLength(7);
    expect(r.overall).toMatchObject({ counts: "items", unitName: "tiêu chí", passRule: { all: true } });
  });

  test.each([
    // "8.1. Có điểm phục vụ bưu chính đáp ứng cung cấp dịch vụ công trực tuyến cho người dân" (conditions, no figure)
    ["8.1", { kind: "yes-no", expected: true }],
    // "Xã có tỷ lệ dân số theo độ tuổi lao động có thuê bao sử dụng điện thoại thông minh đạt tối thiểu 80%."
    ["8.2", { kind: "ratio", requirement: { comparator: ">=", percent: 80 }, unit: "người", population: "do-tuoi-lao-dong" }],
    // "Trụ sở UBND xã, nhà văn hóa các thôn, ... có trạm Wifi kết nối Internet miễn phí."
    ["8.5", { kind: "yes-no", expected: true }],
    // "- Có máy tính kết nối mạng Internet ... - Có camera ... - Có thiết bị phục vụ số hóa hồ sơ, tài liệu."
    ["15.1", { kind: "yes-no", expected: true }],
    // "Tỷ lệ TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4 đạt 100%."
    ["15.2", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "thủ tục" }],
  ])("%s has the document's kind and threshold", (code, expected) => {
    expect(indicatorOrThrow(r, code)).toMatchObject(expected);
  });

  test.each([
    // "a) 100% số thôn của xã có hệ thống loa hoạt động thường xuyên"
    ["8.3", "a", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "thôn", population: "thon" }],
    // "b) 100% số thôn của xã có hộ gia đình thu xem được 01 trong số các phương thức truyền hình ..."
    ["8.3", "b1", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "thôn", population: "thon" }],
    // "Tỷ lệ hộ gia đình trong xã thu xem được 01 trong số các phương thức trên đạt tối thiểu 50%."
    ["8.3", "b2", { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, unit: "hộ", population: "ho-gia-dinh" }],
    // "c) Có ít nhất 01 điểm cung cấp xuất bản phẩm"
    ["8.3", "c", { kind: "quantity", requirement: { comparator: ">=", value: 1 }, unit: "điểm" }],
    // "- Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của xã đạt tối thiểu 50%."
    ["8.4", "a1", { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, unit: "hồ sơ", population: "ho-so-tthc-xa" }],
    // "- Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng, tập huấn kiến thức, kỹ năng số và an toàn thông tin đạt: 100%."
    ["8.4", "a2", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, population: "can-bo-cong-chuc-xa" }],
    // "- Tỷ lệ người dân trong độ tuổi lao động được phổ biến kiến thức ... đạt: từ 70% trở lên."
    ["8.4", "a3", { kind: "ratio", requirement: { comparator: ">=", percent: 70 }, population: "do-tuoi-lao-dong" }],
    // "- 100% sản phẩm OCOP của xã được giới thiệu, quảng bá trên nền tảng sàn thương mại điện tử."
    ["8.4", "a4", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "sản phẩm" }],
    // "- 100% hộ gia đình, cơ quan, tổ chức, khu di tích được thông báo, gắn biển địa chỉ số đến từng điểm địa chỉ."
    ["8.4", "a5", { kind: "ratio", requirement: { comparator: ">=", percent: 100 } }],
    // "b) Tổ chức lấy ý kiến sự hài lòng của người dân về kết quả xây dựng nông thôn mới trên Cổng thông tin điện tử ..."
    ["8.4", "b", { kind: "yes-no", expected: true }],
  ])("%s part %s has the document's kind and threshold", (code, id, expected) => {
    expect(partsOf(code).find((p) => p.id === id)?.measure).toMatchObject(expected);
  });

  test("8.3 and 8.4 are met only when every point is met", () => {
    expect(partsOf("8.3").map((p) => p.id)).toEqual(["a", "b1", "b2", "c"]);
    expect(partsOf("8.4").map((p) => p.id)).toEqual(["a1", "a2", "a3", "a4", "a5", "b"]);
  });

  test("8.2 and 8.4 a3 divide by the same working-age population", () => {
    const i82 = indicatorOrThrow(r, "8.2");
    const a3 = partsOf("8.4").find((p) => p.id === "a3")?.measure;
    expect(i82.kind === "ratio" ? i82.population : undefined).toBe("do-tuoi-lao-dong");
    expect(a3?.kind === "ratio" ? a3.population : undefined).toBe("do-tuoi-lao-dong");
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
