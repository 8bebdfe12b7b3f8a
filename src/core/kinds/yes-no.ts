import { evaluateYesNo } from "../evaluate/measures";
import { prefixed } from "../evaluate/slot-spec";
import { yesNoRow } from "../layout/measure-rows";
import { single } from "../layout/status-cells";
import type { KindModule, MeasureModule } from "./module";

/** A condition that holds or not: "Có hệ thống một cửa điện tử". */
export const yesNoMeasure: MeasureModule<"yes-no"> = {
  slots: (m, prefix, name) => [{ slot: prefixed(prefix)("value"), label: m.valueLabel ?? name, type: "yes-no" }],
  evaluate: (m, inputs, prefix, name) => evaluateYesNo(m.expected, m.valueLabel ?? name, inputs, prefix),
  statusRow: (row, ctx, m, r, prefix) => yesNoRow(row, ctx, r, m.expected, prefix),
  shares: () => [],
  whenNone: () => undefined,
  showsYesNo: true,
  reportCounts: () => undefined,
  requirement: (m) => (m.expected ? "Có" : "Không"),
};

export const yesNo: KindModule<"yes-no"> = {
  slots: (ind) => yesNoMeasure.slots(ind, "", ind.name),
  partsAnswerForThemselves: false,
  evaluate: (ind, ctx) => yesNoMeasure.evaluate(ind, ctx.inputs, "", ind.name),
  statusRows: (ind, r, ctx, base) => {
    yesNoMeasure.statusRow(base, ctx, ind, r, "");
    return single(base, ctx);
  },
  partRows: () => [],
  whenNone: () => undefined,
  showsYesNo: true,
  shares: () => [],
  needsReportDate: false,
  // "Có" when the list has anyone (1.3.3), once its yes/no column is answered.
  listFigure: "anyone-listed",
  countRatio: () => false,
  reportCounts: () => undefined,
  requirementLines: (ind) => (ind.requirementText ? [] : [yesNoMeasure.requirement(ind)]),
  choosingCondition: () => undefined,
};
