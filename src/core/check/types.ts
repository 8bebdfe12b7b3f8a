import type { Severity } from "../evaluate/result";

/**
 * The built-in checks, each with its importance: lỗi blocks sending (the receiving level would send
 * the file back), cảnh báo asks the clerk to look. A data rule's problem has the id "rule:<its id>"
 * and the importance its rule file gives.
 */
export const BUILT_IN_CHECKS = {
  /** No mapping in the workbook and none given: the figures cannot be checked. */
  "no-mapping": "loi",
  /** The mapping names a ruleset we do not have. */
  "unknown-ruleset": "loi",
  /** The mapping names an indicator, slot, name or cell the ruleset or workbook lacks. */
  "mapping-invalid": "loi",
  /** A required input is not mapped to any cell. */
  "missing-input": "loi",
  /** A required input is mapped to a cell (or name) that is blank. */
  "mapping-blank": "loi",
  /** An input that is not what its slot needs: text, negative, #REF!, a date, a ratio above 100%. */
  "invalid-input": "loi",
  /** A figure typed as text that the status sheet's formulas cannot read ("58,6%" as text). */
  "figure-as-text": "canh-bao",
  /** A year-dependent threshold and no report date. */
  "as-of-missing": "loi",
  /** A share whose numerator exceeds its denominator. */
  "numerator-exceeds-denominator": "loi",
  /** A ratio with a denominator of zero. */
  "zero-denominator": "loi",
  /** The same population (ruleset `population`) given different values for different indicators. */
  "population-mismatch": "loi",
  /** An appendix list whose count differs from its indicator's numerator. */
  "list-count-mismatch": "loi",
  /**
   * What building the appendix lists from the rosters found — a person entered twice, an unreadable
   * cell, a list that disagrees with its figure — word for word as the Phụ lục view says it. Its
   * importance is the finding's own (a lỗi or a cảnh báo); this is the default.
   */
  "appendix-list": "loi",
  /** An attached Phụ lục sheet whose total is not what the rosters give now: it was made before a change. */
  "list-sheet-stale": "loi",
  /** A ratio whose rounded display suggests the other verdict (84,997% shows 85,0% and fails ≥ 85%). */
  "display-threshold": "canh-bao",
  /** The status sheet shows figures (or a date, or verdicts) other than the workbook's current ones. */
  "stale-status": "loi",
  /** A mapped input, the mapping, the ruleset or the report date changed since the status sheet was written (its stored fingerprint). */
  "status-changed": "loi",
  /** A verdict cell of our status sheet written as a formula now holds a typed value. */
  "typed-over-verdict": "loi",
  /** A typed group summary "a/b" whose a disagrees with the verdicts. */
  "summary-passed-mismatch": "loi",
  /** A typed group summary "a/b" whose b is not the number of items in the group. */
  "summary-total-mismatch": "loi",
  /** A typed summary that contradicts itself: "8/8 đạt" beside "01 đang triển khai". */
  "summary-contradiction": "loi",
  /** "Đạt" typed beside an indicator that does not pass (or the reverse). */
  "typed-verdict-mismatch": "loi",
  /** A typed "a/b … p%" whose p is not a/b rounded half-up (71.8% for 2865/3986 = 71,88%). */
  "typed-percent-rounding": "loi",
  /** A typed "a/b" share above 100% ("44956/5022 … 898.7%"). */
  "typed-share-over-100": "loi",
  /** A column of citizen-ID or bank-account numbers in a sheet that travels with the file. */
  "personal-id-column": "loi",
  /** A condition cell that disagrees with the figure it restates (5.2's number of schools against the schools counted in 5.1/5.2). */
  "condition-mismatch": "loi",
  /** "Không áp dụng" (or the question answered so) while a figure of the same indicator says otherwise. */
  "not-applicable-contradiction": "canh-bao",
  /** Text typed in TCVN3 (.VnTime) or VNI: gibberish without the font, and unmatched by labels. */
  "legacy-encoding": "canh-bao",
} as const satisfies Record<string, Severity>;

export type BuiltInCheckId = keyof typeof BUILT_IN_CHECKS;
export type CheckId = BuiltInCheckId | `rule:${string}`;

/** One problem the receiving level would send back, with what to do and where. */
export type CheckProblem = {
  checkId: CheckId;
  severity: Severity;
  /** Vietnamese; says what is wrong and what to do. */
  message: string;
  /** The cell ('Số liệu'!B3), range, defined name or JSON path it concerns; a click selects it. */
  ref?: string;
  /** The indicator (or group) code it concerns. */
  code?: string;
  /** Text to put in the cell instead, where the check knows it (the Unicode of a TCVN3 text). */
  suggestion?: string;
};

export type CheckCounts = { loi: number; canhBao: number };

export function problem(
  checkId: BuiltInCheckId,
  message: string,
  extra: { ref?: string | undefined; code?: string | undefined; suggestion?: string | undefined } = {},
): CheckProblem {
  const p: CheckProblem = { checkId, severity: BUILT_IN_CHECKS[checkId], message };
  if (extra.ref !== undefined) p.ref = extra.ref;
  if (extra.code !== undefined) p.code = extra.code;
  if (extra.suggestion !== undefined) p.suggestion = extra.suggestion;
  return p;
}

export function countProblems(problems: readonly CheckProblem[]): CheckCounts {
  let loi = 0;
  for (const p of problems) if (p.severity === "loi") loi++;
  return { loi, canhBao: problems.length - loi };
}

/** lỗi first, then in the order found; the same problem twice is kept once. */
export function orderProblems(problems: readonly CheckProblem[]): CheckProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.checkId}\u0000${p.ref ?? ""}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...unique.filter((p) => p.severity === "loi"), ...unique.filter((p) => p.severity !== "loi")];
}
