/*
 * Excel formulas (en-US syntax) that say on the sheet what the engine says in code, so the status
 * sheet stays right when the clerk edits a figure. Counts are compared by cross-multiplying
 * integers (D·q ⋄ p·E for a threshold p/q), never by rounding a quotient.
 */
import type { Comparator } from "../ruleset/schema";
import { VERDICT_TEXT } from "../evaluate/result";
import type { ValueType } from "../evaluate/inputs";
import { NO_WORDS, SPACE_LIKE, YES_WORDS } from "../text/vocabulary";
import { MAX_COUNT } from "../text/number";
import type { Rational } from "../evaluate/rational";

export const V = {
  dat: `"${VERDICT_TEXT.dat}"`,
  khong: `"${VERDICT_TEXT["khong-dat"]}"`,
  thieu: `"${VERDICT_TEXT["thieu-so-lieu"]}"`,
  loi: `"${VERDICT_TEXT["loi-so-lieu"]}"`,
  tam: `"${VERDICT_TEXT["tam-dung"]}"`,
  kad: `"${VERDICT_TEXT["khong-ap-dung"]}"`,
};

const OP: Record<Comparator, string> = { ">=": ">=", ">": ">", "<=": "<=", "<": "<", "=": "=" };

/** A string literal for a formula: quotes doubled. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The cell's text with the characters the engine reads as spaces made spaces (vocabulary.ts), through
 * UNICHAR: LibreOffice's CHAR(160) is not the no-break space.
 */
function spaced(ref: string): string {
  return SPACE_LIKE.reduce((acc, ch) => `SUBSTITUTE(${acc},UNICHAR(${ch.charCodeAt(0)})," ")`, ref);
}

/**
 * The value of a mapped cell as the engine reads it: blank stays blank (a bare reference to an
 * empty cell would give 0), and a count typed as text grouped by dots or spaces ("3.986", "3 986")
 * is read as the number only when its grouping is exactly the canonical one, as core/text reads it;
 * any other text stays text (and is then lỗi số liệu).
 */
export function inputExpr(ref: string, type: ValueType): string {
  // Only spaces and control characters is blank for the engine too (isBlankText).
  const blank = `OR(ISBLANK(${ref}),TRIM(CLEAN(${spaced(ref)}))="")`;
  // TRUE in a figure's cell is an error for the engine; LibreOffice would count it as 1.
  const logical = (rest: string) => `IF(ISLOGICAL(${ref}),IF(${ref},"TRUE","FALSE"),${rest})`;
  if (type === "yes-no") return `IF(${blank},"",${ref})`;
  // A date in a figure's cell is refused by the engine ("là ngày tháng"): shown as a date, it is text
  // to the verdict, which is then lỗi số liệu as well. CELL("format") starts with D for every date format.
  const dated = (rest: string) =>
    `IF(AND(ISNUMBER(${ref}),LEFT(CELL("format",${ref}),1)="D"),"ngày "&DAY(${ref})&"/"&MONTH(${ref})&"/"&YEAR(${ref}),${rest})`;
  if (type !== "count") return logical(`IF(${blank},"",${dated(ref)})`);
  const t = `TRIM(${spaced(ref)})`;
  const v = `VALUE(SUBSTITUTE(SUBSTITUTE(${t},".","")," ",""))`;
  // FIXED groups with the locale's separator; turned into dots, then spaces, for the comparison.
  const dotted = `SUBSTITUTE(SUBSTITUTE(FIXED(${v},0,FALSE),",","."),UNICHAR(160),".")`;
  const grouped = `OR(${t}=FIXED(${v},0,TRUE),${t}=${dotted},${t}=SUBSTITUTE(${dotted},"."," "))`;
  return logical(`IF(${blank},"",${dated(`IF(ISNUMBER(${ref}),${ref},IF(${t}="","",IFERROR(IF(${grouped},${v},${ref}),${ref})))`)})`);
}

