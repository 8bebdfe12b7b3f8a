/*
 * Groups judged village by village (thôn thông minh): each village the clerk names is evaluated with
 * evaluate() on the group's items alone, and the commune on a ruleset where each such group holds one
 * yes/no row per village ("Thôn Chí Phúc đạt?") under the commune-level rule (at least one village,
 * every village). The status sheet is written from that same commune ruleset, so the sheet's live
 * formulas and the engine count the villages the same way.
 */
import type { Group, Indicator, PassRule, Ruleset } from "../ruleset/schema";
import { parseCell, type RawCell } from "../text/cell";
import { evaluate, type EvaluateOptions } from "./evaluate";
import type { IndicatorInputs, Inputs } from "./inputs";
import { VERDICT_TEXT, type Evaluation, type Finding, type UnitsResult, type Verdict } from "./result";

/** A village as the workbook gives it: the name the clerk typed, and its inputs for the per-village groups. */
export type Village = { name: string; nameSource?: string; inputs: Inputs };

export type VillageEvaluation = {
  /** The commune's evaluation, `units` filled: what the status sheet and --json show. */
  evaluation: Evaluation;
  /** Each village's own evaluation over the per-village groups, in the villages' order. */
  villages: Evaluation[];
  /** The ruleset the commune was evaluated on (each per-village group as one row per village). */
  communeRuleset: Ruleset;
  /** The ruleset each village was evaluated on (the per-village groups alone). */
  villageRuleset: Ruleset;
  /** Village row code → the answer its verdict stands for ("Có", "Không", "Lỗi số liệu", blank), as the sheet's helper cell computes it. */
  answers: Record<string, RawCell>;
};

export const villageGroups = (ruleset: Ruleset): Group[] => ruleset.groups.filter((g) => g.units !== undefined);

/** The code of village i's row in a per-village group of the commune ruleset: "YC3.T1". */
export const villageRowCode = (groupCode: string, index: number): string => `${groupCode}.T${index + 1}`;

/** "ít nhất 1 thôn đạt", "tất cả các thôn đạt". */
export function communeRuleText(rule: PassRule, unitName: string): string {
  return "all" in rule ? `tất cả các ${unitName} đạt` : `ít nhất ${rule.atLeast} ${unitName} đạt`;
}

/**
 * What a village's verdict on a group answers to "does this village pass?": Có / Không, "Lỗi số liệu"
 * (read as a wrong answer, so the commune row is lỗi too), blank while figures are missing. The
 * "Theo thôn" sheet computes the same from the village sheet's verdict cell (layout/villages.ts).
 */
export function villageAnswer(verdict: Verdict): string | null {
  if (verdict === "dat") return "Có";
  if (verdict === "khong-dat") return "Không";
  if (verdict === "loi-so-lieu") return VERDICT_TEXT["loi-so-lieu"];
  return null;
}

/** The per-village groups alone; with one group, its summary is the village's overall ("đạt 2/6 yêu cầu"). */
export function villageRuleset(ruleset: Ruleset): Ruleset {
  const groups = villageGroups(ruleset);
  const only = groups.length === 1 ? groups[0]! : undefined;
  const overall = only
    ? { unitName: only.unitName, counts: "items" as const, passRule: only.passRule, suspendedInTotal: only.suspendedInTotal }
    : { unitName: "nhóm", counts: "groups" as const, passRule: { all: true as const }, suspendedInTotal: false };
  return { ...ruleset, groups, overall };
}

/** The ruleset with each per-village group holding one yes/no row per village under the commune-level rule. */
export function communeRuleset(ruleset: Ruleset, names: readonly string[]): Ruleset {
  const groups = ruleset.groups.map((g): Group => {
    if (!g.units) return g;
    const rule = communeRuleText(g.units.communeRule, g.units.unitName);
    const items = names.map((name, i): Indicator => ({
      kind: "yes-no",
      code: villageRowCode(g.code, i),
      name: `${name}: ${g.name}`,
      requirementText: `Đạt (${g.unitName} của ${g.units!.unitName})`,
      expected: true,
      valueLabel: `${name} đạt?`,
      notes: [],
    }));
    return {
      ...g,
      requirementText: `${rule} (${g.units.source})`,
      passRule: g.units.communeRule,
      unitName: g.units.unitName,
      suspendedInTotal: false,
      items,
    };
  });
  // A programme that is one per-village group (Hà Nam thôn thông minh) passes as its commune rule says.
  const only = ruleset.groups.length === 1 ? ruleset.groups[0]!.units : undefined;
  const overall =
    only && ruleset.overall.counts !== "groups"
      ? { unitName: only.unitName, counts: "items" as const, passRule: only.communeRule, suspendedInTotal: false }
      : ruleset.overall;
  return { ...ruleset, groups, overall };
}

