import type { Measure } from "../ruleset/schema";
import type { MeasureKind, MeasureModule } from "./module";
import { quantityMeasure } from "./quantity";
import { ratioMeasure } from "./ratio";
import { yesNoMeasure } from "./yes-no";

/** The measures a part of an all-of indicator may take, each answering for itself. */
const MEASURES: { [K in MeasureKind]: MeasureModule<K> } = {
  ratio: ratioMeasure,
  quantity: quantityMeasure,
  "yes-no": yesNoMeasure,
};

/** The module of a measure; the cast is sound because the table is keyed by the measure's own kind. */
export function measureOf(m: Measure): MeasureModule<MeasureKind> {
  return MEASURES[m.kind] as unknown as MeasureModule<MeasureKind>;
}
