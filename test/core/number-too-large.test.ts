/* Issue 17 O: a figure beyond the range a spreadsheet holds exactly is refused with its cell. */
import { parseCell } from "../../src/core/text/cell";
import { parseNumberText } from "../../src/core/text/number";

describe("a figure beyond 9 007 199 254 740 991 is 'số quá lớn'", () => {
  test.each([
    ["400 digits typed as text", "1".repeat(400), "count"],
    ["one past the exact range", "9007199254740992", "count"],
    ["seventeen digits with Vietnamese grouping", "12.345.678.901.234.567", "count"],
    ["a large decimal", "99999999999999999,5", "number"],
  ] as const)("%s", (_label, text, type) => {
    const r = parseCell(text, type, "'Số liệu'!B8");
    expect(r).toMatchObject({ kind: "invalid", source: "'Số liệu'!B8" });
    expect(r.kind === "invalid" && r.reason).toMatch(/^Ô 'Số liệu'!B8: ".*" là số quá lớn .* hãy kiểm tra lại số liệu$/);
    // A 400-digit string is shown by its start and length, not in full.
    expect(r.kind === "invalid" && r.reason.length).toBeLessThan(200);
  });

  test("a number cell beyond the range, or not finite, is refused the same way", () => {
    for (const n of [1e300, Infinity, 2 ** 53])
      expect(parseCell(n, "count", "A1")).toMatchObject({ kind: "invalid", reason: expect.stringMatching(/số quá lớn/) });
  });

  test("the largest exact whole number and ordinary figures are still read", () => {
    expect(parseNumberText("9007199254740991", { integer: true })).toMatchObject({ ok: true, value: { n: 9007199254740991n, d: 1n } });
    // Leading zeros are their own refusal (the formula does not read "012" as 12), never "quá lớn".
    expect(parseNumberText("00000000000000000012", { integer: true })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("số 0 ở đầu"),
    });
    expect(parseNumberText("12", { integer: true })).toMatchObject({ ok: true, value: { n: 12n } });
    expect(parseCell(2 ** 53 - 1, "number", "A1")).toMatchObject({ kind: "number" });
    expect(parseCell("3.986", "count", "A1")).toMatchObject({ kind: "number", value: { n: 3986n } });
  });
});

describe("a count above 10^12 is refused (issue 17 E: past it a share's formula is not exact everywhere)", () => {
  test("10^12 is a count, one more is not, typed or as a number", () => {
    expect(parseCell(1e12, "count", "A1")).toMatchObject({ kind: "number" });
    expect(parseCell("1.000.000.000.000", "count", "A1")).toMatchObject({ kind: "number" });
    for (const raw of [1e12 + 1, "1.000.000.000.001", 9007199254740991]) {
      expect(parseCell(raw, "count", "'Số liệu'!B3")).toMatchObject({
        kind: "invalid",
        reason: expect.stringMatching(/^Ô 'Số liệu'!B3: ".*" là số đếm quá lớn \(hơn 1\.000\.000\.000\.000\)/),
      });
    }
  });

  test("a value that is not a count keeps the whole exact range", () => {
    expect(parseCell(1e12 + 1, "number", "A1")).toMatchObject({ kind: "number" });
  });
});
