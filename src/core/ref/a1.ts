/*
 * A1 references as Excel writes them: 'Số liệu'!$B$3, Data!B3:C10, B3. Pure text; no workbook here.
 */

export type RangeAddress = { sheet: string; top: number; left: number; bottom: number; right: number };

/** 1 → "A", 28 → "AB". */
export function columnName(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AB" → 28. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Quotes a sheet name when Excel would: 'Số liệu', 'It''s'. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Splits "'Số liệu'!$B$3" into sheet and the rest; the sheet is undefined when absent. */
export function splitSheet(ref: string): { sheet?: string; rest: string } {
  const t = ref.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(t);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), rest: quoted[2]! };
  const bare = /^([^!'\s]+)!(.*)$/.exec(t);
  if (bare) return { sheet: bare[1]!, rest: bare[2]! };
  return { rest: t };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B3" or "$B$3:$C$10" (no sheet) → corners, 1-based; undefined when it is not a cell reference. */
export function parseArea(text: string): Omit<RangeAddress, "sheet"> | undefined {
  const [a, b, extra] = text.split(":");
  if (extra !== undefined || a === undefined) return undefined;
  const m1 = CELL.exec(a);
  const m2 = b === undefined ? m1 : CELL.exec(b);
  if (!m1 || !m2) return undefined;
  const c1 = columnIndex(m1[1]!);
  const c2 = columnIndex(m2[1]!);
  const r1 = Number(m1[2]);
  const r2 = Number(m2[2]);
  if (c1 > 16384 || c2 > 16384 || r1 < 1 || r2 < 1 || r1 > 1048576 || r2 > 1048576) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** "'Số liệu'!$B$3" → a range; a reference without a sheet takes `defaultSheet`. */
export function parseRangeRef(ref: string, defaultSheet?: string): RangeAddress | undefined {
  const { sheet, rest } = splitSheet(ref);
  const s = sheet ?? defaultSheet;
  if (s === undefined) return undefined;
  const area = parseArea(rest);
  return area ? { sheet: s, ...area } : undefined;
}

/** A range as the clerk reads it: 'Số liệu'!B3 or 'Số liệu'!B3:C10. */
export function formatRange(r: RangeAddress, absolute = false): string {
  const d = absolute ? "$" : "";
  const tl = `${d}${columnName(r.left)}${d}${r.top}`;
  const br = `${d}${columnName(r.right)}${d}${r.bottom}`;
  return `${quoteSheet(r.sheet)}!${tl}${r.top === r.bottom && r.left === r.right ? "" : `:${br}`}`;
}

export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}