/** Inputs the commune sheet gives for indicators judged per village are not read in per-village mode: said, not silently dropped. */
function ignoredCommuneInputs(ruleset: Ruleset, inputs: Inputs): Finding[] {
  const codes = new Set(
    villageGroups(ruleset).flatMap((g) => g.items.flatMap((i) => (i.kind === "criterion" ? i.indicators.map((x) => x.code) : [i.code]))),
  );
  const out: Finding[] = [];
  for (const [code, slots] of Object.entries(inputs)) {
    if (!codes.has(code)) continue;
    for (const input of Object.values(slots)) {
      if (input.kind === "missing") continue;
      out.push({
        severity: "canh-bao",
        message: `${input.source ? `Ô ${input.source}` : `Số liệu chỉ tiêu ${code}`} không được dùng: chỉ tiêu ${code} được đánh giá theo từng thôn (trang nhập theo thôn) — hãy nhập số liệu vào cột của thôn`,
        ...(input.source ? { ref: input.source } : {}),
      });
    }
  }
  return out;
}

/** Each per-village group's result: the commune's count of villages and every village's own verdict. */
function unitsResults(groups: readonly Group[], ev: Evaluation, villages: readonly Village[], evs: readonly Evaluation[]): UnitsResult[] {
  return groups.map((g) => {
    const s = ev.groups.find((x) => x.code === g.code)!;
    return {
      groupCode: g.code,
      groupName: g.name,
      unitName: g.units!.unitName,
      rule: communeRuleText(g.units!.communeRule, g.units!.unitName),
      source: g.units!.source,
      verdict: s.verdict,
      passed: s.passed,
      counted: s.counted,
      text: s.text,
      villages: villages.map((v, i) => {
        const own = evs[i]!;
        const vs = own.groups.find((x) => x.code === g.code)!;
        return {
          name: v.name,
          ...(v.nameSource !== undefined ? { nameSource: v.nameSource } : {}),
          verdict: vs.verdict,
          passed: vs.passed,
          counted: vs.counted,
          text: vs.text,
          indicators: own.indicators.filter((r) => r.groupCode === g.code),
          criteria: own.criteria.filter((c) => g.items.some((item) => item.code === c.code)),
        };
      }),
    };
  });
}

/**
 * Evaluates each village on the per-village groups and the commune on the commune ruleset. Without a
 * village, or on a ruleset with no per-village group, it is evaluate() itself.
 */
export function evaluateVillages(
  ruleset: Ruleset,
  communeInputs: Inputs,
  villages: readonly Village[],
  options: EvaluateOptions = {},
): VillageEvaluation | undefined {
  const groups = villageGroups(ruleset);
  if (groups.length === 0 || villages.length === 0) return undefined;
  const vr = villageRuleset(ruleset);
  const evs = villages.map((v) => evaluate(vr, v.inputs, options));
  const cr = communeRuleset(
    ruleset,
    villages.map((v) => v.name),
  );
  const inputs: Record<string, IndicatorInputs> = { ...communeInputs };
  const answers: Record<string, RawCell> = {};
  const suspended: Record<string, string> = { ...(options.suspended ?? {}) };
  for (const g of groups) {
    villages.forEach((v, i) => {
      const code = villageRowCode(g.code, i);
      const verdict = evs[i]!.groups.find((s) => s.code === g.code)!.verdict;
      if (verdict === "tam-dung" || verdict === "khong-ap-dung") {
        // Nothing of the group applies to this village: it leaves the commune's count, as a suspended item does.
        suspended[code] = `${v.name}: mọi yêu cầu của nhóm ${g.code} ${verdict === "tam-dung" ? "tạm dừng" : "không áp dụng"}`;
        return;
      }
      answers[code] = villageAnswer(verdict);
      inputs[code] = { value: parseCell(answers[code], "yes-no", v.nameSource) };
    });
  }
  const judged = evaluate(cr, inputs, { ...options, suspended });
  // A village row says where its verdict comes from; the village's own problems are listed with its name below.
  const rows = new Map(groups.flatMap((g) => villages.map((v, i) => [villageRowCode(g.code, i), { g, v }] as const)));
  const ev: Evaluation = {
    ...judged,
    indicators: judged.indicators.map((r) => {
      const row = rows.get(r.code);
      if (!row || r.verdict === "tam-dung") return r;
      // No verdict in the note: the status sheet writes notes as text, which would not follow an edited figure.
      return {
        ...r,
        problems: [],
        notes: [
          `Kết quả của ${row.v.name} ở nhóm ${row.g.code} (đạt khi ${"all" in row.g.passRule ? "đạt tất cả" : `đạt ít nhất ${row.g.passRule.atLeast}`} ${row.g.unitName}); số liệu và từng ${row.g.unitName} ở trang chi tiết của thôn.`,
        ],
      };
    }),
  };
  const units = unitsResults(groups, ev, villages, evs);
  // A village's problems name the village, so the clerk knows which column to fix.
  const villageProblems = evs.flatMap((own, i) =>
    own.indicators.flatMap((r) =>
      [...r.problems, ...(r.parts ?? []).flatMap((p) => p.problems)].map((p) => ({
        ...p,
        message: `${villages[i]!.name}, chỉ tiêu ${r.code}: ${p.message}`,
      })),
    ),
  );
  const problems = [...ev.problems, ...ignoredCommuneInputs(ruleset, communeInputs), ...villageProblems];
  return { evaluation: { ...ev, problems, units }, villages: evs, communeRuleset: cr, villageRuleset: vr, answers };
}
