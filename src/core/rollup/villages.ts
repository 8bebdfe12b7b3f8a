/*
 * A commune judged village by village (thôn thông minh) has no commune figure for the indicators of a
 * per-village group: each village has its own. The roll-up's column for such an indicator says how many
 * villages meet it ("1/2 thôn đạt") and judges it by the group's commune-level rule over the villages
 * ("ít nhất 1 thôn đạt"), with the same combine() as every count of the engine — so neither the commune's
 * row nor the per-indicator tallies are left blank.
 */
import { combine } from "../evaluate/combine";
import type { Evaluation } from "../evaluate/result";
import type { Ruleset } from "../ruleset/schema";
import type { IndicatorEntry } from "./types";

export function villageIndicatorEntries(ruleset: Ruleset, evaluation: Evaluation): IndicatorEntry[] {
  const out: IndicatorEntry[] = [];
  for (const u of evaluation.units ?? []) {
    const rule = ruleset.groups.find((g) => g.code === u.groupCode)?.units?.communeRule;
    if (!rule || u.villages.length === 0) continue;
    for (const { code } of u.villages[0]!.indicators) {
      // A village without the row has no figure for it: missing, never a pass.
      const verdicts = u.villages.map((v) => v.indicators.find((r) => r.code === code)?.verdict ?? "thieu-so-lieu");
      const c = combine(verdicts, rule);
      out.push({ code, verdict: c.verdict, ...(c.applicable > 0 ? { display: `${c.passed}/${c.applicable} ${u.unitName} đạt` } : {}) });
    }
  }
  return out;
}
