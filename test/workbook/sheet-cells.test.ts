/*
 * The worksheet scanner finds a cell's r, t and s attributes in the pass that finds the end of its tag.
 * Attributes in any order, names that end or begin with those letters, and the spellings read
 * attribute by attribute (single quotes, spaces around "=") must all give the same cells.
 */
import type { RawCell } from "../../src/core/text/cell";
import { readSheetCells } from "../../src/workbook/xlsx/sheet-cells";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function cells(sheetData: string): Array<[string, RawCell]> {
  const out: Array<[string, RawCell]> = [];
  const xml = `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`;
  readSheetCells(
    xml,
    "xl/worksheets/sheet1.xml",
    { sharedStrings: ["chung", "thứ hai"], dateStyles: [false, false, true], date1904: false },
    { wants: () => true, visit: (row, col, value) => out.push([`${row}:${col}`, value]) },
  );
  return out;
}

const EXPECTED: Array<[string, RawCell]> = [
  ["2:2", "Có"],
  ["2:3", "chung"],
  ["2:4", new Date(Date.UTC(1970, 7, 11))],
  ["2:5", 7],
];

describe("a cell's attributes, however they are written", () => {
  it.each([
    [
      "r, s, t in the usual order",
      '<row r="2"><c r="B2" t="str"><v>Có</v></c><c r="C2" t="s"><v>0</v></c><c r="D2" s="2"><v>25791</v></c><c r="E2"><v>7</v></c></row>',
    ],
    [
      "t and s before r",
      '<row r="2"><c t="str" r="B2"><v>Có</v></c><c s="1" t="s" r="C2"><v>0</v></c><c s="2" r="D2"><v>25791</v></c><c r="E2" s="0"><v>7</v></c></row>',
    ],
    [
      "look-alike attribute names (xr, st, ts, rs) that are none of them",
      '<row xr="9" r="2"><c xr="Z9" r="B2" st="e" t="str"><v>Có</v></c><c ts="2" r="C2" t="s" rs="x"><v>0</v></c><c r="D2" xs="1" s="2"><v>25791</v></c><c r="E2" xt="str"><v>7</v></c></row>',
    ],
    [
      "single quotes and spaces around = (read attribute by attribute)",
      "<row r='2'><c r = \"B2\" t='str'><v>Có</v></c><c r='C2' t='s'><v>0</v></c><c r=\"D2\" s = '2'><v>25791</v></c><c r='E2'><v>7</v></c></row>",
    ],
    [
      "cells without r, in order after the row's first",
      '<row r="2"><c r="B2" t="str"><v>Có</v></c><c t="s"><v>0</v></c><c s="2"><v>25791</v></c><c><v>7</v></c></row>',
    ],
  ])("%s", (_label, sheetData) => {
    expect(cells(sheetData)).toEqual(EXPECTED);
  });

  it("a comment in a cell that holds an end tag does not end the cell; markup in a value is not a plain value", () => {
    expect(
      cells(
        '<row r="2"><c r="B2" t="str"><v>Có</v><!-- </c> --></c><c r="C2" t="s"><!-- 1 --><v>0</v></c><c r="D2" s="2"><v>25791</v><?pi </c>?></c><c r="E2"><v>7</v></c></row>',
      ),
    ).toEqual(EXPECTED);
  });

  it("numbers read as Number() reads their text, whether or not they are plain digits", () => {
    const texts = ["7", "007", "-0", "-12", "1234567890123456789", "12.5", "1e3", " 12", "-", "x1", "&#49;2"];
    const row = texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`).join("");
    const read = cells(`<row r="1">${row}</row>`).map(([, v]) => v);
    expect(read).toEqual([
      7,
      7,
      -0,
      -12,
      Number("1234567890123456789"),
      12.5,
      1000,
      12,
      { error: "#GIÁ TRỊ (-)" },
      { error: "#GIÁ TRỊ (x1)" },
      12,
    ]);
    expect(Object.is(read[2], -0)).toBe(true);
  });

  it("the first of a repeated attribute counts, as a search from the start of the tag finds it", () => {
    expect(cells('<row r="3"><c r="B3" t="str" t="s"><v>Có</v></c></row>')).toEqual([["3:2", "Có"]]);
  });

  it("an unknown type is kept as written, not taken for one it resembles", () => {
    expect(cells('<row r="1"><c r="A1" t="strx"><v>5</v></c><c r="B1" t=""><v>6</v></c></row>')).toEqual([
      ["1:1", 5],
      ["1:2", 6],
    ]);
  });
});

describe("date cells no date can be", () => {
  it('a date-styled number beyond any date stays the number; a t="d" text that is no date stays text', () => {
    expect(
      cells('<row r="2"><c r="B2" s="2"><v>1e12</v></c><c r="C2" s="2"><v>-1e12</v></c><c r="D2" t="d"><v>hôm qua</v></c></row>'),
    ).toEqual([
      ["2:2", 1e12],
      ["2:3", -1e12],
      ["2:4", "hôm qua"],
    ]);
  });

  it("dates within range are still dates", () => {
    expect(cells('<row r="2"><c r="B2" s="2"><v>2958465</v></c><c r="C2" t="d"><v>1964-03-15</v></c></row>')).toEqual([
      ["2:2", new Date(Date.UTC(9999, 11, 31))],
      ["2:3", new Date(Date.UTC(1964, 2, 15))],
    ]);
  });
});

describe("shared string indexes", () => {
  it("are read as Number() reads their text, in place or not", () => {
    const texts = ["0", "00", " 0", "0.0", "&#48;", "", "1"];
    const row = texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${t}</v></c>`).join("");
    const read = cells(`<row r="1">${row}</row>`).map(([, v]) => v);
    expect(read).toEqual(["chung", "chung", "chung", "chung", "chung", "chung", "thứ hai"]);
  });

  it("an index the table lacks, or one written otherwise than digits, is a damaged file", () => {
    for (const v of ["2", "x", "1234567890"])
      expect(() => cells(`<row r="1"><c r="A1" t="s"><v>${v}</v></c></row>`)).toThrow(/ô chữ trỏ tới chuỗi dùng chung số/);
  });
});

