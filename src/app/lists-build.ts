/*
 * The appendix lists built from the rosters and compared with the mapped figures: the one piece of code
 * behind the Phụ lục view (makeLists), evaluate's list-backed figures and the pre-submission check, so
 * the three say the same things about the same workbook.
 */
import type { Ymd } from "../core/age/retirement";
import { parseIsoDay } from "../core/age/retirement";
import type { Inputs } from "../core/evaluate/inputs";
import type { Finding } from "../core/evaluate/result";
import type { SheetLayout } from "../core/layout/sheet";
import { buildLists, listsToMake, type ListsBuild } from "../core/lists/build";
import { listIndicators, mergeListFigures } from "../core/lists/figures";
import type { ListId } from "../core/lists/ids";
import { parseListsMapping, type ListsMapping } from "../core/lists/mapping";
import { LIST_TEMPLATES } from "../core/lists/templates";
import type { Mapping } from "../core/mapping/schema";
import type { Ruleset } from "../core/ruleset/schema";
import type { RawCell } from "../core/text/cell";
import { WorkbookError, type SheetInfo, type WorkbookPort } from "../workbook/port";

export type ListsProgress =
  | { step: "reading"; sheet: string; index: number; of: number }
  | { step: "building" }
  | { step: "checking" }
  | { step: "writing"; sheets: number }
  | { step: "done" };

type ListsProgressCallback = (step: ListsProgress) => void;

/** Sheets that may hold a clerk's roster: not ours, not very hidden. */
const clerkSheets = (sheets: readonly SheetInfo[]) => sheets.filter((s) => s.owner === undefined && s.visibility !== "veryHidden");

/**
 * Reads the sheets the lists need: the mapped rosters' sheets, and every clerk's sheet when a roster
 * the lists need is not mapped yet (its headers are looked for). A mapped sheet that is missing is
 * left out, and the builder says so.
 */
async function readRosterSheets(
  port: WorkbookPort,
  sheets: readonly SheetInfo[],
  lists: ListsMapping,
  ids: readonly ListId[],
  progress?: ListsProgressCallback,
): Promise<Map<string, RawCell[][]>> {
  const kinds = new Set(ids.map((id) => LIST_TEMPLATES[id].roster));
  const mapped = [...kinds].map((k) => lists.rosters[k]?.sheet);
  const names = new Set<string>();
  const present = new Map(sheets.map((s) => [s.name.toLocaleLowerCase("vi"), s.name]));
  for (const m of mapped) {
    const name = m === undefined ? undefined : present.get(m.toLocaleLowerCase("vi"));
    if (name !== undefined) names.add(name);
  }
  if (mapped.some((m) => m === undefined)) for (const s of clerkSheets(sheets)) names.add(s.name);
  const out = new Map<string, RawCell[][]>();
  let index = 0;
  for (const name of names) {
    progress?.({ step: "reading", sheet: name, index: index++, of: names.size });
    try {
      out.set(name, await port.readSheet(name));
    } catch (e) {
      if (!(e instanceof WorkbookError && e.code === "not-found")) throw e;
    }
  }
  return out;
}

export type ListsFromRosters = {
  ruleset: Ruleset;
  asOf: Ymd;
  lists: ListsMapping;
  /** The workbook's sheets (the rosters are read from them, ours are named beside them). */
  sheets: readonly SheetInfo[];
  /** The figures the mapping read: a list fills what is unmapped or blank, and a figure that disagrees is a finding. */
  inputs: Inputs;
  only?: readonly ListId[] | undefined;
  commune?: string | undefined;
  groupByVillage?: boolean | undefined;
  /** False when no list sheet will be written (evaluate without --out, the check, the roll-up): counts only, no print order or layouts. */
  layouts?: boolean | undefined;
  progress?: ListsProgressCallback | undefined;
};

