import { shareThreshold } from "../check/share-measure";
import type { IndicatorInputs } from "../evaluate/inputs";
import { evaluateShare, satisfies, slot } from "../evaluate/measures";
import { fromNumber } from "../evaluate/rational";
import { shareRow } from "../layout/measure-rows";
import { single } from "../layout/status-cells";
import type { ShareRequirement } from "../ruleset/schema";
import { COMPARATOR_TEXT, formatQuantity, formatShareThreshold } from "../text/format";
import type { ByKind, EvalContext, KindModule, KindResult } from "./module";

type Conditional = ByKind<"conditional">;

/** The requirement the condition figure chooses; undefined while the figure is not a number. */
function chosenRequirement(ind: Conditional, inputs: IndicatorInputs): ShareRequirement | undefined {
  const figure = slot(inputs, "condition");
  if (figure.kind !== "number") return undefined;
  return satisfies(figure.value, ind.condition.comparator, fromNumber(ind.condition.value)) ? ind.then : ind.otherwise;
}

function evaluateConditional(ind: Conditional, ctx: EvalContext): KindResult {
  const figure = slot(ctx.inputs, "condition");
  const condition = ind.condition;
  const conditionText = `${condition.label} ${COMPARATOR_TEXT[condition.comparator]} ${formatQuantity(fromNumber(condition.value))}`;
  const chosen = chosenRequirement(ind, ctx.inputs);
  if (figure.kind !== "number" || chosen === undefined) {
    const share = evaluateShare({ ...ind, requirement: ind.then }, ctx.inputs);
    const at = figure.source ? { ref: figure.source } : {};
    const problem =
      figure.kind === "missing"
        ? { severity: "loi" as const, message: `Thiếu số liệu: ${condition.label} — cần để chọn mức yêu cầu`, ...at }
        : { severity: "loi" as const, message: `${condition.label}: ${figure.kind === "invalid" ? figure.reason : "cần một số"}`, ...at };
    return {
      ...share,
      verdict: share.verdict === "loi-so-lieu" || figure.kind !== "missing" ? "loi-so-lieu" : "thieu-so-lieu",
      requirement: `Theo điều kiện: ${conditionText}`,
      problems: [problem, ...share.problems],
    };
  }
  const holds = chosen === ind.then;
  const result = evaluateShare({ ...ind, requirement: chosen }, ctx.inputs);
  const note = `${condition.label} là ${formatQuantity(figure.value)} (${holds ? "thỏa" : "không thỏa"} điều kiện ${conditionText}) nên áp dụng mức ${result.requirement}.`;
  return { ...result, notes: [note, ...result.notes], sources: [...result.sources, ...(figure.source ? [figure.source] : [])] };
}

/** A ratio whose threshold is chosen by a condition: more than 3 schools → ≥ 70%, otherwise ≥ 50%. */
export const conditional: KindModule<"conditional"> = {
  slots: (ind) => [
    { slot: "numerator", label: ind.numeratorLabel, type: "count" },
    { slot: "denominator", label: ind.denominatorLabel, type: "count" },
    { slot: "condition", label: ind.condition.label, type: "number" },
    { slot: "value", label: `Tỷ lệ: ${ind.name}`, type: "ratio", alternative: true },
  ],
  partsAnswerForThemselves: false,
  evaluate: evaluateConditional,
  statusRows: (ind, r, ctx, base) => {
    shareRow(base, ctx, r, { requirement: ind.then, unit: ind.unit, share: ind.share }, "", {
      ref: ctx.refs["condition"],
      comparator: ind.condition.comparator,
      value: ind.condition.value,
      otherwise: ind.otherwise,
    });
    return single(base, ctx);
  },
  partRows: () => [],
  whenNone: () => undefined,
  showsYesNo: false,
  shares: (ind, ctx) => {
    const chosen = chosenRequirement(ind, ctx.inputs);
    return [
      {
        prefix: "",
        name: ind.name,
        share: ind.share,
        population: ind.population,
        numeratorLabel: ind.numeratorLabel,
        denominatorLabel: ind.denominatorLabel,
        unit: ind.unit,
        threshold: chosen ? shareThreshold(chosen) : undefined,
      },
    ];
  },
  needsReportDate: false,
  listFigure: undefined,
  countRatio: () => true,
  // The report states the result without naming the counts.
  reportCounts: () => undefined,
  requirementLines: (ind) => {
    const c = ind.condition;
    return [
      `Nếu ${c.label} ${COMPARATOR_TEXT[c.comparator]} ${formatQuantity(fromNumber(c.value))}: ${formatShareThreshold(ind.then)}; nếu không: ${formatShareThreshold(ind.otherwise)}.`,
    ];
  },
  choosingCondition: (ind) => ind.condition,
};
