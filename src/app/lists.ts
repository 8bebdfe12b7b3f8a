/*
 * The appendix lists (Phụ lục 03–07) on any workbook port: read the rosters, build the lists, hand the
 * layouts to writeSheets with the mapping (its `lists` key filled with the rosters found), and compare
 * each list's count with the figure the clerk mapped — a disagreement names both places.
 *
 * Round trips: the snapshot (1), one readSheet per roster sheet (or per clerk's sheet when rosters
 * must be proposed), the mapped figures of the list indicators (1), the write (1 plus the adapter's chunks).
 */
import { parseIsoDay } from "../core/age/retirement";
import type { Inputs } from "../core/evaluate/inputs";
import type { Problem as CoreProblem } from "../core/evaluate/result";
import { damagedMappingMessage } from "../core/layout/mapping-sheet";
import type { SheetLayout } from "../core/layout/sheet";
import { buildLists, listsToMake, type ListsBuild } from "../core/lists/build";
import { listIndicators, mergeListFigures } from "../core/lists/figures";
import { parseListsMapping, type ListsMapping } from "../core/lists/mapping";
import { LIST_TEMPLATES, type ListId } from "../core/lists/templates";
import { checkMappingAgainst, mappingToText, parseMappingText, type Mapping } from "../core/mapping/schema";
import type { Problem } from "../core/ruleset/load";
import type { Ruleset } from "../core/ruleset/schema";
import { withClerkAdultAge } from "./adult-age";
import type { RawCell } from "../core/text/cell";
import { WorkbookError, type SheetInfo, type WorkbookPort, type WriteResult } from "../workbook/port";
import { readInputs } from "./read-inputs";
import type { RulesetCatalog } from "./evaluate-workbook";

export type ListsRequest = {
  rulesets: RulesetCatalog;
  /** Overrides the ruleset the mapping names; without a mapping, the only ruleset that has lists is used. */
  rulesetId?: string | undefined;
  /** Mapping JSON from outside (--mapping); else the one stored in the workbook. */
  mapping?: { text: string; source: string } | undefined;
  /** The report date, YYYY-MM-DD; overrides the mapping's. Required one way or the other. */
  asOf?: string | undefined;
  only?: readonly ListId[] | undefined;
  /** Overrides the mapping's lists.groupByVillage. */
  groupByVillage?: boolean | undefined;
  /** Write the list sheets and store the mapping. */
  write?: boolean | undefined;
  /** Called as the job moves on, for a progress display (task pane "Tạo phụ lục"). */
  progress?: ((step: ListsProgress) => void) | undefined;
};

export type ListsProgress =
  | { step: "reading"; sheet: string; index: number; of: number }
  | { step: "building" }
  | { step: "checking" }
  | { step: "writing"; sheets: number }
  | { step: "done" };

export type ListSummary = { id: ListId; appendix: string; sheetName: string; count: number; population: number; populationText: string; rosterSheet: string; unit: string };

export type ListsOutcome =
  | {
      ok: true;
      ruleset: Ruleset;
      /** The mapping as stored, `lists` filled in. */
      mapping: Mapping;
      lists: ListSummary[];
      /** Everything the clerk should look at: roster problems, list problems, disagreements with mapped figures. */
      problems: CoreProblem[];
      layouts: SheetLayout[];
      written?: WriteResult;
    }
  | { ok: false; problems: Problem[] };

const fail = (problems: Problem[]): ListsOutcome => ({ ok: false, problems });

/** Sheets that may hold a clerk's roster: not ours, not very hidden. */
const clerkSheets = (sheets: readonly SheetInfo[]) => sheets.filter((s) => s.owner === undefined && s.visibility !== "veryHidden");

/**
 * Reads the sheets the lists need: the mapped rosters' sheets, and every clerk's sheet when a roster
 * the lists need is not mapped yet (its headers are looked for). A mapped sheet that is missing is
 * left out, and the builder says so.
 */
