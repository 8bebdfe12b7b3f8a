import { fold } from "./fold";

/** The words read as yes / no; the status sheet's formulas use the same lists. */
export const YES_WORDS = ["đạt", "có", "x", "✓", "✔", "true", "1", "yes", "rồi", "đã có", "đã đạt"];
export const NO_WORDS = ["không đạt", "chưa đạt", "không", "chưa", "chưa có", "false", "0", "no"];

const YES = YES_WORDS.map(fold);
const NO = NO_WORDS.map(fold);

/** "Đạt", "Có", "x", "✓", TRUE, 1 → true; "Không đạt", "Chưa đạt", "Không", FALSE, 0 → false; else undefined. */
export function parseYesNoText(text: string): boolean | undefined {
  const f = fold(text);
  if (YES.includes(f)) return true;
  if (NO.includes(f)) return false;
  return undefined;
}
