import { nfc, singleSpaced } from "../text/fold";
import { memoized } from "../text/memo";
import { detectLegacy, type LegacyText } from "../text/legacy";
import type { RawCell } from "../text/cell";

/** A text cell as it was meant: NFC, and TCVN3 / VNI text converted, so labels still match. */
export function readable(v: RawCell): string | undefined {
  if (typeof v !== "string") return undefined;
  const t = nfc(v);
  return detectLegacy(t)?.converted ?? t;
}

/** Lower case, marks and đ folded away, spacing collapsed; digits and punctuation kept ("đạt: 11/11" → "dat: 11/11"). */
export function loose(s: string): string {
  return looseOfNfc(nfc(s));
}

/** `loose` of a text already in NFC: not normalized again. */
function looseOfNfc(n: string): string {
  // Names and labels are single-spaced: each word folded once (a roster's 20 000 names share a few
  // hundred words). Marks, đ and case act within a word, so the result is the same.
  if (singleSpaced(n)) {
    const words = n.split(" ").map(looseWord);
    if (!words.includes("")) return words.join(" ");
  }
  return looseWhole(n);
}

const looseWord = memoized(looseWhole);

function looseWhole(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/** "2.335" or "2335" as written in a report; undefined for anything else. */
export function typedCount(s: string): bigint | undefined {
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d+$/.test(s)) return BigInt(s.replace(/\./g, ""));
  return undefined;
}

export type GridTexts = {
  /** Each text cell as meant (legacy encodings converted); undefined for other cells. */
  readable: Array<Array<string | undefined>>;
  /** The same, folded by `loose`. */
  loose: Array<Array<string | undefined>>;
  /** The text cells typed in a legacy encoding (detectLegacy of the cell as read), row by row: 0-based row and column. */
  legacy: Array<{ row: number; col: number; text: string; legacy: LegacyText }>;
};

const CACHE = new WeakMap<object, GridTexts>();

/** The texts of a grid, converted and folded once however many checks read them. */
export function textsOf(grid: { rows: ReadonlyArray<ReadonlyArray<RawCell>> }): GridTexts {
  const hit = CACHE.get(grid);
  if (hit) return hit;
  // A roster repeats its villages, yes/no words and many names: each distinct text is worked out once.
  const known = new Map<string, { readable: string; loose: string; legacy: LegacyText | undefined }>();
  const looseOf = new Map<string, string>();
  const legacyCells: GridTexts["legacy"] = [];
  const r: Array<Array<string | undefined>> = new Array(grid.rows.length);
  const l: Array<Array<string | undefined>> = new Array(grid.rows.length);
  grid.rows.forEach((row, ri) => {
    const rr: Array<string | undefined> = new Array(row.length);
    const lr: Array<string | undefined> = new Array(row.length);
    for (let ci = 0; ci < row.length; ci++) {
      const c = row[ci];
      if (typeof c !== "string") continue;
      let k = known.get(c);
      if (k === undefined) {
        const n = nfc(c);
        const legacy = detectLegacy(n);
        const t = legacy?.converted ?? n;
        let f = looseOf.get(t);
        // The text as read, in NFC, is folded as it is; a converted legacy text is normalized first.
        if (f === undefined) looseOf.set(t, (f = legacy ? loose(t) : looseOfNfc(t)));
        // The encoding check looks at the text as typed: the same detection unless NFC changed it.
        known.set(c, (k = { readable: t, loose: f, legacy: n === c ? legacy : detectLegacy(c) }));
      }
      rr[ci] = k.readable;
      lr[ci] = k.loose;
      if (k.legacy) legacyCells.push({ row: ri, col: ci, text: c, legacy: k.legacy });
    }
    r[ri] = rr;
    l[ri] = lr;
  });
  const out = { readable: r, loose: l, legacy: legacyCells };
  CACHE.set(grid, out);
  return out;
}