/** What inputExpr shows for a date, for the cached value beside it: the engine's dates are UTC days. */
export function dateShown(d: Date): string {
  return `ngày ${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

/** TRUE when a non-blank input cannot be what its slot needs (text, negative, a fraction of a person…). */
export function badExpr(cell: string, type: ValueType): string {
  switch (type) {
    case "count":
      return `IF(ISNUMBER(${cell}),OR(${cell}<0,${cell}<>INT(${cell}),${cell}>${MAX_COUNT}),${cell}<>"")`;
    case "number":
      return `IF(ISNUMBER(${cell}),${cell}<0,${cell}<>"")`;
    case "ratio":
      return `IF(ISNUMBER(${cell}),OR(${cell}<0,${cell}>1),${cell}<>"")`;
    case "yes-no":
      return "FALSE";
  }
}

export type Operand = { cell: string; type: ValueType };

/**
 * The verdict of a measure over its operand cells: lỗi for an error or impossible value, then thiếu
 * for a blank, then `impossible` (zero denominator, share above its whole), then the test.
 */
export function verdictExpr(operands: Operand[], test: string, impossible?: string): string {
  const errors = operands.map((o) => `ISERROR(${o.cell})`).join(",");
  const bad = operands.map((o) => badExpr(o.cell, o.type)).join(",");
  const blank = operands.map((o) => `${o.cell}=""`).join(",");
  const judged = `IF(${test},${V.dat},${V.khong})`;
  const checked = impossible ? `IF(${impossible},${V.loi},${judged})` : judged;
  return `IF(OR(${errors}),${V.loi},IF(OR(${bad}),${V.loi},IF(OR(${blank}),${V.thieu},${checked})))`;
}

/**
 * n/d ⋄ p/q, exactly, as integers: n·q ⋄ p·d. Exact in Excel and in LibreOffice (which takes numbers
 * within 2^-48 of each other as equal) while the products stay below 2^47: counts are at most
 * MAX_COUNT (badExpr refuses larger ones, as the engine does) and q at most 140.
 */
export function shareTest(numerator: string, denominator: string, threshold: Rational, comparator: Comparator): string {
  return `${numerator}*${threshold.d}${OP[comparator]}${threshold.n}*${denominator}`;
}

/** A ratio typed directly against p/q; rounding to 9 places only removes binary noise (0,85·20). */
export function shareValueTest(value: string, threshold: Rational, comparator: Comparator): string {
  return `ROUND(${value}*${threshold.d},9)${OP[comparator]}${threshold.n}`;
}

export function quantityTest(value: string, threshold: string, comparator: Comparator): string {
  return `ROUND(${value}-(${threshold}),9)${OP[comparator]}0`;
}

/**
 * Units the numerator must change by, as the engine's countShortfall computes it:
 * ceil(p·d/q) is INT((p·d+q−1)/q) for whole numbers.
 */
export function shareShortfallExpr(
  numerator: string,
  denominator: string,
  threshold: Rational,
  comparator: Comparator,
  share: boolean,
): string | undefined {
  const ceilNeed = `INT((${threshold.n}*${denominator}+${threshold.d}-1)/${threshold.d})`;
  const floorNeed = `INT(${threshold.n}*${denominator}/${threshold.d})`;
  const capped = (need: string) => (share ? `IF(${need}<=${denominator},${need}-${numerator},"")` : `${need}-${numerator}`);
  switch (comparator) {
    case ">=":
      return capped(ceilNeed);
    case ">":
      return capped(`(${floorNeed}+1)`);
    case "<=":
      return `${numerator}-${floorNeed}`;
    case "<":
      return `${numerator}-(${ceilNeed}-1)`;
    case "=":
      return undefined;
  }
}

/** Each word as typed composed (NFC) and decomposed (NFD): a formula cannot normalise, so it compares both. */
function spellings(words: string[]): string[] {
  return [...new Set(words.flatMap((w) => [w.normalize("NFC"), w.normalize("NFD")]))];
}

function wordTest(cell: string, words: string[], bool: "TRUE" | "FALSE", num: 0 | 1): string {
  // LibreOffice keeps TRUE as the number 1, Excel as a boolean: test both. No-break spaces count as spaces.
  const trimmed = `TRIM(${spaced(cell)})`;
  return `OR(${cell}=${bool},${cell}=${num},${spellings(words)
    .map((w) => `${trimmed}=${str(w)}`)
    .join(",")})`;
}

/** "Có" / "Không" / "?" (unreadable, an error included) from a yes/no cell, with the words core/text reads. */
export function yesNoDisplayExpr(cell: string): string {
  return `IF(ISERROR(${cell}),"?",IF(${cell}="","",IF(${wordTest(cell, YES_WORDS, "TRUE", 1)},"Có",IF(${wordTest(cell, NO_WORDS, "FALSE", 0)},"Không","?"))))`;
}

export function yesNoVerdictExpr(cell: string, display: string, expected: boolean): string {
  return `IF(ISERROR(${cell}),${V.loi},IF(${cell}="",${V.thieu},IF(${display}="?",${V.loi},IF(${display}=${expected ? '"Có"' : '"Không"'},${V.dat},${V.khong}))))`;
}

/** The verdict of a set of verdict cells under a pass rule, counted as combine() counts. */
export function combineExpr(count: (verdictLiteral: string) => string, total: string, atLeast?: number): string {
  const passed = count(V.dat);
  // Not applicable leaves the count like tạm dừng; a set of which nothing applies is itself not applicable.
  const applicable = `(${total}-${count(V.tam)}-${count(V.kad)})`;
  const needed = atLeast === undefined ? applicable : String(atLeast);
  const unknown = `(${count(V.loi)}+${count(V.thieu)})`;
  return (
    `IF(${applicable}=0,IF(${count(V.kad)}=${total},${V.kad},${V.tam}),IF(${passed}>=${needed},${V.dat},` +
    `IF(${passed}+${unknown}<${needed},${V.khong},IF(${count(V.loi)}>0,${V.loi},${V.thieu}))))`
  );
}

/** "đạt 5/12 chỉ tiêu (41,7%)" as a formula; FIXED(…,1,TRUE) rounds half away from zero like the engine. */
export function summaryTextExpr(passed: string, counted: string, unitName: string): string {
  return (
    `IF(${counted}=0,${str(`không có ${unitName} nào áp dụng`)},` +
    `"đạt "&${passed}&"/"&${counted}&${str(` ${unitName} (`)}&SUBSTITUTE(FIXED(100*${passed}/${counted},1,TRUE),".",",")&"%)")`
  );
}
