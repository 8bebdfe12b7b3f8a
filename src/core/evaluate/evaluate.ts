import type { PassRule, Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";
import { formatPercent } from "../text/format";
import { combine } from "./combine";
import { isIsoDate } from "../text/date";
import type { Inputs } from "./inputs";
import { kindOf } from "../kinds/registry";
import { judgeApplicability } from "./applicability";
import { slotsOf } from "./slots";
import { rat } from "./rational";
import type { Evaluation, IndicatorResult, Finding as Problem, SummaryResult, Verdict } from "./result";

export type EvaluateOptions = {
  /** The report date, YYYY-MM-DD. Year-dependent thresholds and ages are taken on it. */
  asOf?: string | undefined;
  /** Indicators the clerk suspends in the mapping (code → reason); shown as tạm dừng. */
  suspended?: Readonly<Record<string, string>> | undefined;
};

/** "đạt 5/12 chỉ tiêu (41,7%)", as the documents count. */
export function summaryText(passed: number, counted: number, unitName: string): string {
  if (counted === 0) return `không có ${unitName} nào áp dụng`;
  return `đạt ${passed}/${counted} ${unitName} (${formatPercent(rat(passed, counted))})`;
}

function summarize(
  code: string,
  name: string,
  unitName: string,
  verdicts: Verdict[],
  rule: PassRule,
  suspendedInTotal: boolean,
  suspendedSelf?: boolean,
): SummaryResult {
  const c = combine(verdicts, rule);
  const suspended = verdicts.filter((v) => v === "tam-dung").length;
  const counted = c.applicable + (suspendedInTotal ? suspended : 0);
  return {
    code,
    name,
    verdict: suspendedSelf ? "tam-dung" : c.verdict,
    passed: c.passed,
    counted,
    suspended,
    unitName,
    text: summaryText(c.passed, counted, unitName),
  };
}

/** Evaluates every indicator of a ruleset and rolls the verdicts up to criteria, groups and the whole model. */
export function evaluate(ruleset: Ruleset, inputs: Inputs, options: EvaluateOptions = {}): Evaluation {
  const problems: Problem[] = [];
  let asOf = options.asOf;
  if (asOf !== undefined && !isIsoDate(asOf)) {
    problems.push({ severity: "loi", message: `Ngày báo cáo "${asOf}" không đúng dạng YYYY-MM-DD` });
    asOf = undefined;
  }

  const indicators: IndicatorResult[] = indicatorsOf(ruleset).map(({ item, group, criterion }) => {
    const where = {
      code: item.code,
      name: item.name,
      kind: item.kind,
      groupCode: group.code,
      ...(criterion ? { criterionCode: criterion.code } : {}),
    };
    const reason = item.suspended?.reason ?? options.suspended?.[item.code];
    if (reason !== undefined) {
      return {
        ...where,
        verdict: "tam-dung",
        requirement: item.requirementText ?? "",
        notes: [`Tạm dừng: ${reason}`],
        problems: [],
        sources: [],
      };
    }
    const own = inputs[item.code] ?? {};
    // The parts of an all-of indicator answer for themselves unless the whole indicator is conditional.
    const naSlots =
      kindOf(item).partsAnswerForThemselves && !item.appliesIf
        ? []
        : slotsOf(item)
            .filter((s) => s.questionKey === undefined)
            .map((s) => s.slot);
    return {
      ...where,
      ...judgeApplicability(item.appliesIf, own, "", naSlots, item.requirementText ?? "", () =>
        kindOf(item).evaluate(item, { inputs: own, asOf }),
      ),
    };
  });
  const byCode = new Map(indicators.map((r) => [r.code, r]));

  const criteria: SummaryResult[] = [];
  const groups: SummaryResult[] = ruleset.groups.map((group) => {
    const itemVerdicts = group.items.map((item) => {
      if (item.kind !== "criterion") return byCode.get(item.code)!.verdict;
      const s = summarize(
        item.code,
        item.name,
        "chỉ tiêu",
        item.indicators.map((i) => byCode.get(i.code)!.verdict),
        item.passRule,
        false,
        item.suspended !== undefined || options.suspended?.[item.code] !== undefined,
      );
      criteria.push(s);
      return s.verdict;
    });
    return summarize(group.code, group.name, group.unitName, itemVerdicts, group.passRule, group.suspendedInTotal);
  });

  const o = ruleset.overall;
  const overallVerdicts =
    o.counts === "groups"
      ? groups.map((g) => g.verdict)
      : o.counts === "indicators"
        ? indicators.map((i) => i.verdict)
        : ruleset.groups.flatMap((g) =>
            g.items.map((item) =>
              item.kind === "criterion" ? criteria.find((c) => c.code === item.code)!.verdict : byCode.get(item.code)!.verdict,
            ),
          );
  const overall = summarize(ruleset.id, ruleset.title, o.unitName, overallVerdicts, o.passRule, o.suspendedInTotal);

  return { ruleset: ruleset.id, ...(asOf !== undefined ? { asOf } : {}), indicators, criteria, groups, overall, problems };
}
