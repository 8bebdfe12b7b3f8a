import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";
import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";

const ID = "ha-nam-xa-thong-minh-2022";
const SEED = "004_82e1f95a3a47b462.txt";
const r = loadRulesetFile(ID);

function partsOf(code: string) {
  const ind = indicatorOrThrow(r, code);
  if (ind.kind !== "all-of") throw new Error(`${code} is ${ind.kind}, not all-of`);
  return ind.parts;
}

describe(`${ID} (seed 004, Hà Nam, mô hình xã thông minh — chỉ tiêu 8.9 huyện NTM nâng cao)`, () => {
  test("is a commune-level model taken from item 8.9 of the huyện nâng cao table", () => {
    expect(r).toMatchObject({ level: "xa", province: "Hà Nam", document: { date: "2022-10" }, source: { seed: SEED } });
    expect(r.source.section).toContain("II. MÔ HÌNH XÃ THÔNG MINH");
  });

  test("has the three parts, ten numbered sections (eight of them criteria) and 29 requirements", () => {
    expect(r.groups.map((g) => [g.code, g.name])).toEqual([
      ["1", "Chính quyền xã thông minh"],
      ["2", "Phát triển kinh tế số"],
      ["3", "Phát triển xã hội số"],
    ]);
    expect(r.groups.map((g) => g.items.map((i) => i.code))).toEqual([
      ["1.1", "1.2", "1.3", "1.4"],
      ["2.1", "2.2", "2.3"],
      ["3.1", "3.2", "3.3"],
    ]);
    expect(criteriaOf(r).map((c) => c.item.code)).toEqual(["1.1", "1.2", "1.3", "1.4", "2.3", "3.1", "3.2", "3.3"]);
    expect(criteriaOf(r).map((c) => c.item.indicators.length)).toEqual([8, 5, 2, 3, 3, 2, 2, 2]);
    expect(indicatorsOf(r)).toHaveLength(29);
    expect(r.overall).toMatchObject({ counts: "groups", unitName: "nội dung", passRule: { all: true } });
  });

  test.each([
    // "- UBND xã có hệ thống mạng LAN, kết nối Internet."
    ["1.1.1", { kind: "yes-no", expected: true }],
    // "- Tỷ lệ máy tính/cán bộ, công chức là 100%." (computers may outnumber officials)
    ["1.1.2", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, share: false, population: "can-bo-cong-chuc-xa" }],
    // "- Có ít nhất 01 điểm phục vụ bưu chính đáp ứng phục vụ nhu cầu sử dụng dịch vụ công trực tuyến của người dân."
    ["1.1.5", { kind: "quantity", requirement: { comparator: ">=", value: 1 }, unit: "điểm" }],
    // "Có mô hình nhà văn hóa thông minh: Có ít nhất 01 nhà văn hóa thôn được trang bị máy tính kết nối Internet"
    ["1.1.7", { kind: "quantity", requirement: { comparator: ">=", value: 1 }, unit: "nhà văn hóa thôn" }],
    // "- Sử dụng chữ ký số chuyên dùng Chính phủ: Đảm bảo 100% cán bộ, công chức được cấp và sử dụng chữ ký số"
    ["1.2.5", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, population: "can-bo-cong-chuc-xa" }],
    // "- 70% người dân được bồi dưỡng, tập huấn phổ biến kiến thức nâng cao kỹ năng số ..."
    ["1.4.2", { kind: "ratio", requirement: { comparator: ">=", percent: 70 }, population: "dan-so" }],
    // "Tần suất 1 lần/tuần (tính cả trường hợp tiếp sóng từ đài cấp trên)."
    ["1.4.3", { kind: "quantity", requirement: { comparator: ">=", value: 1 }, unit: "lần/tuần" }],
    // "2.1. Thương mại điện tử — Các hộ sản xuất, kinh doanh, hợp tác xã ... có đăng ký tham gia" (no percentage)
    ["2.1", { kind: "yes-no", expected: true }],
    // "Tần suất 04 tin, bài/tháng"
    ["2.3.3", { kind: "quantity", requirement: { comparator: ">=", value: 4 }, unit: "tin, bài/tháng" }],
    // "- Tối thiểu 50% các cơ sở giáo dục trên địa bàn xã triển khai thanh toán không dùng tiền mặt."
    ["3.2.2", { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, unit: "cơ sở" }],
    // "- 100% hộ gia đình, cơ quan, tổ chức, khu di tích trong xã được gắn mã địa chỉ trên nền tảng bản đồ số."
    ["3.3.1", { kind: "ratio", requirement: { comparator: ">=", percent: 100 } }],
  ])("%s has the document's kind and threshold", (code, expected) => {
    expect(indicatorOrThrow(r, code)).toMatchObject(expected);
  });

  test.each([
    // "+ 100% các văn bản được xử lý trên hệ thống, được ký số theo quy định (trừ văn bản mật)."
    ["1.2.2", "a", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "văn bản" }],
    // "+ Tối thiểu 80% hồ sơ thủ tục hành chính được tiếp nhận, xử lý trên hệ thống (...)"
    ["1.2.3", "a", { kind: "ratio", requirement: { comparator: ">=", percent: 80 }, unit: "hồ sơ", population: "ho-so-tthc-xa" }],
    // "+ Tối thiểu 90% người dân, doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính."
    ["1.2.3", "b", { kind: "ratio", requirement: { comparator: ">=", percent: 90 } }],
    // "+ 80% hồ sơ thủ tục hành chính có yêu cầu nghĩa vụ tài chính được thực hiện thanh toán trực tuyến"
    ["1.2.3", "c", { kind: "ratio", requirement: { comparator: ">=", percent: 80 }, unit: "hồ sơ" }],
    // "+ 100% cán bộ, công chức xã được cấp tài khoản."
    ["1.2.4", "a", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, population: "can-bo-cong-chuc-xa" }],
    // "- Tối thiểu 80% hộ gia đình có kết nối Internet cáp quang"
    ["3.3.2", "a", { kind: "ratio", requirement: { comparator: ">=", percent: 80 }, unit: "hộ", population: "ho-gia-dinh" }],
    // "và 90% hộ gia đình có điện thoại thông minh."
    ["3.3.2", "b", { kind: "ratio", requirement: { comparator: ">=", percent: 90 }, unit: "hộ", population: "ho-gia-dinh" }],
  ])("%s part %s has the document's kind and threshold", (code, id, expected) => {
    expect(partsOf(code).find((p) => p.id === id)?.measure).toMatchObject(expected);
  });

  test("the bullets with '+' lines are met only when every line is met", () => {
    expect(partsOf("1.2.2").map((p) => p.id)).toEqual(["a", "b"]);
    expect(partsOf("1.2.3").map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(partsOf("1.2.4").map((p) => p.id)).toEqual(["a", "b"]);
    expect(partsOf("3.3.2").map((p) => p.id)).toEqual(["a", "b"]);
  });

  test("every indicator, part and criterion name stands verbatim in the seed", () => {
    const names = indicatorsOf(r).flatMap(({ item }) => [
      [item.code, item.name] as const,
      ...(item.kind === "all-of" ? item.parts.map((p) => [`${item.code}${p.id}`, p.name] as const) : []),
    ]);
    const criteria = criteriaOf(r).map((c) => [c.item.code, c.item.name] as const);
    const groups = r.groups.map((g) => [g.code, g.name] as const);
    const notVerbatim = [...names, ...criteria, ...groups].filter(([, name]) => !isVerbatim(SEED, name)).map(([code]) => code);
    expect(notVerbatim).toEqual([]);
  });

  test("the document suspends nothing", () => {
    expect(indicatorsOf(r).filter((l) => l.item.suspended).map((l) => l.item.code)).toEqual([]);
    expect(criteriaOf(r).filter((c) => c.item.suspended).map((c) => c.item.code)).toEqual([]);
  });
});
