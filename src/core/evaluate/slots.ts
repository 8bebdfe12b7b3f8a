import type { AppliesIf, Indicator, IndicatorKind, Measure } from "../ruleset/schema";
import type { ValueType } from "./inputs";

/** One input an indicator needs, as the mapping and the template name it. */
export type SlotSpec = {
  slot: string;
  label: string;
  type: ValueType;
  /** Slots that stand in for this one: a ratio may be given as numerator + denominator, or as its value. */
  alternative?: boolean;
  /** For the yes/no question that decides whether it applies: slots with one key share one cell. */
  questionKey?: string;
};

function questionSlot(a: AppliesIf | undefined, slot: string): SlotSpec[] {
  return a ? [{ slot, label: a.question, type: "yes-no", questionKey: a.key }] : [];
}

function measureSlots(m: Measure, prefix: string, name: string): SlotSpec[] {
  const p = (s: string) => (prefix ? `${prefix}.${s}` : s);
  switch (m.kind) {
    case "ratio": {
      // A length, area or mass in the document's unit takes decimals; a count does not.
      const type = m.amount === "measure" ? "number" : "count";
      return [
        { slot: p("numerator"), label: m.numeratorLabel, type },
        { slot: p("denominator"), label: m.denominatorLabel, type },
        { slot: p("value"), label: `Tỷ lệ: ${name}`, type: "ratio", alternative: true },
      ];
    }
    case "quantity":
      return m.perCapita
        ? [
            { slot: p("numerator"), label: m.perCapita.numeratorLabel, type: "number" },
            { slot: p("denominator"), label: m.perCapita.denominatorLabel, type: "count" },
          ]
        : [{ slot: p("value"), label: m.valueLabel, type: "number" }];
    case "yes-no":
      return [{ slot: p("value"), label: m.valueLabel ?? name, type: "yes-no" }];
  }
}

type ByKind<K extends IndicatorKind> = Extract<Indicator, { kind: K }>;

const SLOTS: { [K in IndicatorKind]: (ind: ByKind<K>) => SlotSpec[] } = {
  ratio: (ind) => measureSlots(ind, "", ind.name),
  quantity: (ind) => measureSlots(ind, "", ind.name),
  "yes-no": (ind) => measureSlots(ind, "", ind.name),
  "by-year": (ind) =>
    ind.measure === "ratio"
      ? [
          { slot: "numerator", label: ind.numeratorLabel ?? "Tử số", type: "count" },
          { slot: "denominator", label: ind.denominatorLabel ?? "Mẫu số", type: "count" },
          { slot: "value", label: `Tỷ lệ: ${ind.name}`, type: "ratio", alternative: true },
        ]
      : [
          { slot: "value", label: ind.valueLabel ?? ind.name, type: "number" },
          ...(ind.rule ? [{ slot: "reference", label: ind.rule.referenceLabel, type: "number" as const }] : []),
        ],
  conditional: (ind) => [
    { slot: "numerator", label: ind.numeratorLabel, type: "count" },
    { slot: "denominator", label: ind.denominatorLabel, type: "count" },
    { slot: "condition", label: ind.condition.label, type: "number" },
    { slot: "value", label: `Tỷ lệ: ${ind.name}`, type: "ratio", alternative: true },
  ],
  "all-of": (ind) => ind.parts.flatMap((part) => [...questionSlot(part.appliesIf, `${part.id}.question`), ...measureSlots(part.measure, part.id, part.name)]),
};

/** The inputs an indicator reads, in the order a clerk fills them. */
export function slotsOf(ind: Indicator): SlotSpec[] {
  return [...questionSlot(ind.appliesIf, "question"), ...(SLOTS[ind.kind] as (i: Indicator) => SlotSpec[])(ind)];
}
