import type { Criterion, Group, Indicator, Ruleset } from "./schema";

export type Located<T> = { item: T; group: Group; criterion?: Criterion };

/** Every indicator of a ruleset in document order, with the group (and criterion) that holds it. */
export function indicatorsOf(ruleset: Ruleset): Located<Indicator>[] {
  const out: Located<Indicator>[] = [];
  for (const group of ruleset.groups) {
    for (const item of group.items) {
      if (item.kind === "criterion") {
        for (const ind of item.indicators) out.push({ item: ind, group, criterion: item });
      } else {
        out.push({ item, group });
      }
    }
  }
  return out;
}

export function criteriaOf(ruleset: Ruleset): Located<Criterion>[] {
  return ruleset.groups.flatMap((group) => group.items.flatMap((item) => (item.kind === "criterion" ? [{ item, group }] : [])));
}

export function findIndicator(ruleset: Ruleset, code: string): Indicator | undefined {
  return indicatorsOf(ruleset).find((l) => l.item.code === code)?.item;
}
