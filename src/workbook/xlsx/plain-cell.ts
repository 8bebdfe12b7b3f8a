/*
 * A cell as nearly every producer writes it, read by one sticky regular expression: `<c r="B2" s="8"
 * t="str"><v>…</v></c>`, attributes in that order, no entity or markup in the value. V8 compiles a
 * regular expression to machine code on its first use, while the scanner's own loop over a tag runs
 * unoptimised until the engine has watched it a while: on a 20 000-row roster read once, that was
 * half of the scan. Anything else the regular expression does not match, and the scanner reads it.
 */
import type { RawCell } from "../../core/text/cell";
import { noteText, seenWritten, type ColumnTexts } from "./column-texts";

export const PLAIN_CELL = /<c r="([A-Z]{1,3})([1-9]\d{0,6})"(?: s="(\d{1,9})")?(?: t="(s|str|n|b|e)")?(?:\/>|>(?:<v>([^<&]*)<\/v>)?<\/c>)/y;

/** The cell at `lt` matched by PLAIN_CELL (its groups: letters, row, style, type, value), or null. */
export function plainCellAt(xml: string, lt: number): RegExpExecArray | null {
  PLAIN_CELL.lastIndex = lt;
  return PLAIN_CELL.exec(xml);
}

/** "AB" → 28. */
export function columnOfLetters(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col;
}

/** A cell's value from its type, its written value (undefined for an empty cell) and its style. */
export type WrittenReader = (type: string, written: string | undefined, style: number) => RawCell;

/**
 * The value of a cell PLAIN_CELL matched, as the scanner reads the same cell: `read` decodes a type's
 * written value (undefined for an empty cell); a column's repeated texts are read once (column-texts.ts).
 */
export function plainValue(cell: RegExpExecArray, texts: ColumnTexts, read: WrittenReader): RawCell {
  const type = cell[4] ?? "n";
  const style = cell[3] === undefined ? 0 : Number(cell[3]);
  const written = cell[5];
  if (written === undefined || type !== "str" || !texts.look) return read(type, written, style);
  const seen = seenWritten(written, texts);
  if (seen !== undefined) return seen;
  const value = read(type, written, style);
  noteText(texts, written, value);
  return value;
}
