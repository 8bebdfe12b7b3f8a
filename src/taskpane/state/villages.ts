/*
 * The villages of a programme with groups judged per village (issue 10, "the list of villages"): the
 * names as the workbook gives them (a fixed name in the mapping, else the cell the clerk types it in),
 * each with its verdicts after Đánh giá. A name given in the pane is stored as the village's fixed
 * `name` in the mapping, which readVillages (and so the command line) honours.
 */
import type { Evaluation, UnitsResult, Verdict } from "../../core/evaluate/result";
import type { Mapping } from "../../core/mapping/schema";
import { formatRange, parseRangeRef } from "../../core/ref/a1";
import { isBlankText } from "../../core/text/vocabulary";
import { resolveReference } from "../../workbook/names";
import type { DefinedName, WorkbookPort } from "../../workbook/port";

export type VillageVerdict = { group: string; verdict: Verdict; text: string };
export type VillageRow = {
  index: number;
  /** The name used: the mapping's fixed name, else what is typed in its cell; undefined when neither. */
  name?: string | undefined;
  /** The cell the name is typed in (mapping.villages[i].nameRef), to say where to type it. */
  where?: string | undefined;
  verdicts: VillageVerdict[];
};

const cellText = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/**
 * What is typed in each village's name cell, by the mapping's order ("" for none, or a fixed name
 * only): every cell in one request (one round trip in Excel), none when no village has a name cell.
 */
export async function readVillageNames(
  port: Pick<WorkbookPort, "readRanges">,
  names: readonly DefinedName[],
  mapping: Mapping | undefined,
): Promise<string[]> {
  const villages = mapping?.villages ?? [];
  const ranges = villages.map((v) => {
    if (v.nameRef === undefined) return undefined;
    const r = resolveReference(names, v.nameRef);
    if (r.kind === "range") return r.range;
    return r.kind === "name" && r.name.target.kind === "range" ? r.name.target.range : undefined;
  });
  const wanted = ranges.filter((r) => r !== undefined);
  if (wanted.length === 0) return villages.map(() => "");
  const values = await port.readRanges(wanted);
  let at = 0;
  return ranges.map((r) => (r === undefined ? "" : cellText(values[at++]?.[0]?.[0])));
}

/** The mapping with village `index` named `name` (trimmed); an empty name is refused (undefined). */
export function withVillageName(mapping: Mapping, index: number, name: string): Mapping | undefined {
  const text = name.trim();
  const villages = mapping.villages;
  if (text === "" || isBlankText(text) || !villages || index < 0 || index >= villages.length) return undefined;
  return { ...mapping, villages: villages.map((v, i) => (i === index ? { ...v, name: text } : v)) };
}

/** Each village of the mapping with its name and, after Đánh giá, its verdict on each per-village group. */
export function villageRows(mapping: Mapping | undefined, typed: readonly string[], evaluation?: Evaluation): VillageRow[] {
  return (mapping?.villages ?? []).map((v, index) => {
    const cell = typed[index] ?? "";
    const name = v.name ?? (cell === "" || isBlankText(cell) ? undefined : cell);
    const verdicts = (evaluation?.units ?? []).flatMap((u) => {
      const found = name === undefined ? undefined : u.villages.find((x) => x.name === name);
      return found ? [{ group: u.groupCode, verdict: found.verdict, text: found.text }] : [];
    });
    // The cell as the clerk reads it ('Số liệu theo thôn'!F3); a defined name as it is.
    const range = v.nameRef === undefined ? undefined : parseRangeRef(v.nameRef);
    const where = range ? formatRange(range) : v.nameRef;
    return { index, name, ...(where !== undefined ? { where } : {}), verdicts };
  });
}

/** The commune rule's result of each per-village group ("ít nhất 1 thôn đạt"). */
export function communeRows(evaluation?: Evaluation): UnitsResult[] {
  return evaluation?.units ?? [];
}
