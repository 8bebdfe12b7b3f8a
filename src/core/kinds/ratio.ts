import { shareThreshold } from "../check/share-measure";
import { evaluateShare } from "../evaluate/measures";
import { prefixed } from "../evaluate/slot-spec";
import { shareRow } from "../layout/measure-rows";
import { formatShareThreshold } from "../text/format";
import { single } from "../layout/status-cells";
import type { KindModule, MeasureModule } from "./module";

/** A ratio of two counts (or two amounts) against a share: "Tỷ lệ người dân ... ≥ 85%". */
export const ratioMeasure: MeasureModule<"ratio"> = {
  slots: (m, prefix, name) => {
    const slot = prefixed(prefix);
    // A length, area or mass in the document's unit takes decimals; a count does not.
    const type = m.amount === "measure" ? "number" : "count";
    return [
      { slot: slot("numerator"), label: m.numeratorLabel, type },
      { slot: slot("denominator"), label: m.denominatorLabel, type },
      { slot: slot("value"), label: `Tỷ lệ: ${name}`, type: "ratio", alternative: true },
    ];
  },
  evaluate: (m, inputs, prefix, name) => evaluateShare({ ...m, name }, inputs, prefix),
  statusRow: (row, ctx, m, r, prefix) => shareRow(row, ctx, r, m, prefix),
  shares: (m, prefix, name) => [
    {
      prefix,
      name,
      share: m.share,
      population: m.population,
      numeratorLabel: m.numeratorLabel,
      denominatorLabel: m.denominatorLabel,
      unit: m.unit,
      threshold: shareThreshold(m.requirement),
      whenNone: m.whenNone !== undefined,
    },
  ],
  whenNone: (m) => m.whenNone,
  showsYesNo: false,
  requirement: (m) => formatShareThreshold(m.requirement),
  reportCounts: (m) => ({ numerator: m.numeratorLabel, denominator: m.denominatorLabel, unit: m.unit }),
};

export const ratio: KindModule<"ratio"> = {
  slots: (ind) => ratioMeasure.slots(ind, "", ind.name),
  partsAnswerForThemselves: false,
  evaluate: (ind, ctx) => ratioMeasure.evaluate(ind, ctx.inputs, "", ind.name),
  statusRows: (ind, r, ctx, base) => {
    ratioMeasure.statusRow(base, ctx, ind, r, "");
    return single(base, ctx);
  },
  partRows: () => [],
  whenNone: (ind) => ind.whenNone,
  showsYesNo: false,
  shares: (ind) => ratioMeasure.shares(ind, "", ind.name),
  needsReportDate: false,
  // The list's count over the population it is drawn from (Phụ lục 03 over the adults of the roster).
  listFigure: "counts",
  countRatio: () => true,
  reportCounts: (ind) => ratioMeasure.reportCounts(ind),
  requirementLines: (ind) => (ind.requirementText ? [] : [ratioMeasure.requirement(ind)]),
  choosingCondition: () => undefined,
};
