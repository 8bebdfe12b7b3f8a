import { z } from "zod";
import { slotsOf } from "../evaluate/slots";
import type { ConfigProblem } from "../ruleset/problems";
import type { Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";

const Ref = z.string().trim().min(1, "tham chiếu trống");

/**
 * One village of the groups judged per village, as the mapping stores it: a fixed name (the task
 * pane's list of villages) or the cell the clerk types the name in (the template's header row), and
 * its inputs, code → slot → reference, for the indicators of those groups only.
 */
export const VillageMapping = z
  .object({
    name: z.string().trim().min(1).optional(),
    nameRef: Ref.optional(),
    indicators: z.record(z.string(), z.record(z.string(), Ref)).default({}),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.nameRef !== undefined, { message: "thôn cần tên (name) hoặc ô ghi tên (nameRef)" });
export type VillageMapping = z.infer<typeof VillageMapping>;

/** The indicators a village may map: those of the ruleset's groups judged per village, with their slots. */
export function villageSlots(ruleset: Ruleset): Map<string, string[]> {
  return new Map(
    indicatorsOf(ruleset)
      .filter(({ group }) => group.units !== undefined)
      .map(({ item }) => [item.code, slotsOf(item).map((s) => s.slot)]),
  );
}

/** Villages on a ruleset without per-village groups, or codes and slots outside them, are errors with their JSON path. */
export function checkVillagesAgainst(
  ruleset: Ruleset,
  villages: readonly VillageMapping[],
  problem: (path: Array<string | number>, message: string) => ConfigProblem,
): ConfigProblem[] {
  if (villages.length === 0) return [];
  const slots = villageSlots(ruleset);
  if (slots.size === 0)
    return [problem(["villages"], `bộ tiêu chí ${ruleset.id} không có nhóm nào đánh giá theo thôn — hãy bỏ mục villages`)];
  const out: ConfigProblem[] = [];
  villages.forEach((v, i) => {
    for (const [code, bySlot] of Object.entries(v.indicators)) {
      const known = slots.get(code);
      if (!known) {
        out.push(
          problem(
            ["villages", i, "indicators", code],
            `chỉ tiêu "${code}" không thuộc nhóm đánh giá theo thôn (có: ${[...slots.keys()].join(", ")})`,
          ),
        );
        continue;
      }
      for (const slot of Object.keys(bySlot)) {
        if (!known.includes(slot))
          out.push(
            problem(["villages", i, "indicators", code, slot], `chỉ tiêu ${code} không có ô nhập "${slot}" (có: ${known.join(", ")})`),
          );
      }
    }
  });
  return out;
}

/** The mapping without the commune-sheet cells of the groups judged per village: once villages are named, those cells are not read. */
export function withoutVillageGroups<V, M extends { indicators: Record<string, Record<string, V>> }>(ruleset: Ruleset, mapping: M): M {
  const slots = villageSlots(ruleset);
  return { ...mapping, indicators: Object.fromEntries(Object.entries(mapping.indicators).filter(([code]) => !slots.has(code))) };
}
