import { fold, nfc } from "./fold";
import { NOT_APPLICABLE_WORDS } from "./vocabulary";

const WORDS = NOT_APPLICABLE_WORDS.map(fold);

const SEPARATORS = ":;,(—–-";

/**
 * The clerk's "not applicable" with the reason typed after it ("Không áp dụng: xã không có làng
 * nghề", "KAD (không có chợ)"), or undefined when the text says something else. A dash counts only
 * alone: "- 3" is not a reason.
 */
export function parseNotApplicableText(text: string): { reason?: string } | undefined {
  const typed = nfc(text).trim();
  if (WORDS.includes(fold(typed))) return {};
  for (let i = 1; i < typed.length; i++) {
    if (!SEPARATORS.includes(typed[i]!)) continue;
    const head = fold(typed.slice(0, i));
    if (head.length < 2 || !WORDS.includes(head)) continue;
    const reason = typed
      .slice(i + 1)
      .replace(/\)\s*$/, "")
      .trim();
    return reason === "" ? {} : { reason };
  }
  return undefined;
}
