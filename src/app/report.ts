import { toExactString, toNumber } from "../core/evaluate/rational";
import {
  VERDICT_TEXT,
  type Evaluation,
  type IndicatorResult,
  type MeasureResult,
  type Finding,
  type UnitsResult,
} from "../core/evaluate/result";
import type { Ruleset } from "../core/ruleset/schema";

/** The --json report: stable field names the command line promises (see README). */
export type JsonReport = {
  ruleset: string;
  asOf: string | null;
  indicators: Array<{
    code: string;
    name: string;
    verdict: IndicatorResult["verdict"];
    requirement: string;
    numerator?: number;
    denominator?: number;
    value?: number | boolean;
    exact?: string;
    display?: string;
    shortfall?: number;
    shortfallText?: string;
    sources: string[];
    notes: string[];
    problems: Array<{ message: string; ref?: string }>;
    /** false when the indicator does not apply to this commune ("nếu có", the other either-or case, 0/0 of none). */
    applicable: boolean;
    notApplicableReason?: string;
    /** The clerk's answer that chose the case or made the indicator apply. */
    case?: { question: string; answer: boolean };
    /** The threshold actually applied, where it depends on the year or a rule ("≥ 63,8 triệu đồng/người/năm (năm 2023)"). */
    threshold?: { text: string; value: number; exact: string };
    /** Parts of a several-part indicator, each with its own verdict and applicability. */
    parts?: Array<{
      id: string;
      name: string;
      verdict: IndicatorResult["verdict"];
      requirement: string;
      display?: string;
      applicable: boolean;
      notApplicableReason?: string;
    }>;
  }>;
  criteria: Array<{ code: string; name: string; verdict: string; passed: number; counted: number; text: string }>;
  groups: Array<{ code: string; name: string; verdict: string; passed: number; counted: number; text: string }>;
  overall: { verdict: string; passed: number; counted: number; text: string };
  problems: Array<{ message: string; ref?: string }>;
  /**
   * Groups judged village by village, when the workbook names villages: the commune-level rule
   * ("ít nhất 1 thôn đạt") and its result, and per village its verdict, count and indicators (same
   * shape as `indicators`). The group's row in `groups` is then the commune-level result, and
   * `indicators` holds one yes/no row per village ("YC3.T1").
   */
  units?: Array<{
    group: string;
    name: string;
    unitName: string;
    rule: string;
    source: string;
    verdict: string;
    passed: number;
    counted: number;
    text: string;
    villages: Array<{ name: string; verdict: string; passed: number; counted: number; text: string; indicators: IndicatorJson[] }>;
  }>;
};

function situation(r: MeasureResult): { applicable: boolean; notApplicableReason?: string; case?: { question: string; answer: boolean } } {
  return {
    applicable: r.notApplicable === undefined,
    ...(r.notApplicable ? { notApplicableReason: r.notApplicable.reason } : {}),
    ...(r.case ? { case: { question: r.case.question, answer: r.case.answer } } : {}),
  };
}

const plainProblem = (p: Finding) => (p.ref === undefined ? { message: p.message } : { message: p.message, ref: p.ref });

type IndicatorJson = JsonReport["indicators"][number];

export function jsonReport(ev: Evaluation): JsonReport {
  return {
    ruleset: ev.ruleset,
    asOf: ev.asOf ?? null,
    indicators: ev.indicators.map(indicatorJson),
    criteria: ev.criteria.map((s) => ({
      code: s.code,
      name: s.name,
      verdict: s.verdict,
      passed: s.passed,
      counted: s.counted,
      text: s.text,
    })),
    groups: ev.groups.map((s) => ({ code: s.code, name: s.name, verdict: s.verdict, passed: s.passed, counted: s.counted, text: s.text })),
    overall: { verdict: ev.overall.verdict, passed: ev.overall.passed, counted: ev.overall.counted, text: ev.overall.text },
    problems: ev.problems.map(plainProblem),
    ...(ev.units ? { units: ev.units.map(unitsJson) } : {}),
  };
}

/** A group judged per village: the commune-level rule's result and each village's verdict and indicators. */
function unitsJson(u: UnitsResult): NonNullable<JsonReport["units"]>[number] {
  return {
    group: u.groupCode,
    name: u.groupName,
    unitName: u.unitName,
    rule: u.rule,
    source: u.source,
    verdict: u.verdict,
    passed: u.passed,
    counted: u.counted,
    text: u.text,
    villages: u.villages.map((v) => ({
      name: v.name,
      verdict: v.verdict,
      passed: v.passed,
      counted: v.counted,
      text: v.text,
      indicators: v.indicators.map(indicatorJson),
    })),
  };
}

function indicatorJson(r: IndicatorResult): IndicatorJson {
  return {
    code: r.code,
    name: r.name,
    verdict: r.verdict,
    requirement: r.requirement,
    ...(r.numerator ? { numerator: toNumber(r.numerator) } : {}),
    ...(r.denominator ? { denominator: toNumber(r.denominator) } : {}),
    ...(r.value
      ? { value: toNumber(r.value), exact: toExactString(r.value) }
      : r.display === "Có" || r.display === "Không"
        ? { value: r.display === "Có" }
        : {}),
    ...(r.display !== undefined ? { display: r.display } : {}),
    ...(r.shortfall ? { shortfall: toNumber(r.shortfall.amount), shortfallText: r.shortfall.text } : {}),
    sources: r.sources,
    notes: r.notes,
    problems: r.problems.map(plainProblem),
    ...situation(r),
    ...(r.threshold ? { threshold: { text: r.requirement, value: toNumber(r.threshold), exact: toExactString(r.threshold) } } : {}),
    ...(r.parts
      ? {
          parts: r.parts.map((p) => ({
            id: p.id,
            name: p.name,
            verdict: p.verdict,
            requirement: p.requirement,
            ...(p.display !== undefined ? { display: p.display } : {}),
            ...situation(p),
          })),
        }
      : {}),
  };
}

function pad(s: string, n: number): string {
  const t = s.normalize("NFC");
  return t.length >= n ? t.slice(0, n) : t + " ".repeat(n - t.length);
}

/** A table a clerk can read in a terminal: one line per indicator, summaries per group. */
export function textReport(ruleset: Ruleset, ev: Evaluation): string {
  const lines: string[] = [];
  lines.push(`${ruleset.title} — ${ruleset.province}`);
  lines.push(`Ngày báo cáo: ${ev.asOf ?? "(chưa có)"} · Tổng hợp: ${VERDICT_TEXT[ev.overall.verdict]}, ${ev.overall.text}`);
  for (const g of ruleset.groups) {
    const gs = ev.groups.find((s) => s.code === g.code)!;
    lines.push("");
    lines.push(`${g.code} ${g.name}: ${VERDICT_TEXT[gs.verdict]} — ${gs.text}`);
    for (const r of ev.indicators.filter((i) => i.groupCode === g.code)) {
      const shortfall = r.shortfall ? ` · ${r.shortfall.text}` : "";
      if (r.notApplicable) {
        lines.push(`  ${pad(r.code, 7)} ${VERDICT_TEXT[r.verdict]} — ${r.notApplicable.reason}`);
        continue;
      }
      lines.push(
        `  ${pad(r.code, 7)} ${pad(VERDICT_TEXT[r.verdict], 14)} ${pad(r.display ?? "—", 14)} yêu cầu ${r.requirement}${shortfall}`,
      );
      for (const p of r.problems) lines.push(`          ! ${p.message}`);
    }
  }
  for (const p of ev.problems) lines.push(`! ${p.message}`);
  return lines.join("\n");
}
