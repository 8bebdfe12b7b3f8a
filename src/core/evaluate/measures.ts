import type { Comparator, QuantityRequirement, ShareRequirement } from "../ruleset/schema";
import {
  COMPARATOR_TEXT,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatQuantity,
  formatShareThreshold,
  shareThresholdValue,
} from "../text/format";
import type { IndicatorInputs, Input } from "./inputs";
import { ceil, cmp, div, floor, fromNumber, isInteger, mul, ONE, rat, roundHalfUpScaled, sub, ZERO, type Rational } from "./rational";
import type { MeasureResult, Finding as Problem, Shortfall, Verdict } from "./result";

/** value ⋄ threshold, exactly. */
export function satisfies(value: Rational, comparator: Comparator, threshold: Rational): boolean {
  const c = cmp(value, threshold);
  switch (comparator) {
    case ">=":
      return c >= 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case "<":
      return c < 0;
    case "=":
      return c === 0;
  }
}

const MISSING: Input = { kind: "missing" };

/** The input in a slot, missing when the slot was not mapped. */
export function slot(inputs: IndicatorInputs, name: string): Input {
  return inputs[name] ?? MISSING;
}

const given = (i: Input) => i.kind !== "missing";

/** Sources of the inputs that were given, for the status sheet and for a click that selects the cell. */
function sourcesOf(...inputs: Input[]): string[] {
  return inputs.flatMap((i) => (i.source !== undefined ? [i.source] : []));
}

function problem(message: string, ref: string | undefined, severity: Problem["severity"] = "loi"): Problem {
  return ref === undefined ? { message, severity } : { message, ref, severity };
}

type Read = { ok: true; value: Rational } | { ok: false; verdict: Verdict; problems: Problem[] };

/** Reads number slots, turning blanks into thiếu số liệu and bad values into lỗi số liệu (both reported). */
function readNumbers(entries: Array<[label: string, input: Input]>): Read[] {
  return entries.map(([label, input]) => {
    switch (input.kind) {
      case "number":
        return { ok: true, value: input.value };
      case "missing":
        return {
          ok: false,
          verdict: "thieu-so-lieu",
          problems: [
            problem(`Thiếu số liệu: ${label}${input.source ? ` (ô ${input.source} để trống)` : " (chưa gán ô nào)"}`, input.source),
          ],
        };
      case "invalid":
        return { ok: false, verdict: "loi-so-lieu", problems: [problem(`${label}: ${input.reason}`, input.source)] };
      case "bool":
        return {
          ok: false,
          verdict: "loi-so-lieu",
          problems: [problem(`${label}: cần một số, nhận được câu trả lời có/không`, input.source)],
        };
      case "not-applicable":
        return {
          ok: false,
          verdict: "loi-so-lieu",
          problems: [problem(`${label}: ô ghi "không áp dụng" nhưng ở đây cần một số`, input.source)],
        };
    }
  });
}

/** lỗi số liệu outranks thiếu số liệu: a wrong figure must be fixed whatever else is missing. */
function failedRead(reads: Read[], base: Omit<MeasureResult, "verdict" | "problems">): MeasureResult | undefined {
  const bad = reads.filter((r): r is Extract<Read, { ok: false }> => !r.ok);
  if (bad.length === 0) return undefined;
  const verdict: Verdict = bad.some((b) => b.verdict === "loi-so-lieu") ? "loi-so-lieu" : "thieu-so-lieu";
  return { ...base, verdict, problems: bad.flatMap((b) => b.problems) };
}

function shortfallText(s: Omit<Shortfall, "text">): string {
  const amount = isInteger(s.amount) ? formatInteger(s.amount.n) : formatDecimal(s.amount, 1);
  return s.direction === "more" ? `Còn thiếu ${amount} ${s.unit}` : `Cần giảm ${amount} ${s.unit}`;
}

function makeShortfall(amount: Rational, unit: string, direction: Shortfall["direction"]): Shortfall {
  return { amount, unit, direction, text: shortfallText({ amount, unit, direction }) };
}

