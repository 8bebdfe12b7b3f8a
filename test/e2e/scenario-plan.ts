/*
 * Input scenarios for the end-to-end tests: what a clerk types into the template of a ruleset, chosen
 * so that across a few variants every path of the engine and of the status-sheet formulas is taken
 * (pass, fail with a shortfall, exactly on the threshold, the rounding trap, blank, impossible figures,
 * counts typed as text, yes/no words, both branches of a condition, by-year thresholds, two-part
 * indicators). Deterministic per (ruleset, variant): no randomness, no clock.
 */
import { slotsOf } from "../../src/core/evaluate/slots";
import { ceil, floor, mul, rat, toNumber, type Rational } from "../../src/core/evaluate/rational";
import type { Mapping } from "../../src/core/mapping/schema";
import type { Comparator, Ruleset, ShareRequirement } from "../../src/core/ruleset/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { shareThresholdValue } from "../../src/core/text/format";
import { templateName } from "../../src/workbook/xlsx/template";

/** What a clerk can type into a cell: text, a number, TRUE/FALSE, or nothing. */
export type CellInput = string | number | boolean | null;

/** Also what a cell can hold: an error value left by a formula (written as =1/0 or =NA()). */
export type TypedCell = CellInput | { error: "#DIV/0!" | "#N/A" };

/** Template name → the value typed into its cell. A name absent from the record is not mapped at all. */
export type ScenarioValues = Record<string, CellInput>;

export type ScenarioCase = { code: string; part?: string; family: CaseFamily; label: string };

export type Scenario = {
  variant: number;
  /** The report date; by-year thresholds are taken on it. Absent in one variant on purpose. */
  asOf?: string;
  commune: string;
  values: ScenarioValues;
  /** Indicators the clerk marks not applicable (code → reason). */
  suspended: Record<string, string>;
  /** What each indicator or part exercises, for coverage checks and failure messages. */
  cases: ScenarioCase[];
};

export type CaseFamily = "share" | "quantity" | "per-capita" | "yes-no" | "condition";

/** The paths of a share (n/d against a percentage or fraction). */
export const SHARE_CASES = [
  "pass",
  "fail",
  "exact",
  "rounding-trap",
  "blank-numerator",
  "numerator-above-denominator",
  "zero-denominator",
  "count-as-text",
  "garbage-text",
  "negative",
  "blank-denominator",
  "value-typed-pass",
  "count-spaced-text",
  "value-typed-fail",
  "blank-both",
  "fractional-count",
  "value-above-one",
] as const;
const SHARE_PASSING = ["pass", "count-as-text", "exact", "value-typed-pass", "count-spaced-text"] as const;
type ShareCase = (typeof SHARE_CASES)[number];

export const YES_NO_CASES = [
  "Có",
  "Không",
  "x",
  "Chưa đạt",
  "(trống)",
  "có lẽ",
  "TRUE",
  "1",
  "ĐẠT",
  "  không  ",
  "✓",
  "FALSE",
  "0",
  "2",
  "Đạt",
] as const;
type YesNoCase = (typeof YES_NO_CASES)[number];
const YES_PASSING: YesNoCase[] = ["Có", "x", "Đạt", "TRUE", "✓", "1"];
const NO_PASSING: YesNoCase[] = ["Không", "Chưa đạt", "FALSE", "0"];

export const QUANTITY_CASES = ["pass", "fail", "exact", "blank", "negative", "garbage-text", "just-off", "zero"] as const;
type QuantityCase = (typeof QUANTITY_CASES)[number];
const QUANTITY_PASSING = ["pass", "exact"] as const;

export const PER_CAPITA_CASES = ["pass", "fail", "exact", "zero-denominator", "blank-numerator", "count-as-text", "negative"] as const;
type PerCapitaCase = (typeof PER_CAPITA_CASES)[number];
const PER_CAPITA_PASSING = ["pass", "exact", "count-as-text"] as const;

export const CONDITION_CASES = ["then", "otherwise", "blank", "garbage-text", "negative"] as const;
type ConditionCase = (typeof CONDITION_CASES)[number];

export const VARIANTS = [0, 1, 2] as const;

const YES_NO_VALUE: Record<YesNoCase, CellInput> = {
  Có: "Có",
  Không: "Không",
  x: "x",
  "Chưa đạt": "Chưa đạt",
  "(trống)": null,
  "có lẽ": "có lẽ",
  TRUE: true,
  "1": 1,
  ĐẠT: "ĐẠT",
  "  không  ": "  không  ",
  "✓": "✓",
  FALSE: false,
  "0": 0,
  "2": 2,
  Đạt: "Đạt",
};

