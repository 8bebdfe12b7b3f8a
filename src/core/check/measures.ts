import type { IndicatorInputs } from "../evaluate/inputs";
import { kindOf } from "../kinds/registry";
import type { Indicator } from "../ruleset/schema";
import type { ShareMeasure } from "./share-measure";

export type { ShareMeasure } from "./share-measure";

/** The shares an indicator holds, with the threshold in force, as its kind declares them (src/core/kinds). */
export function sharesOf(ind: Indicator, ctx: { inputs: IndicatorInputs; asOf?: string | undefined }): ShareMeasure[] {
  return kindOf(ind).shares(ind, ctx);
}

export const slotOf = (prefix: string, base: string) => (prefix ? `${prefix}.${base}` : base);
