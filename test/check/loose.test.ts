import { loose } from "../../src/core/check/text";

/** The definition, whole-text at once, as loose() was written before it folded word by word. */
const reference = (s: string) =>
  s
    .normalize("NFC")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();

describe("loose (word by word where the text is single-spaced)", () => {
  test.each([
    "Nguyễn Văn An",
    "Chỉ tiêu đạt: 11/11 chỉ tiêu",
    "ĐẠT",
    "  Hạ tầng   số  ",
    "Thôn\u00a0Đông",
    "a \u0301 b",
    "\u0301",
    "Nguye\u0302\u0303n",
    "ΟΔΥΣΣΕΥΣ Σ",
    "",
    "x\ty",
  ])("%j folds as the whole-text definition does", (s) => {
    expect(loose(s)).toBe(reference(s));
  });
});
