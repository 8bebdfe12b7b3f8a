import { evaluateQuantity } from "../evaluate/measures";
import { prefixed } from "../evaluate/slot-spec";
import { quantityRow } from "../layout/measure-rows";
import { fromNumber } from "../evaluate/rational";
import { COMPARATOR_TEXT, formatQuantity } from "../text/format";
import { single } from "../layout/status-cells";
import type { KindModule, MeasureModule } from "./module";

/** A figure with a unit against a threshold, typed or a quotient (m² per person). */
export const quantityMeasure: MeasureModule<"quantity"> = {
  slots: (m, prefix) => {
    const slot = prefixed(prefix);
    return m.perCapita
      ? [
          { slot: slot("numerator"), label: m.perCapita.numeratorLabel, type: "number" },
          { slot: slot("denominator"), label: m.perCapita.denominatorLabel, type: "count" },
        ]
      : [{ slot: slot("value"), label: m.valueLabel, type: "number" }];
  },
  evaluate: (m, inputs, prefix) => evaluateQuantity(m, inputs, prefix),
  statusRow: (row, ctx, m, r, prefix) => quantityRow(row, ctx, r, m, prefix),
  shares: () => [],
  whenNone: () => undefined,
  showsYesNo: false,
  reportCounts: () => undefined,
  requirement: (m) => `${COMPARATOR_TEXT[m.requirement.comparator]} ${formatQuantity(fromNumber(m.requirement.value))} ${m.unit}`,
};

export const quantity: KindModule<"quantity"> = {
  slots: (ind) => quantityMeasure.slots(ind, "", ind.name),
  partsAnswerForThemselves: false,
  evaluate: (ind, ctx) => quantityMeasure.evaluate(ind, ctx.inputs, "", ind.name),
  statusRows: (ind, r, ctx, base) => {
    quantityMeasure.statusRow(base, ctx, ind, r, "");
    return single(base, ctx);
  },
  partRows: () => [],
  whenNone: () => undefined,
  showsYesNo: false,
  shares: () => [],
  needsReportDate: false,
  listFigure: undefined,
  countRatio: () => false,
  reportCounts: () => undefined,
  requirementLines: (ind) => (ind.requirementText ? [] : [quantityMeasure.requirement(ind)]),
  choosingCondition: () => undefined,
};
