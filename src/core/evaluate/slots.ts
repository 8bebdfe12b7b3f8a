import { kindOf } from "../kinds/registry";
import type { Indicator } from "../ruleset/schema";
import { questionSlot, type SlotSpec } from "./slot-spec";

export type { SlotSpec } from "./slot-spec";

/** The inputs an indicator reads, in the order a clerk fills them. */
export function slotsOf(ind: Indicator): SlotSpec[] {
  return [...questionSlot(ind.appliesIf, "question"), ...kindOf(ind).slots(ind)];
}
