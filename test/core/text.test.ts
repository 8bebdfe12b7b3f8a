import { isIsoDate } from "../../src/core/text/date";
import { parseCell } from "../../src/core/text/cell";
import { fold, foldLoose } from "../../src/core/text/fold";
import { formatInteger, formatPercent, formatQuantity } from "../../src/core/text/format";
import { parseNumberText } from "../../src/core/text/number";
import { parseYesNoText } from "../../src/core/text/yesno";
import { rat, toExactString } from "../../src/core/evaluate/rational";

describe("folding Vietnamese text for matching", () => {
  test.each([
    ["hòa", "hoà"],
    ["Thúy", "thuý"],
    ["  Dân   số\u00a0từ 15 tuổi ", "dân số từ 15 tuổi"],
    ["Ho\u0300a", "hòa"], // decomposed input (NFD) equals the composed form
  ])("%p folds equal to %p", (a, b) => {
    expect(fold(a)).toBe(fold(b));
  });

  test("keeps letters and marks that change the word: đạt is not dat, hòa is not hoa", () => {
    expect(fold("đạt")).not.toBe(fold("dat"));
    expect(fold("hòa")).not.toBe(fold("hoa"));
  });

  test("loose folding strips every mark for proposals", () => {
    expect(foldLoose("Dân số từ 15 tuổi trở lên")).toBe("dan so tu 15 tuoi tro len");
  });
});

describe("yes/no words", () => {
  test.each(["Đạt", "đạt", "Có", "x", "X", "✓", "TRUE", "1"])("%p is yes", (w) => expect(parseYesNoText(w)).toBe(true));
  test.each(["Không đạt", "Chưa đạt", "Không", "FALSE", "0", "không  đạt"])("%p is no", (w) => expect(parseYesNoText(w)).toBe(false));
  test.each(["", "có lẽ", "đang triển khai"])("%p is neither", (w) => expect(parseYesNoText(w)).toBeUndefined());
});

describe("numbers typed as text", () => {
  test.each([
    ["3.986", true, "3986"],
    ["3 986", true, "3986"],
    ["3\u00a0986", true, "3986"],
    ["1.234.567", true, "1234567"],
    ["3986", true, "3986"],
    ["58,6%", false, "293/500"],
    ["58.6%", false, "293/500"],
    ["45,2", false, "226/5"],
    ["3.986,5", false, "7973/2"],
    ["1,234,567", true, "1234567"],
    ["0,586", false, "293/500"],
    ["-12", true, "-12"],
  ])("%p (integer: %p) reads as %s", (text, integer, exact) => {
    const r = parseNumberText(text, { integer });
    expect(r.ok && toExactString(r.value)).toBe(exact);
  });

  test.each([
    ["3,986", true, "hai cách"],
    ["3.986", false, "hai cách"],
    ["12a", true, "không phải là số"],
    ["1.23.4", true, "không đúng chỗ"],
    ["39 86", true, "khoảng trắng"],
    ["3,5", true, "số nguyên"],
  ])("%p (integer: %p) is refused: %s", (text, integer, why) => {
    const r = parseNumberText(text, { integer });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(why);
  });
});

describe("reading a cell for a slot", () => {
  test("blank is missing, never zero and never no", () => {
    for (const raw of [null, undefined, "", "   "]) {
      expect(parseCell(raw, "count", "'Số liệu'!B3")).toEqual({ kind: "missing", source: "'Số liệu'!B3" });
      expect(parseCell(raw, "yes-no").kind).toBe("missing");
    }
  });

  test("a count typed as Vietnamese text is a number", () => {
    expect(parseCell("3.986", "count")).toEqual({ kind: "number", value: rat(3986) });
  });

  test.each([
    [-5, "count", "số âm"],
    [2.5, "count", "số nguyên"],
    ["abc", "count", "không phải là số"],
    [{ error: "#REF!" }, "count", "#REF!"],
    [new Date(2024, 0, 1), "count", "ngày tháng"],
    [true, "count", "cần một số"],
    ["58,6%", "count", "tỷ lệ"],
    [58.6, "ratio", "lớn hơn 1"],
    ["có lẽ", "yes-no", "có/không"],
    [2, "yes-no", "có/không"],
  ] as const)("%p as %s is invalid and names the cell (%s)", (raw, type, why) => {
    const r = parseCell(raw as never, type, "'Số liệu'!C7");
    expect(r.kind).toBe("invalid");
    expect(r.kind === "invalid" && r.reason).toContain(why);
    expect(r.kind === "invalid" && r.reason).toContain("'Số liệu'!C7");
  });

  test("a ratio typed 58,6% is 0,586", () => {
    expect(parseCell("58,6%", "ratio")).toEqual({ kind: "number", value: rat(293, 500) });
  });

  test("yes/no cells read Excel booleans, 1/0 and words", () => {
    expect(parseCell(true, "yes-no")).toEqual({ kind: "bool", value: true });
    expect(parseCell(0, "yes-no")).toEqual({ kind: "bool", value: false });
    expect(parseCell("Chưa đạt", "yes-no")).toEqual({ kind: "bool", value: false });
  });
});

describe("Vietnamese display", () => {
  test.each([
    [rat(2335, 3986), "58,6%"],
    [rat(2865, 3986), "71,9%"],
    [rat(3388, 3986), "85,0%"],
    [rat(1), "100,0%"],
  ])("%p shows as %s", (r, text) => expect(formatPercent(r)).toBe(text));

  test("integers group thousands with a dot, quantities keep one decimal", () => {
    expect(formatInteger(1234567)).toBe("1.234.567");
    expect(formatQuantity(rat(452, 10))).toBe("45,2");
    expect(formatQuantity(rat(45))).toBe("45");
  });
});

describe("report dates", () => {
  test.each([
    ["2024-06-30", true],
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-45", false],
    ["2024-02-30", false],
    ["30/06/2024", false],
  ])("%s is a real date: %p", (s, ok) => expect(isIsoDate(s)).toBe(ok));
});
