/*
 * Thanh Hóa's model commune, YC3 "thôn thông minh", as inputs without a workbook: a village meeting every
 * requirement, and the ruleset with YC3's commune-level rule replaced. For the engine's and the
 * roll-up's per-village tests.
 */
import type { Inputs } from "../../src/core/evaluate/inputs";
import { rat } from "../../src/core/evaluate/rational";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { loadRulesetDir } from "../../src/node/rulesets";

export const kieuMau: Ruleset = loadRulesetDir().rulesets.get("thanh-hoa-xa-ntm-kieu-mau-2023")!;

export const yes = (value: boolean) => ({ kind: "bool" as const, value });
export const count = (n: number) => ({ kind: "number" as const, value: rat(n) });

/** A village meeting every YC3 requirement. */
export const PASSING_YC3: Inputs = {
  "YC3.1": { value: yes(true) },
  "YC3.2": { value: yes(true) },
  "YC3.3": { numerator: count(80), denominator: count(100) },
  "YC3.4": { numerator: count(50), denominator: count(100) },
  "YC3.5": { value: yes(true) },
};

/** The same village without a digital-transformation model (YC3.5). */
export const NO_MODEL_YC3: Inputs = { ...PASSING_YC3, "YC3.5": { value: yes(false) } };

/** The model-commune ruleset with YC3's commune-level rule replaced. */
export function withCommuneRule(rule: { all: true } | { atLeast: number }): Ruleset {
  return { ...kieuMau, groups: kieuMau.groups.map((g) => (g.units ? { ...g, units: { ...g.units, communeRule: rule } } : g)) };
}
