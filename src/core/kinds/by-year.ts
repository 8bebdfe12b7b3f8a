import { shareThreshold } from "../check/share-measure";
import type { IndicatorInputs } from "../evaluate/inputs";
import { evaluateQuantity, evaluateShare, slot } from "../evaluate/measures";
import { div, fromNumber, mul, rat, toNumber, type Rational } from "../evaluate/rational";
import { quantityRow, shareRow } from "../layout/measure-rows";
import { setCell, single, verdictCell } from "../layout/status-cells";
import { COMPARATOR_TEXT, formatQuantity } from "../text/format";
import type { ByKind, EvalContext, KindModule, KindResult } from "./module";

type ByYear = ByKind<"by-year">;

type YearThreshold =
  { ok: true; value: Rational; note?: string } | { ok: false; verdict: "thieu-so-lieu" | "loi-so-lieu"; problem: string; ref?: string };

/**
 * The threshold of the report year: the year's figure where the document lists it, else the
 * document's rule over the reference figure the clerk types; never another year's figure.
 * The engine, the status sheet (through the engine's result) and the check all take it from here.
 */
export function thresholdForYear(ind: ByYear, year: number, inputs: IndicatorInputs): YearThreshold {
  const listed = ind.byYear[String(year)];
  if (listed !== undefined) return { ok: true, value: fromNumber(listed) };
  const years = Object.keys(ind.byYear).sort().join(", ");
  const missing = `Thiếu mức yêu cầu cho năm ${year}: văn bản chỉ ghi mức cho năm ${years || "(không năm nào)"}`;
  if (!ind.rule)
    return {
      ok: false,
      verdict: "thieu-so-lieu",
      problem: `${missing} — không lấy mức của năm khác; hãy hỏi cấp trên mức của năm ${year}`,
    };
  const ref = slot(inputs, "reference");
  if (ref.kind === "number") {
    const value = div(mul(ref.value, fromNumber(ind.rule.percentOfReference)), rat(100n));
    return {
      ok: true,
      value,
      note: `Năm ${year}: mức = ${formatQuantity(fromNumber(ind.rule.percentOfReference))}% × ${formatQuantity(ref.value)} (${ind.rule.referenceLabel}) theo quy định "${ind.rule.text}".`,
    };
  }
  const at = ref.source ? ` (ô ${ref.source})` : "";
  if (ref.kind === "missing")
    return {
      ok: false,
      verdict: "thieu-so-lieu",
      problem: `${missing}; theo quy định "${ind.rule.text}", hãy nhập ${ind.rule.referenceLabel}${at}`,
      ...(ref.source ? { ref: ref.source } : {}),
    };
  const why = ref.kind === "invalid" ? ref.reason : "cần một số";
  return {
    ok: false,
    verdict: "loi-so-lieu",
    problem: `${ind.rule.referenceLabel}${at}: ${why}`,
    ...(ref.source ? { ref: ref.source } : {}),
  };
}

const reportYear = (asOf: string | undefined) => (asOf ? Number(asOf.slice(0, 4)) : undefined);

function evaluateByYear(ind: ByYear, ctx: EvalContext): KindResult {
  const year = reportYear(ctx.asOf);
  const requirementText = `${COMPARATOR_TEXT[ind.comparator]} mức theo năm`;
  if (year === undefined) {
    return {
      verdict: "thieu-so-lieu",
      requirement: requirementText,
      notes: [],
      sources: [],
      problems: [{ severity: "loi", message: "Chưa có ngày báo cáo — mức yêu cầu của chỉ tiêu này phụ thuộc năm báo cáo" }],
    };
  }
  const found = thresholdForYear(ind, year, ctx.inputs);
  if (!found.ok) {
    return {
      verdict: found.verdict,
      requirement: `${requirementText}: chưa có mức năm ${year}`,
      notes: [],
      sources: found.ref ? [found.ref] : [],
      problems: [{ severity: "loi", message: found.problem, ...(found.ref ? { ref: found.ref } : {}) }],
    };
  }
  const notes = found.note ? [found.note] : [];
  const threshold = toNumber(found.value);
  const result =
    ind.measure === "ratio"
      ? evaluateShare(
          {
            requirement: { comparator: ind.comparator, percent: threshold },
            numeratorLabel: ind.numeratorLabel ?? "Tử số",
            denominatorLabel: ind.denominatorLabel ?? "Mẫu số",
            unit: ind.unit,
            share: true,
            name: ind.name,
          },
          ctx.inputs,
        )
      : evaluateQuantity(
          { requirement: { comparator: ind.comparator, value: threshold }, unit: ind.unit, valueLabel: ind.valueLabel ?? ind.name },
          ctx.inputs,
        );
  const refSource = slot(ctx.inputs, "reference").source;
  return {
    ...result,
    threshold: found.value,
    requirement: `${result.requirement} (năm ${year})`,
    notes: [...notes, ...result.notes],
    sources: [...result.sources, ...(found.note && refSource ? [refSource] : [])],
  };
}

