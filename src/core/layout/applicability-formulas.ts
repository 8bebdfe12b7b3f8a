/*
 * The status sheet's formulas for the commune's situation: an indicator that does not apply (the
 * clerk's answer to its question, or "Không áp dụng" typed in its cell), and a share of none. They
 * wrap the verdict formula of the row, so the verdict follows the answer cell after recalculation.
 * The answer and the typed words are read once, in two hidden helper cells of the row (N, O): the
 * word lists in every verdict formula would pass Excel's 8 192-character limit on a formula.
 */
import type { AppliesIf, Comparator } from "../ruleset/schema";
import type { Rational } from "../evaluate/rational";
import { NOT_APPLICABLE_WORDS } from "../text/vocabulary";
import { str, V, yesNoDisplayExpr } from "./formulas";
import { parseCell, type RawCell } from "../text/cell";
import type { CellSpec } from "./sheet";

const KAD = V.kad;

/** Each word as typed composed and decomposed; "=" in a formula ignores case. */
function spellings(): string[] {
  return [...new Set(NOT_APPLICABLE_WORDS.flatMap((w) => [w.normalize("NFC"), w.normalize("NFD")]))];
}

// What may stand between the word and a reason typed after it, as core/text reads it.
const SEPARATORS = `":;,(—–-"`;

/**
 * TRUE when a cell holds the clerk's "not applicable" as core/text reads it: a word alone, or a word
 * followed by a separator and a reason ("Không áp dụng: xã không có làng nghề"). A dash counts only alone.
 */
export function notApplicableWordExpr(cell: string): string {
  const t = `TRIM(SUBSTITUTE(${cell},UNICHAR(160)," "))`;
  const tests = spellings().map((w) =>
    // FIND of an empty text is an error in LibreOffice: the word alone is tested by equality.
    w.length < 2
      ? `${t}=${str(w)}`
      : `OR(${t}=${str(w)},AND(LEFT(${t},${w.length})=${str(w)},ISNUMBER(FIND(LEFT(TRIM(MID(${t},${w.length + 1},255)),1),${SEPARATORS}))))`,
  );
  return `IF(ISERROR(${cell}),FALSE,IF(ISNUMBER(${cell}),FALSE,OR(${tests.join(",")})))`;
}

/**
 * The answer to an applicability question as the engine reads it, in a helper cell: "Có", "Không"
 * ("không có" typed there counts as Không), "" blank, "?" unreadable.
 */
export function questionStateExpr(q: string): string {
  return `IF(ISERROR(${q}),"?",IF(${q}="","",IF(${notApplicableWordExpr(q)},"Không",${yesNoDisplayExpr(q)})))`;
}

/** TRUE when "Không áp dụng" is typed in one of the row's answer cells, in a helper cell. */
export function typedNotApplicableExpr(cells: readonly string[]): string {
  return cells.length === 0 ? "FALSE" : `OR(${cells.map(notApplicableWordExpr).join(",")})`;
}

/** The helper cells' values as the engine read the inputs, cached beside their formulas. */
export function questionStateCached(raw: RawCell): string {
  const i = parseCell(raw ?? null, "yes-no");
  return i.kind === "bool" ? (i.value ? "Có" : "Không") : i.kind === "not-applicable" ? "Không" : i.kind === "missing" ? "" : "?";
}

/**
 * The test that a row does not apply: the question answered the other way, or (unanswered) the
 * words typed in its cells; and the test that its answer is unreadable (lỗi số liệu).
 */
export function situationTests(
  spec: AppliesIf,
  question: string | undefined,
  typed: string | undefined,
): { na: string; bad?: string } | undefined {
  const other = spec.answer ? `"Không"` : `"Có"`;
  if (question === undefined) return typed === undefined ? undefined : { na: typed };
  const na = typed === undefined ? `${question}=${other}` : `OR(${question}=${other},AND(${question}="",${typed}))`;
  return { na, bad: `${question}="?"` };
}

/** Wraps a row's verdict cell: lỗi for an unreadable answer, the document's count when it does not apply, else the formula as it was. */
export function wrapNotApplicable(cell: CellSpec | null, test: { na: string; bad?: string }, spec: AppliesIf): CellSpec | null {
  if (!cell || cell.formula === undefined) return cell;
  const verdict = spec.otherwise === "excused" ? KAD : V.khong;
  const inner = `IF(${test.na},${verdict},${cell.formula})`;
  return { ...cell, formula: test.bad ? `IF(${test.bad},${V.loi},${inner})` : inner };
}

/** The result cell of a row that does not apply is blank; with an unreadable answer it shows what the engine shows. */
export function blankWhen(cell: CellSpec | null, test: { na: string; bad?: string }, badShown: string): CellSpec | null {
  if (!cell || cell.formula === undefined) return cell;
  const inner = `IF(${test.na},"",${cell.formula})`;
  return { ...cell, formula: test.bad ? `IF(${test.bad},${badShown},${inner})` : inner };
}

/** A share of none (0/0) that the document reads as not applicable. */
export function wrapNone(cell: CellSpec | null, numerator: string, denominator: string, notMet: boolean): CellSpec | null {
  return noneIs(cell, numerator, denominator, notMet ? V.khong : KAD);
}

/** The shortfall of a share of none is blank: nothing can be added to none. */
export function blankWhenNone(cell: CellSpec | null, numerator: string, denominator: string): CellSpec | null {
  return noneIs(cell, numerator, denominator, `""`);
}

function noneIs(cell: CellSpec | null, numerator: string, denominator: string, value: string): CellSpec | null {
  if (!cell || cell.formula === undefined) return cell;
  return {
    ...cell,
    formula: `IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator})),IF(AND(${numerator}=0,${denominator}=0),${value},${cell.formula}),${cell.formula})`,
  };
}

/** What a measured amount (km, ha, tấn) must change by to pass n/d ⋄ p/q: p·d/q − n, or n − p·d/q. */
export function measuredShortfallExpr(
  numerator: string,
  denominator: string,
  threshold: Rational,
  comparator: Comparator,
): string | undefined {
  if (comparator === "=") return undefined;
  const need = `(${threshold.n}*${denominator}/${threshold.d})`;
  return comparator === ">=" || comparator === ">" ? `${need}-${numerator}` : `${numerator}-${need}`;
}
