/*
 * nfc() returns text of Latin letters (below U+0300) and precomposed Vietnamese letters (U+1E00–U+1EFF)
 * as it is, without asking ICU: these tests prove, over every such character, that the answer is the
 * one String.prototype.normalize gives; and that anything else still goes through it.
 */
import { nfc } from "../../src/core/text/fold";

/** Every character the quick path takes as it is. */
const QUICK = [...Array.from({ length: 0x300 }, (_, c) => c), ...Array.from({ length: 0x100 }, (_, i) => 0x1e00 + i)].map((c) =>
  String.fromCharCode(c),
);

describe("nfc", () => {
  it("each character it keeps is already NFC, and none is a combining mark", () => {
    for (const ch of QUICK) {
      expect(ch.normalize("NFC")).toBe(ch);
      expect(/\p{M}/u.test(ch)).toBe(false);
    }
  });

  it("no two of them compose, in either order: a string of them is NFC as it stands", () => {
    for (const a of QUICK) {
      const s = QUICK.map((b) => a + b).join("");
      expect(s.normalize("NFC")).toBe(s);
    }
  });

  it("keeps such text, precomposed Vietnamese included, as the same string", () => {
    const name = "Nguyễn Thị Hồng Nhung, Đặng Văn Ước";
    expect(nfc(name)).toBe(name);
    expect(nfc("")).toBe("");
  });

  it("composes decomposed text: tone and vowel marks typed as combining marks", () => {
    const decomposed = "Nguyễn Thị Hồng".normalize("NFD");
    expect(decomposed).not.toBe("Nguyễn Thị Hồng");
    expect(nfc(decomposed)).toBe("Nguyễn Thị Hồng");
    // A mark after a letter the quick path would keep: the whole string goes to ICU.
    expect(nfc("Ha\u0300 No\u0323i")).toBe("Hà Nọi");
  });

  it("normalizes what lies outside the two ranges: singletons, marks and other scripts", () => {
    // U+212B ANGSTROM SIGN is NFC_Quick_Check=No: it becomes U+00C5.
    expect(nfc("\u212B")).toBe("\u00C5");
    // U+0340 COMBINING GRAVE TONE MARK becomes U+0300.
    expect(nfc("a\u0340")).toBe("\u00E0");
    // Hangul jamo compose into a syllable.
    expect(nfc("\u1100\u1161")).toBe("\uAC00");
  });
});
