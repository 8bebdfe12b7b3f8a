import { cutText, fitRowTexts, MAX_CELL_TEXT } from "../../src/core/layout/cell-text";

describe("texts longer than a cell holds", () => {
  test("are cut into pieces of at most 32 767 characters, each but the last ending with '…'", () => {
    const text = "x".repeat(MAX_CELL_TEXT * 2 + 5);
    const pieces = cutText(text);
    expect(pieces.map((p) => p.length)).toEqual([MAX_CELL_TEXT, MAX_CELL_TEXT, 7]);
    expect(pieces.map((p) => p.replace(/…$/, "")).join("")).toBe(text);
  });

  test("never split a character outside the BMP", () => {
    const text = "a".repeat(MAX_CELL_TEXT - 2) + "😀".repeat(10);
    const [first, second] = cutText(text);
    expect(first).toBe("a".repeat(MAX_CELL_TEXT - 2) + "…");
    expect(second).toBe("😀".repeat(10));
  });

  test("a row that fits is returned as it is; a long formula result is only cut", () => {
    const row = [{ value: "ngắn" }, null];
    expect(fitRowTexts(row)).toBe(row);
    const long = "y".repeat(MAX_CELL_TEXT + 1);
    expect(fitRowTexts([{ value: long, formula: 'REPT("y",32768)' }])).toEqual([
      { value: "y".repeat(MAX_CELL_TEXT - 1) + "…", formula: 'REPT("y",32768)' },
    ]);
  });
});