/**
 * How many whole units of the numerator must change for n/d to pass "⋄ t", the denominator fixed.
 * ≥ t: ceil(t·d) − n; > t: floor(t·d) + 1 − n; ≤ t: n − floor(t·d); < t: n − (ceil(t·d) − 1).
 */
export function countShortfall(
  n: bigint,
  d: bigint,
  t: Rational,
  c: Comparator,
): { amount: bigint; direction: Shortfall["direction"] } | undefined {
  const td = mul(t, rat(d));
  switch (c) {
    case ">=":
      return { amount: ceil(td) - n, direction: "more" };
    case ">":
      return { amount: floor(td) + 1n - n, direction: "more" };
    case "<=":
      return { amount: n - floor(td), direction: "fewer" };
    case "<":
      return { amount: n - (ceil(td) - 1n), direction: "fewer" };
    case "=":
      if (!isInteger(td)) return undefined;
      return td.n >= n ? { amount: td.n - n, direction: "more" } : { amount: n - td.n, direction: "fewer" };
  }
}

/**
 * The note a clerk needs when the rounded display suggests the other verdict:
 * 3388/3986 shows 85,0% yet fails ≥ 85%.
 */
function displayNote(share: Rational, comparator: Comparator, threshold: Rational, passed: boolean, display: string): string[] {
  const shown = rat(roundHalfUpScaled(mul(share, rat(100n)), 1), 1000n);
  if (satisfies(shown, comparator, threshold) === passed) return [];
  const exact = formatPercent(share, 4);
  return [
    passed
      ? `Hiển thị ${display} nhưng giá trị chính xác là ${exact} — vẫn đạt yêu cầu ${COMPARATOR_TEXT[comparator]} ${formatPercent(threshold).replace(",0%", "%")}.`
      : `Hiển thị ${display} nhưng giá trị chính xác là ${exact} — chưa đạt yêu cầu ${COMPARATOR_TEXT[comparator]} ${formatPercent(threshold).replace(",0%", "%")}.`,
  ];
}

export type ShareSpec = {
  requirement: ShareRequirement;
  numeratorLabel: string;
  denominatorLabel: string;
  unit: string;
  share: boolean;
  name: string;
  /** Lengths, areas, masses: the shortfall is an amount in the unit, not a whole count. */
  amount?: "count" | "measure";
  /** What 0/0 means where the document says (a share of none is not applicable). */
  whenNone?: { reason: string; source: string; counts?: "excused" | "not-met" } | undefined;
};