/** Cycles through a case list: variant 0 in order, variant 2 shifted by half, variant 1 passing values only. */
class Picker {
  private readonly counters = new Map<CaseFamily, number>();
  constructor(private readonly variant: number) {}
  pick<T>(family: CaseFamily, all: readonly T[], passing: readonly T[]): T {
    const k = this.counters.get(family) ?? 0;
    this.counters.set(family, k + 1);
    if (this.variant === 1) return passing[k % passing.length]!;
    const shift = this.variant === 0 ? 0 : Math.floor(all.length / 2) + this.variant;
    return all[(k + shift) % all.length]!;
  }
}

type SlotValues = Record<string, CellInput>;

/** The share n/d ⋄ t: the smallest passing count for ≥/>, the largest for ≤/<, t·d for =. */
function boundary(t: Rational, c: Comparator, d: bigint): bigint {
  const td = mul(t, rat(d));
  switch (c) {
    case ">=":
      return ceil(td);
    case ">":
      return floor(td) + 1n;
    case "<=":
      return floor(td);
    case "<":
      return ceil(td) - 1n;
    case "=":
      return floor(td);
  }
}

const up = (c: Comparator) => c === ">=" || c === ">" || c === "=";
const clamp = (n: bigint, lo: bigint, hi: bigint) => (n < lo ? lo : n > hi ? hi : n);

/** Numerator/denominator (or ratio) values for one share case; `undefined` slots stay unmapped. */
function shareValues(req: ShareRequirement, share: boolean, kase: ShareCase): SlotValues {
  const t = shareThresholdValue(req);
  const c = req.comparator;
  const d = 3986n;
  const max = share ? d : 4n * d;
  const edge = boundary(t, c, d);
  const passing = clamp(up(c) ? edge + (c === "=" ? 0n : 7n) : edge - 7n, 0n, max);
  const nd = (n: CellInput, den: CellInput): SlotValues => ({ numerator: n, denominator: den });
  const exactD = t.d * ((4000n + t.d - 1n) / t.d);
  switch (kase) {
    case "pass":
      return c === "=" ? nd(Number((t.n * exactD) / t.d), Number(exactD)) : nd(Number(passing), Number(d));
    case "fail":
      return nd(Number(clamp(up(c) ? edge - 854n : edge + 854n, 0n, max)), Number(d));
    case "exact":
      return nd(Number((t.n * exactD) / t.d), Number(exactD));
    case "rounding-trap":
      // 3388/3986 against ≥ 85%: shows 85,0% and fails; against > t the mirror image passes.
      return nd(Number(clamp(c === ">=" ? edge - 1n : c === "<=" ? edge + 1n : edge, 0n, max)), Number(d));
    case "blank-numerator":
      return nd(null, Number(d));
    case "blank-denominator":
      return nd(Number(passing), null);
    case "blank-both":
      return nd(null, null);
    case "numerator-above-denominator":
      return nd(Number(d + 1n), Number(d));
    case "zero-denominator":
      return nd(0, 0);
    case "count-as-text":
      return nd(Number(passing), "3.986");
    case "count-spaced-text":
      return nd(spaced(passing), Number(d));
    case "garbage-text":
      return nd("abc", Number(d));
    case "negative":
      return nd(-5, Number(d));
    case "fractional-count":
      return nd(12.5, Number(d));
    case "value-typed-pass": {
      // The ratio typed directly, numerator and denominator left unmapped.
      const v = Math.min(share ? 1 : 4, Math.round((toNumber(t) + (up(c) ? (c === "=" ? 0 : 0.013) : -0.013)) * 1000) / 1000);
      return { value: Math.max(0, v) };
    }
    case "value-typed-fail": {
      const v = Math.round((toNumber(t) + (up(c) ? -0.1 : 0.1)) * 1000) / 1000;
      return { value: Math.min(share ? 1 : 4, Math.max(0, v)) };
    }
    case "value-above-one":
      return { value: 1.25 };
  }
}

