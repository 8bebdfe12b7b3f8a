import { VERDICT_TEXT, type IndicatorResult } from "../evaluate/result";
import { indicatorsOf } from "../ruleset/walk";
import type { RawCell } from "../text/cell";
import { gridRef, type FigureContext, type SheetGrid, type SheetsContext } from "./context";
import { loose, textsOf } from "./text";
import { problem, type CheckProblem } from "./types";

/*
 * "Đạt" typed for an indicator that does not pass, or "Chưa đạt" for one that does. Where the clerk
 * writes it: in the indicator's own row (a cell in the first three columns holds its code, another
 * cell says Đạt / Không đạt / Chưa đạt), or as in a written report, under a heading with its code
 * ("1.8. Tiêu chí số 1.8" … "c) Đánh giá: Đạt", within twelve rows). Cells the mapping reads (a yes/no
 * input typed "Đạt") and cells that repeat the requirement ("Đạt") are not verdicts.
 */

type Typed = "dat" | "khong-dat";
const WORDS = new Map<string, Typed>([
  ["dat", "dat"],
  ["khong dat", "khong-dat"],
  ["chua dat", "khong-dat"],
]);
const ASSESSMENT = /danh gia\s*:?\s*(khong dat|chua dat|dat)\b/;
const BLOCK = 12;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function checkTypedVerdicts(
  ctx: FigureContext,
  sheets: SheetsContext,
  isMapped: (sheet: string, row: number, col: number) => boolean,
): CheckProblem[] {
  const results = new Map(ctx.evaluation.indicators.map((r) => [r.code, r]));
  const codes = indicatorsOf(ctx.ruleset).map((l) => l.item);
  const headings = codes.map((ind) => ({
    ind,
    re: new RegExp(`^${escape(ind.code)}\\.?\\s|(?:tieu chi|chi tieu) so ${escape(ind.code)}(?![\\d.]\\d|\\d)`),
    requirement: ind.requirementText === undefined ? undefined : loose(ind.requirementText).replace(/\.$/, ""),
  }));
  // The first heading (in the ruleset's order) of each code: what `own` finds among a row's code cells.
  const byCode = new Map<string, number>();
  headings.forEach((h, i) => {
    if (!byCode.has(h.ind.code)) byCode.set(h.ind.code, i);
  });
  const starts = new Set([...byCode.keys()].map((code) => code[0] ?? ""));
  // The first heading a text names, -1 for none; asked of every text cell, so each distinct text is tried once.
  const headingIndex = new Map<string, number>();
  const codeStarts = new Set([...byCode.keys()].map((code) => code.charCodeAt(0)));
  const headingOf = (t: string): number => {
    // Neither starting as a code does nor saying "số": no heading, and no need to look the text up.
    if (!codeStarts.has(t.charCodeAt(0)) && !t.includes(" so ")) return -1;
    let i = headingIndex.get(t);
    if (i === undefined) {
      // A heading starts with its code or says "… số <code>": other texts are not tried against every pattern.
      i = t.length < 200 && /\d/.test(t) ? headings.findIndex((h) => (t.startsWith(h.ind.code) || t.includes(" so ")) && h.re.test(t)) : -1;
      headingIndex.set(t, i);
    }
    return i;
  };
  const out: CheckProblem[] = [];
  for (const grid of sheets.sheets) {
    let block: { heading: (typeof headings)[number]; row: number } | undefined;
    const all = textsOf(grid);
    grid.rows.forEach((row, ri) => {
      const r = ri + 1;
      const looseRow = all.loose[ri] ?? [];
      const own = ownHeading(row, byCode, headings, starts);
      // The row's heading is the ruleset's first one that any of its texts names: the least of each text's first.
      let first = -1;
      for (let ci = 0; ci < looseRow.length; ci++) {
        const t = looseRow[ci];
        const i = t === undefined ? -1 : headingOf(t);
        if (i >= 0 && (first < 0 || i < first)) first = i;
      }
      const heading = first < 0 ? undefined : headings[first];
      if (heading && !own) block = { heading, row: r };
      // A verdict is a word in an indicator's own row or an assessment in a heading's block: other rows hold none.
      const inBlock = block !== undefined && r - block.row <= BLOCK;
      if (!own && !inBlock) return;
      const texts = all.readable[ri] ?? [];
      row.forEach((_, ci) => {
        const t = texts[ci];
        const folded = looseRow[ci];
        if (t === undefined || folded === undefined) return;
        const l = folded.replace(/\.$/, "");
        let typed: Typed | undefined;
        let h: (typeof headings)[number] | undefined;
        if (own && WORDS.has(l) && l !== own.requirement) {
          typed = WORDS.get(l);
          h = own;
        } else if (inBlock) {
          const m = ASSESSMENT.exec(l);
          if (m) {
            typed = WORDS.get(m[1]!);
            h = block!.heading;
          }
        }
        const result = h && results.get(h.ind.code);
        // The mapping's own cells (a yes/no input typed "Đạt") are inputs, not verdicts: asked last, of the few candidates.
        if (!typed || !result || isMapped(grid.name, r, ci + 1)) return;
        const problemHere = mismatch(grid, r, ci + 1, t, typed, result);
        if (problemHere) out.push(problemHere);
      });
    });
  }
  return out;
}

/** The heading whose code stands in one of the row's first three cells; the ruleset's first when several do. */
function ownHeading<H>(
  row: readonly RawCell[],
  byCode: ReadonlyMap<string, number>,
  headings: readonly H[],
  starts: ReadonlySet<string>,
): H | undefined {
  let first = -1;
  for (let c = 0; c < 3 && c < row.length; c++) {
    const v = row[c] ?? null;
    // A text whose first character starts no code and is no space cannot be one: not trimmed (a roster's names).
    if (typeof v === "string" && v !== "" && !starts.has(v[0]!) && !/\s/.test(v[0]!)) continue;
    const code = codeCell(v);
    const i = code === undefined ? undefined : byCode.get(code);
    if (i !== undefined && (first < 0 || i < first)) first = i;
  }
  return first < 0 ? undefined : headings[first];
}

function codeCell(c: RawCell): string | undefined {
  if (typeof c === "string") return c.trim().replace(/\.$/, "");
  if (typeof c === "number") return String(c);
  return undefined;
}

function mismatch(grid: SheetGrid, row: number, col: number, text: string, typed: Typed, r: IndicatorResult): CheckProblem | undefined {
  if (r.verdict !== "dat" && r.verdict !== "khong-dat") return undefined;
  if (r.verdict === typed) return undefined;
  const ref = gridRef(grid, row, col);
  const figures = r.display !== undefined ? ` (kết quả ${r.display}, yêu cầu ${r.requirement})` : ` (yêu cầu ${r.requirement})`;
  const shortfall = r.shortfall ? `; ${r.shortfall.text}` : "";
  return problem(
    "typed-verdict-mismatch",
    `Ô ${ref} ghi "${text.trim()}" cho chỉ tiêu ${r.code} nhưng theo số liệu trong sổ tính chỉ tiêu này ${VERDICT_TEXT[r.verdict].toLowerCase()}${figures}${shortfall} — hãy sửa đánh giá thành "${VERDICT_TEXT[r.verdict]}".`,
    { ref, code: r.code, suggestion: VERDICT_TEXT[r.verdict] },
  );
}
