import type { IndicatorInputs, Input, Inputs } from "../core/evaluate/inputs";
import { slotsOf } from "../core/evaluate/slots";
import type { Mapping } from "../core/mapping/schema";
import { formatRange, quoteSheet, type RangeAddress } from "../core/ref/a1";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import { indicatorsOf } from "../core/ruleset/walk";
import { parseCell, type RawCell } from "../core/text/cell";
import { resolveReference } from "../workbook/names";
import type { DefinedName, WorkbookPort } from "../workbook/port";

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/** Where one mapped slot reads from, decided before any cell is read. */
type Plan =
  | { kind: "cell"; range: RangeAddress; source: string; formulaRef: string }
  /** Known without reading a cell: a constant name's value, or a reference that cannot be read (with why). */
  | { kind: "value"; raw: RawCell; source: string; why?: string; formulaRef?: string };

export type ReadInputs = {
  inputs: Inputs;
  /** Code → slot → reference a status-sheet formula can use. */
  refs: Record<string, Record<string, string>>;
  /** Code → slot → the value as read. */
  raw: Record<string, Record<string, RawCell>>;
  /** References the workbook does not have: the mapping must be fixed before anything is evaluated. */
  fatal: ConfigProblem[];
  /** The report date cell (mapping.asOfRef) as read, with where it is. */
  asOfCell?: { raw: RawCell; source: string };
  /** The adult-age cell (mapping.adultAgeRef) as read. */
  adultAgeCell?: { raw: RawCell; source: string };
};

/**
 * `about` names the input in the clerk's words ("1.1.1 — Số người có điện thoại thông minh"); the
 * problem's ref keeps the mapping's path, for the code that finds the slot again, never for the clerk.
 */
function planSlot(names: readonly DefinedName[], ref: string, code: string, slot: string, about: string): Plan | ConfigProblem {
  const resolved = resolveReference(names, ref);
  if (resolved.kind === "unknown") return { ref: `indicators.${code}.${slot}`, message: `${about}: ${lowerFirst(resolved.message)}` };
  if (resolved.kind === "range") {
    const r = resolved.range;
    if (r.top !== r.bottom || r.left !== r.right) {
      return {
        kind: "value",
        raw: { error: "#VALUE!" },
        source: formatRange(r),
        why: `${formatRange(r)} là vùng nhiều ô — hãy chỉ vào một ô`,
      };
    }
    return { kind: "cell", range: r, source: formatRange(r), formulaRef: formatRange(r, true) };
  }
  const n = resolved.name;
  const label = n.scope === null ? n.name : `${quoteSheet(n.scope)}!${n.name}`;
  switch (n.target.kind) {
    case "range": {
      const r = n.target.range;
      if (r.top !== r.bottom || r.left !== r.right) {
        return {
          kind: "value",
          raw: { error: "#VALUE!" },
          source: label,
          why: `Tên ${label} trỏ tới vùng nhiều ô (${formatRange(r)}) — hãy cho tên chỉ vào một ô`,
        };
      }
      return { kind: "cell", range: r, source: `${label} (${formatRange(r)})`, formulaRef: label };
    }
    case "ref-error":
      return {
        kind: "value",
        raw: { error: "#REF!" },
        source: label,
        why: `Tên ${label} trỏ tới #REF! (ô của nó đã bị xóa) — hãy sửa tên trong Công thức › Trình quản lý tên`,
        formulaRef: label,
      };
    case "constant":
      return { kind: "value", raw: n.target.value, source: label, formulaRef: label };
    case "formula":
      return {
        kind: "value",
        raw: { error: "#NAME?" },
        source: label,
        why: `Tên ${label} là một công thức (${n.formula}), không phải một ô — hãy cho tên chỉ vào ô chứa số liệu`,
      };
  }
}

/**
 * Resolves every mapped reference, reads all the cells in one request, and parses each as its slot
 * needs. Names the workbook lacks are fatal (the mapping is wrong); #REF! names only make their
 * indicator lỗi số liệu.
 */
export async function readInputs(
  port: WorkbookPort,
  names: readonly DefinedName[],
  ruleset: Ruleset,
  mapping: Mapping,
): Promise<ReadInputs> {
  const fatal: ConfigProblem[] = [];
  const cells: Array<{ code: string; slot: string; type: Parameters<typeof parseCell>[1]; plan: Extract<Plan, { kind: "cell" }> }> = [];
  const inputs: Record<string, Record<string, Input>> = {};
  const refs: Record<string, Record<string, string>> = {};
  const raw: Record<string, Record<string, RawCell>> = {};

  for (const { item } of indicatorsOf(ruleset)) {
    const mapped = mapping.indicators[item.code];
    if (!mapped) continue;
    const specs = new Map(slotsOf(item).map((s) => [s.slot, s]));
    for (const [slot, ref] of Object.entries(mapped)) {
      const type = specs.get(slot)?.type;
      if (!type) continue; // checkMappingAgainst reports unknown slots
      const plan = planSlot(names, ref, item.code, slot, `${item.code} — ${specs.get(slot)!.label}`);
      if ("message" in plan) {
        fatal.push(plan);
        continue;
      }
      if (plan.formulaRef !== undefined) (refs[item.code] ??= {})[slot] = plan.formulaRef;
      if (plan.kind === "cell") cells.push({ code: item.code, slot, type, plan });
      else {
        (raw[item.code] ??= {})[slot] = plan.raw;
        (inputs[item.code] ??= {})[slot] =
          plan.why === undefined ? parseCell(plan.raw, type, plan.source) : { kind: "invalid", reason: plan.why, source: plan.source };
      }
    }
  }
  if (fatal.length > 0) return { inputs, refs, raw, fatal };

  // The report date is read in the same request; a date name the clerk deleted is only reported later.
  const settingCell = (ref: string | undefined) => {
    const plan = ref !== undefined ? planSlot(names, ref, "setting", ref, "Ô cài đặt") : undefined;
    return plan && !("message" in plan) && plan.kind === "cell" ? plan : undefined;
  };
  const dateCell = settingCell(mapping.asOfRef);
  const ageCell = settingCell(mapping.adultAgeRef);
  const settings = [dateCell, ageCell].filter((c) => c !== undefined);
  const values = await port.readRanges([...cells.map((c) => c.plan.range), ...settings.map((c) => c.range)]);
  const settingValue = (c: typeof dateCell) =>
    c ? { raw: values[cells.length + settings.indexOf(c)]?.[0]?.[0] ?? null, source: c.source } : undefined;
  const asOfCell = settingValue(dateCell);
  const adultAgeCell = settingValue(ageCell);
  cells.forEach((c, i) => {
    const value = values[i]?.[0]?.[0] ?? null;
    (raw[c.code] ??= {})[c.slot] = value;
    (inputs[c.code] ??= {})[c.slot] = parseCell(value, c.type, c.plan.source);
  });
  return {
    inputs: inputs as Record<string, IndicatorInputs>,
    refs,
    raw,
    fatal,
    ...(asOfCell ? { asOfCell } : {}),
    ...(adultAgeCell ? { adultAgeCell } : {}),
  };
}
