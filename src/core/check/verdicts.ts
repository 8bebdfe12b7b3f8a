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
  const out: CheckProblem[] = [];
  for (const grid of sheets.sheets) {
    let block: { heading: (typeof headings)[number]; row: number } | undefined;
    const all = textsOf(grid);
    grid.rows.forEach((row, ri) => {
      const r = ri + 1;
      const texts = all.readable[ri] ?? [];
      const folded = (all.loose[ri] ?? []).filter((t): t is string => t !== undefined && t.length < 200 && /\d/.test(t));
      const codes = new Set(row.slice(0, 3).map(codeCell));
      const own = headings.find((h) => codes.has(h.ind.code));
      // A heading starts with its code or says "… số <code>": other texts are not tried against every pattern.
      const heading =
        folded.length === 0
          ? undefined
          : headings.find((h) => folded.some((t) => (t.startsWith(h.ind.code) || t.includes(" so ")) && h.re.test(t)));
      if (heading && !own) block = { heading, row: r };
      row.forEach((_, ci) => {
        const t = texts[ci];
        const folded = all.loose[ri]?.[ci];
        if (t === undefined || folded === undefined || isMapped(grid.name, r, ci + 1)) return;
        const l = folded.replace(/\.$/, "");
        let typed: Typed | undefined;
        let h: (typeof headings)[number] | undefined;
        if (own && WORDS.has(l) && l !== own.requirement) {
          typed = WORDS.get(l);
          h = own;
        } else if (block && r - block.row <= BLOCK) {
          const m = ASSESSMENT.exec(l);
          if (m) {
            typed = WORDS.get(m[1]!);
            h = block.heading;
          }
        }
        const result = h && results.get(h.ind.code);
        if (!typed || !result) return;
        const problemHere = mismatch(grid, r, ci + 1, t, typed, result);
        if (problemHere) out.push(problemHere);
      });
    });
  }
  return out;
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
