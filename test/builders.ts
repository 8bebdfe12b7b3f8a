import type { Inputs, Input, IndicatorInputs } from "../src/core/evaluate/inputs";
import { fromNumber } from "../src/core/evaluate/rational";
import { Ruleset, type Indicator } from "../src/core/ruleset/schema";

type IndicatorDraft = Record<string, unknown> & { code: string; kind: string };

/** A ratio indicator with sensible labels; override any field. */
export function ratio(code: string, percent: number, extra: Record<string, unknown> = {}): IndicatorDraft {
  return {
    kind: "ratio",
    code,
    name: `Chỉ tiêu ${code}`,
    requirement: { comparator: ">=", percent },
    numeratorLabel: "Tử số",
    denominatorLabel: "Mẫu số",
    unit: "người",
    ...extra,
  };
}

export function yesNo(code: string, extra: Record<string, unknown> = {}): IndicatorDraft {
  return { kind: "yes-no", code, name: `Điều kiện ${code}`, ...extra };
}

/** A valid ruleset around the given items (one group unless groups are given), parsed through the schema. */
export function makeRuleset(spec: {
  items?: unknown[];
  groups?: unknown[];
  overall?: Record<string, unknown>;
  id?: string;
  parameters?: Record<string, unknown>;
}): Ruleset {
  const groups = spec.groups ?? [{ code: "1", name: "Nhóm 1", unitName: "chỉ tiêu", items: spec.items ?? [] }];
  return Ruleset.parse({
    id: spec.id ?? "thu-nghiem",
    title: "Bộ tiêu chí thử nghiệm",
    province: "Tỉnh thử nghiệm",
    level: "xa",
    document: { number: "01/HD", date: "2024-10", issuer: "Sở thử nghiệm" },
    source: { seed: "001_7d4820e14f3ca244.txt", section: "III" },
    overall: { unitName: "nhóm", counts: "groups", ...spec.overall },
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    groups,
  });
}

export function num(x: number, source?: string): Input {
  return source === undefined ? { kind: "number", value: fromNumber(x) } : { kind: "number", value: fromNumber(x), source };
}
export function yes(v: boolean, source?: string): Input {
  return source === undefined ? { kind: "bool", value: v } : { kind: "bool", value: v, source };
}
export const missing: Input = { kind: "missing" };

/** Inputs for ratio indicators: { "3.2": [2335, 3986] } → numerator/denominator slots. */
export function counts(table: Record<string, [number, number]>): Inputs {
  const out: Record<string, IndicatorInputs> = {};
  for (const [code, [n, d]] of Object.entries(table)) out[code] = { numerator: num(n), denominator: num(d) };
  return out;
}

export type { Indicator };