/** A threshold that depends on the report year (income 2021–2025), over a ratio or a quantity. */
export const byYear: KindModule<"by-year"> = {
  slots: (ind) =>
    ind.measure === "ratio"
      ? [
          { slot: "numerator", label: ind.numeratorLabel ?? "Tử số", type: "count" },
          { slot: "denominator", label: ind.denominatorLabel ?? "Mẫu số", type: "count" },
          { slot: "value", label: `Tỷ lệ: ${ind.name}`, type: "ratio", alternative: true },
        ]
      : [
          { slot: "value", label: ind.valueLabel ?? ind.name, type: "number" },
          ...(ind.rule ? [{ slot: "reference", label: ind.rule.referenceLabel, type: "number" as const }] : []),
        ],
  partsAnswerForThemselves: false,
  evaluate: evaluateByYear,
  statusRows: (ind, r, ctx, base) => {
    // The threshold the engine applied for the report year (never another year's) is fixed when the sheet is written.
    const value = r.threshold !== undefined ? toNumber(r.threshold) : undefined;
    if (value === undefined) setCell(base, "verdict", verdictCell(r, undefined));
    else if (ind.measure === "ratio")
      shareRow(base, ctx, r, { requirement: { comparator: ind.comparator, percent: value }, unit: ind.unit, share: true }, "");
    else quantityRow(base, ctx, r, { requirement: { comparator: ind.comparator, value }, unit: ind.unit }, "");
    return single(base, ctx);
  },
  partRows: () => [],
  whenNone: () => undefined,
  showsYesNo: false,
  shares: (ind, ctx) => {
    if (ind.measure !== "ratio") return [];
    const year = reportYear(ctx.asOf);
    const found = year === undefined ? undefined : thresholdForYear(ind, year, ctx.inputs);
    return [
      {
        prefix: "",
        name: ind.name,
        share: true,
        numeratorLabel: ind.numeratorLabel ?? "Tử số",
        denominatorLabel: ind.denominatorLabel ?? "Mẫu số",
        unit: ind.unit,
        threshold: found?.ok ? shareThreshold({ comparator: ind.comparator, percent: toNumber(found.value) }) : undefined,
      },
    ];
  },
  needsReportDate: true,
  listFigure: undefined,
  countRatio: (ind) => ind.measure === "ratio",
  // The report states the year's result without naming the counts.
  reportCounts: () => undefined,
  requirementLines: (ind) => {
    const unit = ind.measure === "ratio" ? "%" : ` ${ind.unit}`;
    const years = Object.entries(ind.byYear).map(
      ([y, v]) => `năm ${y}: ${COMPARATOR_TEXT[ind.comparator]} ${formatQuantity(fromNumber(v))}${unit}`,
    );
    const other = ind.rule
      ? `Năm khác: ${ind.rule.text} (${formatQuantity(fromNumber(ind.rule.percentOfReference))}% × ${ind.rule.referenceLabel}).`
      : "Năm khác: văn bản không ghi mức.";
    return [`Mức theo năm — ${years.join("; ")}`, other];
  },
  choosingCondition: () => undefined,
};