/** 2335 → "2 335", as a clerk types thousands with a space. */
function spaced(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function quantityValues(t: number, c: Comparator, kase: QuantityCase): SlotValues {
  const dir = up(c) ? 1 : -1;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  switch (kase) {
    case "pass":
      return { value: c === "=" ? t : round(t + dir * 1.5) };
    case "fail":
      return { value: Math.max(0, round(t - dir * 2.25)) };
    case "exact":
      return { value: t };
    case "blank":
      return { value: null };
    case "negative":
      return { value: -1 };
    case "garbage-text":
      return { value: "abc" };
    case "just-off":
      return { value: Math.max(0, round(t - dir * 0.05)) };
    case "zero":
      return { value: 0 };
  }
}

function perCapitaValues(t: number, c: Comparator, kase: PerCapitaCase): SlotValues {
  const d = 3986;
  const need = Math.round(t * d * 1000) / 1000;
  const dir = up(c) ? 1 : -1;
  switch (kase) {
    case "pass":
      return { numerator: need + dir * 100, denominator: d };
    case "fail":
      return { numerator: Math.max(0, need - dir * 250.5), denominator: d };
    case "exact":
      return { numerator: need, denominator: d };
    case "zero-denominator":
      return { numerator: need, denominator: 0 };
    case "blank-numerator":
      return { numerator: null, denominator: d };
    case "count-as-text":
      return { numerator: need + dir * 3, denominator: "3.986" };
    case "negative":
      return { numerator: -need, denominator: d };
  }
}

/** A value of the condition cell that holds (or not) `x ⋄ v`. */
function conditionValue(cond: { comparator: Comparator; value: number }, holds: boolean): number {
  const v = cond.value;
  const inside = { ">=": v, ">": v + 1, "<=": v, "<": v - 1, "=": v }[cond.comparator];
  const outside = { ">=": v - 1, ">": v, "<=": v + 1, "<": v, "=": v + 1 }[cond.comparator];
  return Math.max(0, holds ? inside : outside);
}

/** The threshold a by-year indicator applies on the report date (the nearest year outside the table). */
function yearThreshold(byYear: Record<string, number>, asOf: string | undefined): number {
  const years = Object.keys(byYear)
    .map(Number)
    .sort((a, b) => a - b);
  const year = asOf ? Number(asOf.slice(0, 4)) : years[years.length - 1]!;
  const exact = byYear[String(year)];
  if (exact !== undefined) return exact;
  return byYear[String(year < years[0]! ? years[0]! : years[years.length - 1]!)]!;
}

const ASOF: Record<number, string | undefined> = { 0: "2024-06-30", 1: "2026-12-31", 2: undefined };

/** The clerk marks one applicable indicator not applicable: tạm dừng, left out of the totals. */
function suspendOne(located: ReturnType<typeof indicatorsOf>): Record<string, string> {
  const target = located.find((l) => !l.item.suspended && l.item.kind === "yes-no") ?? located.find((l) => !l.item.suspended);
  return target ? { [target.item.code]: "Xã không có đối tượng áp dụng (thử nghiệm)" } : {};
}

/**
 * The inputs of one variant: 0 walks every case in order, 1 types only passing values (so summaries
 * reach Đạt) and marks one indicator not applicable, 2 walks the cases shifted, leaves the last group
 * blank and has no report date.
 */
export function planScenario(ruleset: Ruleset, variant: number): Scenario {
  const asOf = ASOF[variant % 3];
  const picker = new Picker(variant);
  const values: ScenarioValues = {};
  const cases: ScenarioCase[] = [];
  const located = indicatorsOf(ruleset);
  const last = ruleset.groups[ruleset.groups.length - 1];
  const blankGroups = new Set(variant === 2 && ruleset.groups.length > 1 && last ? [last.code] : []);

  const put = (code: string, prefix: string, slots: SlotValues) => {
    for (const [slot, v] of Object.entries(slots)) values[templateName(code, prefix ? `${prefix}.${slot}` : slot)] = v;
  };
  const note = (code: string, part: string | undefined, family: CaseFamily, label: string) =>
    cases.push(part === undefined ? { code, family, label } : { code, part, family, label });

  const share = (code: string, prefix: string, part: string | undefined, req: ShareRequirement, isShare: boolean) => {
    const kase = picker.pick("share", SHARE_CASES, SHARE_PASSING);
    note(code, part, "share", kase);
    put(code, prefix, shareValues(req, isShare, kase));
  };
  const quantity = (code: string, prefix: string, part: string | undefined, t: number, c: Comparator, perCapita: boolean) => {
    if (perCapita) {
      const kase = picker.pick("per-capita", PER_CAPITA_CASES, PER_CAPITA_PASSING);
      note(code, part, "per-capita", kase);
      put(code, prefix, perCapitaValues(t, c, kase));
    } else {
      const kase = picker.pick("quantity", QUANTITY_CASES, QUANTITY_PASSING);
      note(code, part, "quantity", kase);
      put(code, prefix, quantityValues(t, c, kase));
    }
  };
  const yesNo = (code: string, prefix: string, part: string | undefined, expected: boolean) => {
    const kase = picker.pick("yes-no", YES_NO_CASES, expected ? YES_PASSING : NO_PASSING);
    note(code, part, "yes-no", kase);
    put(code, prefix, { value: YES_NO_VALUE[kase] });
  };

  for (const { item, group } of located) {
    if (blankGroups.has(group.code)) {
      for (const s of slotsOf(item).filter((s) => !s.alternative)) values[templateName(item.code, s.slot)] = null;
      note(item.code, undefined, "share", "blank-group");
      continue;
    }
    const code = item.code;
    switch (item.kind) {
      case "ratio":
        share(code, "", undefined, item.requirement, item.share);
        break;
      case "quantity":
        quantity(code, "", undefined, item.requirement.value, item.requirement.comparator, item.perCapita !== undefined);
        break;
      case "yes-no":
        yesNo(code, "", undefined, item.expected);
        break;
      case "by-year": {
        const t = yearThreshold(item.byYear, asOf);
        if (item.measure === "ratio") share(code, "", undefined, { comparator: item.comparator, percent: t }, true);
        else quantity(code, "", undefined, t, item.comparator, false);
        break;
      }
      case "conditional": {
        const kase = picker.pick<ConditionCase>("condition", CONDITION_CASES, ["then", "otherwise"]);
        note(code, undefined, "condition", kase);
        const holds = kase !== "otherwise";
        values[templateName(code, "condition")] =
          kase === "blank" ? null : kase === "garbage-text" ? "abc" : kase === "negative" ? -2 : conditionValue(item.condition, holds);
        share(code, "", undefined, holds ? item.then : item.otherwise, item.share);
        break;
      }
      case "all-of":
        for (const part of item.parts) {
          const m = part.measure;
          if (m.kind === "ratio") share(code, part.id, part.id, m.requirement, m.share);
          else if (m.kind === "quantity")
            quantity(code, part.id, part.id, m.requirement.value, m.requirement.comparator, m.perCapita !== undefined);
          else yesNo(code, part.id, part.id, m.expected);
        }
        break;
    }
  }
  const suspended = variant === 1 ? suspendOne(located) : {};
  return { variant, ...(asOf !== undefined ? { asOf } : {}), commune: "Hà Tân (thử nghiệm)", values, suspended, cases };
}

/** The values of one variant, by template name (see planScenario). */
export function fillScenario(ruleset: Ruleset, variant: number): ScenarioValues {
  return planScenario(ruleset, variant).values;
}

/** Template name → (code, slot) for every slot of a ruleset, alternatives included. */
export function slotNames(ruleset: Ruleset): Map<string, { code: string; slot: string; alternative: boolean }> {
  const out = new Map<string, { code: string; slot: string; alternative: boolean }>();
  for (const { item } of indicatorsOf(ruleset)) {
    for (const s of slotsOf(item))
      out.set(templateName(item.code, s.slot), { code: item.code, slot: s.slot, alternative: s.alternative === true });
  }
  return out;
}

/** The mapping of a scenario: every name present in the values (blank or not) is mapped, the rest is not. */
export function scenarioMapping(
  ruleset: Ruleset,
  scenario: Pick<Scenario, "asOf" | "commune" | "suspended"> & { values: Readonly<Record<string, TypedCell>> },
): Mapping {
  const slots = slotNames(ruleset);
  const indicators: Mapping["indicators"] = {};
  for (const name of Object.keys(scenario.values)) {
    const s = slots.get(name);
    if (!s) throw new Error(`${name} is not a slot of ${ruleset.id}`);
    (indicators[s.code] ??= {})[s.slot] = name;
  }
  return {
    ruleset: ruleset.id,
    ...(scenario.asOf !== undefined ? { asOf: scenario.asOf } : {}),
    commune: scenario.commune,
    indicators,
    ...(Object.keys(scenario.suspended).length > 0 ? { suspended: scenario.suspended } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The Hà Tân report's own figures (test/fixtures/ha-tan-2024.json), as a clerk would type them

export type ReportFigure = { numerator?: number; denominator?: number; value?: boolean | number };

/**
 * The Hà Tân figures typed into the template of thanh-hoa-cds-xa-2024: counts where the report gives
 * them (a numerator without its denominator leaves the denominator blank), a ratio the report gives
 * only as a value typed directly, "Có"/"Không" for conditions; indicators it has no figure for stay blank.
 */
export function haTanScenario(ruleset: Ruleset, fixture: Readonly<Record<string, ReportFigure>>): Scenario {
  const values: ScenarioValues = {};
  for (const { item } of indicatorsOf(ruleset)) {
    const f = fixture[item.code] ?? {};
    const name = (slot: string) => templateName(item.code, slot);
    if (item.kind === "yes-no") {
      values[name("value")] = f.value === undefined ? null : f.value === true || f.value === 1 ? "Có" : "Không";
    } else if (f.numerator === undefined && typeof f.value === "number" && slotsOf(item).some((s) => s.slot === "value")) {
      values[name("value")] = f.value;
    } else {
      for (const s of slotsOf(item).filter((s) => !s.alternative)) {
        const v = s.slot === "numerator" ? f.numerator : s.slot === "denominator" ? f.denominator : undefined;
        values[name(s.slot)] = v ?? null;
      }
    }
  }
  return { variant: -1, asOf: "2024-06-30", commune: "Hà Tân", values, suspended: {}, cases: [] };
}

/** The formulas of one sheet of an .xlsx, by cell (A1 → formula text), for failure messages. */
