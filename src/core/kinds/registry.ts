import type { Indicator, IndicatorKind } from "../ruleset/schema";
import { allOf } from "./all-of";
import { byYear } from "./by-year";
import { conditional } from "./conditional";
import type { KindModule } from "./module";
import { quantity } from "./quantity";
import { ratio } from "./ratio";
import { yesNo } from "./yes-no";

/**
 * Every indicator kind of the schema and its module. A kind added to the schema without a module
 * here does not compile; nothing else switches on the kind.
 */
export const KINDS: { readonly [K in IndicatorKind]: KindModule<K> } = {
  ratio,
  quantity,
  "yes-no": yesNo,
  "by-year": byYear,
  conditional,
  "all-of": allOf,
};

/** The module of an indicator; the cast is sound because the table is keyed by the indicator's own kind. */
export function kindOf(ind: Indicator): KindModule<IndicatorKind> {
  return KINDS[ind.kind] as unknown as KindModule<IndicatorKind>;
}