describe('texts written in the cell (t="str"), read once per column where they repeat', () => {
  /** A column B of `texts`, one per row, as we and some producers write text without the shared table. */
  const column = (texts: readonly string[]) =>
    cells(texts.map((t, i) => `<row r="${i + 1}"><c r="B${i + 1}" t="str"><v>${t}</v></c></row>`).join("")).map(([, v]) => v);

  it("a repeated text reads as its first reading did: entities, _xHHHH_ escapes, decomposed marks", () => {
    const written = ["Thôn Đông", "A &amp; B", "x_x000D_y", "Ho\u0300a", "A &amp; B", "Thôn Đông", "x_x000D_y", "Ho\u0300a"];
    expect(column(written)).toEqual(["Thôn Đông", "A & B", "x\ry", "Hòa", "A & B", "Thôn Đông", "x\ry", "Hòa"]);
  });

  it("texts of the same length are told apart, and a text that begins another is not taken for it", () => {
    expect(column(["Có", "Cô", "Có", "Cô", "Thôn", "Thôn A", "Thôn", "Thôn A"])).toEqual([
      "Có",
      "Cô",
      "Có",
      "Cô",
      "Thôn",
      "Thôn A",
      "Thôn",
      "Thôn A",
    ]);
  });

  it("a column of different texts (names) is read right before and after it stops being looked at", () => {
    const names = Array.from({ length: 300 }, (_, i) => `Người số ${i} &amp; ${i % 7}`);
    expect(column(names)).toEqual(names.map((n) => n.replace("&amp;", "&")));
  });

  it("a column with more repeated texts than are kept reads every one", () => {
    const villages = Array.from({ length: 600 }, (_, i) => `Thôn ${i % 45}`);
    expect(column(villages)).toEqual(villages);
  });

  it("columns keep their own texts: the same text in two columns, different texts at the same place", () => {
    const rows = Array.from(
      { length: 100 },
      (_, i) =>
        `<row r="${i + 1}"><c r="B${i + 1}" t="str"><v>Nam</v></c><c r="C${i + 1}" t="str"><v>${i % 2 ? "Nam" : "Nữ"}</v></c></row>`,
    );
    const read = cells(rows.join(""));
    expect(read.filter(([at]) => at.endsWith(":2")).every(([, v]) => v === "Nam")).toBe(true);
    expect(read.filter(([at]) => at.endsWith(":3")).map(([, v]) => v)).toEqual(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? "Nam" : "Nữ")),
    );
  });
});

describe("tags read attribute by attribute, and those left to the character-by-character reading", () => {
  const one = (tagText: string, value = "<v>Có</v>") => cells(`<row r="2">${tagText}${value}</c></row>`);

  it("reads the usual spellings, other attributes (with spaces, quotes of the other kind, '>') passed over", () => {
    expect(one('<c r="B2" t="str">')).toEqual([["2:2", "Có"]]);
    expect(one('<c r="B2" xr:uid="{A B}" t="str">')).toEqual([["2:2", "Có"]]);
    expect(one('<c r="B2" note="a>b \'c\'" t="str">')).toEqual([["2:2", "Có"]]);
    expect(one('<c s="2" r="D2">', "<v>25791</v>")).toEqual([["2:4", new Date(Date.UTC(1970, 7, 11))]]);
    expect(cells('<row r="2"><c r="B2" s="2"/><c r="C2" t="str"><v>x</v></c></row>')).toEqual([
      ["2:2", null],
      ["2:3", "x"],
    ]);
  });

  it("gives the same cells when the spelling is unusual: no space between attributes, tabs, entities, a repeated attribute", () => {
    // No space before t: the character-by-character reading does not see t, as before; the cell is a number.
    expect(one('<c r="B2"t="str">', "<v>7</v>")).toEqual([["2:2", 7]]);
    expect(one('<c\tr="B2"\tt="str">')).toEqual([["2:2", "Có"]]);
    expect(one('<c r="B&#50;" t="str">')).toEqual([["2:2", "Có"]]);
    expect(one('<c r="B2" t="str" t="n">')).toEqual([["2:2", "Có"]]);
    expect(one('<c r="B2" t = "str">')).toEqual([["2:2", "Có"]]);
  });

  it("a tag never closed is a damaged part", () => {
    expect(() => cells('<row r="2"><c r="B2" t="str')).toThrow(/unclosed/);
  });
});
