/*
 * The status sheet's formulas for the commune's situation: an indicator that does not apply (the
 * clerk's answer to its question, or "Không áp dụng" typed in its cell), and a share of none. They
 * wrap the verdict formula of the row, so the verdict follows the answer cell after recalculation.
 */
import type { AppliesIf, Comparator } from "../ruleset/schema";
import type { Rational } from "../evaluate/rational";
import { NOT_APPLICABLE_WORDS } from "../text/not-applicable";
import { str, V, yesNoDisplayExpr } from "./formulas";
import type { CellSpec } from "./sheet";

const KAD = V.kad;

/** Each word as typed composed and decomposed; "=" in a formula ignores case. */
function spellings(): string[] {
  return [...new Set(NOT_APPLICABLE_WORDS.flatMap((w) => [w.normalize("NFC"), w.normalize("NFD")]))];
}

/**
 * TRUE when a cell holds the clerk's "not applicable" as core/text reads it: a word alone, or a word
 * followed by ":" and a reason ("Không áp dụng: xã không có làng nghề").
 */
export function notApplicableWordExpr(cell: string): string {
  const t = `TRIM(SUBSTITUTE(${cell},UNICHAR(160)," "))`;
  const tests = spellings().flatMap((w) => {
    const whole = `${t}=${str(w)}`;
    // A reason may follow a word (never a lone dash): "KAD: …", "Không áp dụng (…)".
    if (w.length < 2) return [whole];
    return [whole, ...[":", " :", " (", "(", " -", " –", " —", ","].map((sep) => `LEFT(${t},${w.length + sep.length})=${str(w + sep)}`)];
  });
  return `IF(ISERROR(${cell}),FALSE,IF(ISNUMBER(${cell}),FALSE,OR(${tests.join(",")})))`;
}

/**
 * TRUE when the row does not apply: the question answered the other way (or "không có" typed there),
 * or, with the question blank, "Không áp dụng" typed in one of the row's answer cells.
 */
export function notApplicableExpr(spec: AppliesIf, questionRef: string | undefined, answerCells: readonly string[]): { na: string; bad?: string } | undefined {
  const typed = answerCells.length > 0 ? `OR(${answerCells.map(notApplicableWordExpr).join(",")})` : undefined;
  if (questionRef === undefined) return typed ? { na: typed } : undefined;
  const q = questionRef;
  const shown = yesNoDisplayExpr(q);
  const word = notApplicableWordExpr(q);
  const no = `OR(${shown}="Không",${word})`;
  const other = spec.answer ? no : `${shown}="Có"`;
  const blank = `IF(ISERROR(${q}),FALSE,${q}="")`;
  // An answer that is neither Có, Không nor "không có" is lỗi số liệu, as the engine says.
  const bad = `AND(${shown}="?",NOT(${word}))`;
  return { na: typed ? `OR(${other},AND(${blank},${typed}))` : other, bad };
}

/** Wraps a row's verdict cell: lỗi for an unreadable answer, the document's count when it does not apply, else the formula as it was. */
export function wrapNotApplicable(cell: CellSpec | null, test: { na: string; bad?: string }, spec: AppliesIf): CellSpec | null {
  if (!cell || cell.formula === undefined) return cell;
  const verdict = spec.otherwise === "excused" ? KAD : V.khong;
  const inner = `IF(${test.na},${verdict},${cell.formula})`;
  return { ...cell, formula: test.bad ? `IF(${test.bad},${V.loi},${inner})` : inner };
}

/** The result cell of a row that does not apply (or whose answer is unreadable) is blank, as the engine gives no result. */
export function blankWhen(cell: CellSpec | null, test: { na: string; bad?: string }): CellSpec | null {
  if (!cell || cell.formula === undefined) return cell;
  const when = test.bad ? `OR(${test.bad},${test.na})` : test.na;
  return { ...cell, formula: `IF(${when},"",${cell.formula})` };
}

/** A share of none (0/0) that the document reads as not applicable. */
export function wrapNone(cell: CellSpec | null, numerator: string, denominator: string): CellSpec | null {
  if (!cell || cell.formula === undefined) return cell;
  return { ...cell, formula: `IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator})),IF(AND(${numerator}=0,${denominator}=0),${KAD},${cell.formula}),${cell.formula})` };
}

/** What a measured amount (km, ha, tấn) must change by to pass n/d ⋄ p/q: p·d/q − n, or n − p·d/q. */
export function measuredShortfallExpr(n: string, d: string, t: Rational, c: Comparator): string | undefined {
  if (c === "=") return undefined;
  const need = `(${t.n}*${d}/${t.d})`;
  return c === ">=" || c === ">" ? `${need}-${n}` : `${n}-${need}`;
}
