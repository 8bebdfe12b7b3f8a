import type { Indicator, IndicatorKind, ShareRequirement } from "../ruleset/schema";
import { COMPARATOR_TEXT, formatQuantity } from "../text/format";
import type { IndicatorInputs } from "./inputs";
import { evaluateQuantity, evaluateShare, evaluateYesNo, satisfies, slot } from "./measures";
import { div, fromNumber, mul, rat, toNumber, type Rational } from "./rational";
import { judgeApplicability } from "./applicability";
import { slotsOf } from "./slots";
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

type YearThreshold = { ok: true; value: Rational; note?: string } | { ok: false; verdict: "thieu-so-lieu" | "loi-so-lieu"; problem: string; ref?: string };

/**
 * The threshold of the report year: the year's figure where the document lists it, else the
 * document's rule over the reference figure the clerk types; never another year's figure.
 */
function thresholdForYear(ind: ByKind<"by-year">, year: number, inputs: IndicatorInputs): YearThreshold {
  const listed = ind.byYear[String(year)];
  if (listed !== undefined) return { ok: true, value: fromNumber(listed) };
  const years = Object.keys(ind.byYear).sort().join(", ");
  const missing = `Thiếu mức yêu cầu cho năm ${year}: văn bản chỉ ghi mức cho năm ${years || "(không năm nào)"}`;
  if (!ind.rule) return { ok: false, verdict: "thieu-so-lieu", problem: `${missing} — không lấy mức của năm khác; hãy hỏi cấp trên mức của năm ${year}` };
  const ref = slot(inputs, "reference");
  if (ref.kind === "number") {
    const value = div(mul(ref.value, fromNumber(ind.rule.percentOfReference)), rat(100n));
    return { ok: true, value, note: `Năm ${year}: mức = ${formatQuantity(fromNumber(ind.rule.percentOfReference))}% × ${formatQuantity(ref.value)} (${ind.rule.referenceLabel}) theo quy định "${ind.rule.text}".` };
  }
  const at = ref.source ? ` (ô ${ref.source})` : "";
  if (ref.kind === "missing") return { ok: false, verdict: "thieu-so-lieu", problem: `${missing}; theo quy định "${ind.rule.text}", hãy nhập ${ind.rule.referenceLabel}${at}`, ...(ref.source ? { ref: ref.source } : {}) };
  const why = ref.kind === "invalid" ? ref.reason : "cần một số";
  return { ok: false, verdict: "loi-so-lieu", problem: `${ind.rule.referenceLabel}${at}: ${why}`, ...(ref.source ? { ref: ref.source } : {}) };
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
    const t = thresholdForYear(ind, year, ctx.inputs);
    if (!t.ok) {
      return {
        verdict: t.verdict,
        requirement: `${requirementText}: chưa có mức năm ${year}`,
        notes: [],
        sources: t.ref ? [t.ref] : [],
        problems: [{ severity: "loi", message: t.problem, ...(t.ref ? { ref: t.ref } : {}) }],
      };
    }
    const notes = t.note ? [t.note] : [];
    const threshold = toNumber(t.value);
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
        : evaluateQuantity({ requirement: { comparator: ind.comparator, value: threshold }, unit: ind.unit, valueLabel: ind.valueLabel ?? ind.name }, ctx.inputs);
    const refSource = slot(ctx.inputs, "reference").source;
    return { ...result, threshold: t.value, requirement: `${result.requirement} (năm ${year})`, notes: [...notes, ...result.notes], sources: [...result.sources, ...(t.note && refSource ? [refSource] : [])] };
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
    const slots = slotsOf(ind);
    const parts: PartResult[] = ind.parts.map((part) => {
      const m = part.measure;
      const own = slots.filter((s) => s.questionKey === undefined && s.slot.startsWith(`${part.id}.`)).map((s) => s.slot);
      const r = judgeApplicability(part.appliesIf, ctx.inputs, part.id, ind.appliesIf ? [] : own, part.requirementText ?? "", () =>
        m.kind === "ratio"
          ? evaluateShare({ ...m, name: part.name }, ctx.inputs, part.id)
          : m.kind === "quantity"
            ? evaluateQuantity(m, ctx.inputs, part.id)
            : evaluateYesNo(m.expected, m.valueLabel ?? part.name, ctx.inputs, part.id),
      );
      return { ...r, id: part.id, name: part.name };
    });
    const verdict = combine(parts.map((p) => p.verdict), { all: true }).verdict;
    if (verdict === "khong-ap-dung") {
      const reason = parts.map((p) => `${p.id}) ${p.notApplicable?.reason ?? ""}`).join("; ");
      return { verdict, requirement: parts.map((p) => `${p.id}) ${p.requirement}`).join("; "), notes: [`Không áp dụng — mọi phần đều không áp dụng: ${reason}.`], problems: [], sources: parts.flatMap((p) => p.sources), parts, notApplicable: { reason } };
    }
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
