import type { SheetGrid } from "../../src/core/check/context";
import { checkPersonalData } from "../../src/core/check/personal";
import type { RawCell } from "../../src/core/text/cell";

const grid = (rows: RawCell[][]): SheetGrid => ({ name: "DS", visibility: "visible", rows });
const column = (values: RawCell[]): RawCell[][] => [["Họ và tên", "Ghi chú"], ...values.map((v, i): RawCell[] => [`Người ${i + 1}`, v])];

describe("CCCD-like values in a column without an ID header", () => {
  test.each<[string, RawCell[]]>([
    ["twelve digits from 0 as text", ["001234567890", "001234567891", "001234567892"]],
    ["with spaces, an apostrophe or dots, as typed", [" 001234567890", "'001234567891", "001.234.567.892"]],
    ["numbers whose leading zero Excel dropped (10 and 11 digits)", [1234567890, 12345678901, 9999999999]],
  ])("%s: the column is pointed out", (_, values) => {
    const [p] = checkPersonalData({ sheets: [grid(column(values))] });
    expect(p).toMatchObject({ checkId: "personal-id-column", ref: "DS!B2" });
  });

  test.each<[string, RawCell[]]>([
    ["twelve digits not from 0", ["101234567890", "101234567891", "101234567892"]],
    ["numbers of 9 or 12 digits, fractions, negatives", [999999999, 100000000000, 1234567890.5, -1234567890]],
    ["names and words", ["Nguyễn Văn An", "0 người", "Có"]],
  ])("%s: nothing said", (_, values) => {
    expect(checkPersonalData({ sheets: [grid(column(values))] })).toEqual([]);
  });
});
