import type { FigureContext, SheetsContext } from "./context";
import { checkEncodings } from "./encoding";
import { checkInputs } from "./inputs";
import { checkListCounts } from "./lists";
import { checkPersonalData } from "./personal";
import { checkPopulations } from "./population";
import { checkRules } from "./rules";
import { checkDisplayThreshold, checkShares } from "./shares";
import { checkStatusSheet } from "./status";
import { checkSummaries } from "./summaries";
import { checkTypedRatios } from "./typed-ratios";
import { countProblems, orderProblems, type CheckCounts, type CheckProblem } from "./types";
import { checkTypedVerdicts } from "./verdicts";
import { checkConditions, checkNotApplicableContradictions } from "./situation";

export type CheckResult = { problems: CheckProblem[]; counts: CheckCounts };

/** Cells the mapping reads, by sheet (lower-cased) then row and column: asked once per cell of every sheet, so no key strings. */
function mappedCells(figures: FigureContext | undefined): (sheet: string, row: number, col: number) => boolean {
  const bySheet = new Map<string, Set<number>>();
  for (const bySlot of Object.values(figures?.cells ?? {})) {
    for (const cell of Object.values(bySlot)) {
      const r = cell.range;
      if (!r) continue;
      const key = r.sheet.toLocaleLowerCase("vi");
      const set = bySheet.get(key) ?? new Set<number>();
      bySheet.set(key, set);
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) set.add(row * 20000 + col);
    }
  }
  if (bySheet.size === 0) return () => false;
  const lower = new Map<string, string>();
  return (sheet, row, col) => {
    let key = lower.get(sheet);
    if (key === undefined) lower.set(sheet, (key = sheet.toLocaleLowerCase("vi")));
    return bySheet.get(key)?.has(row * 20000 + col) ?? false;
  };
}

/**
 * Every check over what was read: the figure checks when the workbook could be evaluated, the sheet
 * checks (personal data, encodings, typed ratios) always. Pure: the app reads, this decides.
 */
export function runChecks(sheets: SheetsContext, figures?: FigureContext, earlier: readonly CheckProblem[] = []): CheckResult {
  const isMapped = mappedCells(figures);
  const found: CheckProblem[] = [...earlier];
  if (figures) {
    found.push(
      ...checkInputs(figures, sheets),
      ...checkShares(figures),
      ...checkPopulations(figures),
      ...checkListCounts(figures),
      ...checkRules(figures),
      ...checkDisplayThreshold(figures),
      ...checkStatusSheet(figures, sheets.status),
      ...checkSummaries(figures, sheets),
      ...checkTypedVerdicts(figures, sheets, isMapped),
      ...checkConditions(figures),
      ...checkNotApplicableContradictions(figures),
    );
  }
  found.push(...checkTypedRatios(sheets, isMapped), ...checkPersonalData(sheets), ...checkEncodings(sheets));
  const problems = orderProblems(found);
  return { problems, counts: countProblems(problems) };
}
