import { indicatorOrThrow, isVerbatim, loadRulesetFile } from "./golden";
import { criteriaOf, indicatorsOf } from "../../src/core/ruleset/walk";

const ID = "ha-nam-tttt-xa-ntm-2022";
const SEED = "004_82e1f95a3a47b462.txt";
const r = loadRulesetFile(ID);

function partsOf(code: string) {
  const ind = indicatorOrThrow(r, code);
  if (ind.kind !== "all-of") throw new Error(`${code} is ${ind.kind}, not all-of`);
  return ind.parts;
}

describe(`${ID} (seed 004, Hà Nam, tiêu chí 8 xã nông thôn mới)`, () => {
  test("validates and names the document it was taken from", () => {
    expect(r).toMatchObject({
      level: "xa",
      province: "Hà Nam",
      document: { number: "/STTTT-BCVTCNTT", date: "2022-10", issuer: "Sở Thông tin và Truyền thông tỉnh Hà Nam" },
      source: { seed: SEED },
    });
  });

  test("has one group holding criterion 8 with the four contents 8.1–8.4, counted in tiêu chí", () => {
    expect(r.groups).toHaveLength(1);
    expect(criteriaOf(r).map((c) => c.item.code)).toEqual(["8"]);
    expect(indicatorsOf(r)).toHaveLength(4);
    expect(indicatorsOf(r).map((l) => l.item.code)).toEqual(["8.1", "8.2", "8.3", "8.4"]);
    expect(r.overall).toMatchObject({ counts: "items", unitName: "tiêu chí", passRule: { all: true } });
    expect(criteriaOf(r)[0]?.item.passRule).toEqual({ all: true });
  });

  test("working age starts at a full 15 years (Bộ luật Lao động 2019, Điều 3)", () => {
    expect(r.parameters["workingAgeFrom"]?.value).toBe(15);
  });

  test.each([
    // "8.1. Xã có điểm phục vụ bưu chính" — "a) Về cơ sở vật chất" / "b) Về dịch vụ" (no figure: Có/Không)
    ["8.1", "a", { kind: "yes-no", expected: true }],
    ["8.1", "b", { kind: "yes-no", expected: true }],
    // "a) 100% các thôn trên địa bàn xã có khả năng đáp ứng nhu cầu sử dụng ... dịch vụ điện thoại"
    ["8.2", "a1", { kind: "ratio", requirement: { comparator: ">=", percent: 100 }, unit: "thôn", population: "thon" }],
    // "Tỷ lệ dân số theo độ tuổi lao động có thuê bao sử dụng điện thoại thông minh trên địa bàn xã đạt tối thiểu 70%."
    ["8.2", "a2", { kind: "ratio", requirement: { comparator: ">=", percent: 70 }, unit: "người", population: "do-tuoi-lao-dong" }],
    // "b) Dịch vụ viễn thông, Internet trên địa bàn xã phải đáp ứng quy chuẩn kỹ thuật quốc gia"
    ["8.2", "b", { kind: "yes-no", expected: true }],
    // "a) Xã có đài truyền thanh theo hướng dẫn của Bộ Thông tin và Truyền thông"
    ["8.3", "a", { kind: "yes-no", expected: true }],
    // "b) Có ít nhất 2/3 số thôn trong xã có hệ thống loa hoạt động"
    ["8.3", "b", { kind: "ratio", requirement: { comparator: ">=", fraction: "2/3" }, unit: "thôn", population: "thon" }],
    // "a) Tỷ lệ máy vi tính/số cán bộ, công chức của xã đạt tối thiểu 50%." (computers may outnumber officials)
    ["8.4", "a", { kind: "ratio", requirement: { comparator: ">=", percent: 50 }, share: false, population: "can-bo-cong-chuc-xa" }],
    // "b) Xã có sử dụng ít nhất 04 phần mềm ứng dụng sau"
    ["8.4", "b", { kind: "quantity", requirement: { comparator: ">=", value: 4 }, unit: "phần mềm" }],
    // "c) Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của xã đạt tối thiểu 30%."
    ["8.4", "c", { kind: "ratio", requirement: { comparator: ">=", percent: 30 }, unit: "hồ sơ", population: "ho-so-tthc-xa" }],
  ])("%s part %s has the document's kind and threshold", (code, id, expected) => {
    expect(partsOf(code).find((p) => p.id === id)?.measure).toMatchObject(expected);
  });

  test.each([
    ["8.1", ["a", "b"]],
    ["8.2", ["a1", "a2", "b"]],
    ["8.3", ["a", "b"]],
    ["8.4", ["a", "b", "c"]],
  ])("%s is met only when all its points %j are met", (code, ids) => {
    expect(indicatorOrThrow(r, code).kind).toBe("all-of");
    expect(partsOf(code).map((p) => p.id)).toEqual(ids);
  });

  test("every indicator and part name stands verbatim in the seed", () => {
    const names = indicatorsOf(r).flatMap(({ item }) => [
      [item.code, item.name] as const,
      ...(item.kind === "all-of" ? item.parts.map((p) => [`${item.code}${p.id}`, p.name] as const) : []),
    ]);
    const notVerbatim = names.filter(([, name]) => !isVerbatim(SEED, name)).map(([code]) => code);
    expect(notVerbatim).toEqual([]);
    expect(isVerbatim(SEED, criteriaOf(r)[0]?.item.name ?? "")).toBe(true);
  });

  test("the document suspends nothing", () => {
    expect(indicatorsOf(r).filter((l) => l.item.suspended).map((l) => l.item.code)).toEqual([]);
    expect(criteriaOf(r).filter((c) => c.item.suspended).map((c) => c.item.code)).toEqual([]);
  });
});
