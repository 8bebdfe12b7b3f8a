import type { Evaluation } from "../evaluate/result";
import type { Inputs } from "../evaluate/inputs";
import { slotsOf, type SlotSpec } from "../evaluate/slots";
import type { Mapping } from "../mapping/schema";
import { cellRef, type RangeAddress } from "../ref/a1";
import type { Indicator, Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";
import type { RawCell } from "../text/cell";
import type { CheckRuleFile } from "./schema";

/** A sheet as read for the checks: every value from A1, rows × columns, blanks as null. */
export type SheetGrid = {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  rows: RawCell[][];
};

/** Where a mapped slot reads from: `ref` selects it ('Số liệu'!B3), `label` names it for the clerk. */
export type MappedCell = { ref: string; label: string; range?: RangeAddress };

/**
 * What the appendix lists hold, from the lists module: indicator code → the number of entries in its
 * list and where that count stands (the list's "Tổng cộng" cell, or the sheet).
 */
export type ListCount = { count: number; ref: string; label?: string };

/** Everything the figure checks need, read and evaluated already. */
export type FigureContext = {
  ruleset: Ruleset;
  mapping: Mapping;
  inputs: Inputs;
  /** Code → slot → the value as read. */
  raw: Readonly<Record<string, Readonly<Record<string, RawCell>>>>;
  /** Code → slot → where it was read. */
  cells: Readonly<Record<string, Readonly<Record<string, MappedCell>>>>;
  evaluation: Evaluation;
  /** "code slot" of slots whose reference is broken (reported as mapping-invalid, not again as missing). */
  brokenSlots?: ReadonlySet<string>;
  rules?: CheckRuleFile | undefined;
  listCounts?: Readonly<Record<string, ListCount>> | undefined;
};

/** The clerk's sheets (every sheet that travels with the file but ours) and our status sheet. */
export type SheetsContext = {
  sheets: readonly SheetGrid[];
  status?: SheetGrid | undefined;
};

/** Indicators the ruleset or the clerk marks tạm dừng: nothing about their figures is checked. */
export function suspendedCodes(ctx: Pick<FigureContext, "ruleset" | "mapping">): Set<string> {
  const out = new Set<string>(Object.keys(ctx.mapping.suspended ?? {}));
  for (const group of ctx.ruleset.groups) {
    for (const item of group.items) {
      if (item.kind === "criterion" && item.suspended) item.indicators.forEach((i) => out.add(i.code));
      else if (item.suspended) out.add(item.code);
    }
  }
  return out;
}

/** The indicators whose figures are checked, in document order. */
export function activeIndicators(ctx: Pick<FigureContext, "ruleset" | "mapping">): Indicator[] {
  const suspended = suspendedCodes(ctx);
  return indicatorsOf(ctx.ruleset)
    .map((l) => l.item)
    .filter((i) => !suspended.has(i.code));
}

const prefixOf = (slot: string) => (slot.includes(".") ? slot.slice(0, slot.lastIndexOf(".")) : "");
const baseOf = (slot: string) => slot.slice(slot.lastIndexOf(".") + 1);

/**
 * The slots an indicator reads as mapped: a ratio given by its value alone (numerator and denominator
 * not mapped) reads the value; otherwise the numerator and denominator. Per part for two-part
 * indicators. The order is the status sheet's: first slot in column D, second in column E.
 */
export function effectiveSlots(
  ind: Indicator,
  mapped: Readonly<Record<string, string>> | undefined,
): Array<{ prefix: string; slots: SlotSpec[] }> {
  const groups = new Map<string, SlotSpec[]>();
  for (const s of slotsOf(ind)) {
    const p = prefixOf(s.slot);
    groups.set(p, [...(groups.get(p) ?? []), s]);
  }
  return [...groups].map(([prefix, specs]) => {
    const alt = specs.filter((s) => s.alternative);
    const main = specs.filter((s) => !s.alternative);
    const byValue =
      alt.some((s) => mapped?.[s.slot] !== undefined) &&
      !main.some((s) => ["numerator", "denominator"].includes(baseOf(s.slot)) && mapped?.[s.slot] !== undefined);
    if (!byValue) return { prefix, slots: main };
    return { prefix, slots: [...alt, ...main.filter((s) => !["numerator", "denominator"].includes(baseOf(s.slot)))] };
  });
}

/** How to name a slot's cell in a message: "ô 'Số liệu'!B3" or "tên dan_so ('Số liệu'!B3)". */
export function where(cell: MappedCell | undefined): string {
  if (!cell) return "(chưa gán ô)";
  return cell.label.includes("!") && !cell.label.includes("(") ? `ô ${cell.label}` : cell.label;
}

/** The value of a cell in a grid (1-based), null beyond its edges. */
export function gridValue(grid: SheetGrid | undefined, row: number, col: number): RawCell {
  if (!grid || row < 1 || col < 1) return null;
  return grid.rows[row - 1]?.[col - 1] ?? null;
}

/** "'Dân cư'!B2" for a cell of a grid. */
export function gridRef(grid: Pick<SheetGrid, "name">, row: number, col: number): string {
  const sheet =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(grid.name) && !/^[A-Za-z]{1,3}\d+$/.test(grid.name) ? grid.name : `'${grid.name.replace(/'/g, "''")}'`;
  return `${sheet}!${cellRef(row, col)}`;
}

/** A raw value as the clerk would read it in a message. */
export function showRaw(v: RawCell): string {
  if (v === null || v === undefined) return "(trống)";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}