/** Reads the rosters, builds the lists, compares them with the mapped figures. Every finding is in `problems`. */
export async function listsFromRosters(
  port: WorkbookPort,
  a: ListsFromRosters,
): Promise<{ build: ListsBuild; merged: ReturnType<typeof mergeListFigures>; problems: Finding[] }> {
  const ids = listsToMake(a.ruleset, a.only);
  const sheets = await readRosterSheets(port, a.sheets, a.lists, ids, a.progress);
  a.progress?.({ step: "building" });
  const build = buildLists({
    ruleset: a.ruleset,
    asOf: a.asOf,
    lists: a.lists,
    sheets,
    existing: a.sheets,
    only: a.only,
    commune: a.commune,
    groupByVillage: a.groupByVillage,
    layouts: a.layouts,
  });
  // The rosters' cells are not needed any more: let them go before the lists are written (peak memory).
  sheets.clear();
  a.progress?.({ step: "checking" });
  const merged = mergeListFigures(a.inputs, build.figures);
  return { build, merged, problems: [...build.problems, ...merged.problems] };
}

export type ListsForEvaluation = {
  /** The inputs with list figures merged in (unmapped or blank slots of the list indicators). */
  inputs: Inputs;
  /** Code → slot → the value a list gave, for the status sheet's cached cells. */
  raw: Record<string, Record<string, RawCell>>;
  /** Code → slot → the formula that reads the figure from the list, for the status sheet. */
  formulas?: Record<string, Record<string, string>>;
  /** The list sheets to write with the status sheet. */
  layouts: SheetLayout[];
  /** The lists mapping with proposed rosters, to store. */
  lists?: ListsMapping;
  /** Each list built and its total ("Tổng cộng"), for the report that names them as attached. */
  counts?: Partial<Record<ListId, number>>;
  problems: Finding[];
};

/**
 * For `evaluate` and the check: when the ruleset names lists, builds them from the rosters and merges their figures
 * into the inputs already read (a mapped figure is kept and compared). Without a report date or
 * rosters the inputs pass through unchanged, with the problem said.
 */
export async function listsForEvaluation(
  port: WorkbookPort,
  args: {
    ruleset: Ruleset;
    mapping: Mapping;
    sheets: readonly SheetInfo[];
    inputs: Inputs;
    source?: string;
    only?: readonly ListId[] | undefined;
    groupByVillage?: boolean | undefined;
    layouts?: boolean | undefined;
  },
): Promise<ListsForEvaluation> {
  const passThrough = (problems: Finding[]): ListsForEvaluation => ({ inputs: args.inputs, raw: {}, layouts: [], problems });
  if (listIndicators(args.ruleset).length === 0) return passThrough([]);
  const asOf = args.mapping.asOf === undefined ? undefined : parseIsoDay(args.mapping.asOf);
  if (!asOf)
    return passThrough([
      {
        message: "Chưa có ngày báo cáo nên chưa lập phụ lục danh sách (Phụ lục 03–07) — hãy nhập Ngày báo cáo rồi làm lại",
        severity: "canh-bao",
      },
    ]);
  const parsed = parseListsMapping(args.mapping.lists, args.source ?? "ánh xạ");
  if (!parsed.ok) return passThrough(parsed.problems.map((p) => ({ message: p.message, severity: "loi" as const })));
  const { build, merged, problems } = await listsFromRosters(port, {
    ruleset: args.ruleset,
    asOf,
    lists: parsed.lists,
    sheets: args.sheets,
    inputs: args.inputs,
    only: args.only,
    commune: args.mapping.commune,
    groupByVillage: args.groupByVillage,
    layouts: args.layouts,
  });
  const raw: Record<string, Record<string, RawCell>> = {};
  const formulas: Record<string, Record<string, string>> = {};
  for (const u of merged.used) {
    const f = build.figures[u.code]?.[u.slot];
    if (f) (raw[u.code] ??= {})[u.slot] = u.slot === "value" ? (f.value === 1 ? "Có" : "Không") : f.value;
    if (f?.formula) (formulas[u.code] ??= {})[u.slot] = f.formula;
  }
  const counts = Object.fromEntries((build.counted ?? build.lists).map((l) => [l.list.id, l.count]));
  return { inputs: merged.inputs, raw, formulas, layouts: build.lists.map((l) => l.layout), lists: build.mapping, counts, problems };
}