async function readRosterSheets(port: WorkbookPort, sheets: readonly SheetInfo[], lists: ListsMapping, ids: readonly ListId[], progress?: ListsRequest["progress"]): Promise<Map<string, RawCell[][]>> {
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

/** The rulesets that have lists; without a mapping, the job needs exactly one of them (or --ruleset). */
function rulesetWithLists(catalog: RulesetCatalog): Ruleset[] {
  return [...catalog.values()].filter((r) => listIndicators(r).length > 0);
}

/**
 * Compares each list's figures with what the mapping reads for the same indicator, reading only the
 * mapped cells of the list indicators (one round trip). Names the mapping does not resolve are said,
 * never fatal here: the lists are still written.
 */
async function checkAgainstMapped(port: WorkbookPort, names: Parameters<typeof readInputs>[1], ruleset: Ruleset, mapping: Mapping, build: ListsBuild): Promise<{ problems: CoreProblem[]; inputs: Inputs }> {
  const codes = new Set(Object.keys(build.figures));
  const indicators = Object.fromEntries(Object.entries(mapping.indicators).filter(([code]) => codes.has(code)));
  if (Object.keys(indicators).length === 0) return { problems: [], inputs: mergeListFigures({}, build.figures).inputs };
  const read = await readInputs(port, names, ruleset, { ...mapping, indicators });
  const problems: CoreProblem[] = read.fatal.map((p) => ({ message: p.message, ...(p.ref !== undefined ? { ref: p.ref } : {}), severity: "loi" as const }));
  const merged = mergeListFigures(read.inputs, build.figures);
  return { problems: [...problems, ...merged.problems], inputs: merged.inputs };
}

function summaries(build: ListsBuild): ListSummary[] {
  return build.lists.map((m) => ({
    id: m.list.id,
    appendix: m.list.template.appendix,
    sheetName: m.sheetName,
    count: m.count,
    population: m.list.population,
    populationText: m.list.populationText,
    rosterSheet: m.list.sheet,
    unit: m.list.template.unit,
  }));
}

/** The `chitieu lists` job, and the task pane's "Tạo phụ lục": build the lists, check them, write them. */
export async function makeLists(port: WorkbookPort, req: ListsRequest): Promise<ListsOutcome> {
  const snap = await port.snapshot();
  const text = req.mapping ?? (snap.mappingText !== undefined ? { text: snap.mappingText, source: "ánh xạ lưu trong sổ tính" } : undefined);
  if (!req.mapping && snap.mappingDamaged !== undefined) return fail([{ message: damagedMappingMessage(snap.mappingDamaged) }]);
  let mapping: Mapping;
  if (text) {
    const parsed = parseMappingText(text.source, text.text);
    if (!parsed.ok) return fail(parsed.problems);
    mapping = parsed.mapping;
  } else {
    const id = req.rulesetId ?? (() => {
      const withLists = rulesetWithLists(req.rulesets);
      return withLists.length === 1 ? withLists[0]!.id : undefined;
    })();
    if (id === undefined) {
      return fail([{ message: "Sổ tính chưa có ánh xạ — hãy đưa ánh xạ (--mapping) hoặc chọn bộ tiêu chí (--ruleset) (no mapping, several rulesets with lists)" }]);
    }
    mapping = { ruleset: id, indicators: {} };
  }
  const rulesetId = req.rulesetId ?? mapping.ruleset;
  const catalogued = req.rulesets.get(rulesetId);
  if (!catalogued) return fail([{ ref: rulesetId, message: `Không có bộ tiêu chí "${rulesetId}" — xem danh sách bằng \`chitieu rulesets\` (unknown ruleset)` }]);
  if (mapping.ruleset !== rulesetId) mapping = { ...mapping, ruleset: rulesetId };
  // The adult age the clerk chose (stored in the mapping by evaluate) decides who is in Phụ lục 03.
  const ruleset = withClerkAdultAge(catalogued, mapping);
  if (req.asOf !== undefined) mapping = { ...mapping, asOf: req.asOf };
  const source = text?.source ?? "ánh xạ";
  const mappingProblems = checkMappingAgainst(ruleset, mapping, source);
  if (mappingProblems.length > 0) return fail(mappingProblems);
  if (mapping.asOf === undefined) {
    return fail([{ message: "Chưa có ngày báo cáo — tuổi được tính đến ngày báo cáo, không theo đồng hồ máy tính; hãy nhập ngày báo cáo (trên dòng lệnh: --as-of YYYY-MM-DD, hoặc asOf trong ánh xạ) (no report date)" }]);
  }
  const asOf = parseIsoDay(mapping.asOf);
  if (!asOf) return fail([{ message: `Ngày báo cáo "${mapping.asOf}" không có thật — hãy ghi dạng YYYY-MM-DD, ví dụ 2024-09-30 (bad report date)` }]);
  const listsParsed = parseListsMapping(mapping.lists, source);
  if (!listsParsed.ok) return fail(listsParsed.problems);

  const ids = listsToMake(ruleset, req.only);
  if (ids.length === 0) {
    return fail([{ message: `Bộ tiêu chí ${ruleset.id} không có phụ lục danh sách${req.only ? ` ${req.only.join(", ")}` : ""} — các phụ lục 03–07 thuộc bộ tiêu chí xã thông minh Phú Thọ (no lists in this ruleset)` }]);
  }
  const sheets = await readRosterSheets(port, snap.sheets, listsParsed.lists, ids, req.progress);
  req.progress?.({ step: "building" });
  const build = buildLists({
    ruleset,
    asOf,
    lists: listsParsed.lists,
    sheets,
    existing: snap.sheets,
    only: req.only,
    commune: mapping.commune,
    groupByVillage: req.groupByVillage,
  });
  // The rosters' cells are not needed any more: let them go before the lists are written (peak memory).
  sheets.clear();
  req.progress?.({ step: "checking" });
  const checked = await checkAgainstMapped(port, snap.names, ruleset, mapping, build);
  const stored: Mapping = { ...mapping, lists: build.mapping };
  const layouts = build.lists.map((l) => l.layout);
  const problems = [...build.problems, ...checked.problems];
  const base = { ok: true as const, ruleset, mapping: stored, lists: summaries(build), problems, layouts };
  if (!req.write) {
    req.progress?.({ step: "done" });
    return base;
  }
  req.progress?.({ step: "writing", sheets: layouts.length });
  const written = await port.writeSheets(layouts, mappingToText(stored));
  req.progress?.({ step: "done" });
  return { ...base, written };
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
  problems: CoreProblem[];
};

/**
 * For `evaluate`: when the ruleset names lists, builds them from the rosters and merges their figures
 * into the inputs already read (a mapped figure is kept and compared). Without a report date or
 * rosters the inputs pass through unchanged, with the problem said.
 */
export async function listsForEvaluation(
  port: WorkbookPort,
  args: { ruleset: Ruleset; mapping: Mapping; sheets: readonly SheetInfo[]; inputs: Inputs; source?: string; only?: readonly ListId[] | undefined; groupByVillage?: boolean | undefined; layouts?: boolean | undefined },
): Promise<ListsForEvaluation> {
  const passThrough = (problems: CoreProblem[]): ListsForEvaluation => ({ inputs: args.inputs, raw: {}, layouts: [], problems });
  if (listIndicators(args.ruleset).length === 0) return passThrough([]);
  const asOf = args.mapping.asOf === undefined ? undefined : parseIsoDay(args.mapping.asOf);
  if (!asOf) return passThrough([{ message: "Chưa có ngày báo cáo nên chưa lập phụ lục danh sách (Phụ lục 03–07) — hãy nhập ngày báo cáo (trên dòng lệnh: --as-of YYYY-MM-DD) (no report date: lists skipped)", severity: "canh-bao" }]);
  const parsed = parseListsMapping(args.mapping.lists, args.source ?? "ánh xạ");
  if (!parsed.ok) return passThrough(parsed.problems.map((p) => ({ message: p.message, severity: "loi" as const })));
  const ids = listsToMake(args.ruleset, args.only);
  const sheets = await readRosterSheets(port, args.sheets, parsed.lists, ids);
  const build = buildLists({ ruleset: args.ruleset, asOf, lists: parsed.lists, sheets, existing: args.sheets, only: args.only, commune: args.mapping.commune, groupByVillage: args.groupByVillage, layouts: args.layouts });
  sheets.clear();
  const merged = mergeListFigures(args.inputs, build.figures);
  const raw: Record<string, Record<string, RawCell>> = {};
  const formulas: Record<string, Record<string, string>> = {};
  for (const u of merged.used) {
    const f = build.figures[u.code]?.[u.slot];
    if (f) (raw[u.code] ??= {})[u.slot] = u.slot === "value" ? (f.value === 1 ? "Có" : "Không") : f.value;
    if (f?.formula) (formulas[u.code] ??= {})[u.slot] = f.formula;
  }
  const counts = Object.fromEntries((build.counted ?? build.lists).map((l) => [l.list.id, l.count]));
  return { inputs: merged.inputs, raw, formulas, layouts: build.lists.map((l) => l.layout), lists: build.mapping, counts, problems: [...build.problems, ...merged.problems] };
}
