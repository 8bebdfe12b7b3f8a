import { nfc } from "./fold";
import { NO_WORDS, trimSpaces, YES_WORDS } from "./vocabulary";

export { NO_WORDS, YES_WORDS };

/**
 * A typed answer as the status sheet's formula compares it: spaces trimmed as TRIM does, case folded
 * (its comparison ignores case), nothing else — a tab or a zero-width space is not looked through.
 */
const key = (s: string) => trimSpaces(nfc(s)).toLowerCase();

const YES = YES_WORDS.map(key);
const NO = NO_WORDS.map(key);

/** "Đạt", "Có", "x", "✓", TRUE, 1 → true; "Không đạt", "Chưa đạt", "Không", FALSE, 0 → false; else undefined. */
export function parseYesNoText(text: string): boolean | undefined {
  const f = key(text);
  if (YES.includes(f)) return true;
  if (NO.includes(f)) return false;
  return undefined;
}