/** A ratio against a share threshold, from numerator and denominator or from the ratio typed directly. */
export function evaluateShare(spec: ShareSpec, inputs: IndicatorInputs, prefix = ""): MeasureResult {
  const key = (s: string) => (prefix ? `${prefix}.${s}` : s);
  const num = slot(inputs, key("numerator"));
  const den = slot(inputs, key("denominator"));
  const val = slot(inputs, key("value"));
  const t = shareThresholdValue(spec.requirement);
  const requirement = formatShareThreshold(spec.requirement);
  const notes: string[] = [];

  // The ratio typed directly is used only where neither count is mapped, as the status sheet's formulas do.
  const mapped = (slotName: string) => inputs[key(slotName)] !== undefined;
  if (!mapped("numerator") && !mapped("denominator") && given(val)) {
    const base = { requirement, notes, sources: sourcesOf(val) };
    const [read] = readNumbers([[`Tỷ lệ ${spec.name}`, val]]);
    const failed = failedRead([read!], base);
    if (failed) return failed;
    const value = (read as { value: Rational }).value;
    if (spec.share && cmp(value, ONE) > 0) {
      return { ...base, verdict: "loi-so-lieu", value, problems: [problem(`Tỷ lệ ${formatPercent(value)} vượt quá 100%`, val.source)] };
    }
    return judgeShare(spec, value, t, requirement, base.sources, notes);
  }

  const sources = sourcesOf(num, den);
  const reads = readNumbers([
    [spec.numeratorLabel, num],
    [spec.denominatorLabel, den],
  ]);
  const failed = failedRead(reads, { requirement, notes, sources });
  if (failed) return failed;
  const n = (reads[0] as { value: Rational }).value;
  const d = (reads[1] as { value: Rational }).value;
  const base = { requirement, notes, sources, numerator: n, denominator: d };
  if (d.n === 0n && n.n === 0n && spec.whenNone) {
    const reason = spec.whenNone.reason;
    const notMet = spec.whenNone.counts === "not-met";
    return {
      ...base,
      verdict: notMet ? "khong-dat" : "khong-ap-dung",
      notes: [
        `Không áp dụng — ${reason} (${spec.numeratorLabel} và ${spec.denominatorLabel} đều bằng 0).`,
        notMet ? `Văn bản tính trường hợp này là không đạt: ${spec.whenNone.source}` : `Căn cứ văn bản: ${spec.whenNone.source}`,
      ],
      problems: [],
      notApplicable: { reason },
    };
  }
  if (d.n === 0n) {
    return {
      ...base,
      verdict: "loi-so-lieu",
      problems: [problem(`Mẫu số bằng 0 (${spec.denominatorLabel}) — không tính được tỷ lệ`, den.source)],
    };
  }
  if (spec.share && cmp(n, d) > 0) {
    return {
      ...base,
      verdict: "loi-so-lieu",
      value: div(n, d),
      display: formatPercent(div(n, d)),
      problems: [
        problem(
          `Tử số ${formatQuantity(n)} lớn hơn mẫu số ${formatQuantity(d)} (${formatPercent(div(n, d))}) — ${spec.numeratorLabel} không thể vượt ${spec.denominatorLabel}; hãy kiểm tra lại số liệu`,
          num.source,
        ),
      ],
    };
  }
  const result = judgeShare(spec, div(n, d), t, requirement, sources, notes);
  const out: MeasureResult = { ...result, numerator: n, denominator: d };
  if (result.verdict === "khong-dat" && spec.amount === "measure") {
    // A measured amount changes by any amount: t·d − n (or n − t·d), in the unit, exactly.
    const need = mul(t, d);
    const up = spec.requirement.comparator === ">=" || spec.requirement.comparator === ">";
    const amount = up ? sub(need, n) : sub(n, need);
    if (cmp(amount, ZERO) > 0) out.shortfall = makeShortfall(amount, spec.unit, up ? "more" : "fewer");
  } else if (result.verdict === "khong-dat" && isInteger(n) && isInteger(d)) {
    const s = countShortfall(n.n, d.n, t, spec.requirement.comparator);
    if (s && s.amount > 0n && !(spec.share && s.direction === "more" && s.amount + n.n > d.n)) {
      out.shortfall = makeShortfall(rat(s.amount), spec.unit, s.direction);
    }
  }
  return out;
}

function judgeShare(spec: ShareSpec, value: Rational, t: Rational, requirement: string, sources: string[], notes: string[]): MeasureResult {
  const passed = satisfies(value, spec.requirement.comparator, t);
  const display = formatPercent(value);
  const allNotes = [...notes, ...displayNote(value, spec.requirement.comparator, t, passed, display)];
  return { verdict: passed ? "dat" : "khong-dat", requirement, value, display, notes: allNotes, problems: [], sources };
}

export type QuantitySpec = {
  requirement: QuantityRequirement;
  unit: string;
  valueLabel: string;
  perCapita?: { numeratorLabel: string; denominatorLabel: string } | undefined;
};

export function formatQuantityRequirement(req: QuantityRequirement, unit: string): string {
  return `${COMPARATOR_TEXT[req.comparator]} ${formatQuantity(fromNumber(req.value))} ${unit}`;
}

