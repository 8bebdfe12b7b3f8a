import { fold } from "./fold";

const YES = ["đạt", "có", "x", "✓", "✔", "true", "1", "yes", "rồi", "đã có", "đã đạt"].map(fold);
const NO = ["không đạt", "chưa đạt", "không", "chưa", "chưa có", "false", "0", "no"].map(fold);

/** "Đạt", "Có", "x", "✓", TRUE, 1 → true; "Không đạt", "Chưa đạt", "Không", FALSE, 0 → false; else undefined. */
export function parseYesNoText(text: string): boolean | undefined {
  const f = fold(text);
  if (YES.includes(f)) return true;
  if (NO.includes(f)) return false;
  return undefined;
}
