import type { IndicatorInputs } from "../evaluate/inputs";
import { satisfies } from "../evaluate/measures";
import { fromNumber, type Rational } from "../evaluate/rational";
import type { Comparator, Indicator, IndicatorKind, ShareRequirement } from "../ruleset/schema";
import { formatShareThreshold, shareThresholdValue } from "../text/format";

/**
 * The shares an indicator holds — numerator over denominator, or a typed ratio — with what the
 * checks need to know of each: whether it is a share (cannot exceed its whole), the population its
 * denominator counts, and the threshold in force. Each kind declares its own answer.
 */
export type ShareMeasure = {
  /** "" or the part id of a two-part indicator; slots are `${prefix}.numerator` etc. */
  prefix: string;
  name: string;
  share: boolean;
  population?: string | undefined;
  numeratorLabel: string;
  denominatorLabel: string;
  unit: string;
  /** 0/0 is not applicable for this share (the document's "100% of none"). */
  whenNone?: boolean;
  /** The threshold in force; absent when it cannot be known (no report date, condition missing). */
  threshold?: { comparator: Comparator; value: Rational; text: string } | undefined;
};

type Ctx = { inputs: IndicatorInputs; asOf?: string | undefined };
type ByKind<K extends IndicatorKind> = Extract<Indicator, { kind: K }>;

const threshold = (req: ShareRequirement) => ({ comparator: req.comparator, value: shareThresholdValue(req), text: formatShareThreshold(req) });

/** The year's threshold where the document lists it; never another year's (as the engine). */
function yearThreshold(byYear: Record<string, number>, asOf: string | undefined): number | undefined {
  if (asOf === undefined) return undefined;
  return byYear[asOf.slice(0, 4)];
}

const SHARES: { [K in IndicatorKind]: (ind: ByKind<K>, ctx: Ctx) => ShareMeasure[] } = {
  ratio: (ind) => [
    { prefix: "", name: ind.name, share: ind.share, population: ind.population, numeratorLabel: ind.numeratorLabel, denominatorLabel: ind.denominatorLabel, unit: ind.unit, threshold: threshold(ind.requirement), whenNone: ind.whenNone !== undefined },
  ],
  quantity: () => [],
  "yes-no": () => [],
  "by-year": (ind, ctx) => {
    if (ind.measure !== "ratio") return [];
    const percent = yearThreshold(ind.byYear, ctx.asOf);
    return [
      {
        prefix: "",
        name: ind.name,
        share: true,
        numeratorLabel: ind.numeratorLabel ?? "Tử số",
        denominatorLabel: ind.denominatorLabel ?? "Mẫu số",
        unit: ind.unit,
        threshold: percent === undefined ? undefined : threshold({ comparator: ind.comparator, percent }),
      },
    ];
  },
  conditional: (ind, ctx) => {
    const cond = ctx.inputs["condition"];
    const chosen = cond?.kind === "number" ? (satisfies(cond.value, ind.condition.comparator, fromNumber(ind.condition.value)) ? ind.then : ind.otherwise) : undefined;
    return [
      {
        prefix: "",
        name: ind.name,
        share: ind.share,
        population: ind.population,
        numeratorLabel: ind.numeratorLabel,
        denominatorLabel: ind.denominatorLabel,
        unit: ind.unit,
        threshold: chosen ? threshold(chosen) : undefined,
      },
    ];
  },
  "all-of": (ind) =>
    ind.parts.flatMap((part) => {
      const m = part.measure;
      if (m.kind !== "ratio") return [];
      return [{ prefix: part.id, name: part.name, share: m.share, population: m.population, numeratorLabel: m.numeratorLabel, denominatorLabel: m.denominatorLabel, unit: m.unit, threshold: threshold(m.requirement), whenNone: m.whenNone !== undefined }];
    }),
};

export function sharesOf(ind: Indicator, ctx: Ctx): ShareMeasure[] {
  return (SHARES[ind.kind] as (i: Indicator, c: Ctx) => ShareMeasure[])(ind, ctx);
}

export const slotOf = (prefix: string, base: string) => (prefix ? `${prefix}.${base}` : base);
