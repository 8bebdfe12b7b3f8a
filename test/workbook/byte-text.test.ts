/*
 * A worksheet read as a byte string (src/workbook/xlsx/byte-text.ts) must give every value exactly as
 * decoding the whole part with TextDecoder does: Vietnamese, characters beyond U+FFFF, and malformed
 * bytes with their replacement characters, wherever they fall.
 */
import type { RawCell } from "../../src/core/text/cell";
import { byteString, utf8Text } from "../../src/workbook/xlsx/byte-text";
import { readSheetCells } from "../../src/workbook/xlsx/sheet-cells";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

/** A small deterministic generator (mulberry32): the same bytes on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("utf8Text", () => {
  it("decodes well-formed text as TextDecoder does: ASCII, Vietnamese, three- and four-byte characters", () => {
    for (const text of [
      "",
      "Thôn 3",
      "Nguyễn Thị Hồng Nhung",
      "Đặng Văn Ước",
      "€ ₫ ✓",
      "😀 𝔸 𠀀",
      "\uFEFFđầu",
      "\u0000\u007f\u0080\u07ff\u0800\uffff",
    ]) {
      const bytes = new TextEncoder().encode(text);
      expect(utf8Text(latin1(bytes))).toBe(text);
    }
  });

  it("decodes malformed bytes with TextDecoder's replacement characters", () => {
    const cases = [
      [0xc3],
      [0xc3, 0x41],
      [0xe1, 0xba],
      [0xe1, 0xba, 0x41],
      [0xed, 0xa0, 0x80],
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80],
      [0xff],
      [0x80, 0x41],
      [0x41, 0xe1, 0xba, 0xa1, 0xe1],
    ];
    for (const c of cases) {
      const bytes = Uint8Array.from(c);
      expect(utf8Text(latin1(bytes))).toBe(decoder.decode(bytes));
    }
  });

  it("agrees with TextDecoder on 20 000 random byte strings, mostly UTF-8 with damage here and there", () => {
    const next = random(14);
    const pieces = ["a", "ô", "Đ", "ễ", "😀", "₫", " "].map((t) => [...new TextEncoder().encode(t)]);
    for (let n = 0; n < 20_000; n++) {
      const bytes: number[] = [];
      const length = Math.floor(next() * 12);
      for (let k = 0; k < length; k++) {
        if (next() < 0.15) bytes.push(Math.floor(next() * 256));
        else bytes.push(...pieces[Math.floor(next() * pieces.length)]!);
      }
      const u8 = Uint8Array.from(bytes);
      expect(utf8Text(latin1(u8))).toBe(decoder.decode(u8));
    }
  });

  it("a long text is decoded whole", () => {
    const text = "Ghi chú: ".repeat(1000);
    expect(utf8Text(latin1(new TextEncoder().encode(text)))).toBe(text);
  });
});

describe("a worksheet read as bytes", () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const ctx = { sharedStrings: ["chung"], dateStyles: [false], date1904: false };

  function read(sheetData: string, bytes: boolean): Array<[string, RawCell]> {
    const xml = `\uFEFF<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`;
    const encoded = new TextEncoder().encode(xml);
    const text = bytes ? byteString(encoded)! : new TextDecoder().decode(encoded);
    const out: Array<[string, RawCell]> = [];
    const visitor = { wants: () => true, visit: (row: number, col: number, value: RawCell) => out.push([`${row}:${col}`, value]) };
    readSheetCells(text, "xl/worksheets/sheet1.xml", ctx, visitor, bytes ? "bytes" : "text");
    return out;
  }

  it("gives the same cells as the decoded part: in-cell texts, entities, inline strings, errors, formulas' texts", () => {
    const data = [
      '<row r="1"><c r="A1" t="str"><v>Thôn Đông &amp; Tây</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>Hồ </t></r><r><t>Chí Minh</t></r></is></c></row>',
      '<row r="2"><c r="A2" t="str"><f>A1</f><v>Thôn Đông &amp; Tây</v></c><c r="B2" t="e"><v>#GIÁ TRỊ!</v></c><c r="C2"><v>không số</v></c><c r="D2" t="str"><v>&#7841; &#x1EA1; 😀</v></c></row>',
      '<row r="3"><c r="A3" t="d"><v>hôm qua</v></c><c r="B3" t="str"><v>Nam</v></c><c r="C3" t="str"><v>Nữ</v></c><c r="D3" t="str"><v>x_x000D_ỹ</v></c></row>',
    ].join("");
    const decoded = read(data, false);
    expect(read(data, true)).toEqual(decoded);
    expect(decoded.map(([, v]) => v)).toContain("Thôn Đông & Tây");
    expect(decoded.map(([, v]) => v)).toContain("ạ ạ 😀");
  });

  it("a byte-order mark is dropped, as TextDecoder drops it", () => {
    expect(byteString(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe("<");
    expect(byteString(Uint8Array.from([0x3c, 0xef, 0xbb, 0xbf]))).toBe("<\xEF\xBB\xBF");
  });
});
