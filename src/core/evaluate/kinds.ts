import type { Indicator, IndicatorKind, ShareRequirement } from "../ruleset/schema";
import { COMPARATOR_TEXT, formatQuantity } from "../text/format";
import type { IndicatorInputs } from "./inputs";
import { evaluateQuantity, evaluateShare, evaluateYesNo, satisfies, slot } from "./measures";
import { fromNumber } from "./rational";
import { combine } from "./combine";
import type { MeasureResult, PartResult } from "./result";

export type EvalContext = {
  inputs: IndicatorInputs;
  /** The report date (YYYY-MM-DD); never today's clock. */
  asOf?: string | undefined;
};

export type KindResult = MeasureResult & { parts?: PartResult[] };

type ByKind<K extends IndicatorKind> = Extract<Indicator, { kind: K }>;
type Evaluator<K extends IndicatorKind> = (ind: ByKind<K>, ctx: EvalContext) => KindResult;

/** Year → threshold, taking the nearest year the document gives when the report year is outside it (with a note). */
function thresholdForYear(byYear: Record<string, number>, year: number): { value: number; note?: string } | undefined {
  const years = Object.keys(byYear).map(Number).sort((a, b) => a - b);
  if (years.length === 0) return undefined;
  const exact = byYear[String(year)];
  if (exact !== undefined) return { value: exact };
  const nearest = year < years[0]! ? years[0]! : years[years.length - 1]!;
  return {
    value: byYear[String(nearest)]!,
    note: `Văn bản chỉ quy định mức cho các năm ${years[0]}–${years[years.length - 1]}; năm ${year} áp dụng mức của năm ${nearest}.`,
  };
}

/** Each kind declares its own answer; shared code never switches on kind. */
export const EVALUATORS: { [K in IndicatorKind]: Evaluator<K> } = {
  ratio: (ind, ctx) => evaluateShare(ind, ctx.inputs),

  quantity: (ind, ctx) => evaluateQuantity(ind, ctx.inputs),

  "yes-no": (ind, ctx) => evaluateYesNo(ind.expected, ind.valueLabel ?? ind.name, ctx.inputs),

  "by-year": (ind, ctx) => {
    const year = ctx.asOf ? Number(ctx.asOf.slice(0, 4)) : undefined;
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
    const t = thresholdForYear(ind.byYear, year);
    if (!t) return { verdict: "loi-so-lieu", requirement: requirementText, notes: [], sources: [], problems: [{ severity: "loi", message: "Bộ tiêu chí không có mức cho năm nào" }] };
    const notes = t.note ? [t.note] : [];
    const result =
      ind.measure === "ratio"
        ? evaluateShare(
            {
              requirement: { comparator: ind.comparator, percent: t.value },
              numeratorLabel: ind.numeratorLabel ?? "Tử số",
              denominatorLabel: ind.denominatorLabel ?? "Mẫu số",
              unit: ind.unit,
              share: true,
              name: ind.name,
            },
            ctx.inputs,
          )
        : evaluateQuantity({ requirement: { comparator: ind.comparator, value: t.value }, unit: ind.unit, valueLabel: ind.valueLabel ?? ind.name }, ctx.inputs);
    return { ...result, requirement: `${result.requirement} (năm ${year})`, notes: [...notes, ...result.notes] };
  },

  conditional: (ind, ctx) => {
    const cond = slot(ctx.inputs, "condition");
    const c = ind.condition;
    const condText = `${c.label} ${COMPARATOR_TEXT[c.comparator]} ${formatQuantity(fromNumber(c.value))}`;
    if (cond.kind !== "number") {
      const share = evaluateShare({ ...ind, requirement: ind.then }, ctx.inputs);
      const problem =
        cond.kind === "missing"
          ? { severity: "loi" as const, message: `Thiếu số liệu: ${c.label} — cần để chọn mức yêu cầu`, ...(cond.source ? { ref: cond.source } : {}) }
          : { severity: "loi" as const, message: `${c.label}: ${cond.kind === "invalid" ? cond.reason : "cần một số"}`, ...(cond.source ? { ref: cond.source } : {}) };
      return {
        ...share,
        verdict: share.verdict === "loi-so-lieu" || cond.kind !== "missing" ? "loi-so-lieu" : "thieu-so-lieu",
        requirement: `Theo điều kiện: ${condText}`,
        problems: [problem, ...share.problems],
      };
    }
    const holds = satisfies(cond.value, c.comparator, fromNumber(c.value));
    const chosen: ShareRequirement = holds ? ind.then : ind.otherwise;
    const result = evaluateShare({ ...ind, requirement: chosen }, ctx.inputs);
    const note = `${c.label} là ${formatQuantity(cond.value)} (${holds ? "thỏa" : "không thỏa"} điều kiện ${condText}) nên áp dụng mức ${result.requirement}.`;
    return { ...result, notes: [note, ...result.notes], sources: [...result.sources, ...(cond.source ? [cond.source] : [])] };
  },

  "all-of": (ind, ctx) => {
    const parts: PartResult[] = ind.parts.map((part) => {
      const m = part.measure;
      const r =
        m.kind === "ratio"
          ? evaluateShare({ ...m, name: part.name }, ctx.inputs, part.id)
          : m.kind === "quantity"
            ? evaluateQuantity(m, ctx.inputs, part.id)
            : evaluateYesNo(m.expected, m.valueLabel ?? part.name, ctx.inputs, part.id);
      return { ...r, id: part.id, name: part.name };
    });
    const verdict = combine(parts.map((p) => p.verdict), { all: true }).verdict;
    const shown = parts.filter((p) => p.display !== undefined);
    return {
      verdict,
      requirement: parts.map((p) => `${p.id}) ${p.requirement}`).join("; "),
      ...(shown.length > 0 ? { display: parts.map((p) => `${p.id}) ${p.display ?? "—"}`).join("; ") } : {}),
      notes: parts.flatMap((p) => p.notes.map((n) => `${p.id}) ${n}`)),
      problems: parts.flatMap((p) => p.problems),
      sources: parts.flatMap((p) => p.sources),
      parts,
    };
  },
};

export function evaluateKind(ind: Indicator, ctx: EvalContext): KindResult {
  return (EVALUATORS[ind.kind] as (i: Indicator, c: EvalContext) => KindResult)(ind, ctx);
}
