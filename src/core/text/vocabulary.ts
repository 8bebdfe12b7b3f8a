/*
 * The words a clerk may type instead of a value, in one place: the engine (yesno.ts, number.ts) and
 * the status sheet's formulas (layout/formulas.ts) both read these lists, so a word the engine
 * accepts is one the recalculated sheet accepts too (test/e2e/vocabulary-agreement.test.ts).
 */

/** Read as yes in a yes/no cell. */
export const YES_WORDS = ["đạt", "có", "x", "✓", "✔", "true", "1", "yes", "rồi", "đã có", "đã đạt"];
/** Read as no in a yes/no cell. */
export const NO_WORDS = ["không đạt", "chưa đạt", "không", "chưa", "chưa có", "false", "0", "no"];
/** Typed where a figure is due to say the indicator does not apply; never a value. */
export const NOT_APPLICABLE_WORDS = ["không áp dụng", "kad", "k/a/d", "n/a", "không phát sinh"];
