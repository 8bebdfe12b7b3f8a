import { attr, parseXml } from "./xml";

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the CJK date ids).
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True for a format code that shows a date: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h") // elapsed time [h] is a time
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which cell style indexes (the s attribute) show their number as a date. */
export function parseDateStyles(xml: string, part: string): boolean[] {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(xml, part, {
    open: (tag, name) => {
      if (name === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        custom.set(id, attr(tag, "formatCode") ?? "");
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfFormats.push(Number(attr(tag, "numFmtId") ?? "0"));
    },
    close: (_tag, name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id);
  });
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial date as a UTC date. The 1900 system counts from 1899-12-30 for every serial from
 * 61 on (Excel's phantom 29/02/1900 makes earlier serials a day off, irrelevant for birth dates).
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * DAY_MS));
}
