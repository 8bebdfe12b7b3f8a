import { excelSerialToDate, isDateFormatCode } from "../common/date-formats";
import { attr, parseXml } from "./xml";

export { excelSerialToDate };

/**
 * A number under a date style, as the date it shows; a number too large or small for any date
 * (1e12: Excel shows ####) stays the number, so it is refused as an impossible figure naming its cell
 * instead of becoming an invalid Date that nothing can print.
 */
export function dateStyledValue(serial: number, date1904: boolean): Date | number {
  const d = excelSerialToDate(serial, date1904);
  return Number.isNaN(d.getTime()) ? serial : d;
}

/** A t="d" cell's ISO text as a Date; text that is no date stays text, to be refused where it is read. */
export function isoDateValue(v: string): Date | string {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d;
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the CJK date ids).
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

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
