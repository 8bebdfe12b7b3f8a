import { fold } from "./fold";
import { NO_WORDS, YES_WORDS } from "./vocabulary";

export { NO_WORDS, YES_WORDS };

const YES = YES_WORDS.map(fold);
const NO = NO_WORDS.map(fold);

/** "Đạt", "Có", "x", "✓", TRUE, 1 → true; "Không đạt", "Chưa đạt", "Không", FALSE, 0 → false; else undefined. */
export function parseYesNoText(text: string): boolean | undefined {
  const f = fold(text);
  if (YES.includes(f)) return true;
  if (NO.includes(f)) return false;
  return undefined;
}
