/*
 * A cell PLAIN_CELL recognises (src/workbook/xlsx/plain-cell.ts) reads as the scanner reads it: the
 * same sheet, written once without a namespace prefix (recognised where it can be) and once with one
 * (the recogniser steps aside, the scanner reads every cell), gives the same cells.
 */
import type { RawCell } from "../../src/core/text/cell";
import { byteString } from "../../src/workbook/xlsx/byte-text";
import { PLAIN_CELL } from "../../src/workbook/xlsx/plain-cell";
import { readSheetCells } from "../../src/workbook/xlsx/sheet-cells";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const ctx = { sharedStrings: ["chung", "Thôn Đông"], dateStyles: [false, false, true], date1904: false };

/** The cells of `rows` (written without a prefix) read as they stand, or with every element under the prefix x:. */
function read(rows: string, prefixed: boolean, bytes: boolean): Array<[string, RawCell]> {
  const data = prefixed ? rows.replace(/<(\/?)(row|c|v|f|is|t|r)\b/g, "<$1x:$2") : rows;
  const root = prefixed
    ? `<x:worksheet xmlns:x="${NS}"><x:sheetData>${data}</x:sheetData></x:worksheet>`
    : `<worksheet xmlns="${NS}"><sheetData>${data}</sheetData></worksheet>`;
  const encoded = new TextEncoder().encode(`<?xml version="1.0"?>${root}`);
  const xml = bytes ? byteString(encoded)! : new TextDecoder().decode(encoded);
  const out: Array<[string, RawCell]> = [];
  readSheetCells(
    xml,
    "xl/worksheets/sheet1.xml",
    ctx,
    { wants: () => true, visit: (r, c, v) => out.push([`${r}:${c}`, v]) },
    bytes ? "bytes" : "text",
  );
  return out;
}

const ROWS = [
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" t="str"><v>Nguyễn Văn A</v></c><c r="D1" s="2"><v>25791</v></c></row>',
  '<row r="2"><c r="A2"><v>7</v></c><c r="B2" s="1"><v>-1.5e3</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="n"><v></v></c></row>',
  '<row r="3"><c r="A3" s="2"/><c r="B3" t="str"/><c r="C3" t="str"></c><c r="D3" t="str"><v>x_x000D_y</v></c><c r="E3" t="str"><v> khoảng trắng </v></c></row>',
  // Not recognised (the scanner reads them): t before s, an entity, a formula, an inline string, a comment, a date type.
  '<row r="4"><c r="A4" t="str" s="1"><v>Có</v></c><c r="B4" t="str"><v>A &amp; B</v></c><c r="C4" t="str"><f>A1</f><v>Có</v></c><c r="D4" t="inlineStr"><is><t>Hồ</t></is></c><c r="E4"><v>1</v><!-- c --></c><c r="F4" t="d"><v>1964-03-15</v></c></row>',
  // Repeated texts in a column, then a cell without r, a row without r.
  ...Array.from(
    { length: 40 },
    (_, i) => `<row r="${i + 5}"><c r="A${i + 5}" t="str"><v>${i % 2 ? "Nam" : "Nữ"}</v></c><c t="str"><v>Người ${i}</v></c></row>`,
  ),
  '<row><c r="A45" t="str"><v>cuối</v></c></row>',
].join("");

describe("a cell the recogniser reads", () => {
  it.each([
    ["as text", false],
    ["as bytes", true],
  ])("reads as the scanner reads it (%s)", (_label, bytes) => {
    const recognised = read(ROWS, false, bytes);
    expect(recognised).toEqual(read(ROWS, true, bytes));
    expect(recognised).toContainEqual(["1:3", "Nguyễn Văn A"]);
    expect(recognised).toContainEqual(["4:2", "A & B"]);
    expect(recognised.length).toBeGreaterThan(90);
  });

  it("matches the usual spellings and none of the others", () => {
    const matches = (cell: string) => {
      PLAIN_CELL.lastIndex = 0;
      return PLAIN_CELL.exec(cell) !== null;
    };
    for (const c of [
      '<c r="A1"><v>1</v></c>',
      '<c r="XFD1048576" s="12" t="str"><v>Thôn</v></c>',
      '<c r="B2" s="2"/>',
      '<c r="B2" t="s"></c>',
    ])
      expect(matches(c)).toBe(true);
    for (const c of [
      '<c r="A1" t="str" s="1"><v>x</v></c>',
      '<c r="A1"><v>A &amp; B</v></c>',
      '<c r="A1"><f>B1</f><v>2</v></c>',
      '<c r="A01"><v>1</v></c>',
      '<c r="A1" t="inlineStr"><is><t>x</t></is></c>',
      "<c r='A1'><v>1</v></c>",
      '<c r="A1" ><v>1</v></c>',
      '<c r="a1"><v>1</v></c>',
      '<c r="A1"><v>1</v><!-- --></c>',
    ])
      expect(matches(c)).toBe(false);
  });
});
