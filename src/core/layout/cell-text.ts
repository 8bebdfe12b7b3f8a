import type { CellSpec } from "./sheet";

/** Excel holds at most 32 767 characters in a cell; a longer text makes Excel "repair" the file. */
export const MAX_CELL_TEXT = 32_767;

const MORE = "…";

/**
 * A row whose texts all fit in a cell. A longer text is cut, ending with "…", and the rest follows
 * in the cells after the row's last one, each cut the same way, so nothing is lost. A formula's
 * cached text is only cut: recalculating gives the formula's own result anyway.
 */
export function fitRowTexts(row: ReadonlyArray<CellSpec | null>): ReadonlyArray<CellSpec | null> {
  if (!row.some((c) => c !== null && typeof c.value === "string" && c.value.length > MAX_CELL_TEXT)) return row;
  const out = [...row];
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (!c || typeof c.value !== "string" || c.value.length <= MAX_CELL_TEXT) continue;
    const pieces = cutText(c.value);
    out[i] = { ...c, value: pieces[0]! };
    if (c.formula === undefined) for (const p of pieces.slice(1)) out.push({ value: p, ...(c.style ? { style: c.style } : {}) });
  }
  return out;
}

/** A text in pieces of at most MAX_CELL_TEXT characters, each but the last ending with "…"; no surrogate pair split. */
export function cutText(text: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > MAX_CELL_TEXT) {
    let at = MAX_CELL_TEXT - MORE.length;
    const code = rest.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) at--; // keep a character outside the BMP whole
    pieces.push(rest.slice(0, at) + MORE);
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}
