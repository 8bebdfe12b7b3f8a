import type { RawCell } from "../../core/text/cell";

/**
 * The texts of a column's t="str" cells (texts written in the cell, not in the shared table, as we and
 * some producers write them), as written and as read. A column of villages, sexes or yes/no answers
 * repeats a few texts through 20 000 rows: each is then read once and one string is shared by its rows,
 * rather than a string sliced, decoded and kept per cell (a roster's live rows were most of the work of
 * the garbage collector, and its lookups by text now find the string already hashed). A column of names
 * repeats nothing and is no longer looked at once its misses outnumber its hits.
 */
export type ColumnTexts = { written: string[]; read: string[]; hits: number; misses: number; look: boolean };

/** The texts kept per column: a commune's villages fit, and a miss costs a length comparison each. */
const COLUMN_TEXTS = 32;
/** Misses before a column is judged: a roster's first rows may all differ. */
const JUDGE_AFTER = 64;

export const newColumnTexts = (): ColumnTexts => ({ written: [], read: [], hits: 0, misses: 0, look: true });

/** The text read before for the same written text at from..to, or undefined. */
export function seenText(xml: string, from: number, to: number, t: ColumnTexts): string | undefined {
  const length = to - from;
  const written = t.written;
  for (let i = 0; i < written.length; i++) {
    const w = written[i]!;
    if (w.length === length && xml.startsWith(w, from)) {
      t.hits++;
      return t.read[i];
    }
  }
  return undefined;
}

/** Keeps a text not seen before in its column (while there is room), and judges whether the column repeats. */
export function noteText(t: ColumnTexts, written: string, read: RawCell): void {
  if (typeof read !== "string") return;
  if (t.written.length < COLUMN_TEXTS) {
    t.written.push(written);
    t.read.push(read);
  }
  if (++t.misses >= JUDGE_AFTER && t.misses > t.hits) t.look = false;
}
