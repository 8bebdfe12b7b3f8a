import { fold, foldWords } from "../../src/core/text/fold";

describe("foldWords (a roster's names, word by word)", () => {
  it("gives fold()'s result on names, odd spacing, tone placements, decomposed text and capitals", () => {
    const names = [
      "Nguyễn Văn An",
      "NGUYỄN VĂN AN",
      "Lê Thị Hoà",
      "Lê Thị Hòa",
      "Le Thi Hoa",
      "Nguye\u0302\u0303n Va\u0306n An",
      " Trần  Bình ",
      "Trần\u00a0Bình",
      "Trần\tBình",
      "Đặng",
      "",
      "Thuý Kiều",
      "ΟΔΥΣΣΕΥΣ Σ",
    ];
    for (const n of names) expect(foldWords(n)).toBe(fold(n));
  });

  it("still tells different names apart (đạt ≠ dat)", () => {
    expect(foldWords("Đạt")).not.toBe(foldWords("Dat"));
    expect(foldWords("Lê Thị Hoà")).toBe(foldWords("lê thị hòa"));
  });
});
