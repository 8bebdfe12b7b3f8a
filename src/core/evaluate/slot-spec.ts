import type { AppliesIf } from "../ruleset/schema";
import type { ValueType } from "./inputs";

/** One input an indicator needs, as the mapping and the template name it. */
export type SlotSpec = {
  slot: string;
  label: string;
  type: ValueType;
  /** Slots that stand in for this one: a ratio may be given as numerator + denominator, or as its value. */
  alternative?: boolean;
  /** For the yes/no question that decides whether it applies: slots with one key share one cell. */
  questionKey?: string;
};

/** The yes/no question that decides whether an indicator (or a part) applies, as a slot. */
export function questionSlot(a: AppliesIf | undefined, slot: string): SlotSpec[] {
  return a ? [{ slot, label: a.question, type: "yes-no", questionKey: a.key }] : [];
}

/** "numerator", or "a.numerator" for part a of a two-part indicator. */
export const prefixed = (prefix: string) => (s: string) => (prefix ? `${prefix}.${s}` : s);
