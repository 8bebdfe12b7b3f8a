/*
 * The words a clerk may type instead of a value, in one place: the engine (yesno.ts, number.ts) and
 * the status sheet's formulas (layout/formulas.ts) both read these lists, so a word the engine
 * accepts is one the recalculated sheet accepts too (test/e2e/vocabulary-agreement.test.ts).
 */

/** Read as yes in a yes/no cell. */
export const YES_WORDS = ["đạt", "có", "x", "✓", "✔", "true", "1", "yes", "rồi", "đã có", "đã đạt"];
/** Read as no in a yes/no cell. */
export const NO_WORDS = ["không đạt", "chưa đạt", "không", "chưa", "chưa có", "false", "0", "no"];
/**
 * Typed in an answer cell to say "this does not apply here" (with a reason after it or not): never a
 * value. core/text/not-applicable.ts reads them; the status sheet's formulas compare against them.
 */
export const NOT_APPLICABLE_WORDS = ["không áp dụng", "kad", "k.a.d", "k/a/d", "n/a", "không có", "không phát sinh", "—", "–", "-"];

/**
 * Characters read as a space, besides " " itself: the no-break space (Excel's "#,##0" in a French or
 * Vietnamese locale, text copied from the web) and the narrow no-break space. Nothing else is a space:
 * a tab, an ideographic or zero-width space is a character the formulas cannot see through either.
 */
export const SPACE_LIKE = ["\u00a0", "\u202f"];

/** What a blank cell may hold and still be blank: spaces and control characters (Excel's TRIM(CLEAN())). */
export function isBlankText(s: string): boolean {
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c > 0x20 && !SPACE_LIKE.includes(ch)) return false;
  }
  return true;
}

/** Space-like characters made spaces, runs collapsed and the ends trimmed: what TRIM(SUBSTITUTE(…)) gives. */
export function trimSpaces(s: string): string {
  let t = s;
  for (const sp of SPACE_LIKE) t = t.split(sp).join(" ");
  return t.replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}