/** A figure with a unit (typed, or a quotient such as m² per person) against a threshold. */
export function evaluateQuantity(spec: QuantitySpec, inputs: IndicatorInputs, prefix = ""): MeasureResult {
  const key = (s: string) => (prefix ? `${prefix}.${s}` : s);
  const requirement = formatQuantityRequirement(spec.requirement, spec.unit);
  const t = fromNumber(spec.requirement.value);
  const c = spec.requirement.comparator;
  let value: Rational;
  let sources: string[];
  const extra: Partial<MeasureResult> = {};
  if (spec.perCapita) {
    const num = slot(inputs, key("numerator"));
    const den = slot(inputs, key("denominator"));
    sources = sourcesOf(num, den);
    const reads = readNumbers([
      [spec.perCapita.numeratorLabel, num],
      [spec.perCapita.denominatorLabel, den],
    ]);
    const failed = failedRead(reads, { requirement, notes: [], sources });
    if (failed) return failed;
    const n = (reads[0] as { value: Rational }).value;
    const d = (reads[1] as { value: Rational }).value;
    if (d.n === 0n) {
      return {
        requirement,
        notes: [],
        sources,
        verdict: "loi-so-lieu",
        problems: [problem(`Mẫu số bằng 0 (${spec.perCapita.denominatorLabel})`, den.source)],
      };
    }
    value = div(n, d);
    extra.numerator = n;
    extra.denominator = d;
  } else {
    const v = slot(inputs, key("value"));
    sources = sourcesOf(v);
    const reads = readNumbers([[spec.valueLabel, v]]);
    const failed = failedRead(reads, { requirement, notes: [], sources });
    if (failed) return failed;
    value = (reads[0] as { value: Rational }).value;
  }
  const passed = satisfies(value, c, t);
  const out: MeasureResult = {
    verdict: passed ? "dat" : "khong-dat",
    requirement,
    value,
    display: `${formatQuantity(value)} ${spec.unit}`,
    notes: [],
    problems: [],
    sources,
    ...extra,
  };
  if (!passed) {
    if (extra.numerator && extra.denominator) {
      // The shortfall in the numerator's own unit: m² more for the commune, not m² per person.
      const need = mul(t, extra.denominator);
      const amount = c === ">=" || c === ">" ? sub(need, extra.numerator) : sub(extra.numerator, need);
      if (cmp(amount, ZERO) > 0)
        out.shortfall = makeShortfall(amount, spec.unit.split("/")[0] ?? spec.unit, c === ">=" || c === ">" ? "more" : "fewer");
    } else if (c !== "=") {
      const amount = c === ">=" || c === ">" ? sub(t, value) : sub(value, t);
      if (cmp(amount, ZERO) > 0) out.shortfall = makeShortfall(amount, spec.unit, c === ">=" || c === ">" ? "more" : "fewer");
    }
  }
  return out;
}

/** A condition that holds or not; blank is missing, never "không". */
export function evaluateYesNo(expected: boolean, label: string, inputs: IndicatorInputs, prefix = ""): MeasureResult {
  const input = slot(inputs, prefix ? `${prefix}.value` : "value");
  const requirement = expected ? "Có" : "Không";
  const sources = sourcesOf(input);
  switch (input.kind) {
    case "bool":
      return {
        verdict: input.value === expected ? "dat" : "khong-dat",
        requirement,
        display: input.value ? "Có" : "Không",
        notes: [],
        problems: [],
        sources,
      };
    case "missing":
      return {
        verdict: "thieu-so-lieu",
        requirement,
        notes: [],
        sources,
        problems: [problem(`Thiếu số liệu: ${label}${input.source ? ` (ô ${input.source} để trống)` : " (chưa gán ô nào)"}`, input.source)],
      };
    case "invalid":
      return { verdict: "loi-so-lieu", requirement, notes: [], sources, problems: [problem(`${label}: ${input.reason}`, input.source)] };
    case "number":
      return {
        verdict: "loi-so-lieu",
        requirement,
        notes: [],
        sources,
        problems: [problem(`${label}: cần Có hoặc Không, nhận được một số`, input.source)],
      };
    case "not-applicable":
      // Reached only where the ruleset gives no "not applicable" case (judgeApplicability reports it first).
      return {
        verdict: "loi-so-lieu",
        requirement,
        notes: [],
        sources,
        problems: [problem(`${label}: ô ghi "không áp dụng" nhưng ở đây cần Có hoặc Không`, input.source)],
      };
  }
}
