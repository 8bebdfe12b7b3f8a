/*
 * The appendix lists (Phụ lục 03–07) on any workbook port: read the rosters, build the lists, hand the
 * layouts to writeSheets with the mapping (its `lists` key filled with the rosters found), and compare
 * each list's count with the figure the clerk mapped — a disagreement names both places.
 *
 * Round trips: the snapshot (1), the mapped figures of the list indicators with the report date and
 * adult age cells (1), one readSheet per roster sheet (or per clerk's sheet when rosters must be
 * proposed), the write (1 plus the adapter's chunks).
 */
import { parseIsoDay } from "../core/age/retirement";
import type { Finding } from "../core/evaluate/result";
import type { SheetLayout } from "../core/layout/sheet";
import { listsToMake, type ListsBuild } from "../core/lists/build";
import { listIndicators } from "../core/lists/figures";
import { parseListsMapping } from "../core/lists/mapping";
import type { ListId } from "../core/lists/ids";
import { mappingToText, type Mapping } from "../core/mapping/schema";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import { adultAgeFromCell, withClerkAdultAge } from "./adult-age";
import type { WorkbookPort, WriteResult } from "../workbook/port";
import type { JobRequest, RulesetCatalog } from "./catalog";
import { openJob, readJobInputs } from "./open-job";
import { listsFromRosters, type ListsProgress } from "./lists-build";

/** Without a mapping, the only ruleset that has lists is used. The report date is required one way or another. */
export type ListsRequest = JobRequest & {
  only?: readonly ListId[] | undefined;
  /** Overrides the mapping's lists.groupByVillage. */
  groupByVillage?: boolean | undefined;
  /** Write the list sheets and store the mapping. */
  write?: boolean | undefined;
  /** Called as the job moves on, for a progress display (task pane "Tạo phụ lục"). */
  progress?: ((step: ListsProgress) => void) | undefined;
};

export type { ListsProgress };

export type ListSummary = {
  id: ListId;
  appendix: string;
  /** What the list is, as the document titles it. */ title?: string;
  sheetName: string;
  count: number;
  population: number;
  populationText: string;
  rosterSheet: string;
  unit: string;
};

export type ListsOutcome =
  | {
      ok: true;
      ruleset: Ruleset;
      /** The mapping as stored, `lists` filled in. */
      mapping: Mapping;
      lists: ListSummary[];
      /** Everything the clerk should look at: roster problems, list problems, disagreements with mapped figures. */
      problems: Finding[];
      layouts: SheetLayout[];
      written?: WriteResult;
    }
  | { ok: false; problems: ConfigProblem[] };

const fail = (problems: ConfigProblem[]): ListsOutcome => ({ ok: false, problems });

/** Without a mapping, the job needs --ruleset or a catalog with exactly one ruleset that has lists. */
function onlyRulesetWithLists(catalog: RulesetCatalog): string | undefined {
  const withLists = [...catalog.values()].filter((r) => listIndicators(r).length > 0);
  return withLists.length === 1 ? withLists[0]!.id : undefined;
}

function summaries(build: ListsBuild): ListSummary[] {
  return build.lists.map((m) => ({
    id: m.list.id,
    appendix: m.list.template.appendix,
    title: m.list.template.title,
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
  const opened = await openJob(port, req, { noMapping: (catalog) => req.rulesetId ?? onlyRulesetWithLists(catalog) });
  if (!opened.ok) {
    if (opened.refusal.reason !== "no-mapping") return fail(opened.refusal.problems);
    return fail([{ message: "Sổ tính chưa có ánh xạ — hãy chọn bộ tiêu chí" }]);
  }
  const { snap, source } = opened;
  if (opened.mappingProblems.length > 0) return fail(opened.mappingProblems);
  // The mapped figures of the list indicators and the report date and adult age cells, in one round trip.
  const ids = listsToMake(opened.ruleset, req.only);
  const listCodes = new Set(
    listIndicators(opened.ruleset)
      .filter((l) => ids.includes(l.list))
      .map((l) => l.code),
  );
  const job = await readJobInputs(port, opened, req, { codes: listCodes });
  const { read } = job;
  // A figure's name the workbook lacks is said below, never fatal here: the date and age cells are still read.
  const dated = read.fatal.length > 0 ? await readJobInputs(port, opened, req, { codes: new Set() }) : job;
  const aged = adultAgeFromCell(dated.mapping, dated.read.adultAgeCell);
  const mapping = aged.mapping;
  // The adult age the clerk chose decides who is in Phụ lục 03.
  const ruleset = withClerkAdultAge(opened.ruleset, mapping);
  if (mapping.asOf === undefined) {
    // A "Ngày báo cáo" cell that holds no date is named first: it is what the clerk must fix.
    const said = [...dated.problems, ...aged.problems].map((p) => ({ message: p.message, ...(p.ref !== undefined ? { ref: p.ref } : {}) }));
    return fail([
      ...said,
      { message: "Chưa có ngày báo cáo — tuổi được tính đến ngày báo cáo, không theo đồng hồ máy tính; hãy nhập Ngày báo cáo rồi làm lại" },
    ]);
  }
  const asOf = parseIsoDay(mapping.asOf);
  if (!asOf) return fail([{ message: `Ngày báo cáo "${mapping.asOf}" không có thật — hãy ghi dạng YYYY-MM-DD, ví dụ 2024-09-30` }]);
  const listsParsed = parseListsMapping(mapping.lists, source);
  if (!listsParsed.ok) return fail(listsParsed.problems);

  if (ids.length === 0) {
    return fail([
      {
        message: `Bộ tiêu chí ${ruleset.id} không có phụ lục danh sách${req.only ? ` ${req.only.join(", ")}` : ""} — các phụ lục 03–07 thuộc bộ tiêu chí xã thông minh Phú Thọ`,
      },
    ]);
  }
  const fatal: Finding[] = read.fatal.map((p) => ({
    message: p.message,
    ...(p.ref !== undefined ? { ref: p.ref } : {}),
    severity: "loi" as const,
  }));
  const { build, problems: found } = await listsFromRosters(port, {
    ruleset,
    asOf,
    lists: listsParsed.lists,
    sheets: snap.sheets,
    // Names the mapping does not resolve are said, never fatal here: the lists are still written.
    inputs: read.fatal.length > 0 ? {} : read.inputs,
    only: req.only,
    commune: mapping.commune,
    groupByVillage: req.groupByVillage,
    progress: req.progress,
  });
  const stored: Mapping = { ...mapping, lists: build.mapping };
  const layouts = build.lists.map((l) => l.layout);
  const problems = [...dated.problems, ...aged.problems, ...fatal, ...found];
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
