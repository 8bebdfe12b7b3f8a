import { parseCell } from "../../src/core/text/cell";
import { parseNumberText } from "../../src/core/text/number";

describe("words typed in a number cell", () => {
  it.each(["Không áp dụng", "  không  áp dụng ", "KAD", "N/A", "Không phát sinh", "Khong ap dung".normalize("NFD")])(
    "%j says what is wrong and what to do",
    (typed) => {
      const r = parseNumberText(typed, { integer: true });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      if (typed.startsWith("Khong")) {
        expect(r.reason).toBe(`"${typed}" không phải là số`);
        return;
      }
      expect(r.reason).toContain("là chữ, không phải số liệu");
      expect(r.reason).toContain("tạm dừng");
      expect(r.reason).not.toContain("khoảng trắng");
    },
  );

  it("in a cell, the not-applicable words are the clerk's answer (issue 10); any other word is refused naming the cell", () => {
    expect(parseCell("Không áp dụng", "ratio", "'Số liệu'!B7")).toMatchObject({ kind: "not-applicable" });
    expect(parseCell("Không phát sinh: xã chưa có hồ sơ thu phí", "count", "'Số liệu'!B7")).toMatchObject({
      kind: "not-applicable",
      reason: "xã chưa có hồ sơ thu phí",
    });
    expect(parseCell("ba mươi", "ratio", "'Số liệu'!B7")).toMatchObject({
      kind: "invalid",
      reason: expect.stringMatching(/^Ô 'Số liệu'!B7: "ba mươi" không phải là số/),
    });
  });

  it("other words are simply not numbers, and misplaced spaces in digits are still named as such", () => {
    expect(parseNumberText("ba mươi", { integer: true })).toEqual({ ok: false, reason: '"ba mươi" không phải là số' });
    expect(parseNumberText("39 86", { integer: true })).toMatchObject({ ok: false, reason: expect.stringContaining("khoảng trắng") });
    expect(parseNumberText("3 986", { integer: true })).toMatchObject({ ok: true });
  });
});
