import type { MappedCell } from "../core/check/context";
import type { Mapping } from "../core/mapping/schema";
import { formatRange, quoteSheet } from "../core/ref/a1";
import { resolveReference } from "../workbook/names";
import type { DefinedName } from "../workbook/port";

/** Where each mapped slot reads, as a reference a click can select. */
export function mappedCells(names: readonly DefinedName[], mapping: Mapping): Record<string, Record<string, MappedCell>> {
  const out: Record<string, Record<string, MappedCell>> = {};
  for (const [code, bySlot] of Object.entries(mapping.indicators)) {
    for (const [slot, ref] of Object.entries(bySlot)) {
      const resolved = resolveReference(names, ref);
      let cell: MappedCell | undefined;
      if (resolved.kind === "range") cell = { ref: formatRange(resolved.range), label: formatRange(resolved.range), range: resolved.range };
      else if (resolved.kind === "name") {
        const n = resolved.name;
        const label = n.scope === null ? n.name : `${quoteSheet(n.scope)}!${n.name}`;
        cell =
          n.target.kind === "range"
            ? {
                ref: formatRange(n.target.range),
                label: `tên ${label} (${formatRange(n.target.range)})`,
                range: n.target.range,
              }
            : { ref: label, label: `tên ${label}` };
      }
      if (cell) (out[code] ??= {})[slot] = cell;
    }
  }
  return out;
}
