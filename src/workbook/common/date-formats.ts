/*
 * Dates as Excel keeps them: a serial number shown through a date format. Shared by every adapter
 * that reads cells, so a birth date reads the same from a file as from the live workbook.
 */

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

const DAY_MS = 86_400_000;

// Computed once: a roster's birth dates are tens of thousands of calls.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An Excel serial date as a UTC date. The 1900 system counts from 1899-12-30 for every serial from
 * 61 on (Excel's phantom 29/02/1900 makes earlier serials a day off, irrelevant for birth dates).
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS));
}
