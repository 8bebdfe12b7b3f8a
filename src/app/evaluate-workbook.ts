import { evaluate } from "../core/evaluate/evaluate";
import type { Evaluation } from "../core/evaluate/result";
import type { ListId } from "../core/lists/ids";
import { mappingToText, type Mapping } from "../core/mapping/schema";
import { chooseSheetName } from "../core/layout/sheet";
import { STATUS_KEY, STATUS_SHEET_NAME, statusSheetLayout } from "../core/layout/status";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import type { WorkbookPort, WriteResult } from "../workbook/port";
import { listsForEvaluation, type ListsForEvaluation } from "./lists-build";
import type { ReadInputs } from "./read-inputs";
import type { JobRequest, RulesetCatalog } from "./catalog";
import { openJob, readJobInputs } from "./open-job";
import { adultAgeFromCell, withClerkAdultAge } from "./adult-age";
import { mappedCells } from "./mapped-cells";
import { fingerprintLayout } from "./fingerprint";
import { FINGERPRINT_KEY } from "../core/fingerprint/fingerprint";
import { evaluateVillages, type VillageEvaluation } from "../core/evaluate/units";
import { villageLayouts } from "../core/layout/villages";
import { readVillages, staleVillageSheets, villageFingerprintFigures, villageSheetNames, type ReadVillages } from "./villages";
import { withoutVillageGroups } from "../core/mapping/villages";
import type { SheetInfo } from "../workbook/port";

export type { RulesetCatalog };

export type EvaluateRequest = JobRequest & {
  /** Write the status sheet and store the mapping. */
  write?: boolean | undefined;
  /**
   * Build the appendix lists (Phụ lục 03–07) from the rosters when the ruleset has them: their counts
   * fill unmapped or blank figures (a mapped figure that disagrees is a problem naming both places),
   * and, when writing, the list sheets are written with the status sheet.
   */
  lists?: boolean | undefined;
};

export type EvaluateOutcome =
  | {
      ok: true;
      /** The ruleset evaluated: judged per village, the commune ruleset (each per-village group as one row per village, units.ts). */
      ruleset: Ruleset;
      mapping: Mapping;
      evaluation: Evaluation;
      written?: WriteResult;
      statusSheet?: string;
      /** The total of each appendix list built (Phụ lục 03–07), when lists were asked for. */
      listCounts?: Partial<Record<ListId, number>>;
      /** The lists built, when asked for: a check of the same workbook right after may reuse them (roll-up). */
      listsBuilt?: ListsForEvaluation;
    }
  /** Nothing was evaluated or written: the request itself must be fixed (unknown ruleset, bad mapping, a name the workbook lacks). */
  | { ok: false; problems: ConfigProblem[] };

/** The values read from cells, with the figures the lists supplied added (code by code, slot by slot). */
function mergeRaw(a: ReadInputs["raw"], b: ReadInputs["raw"]): ReadInputs["raw"] {
  const out: ReadInputs["raw"] = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, { ...v }]));
  for (const [code, slots] of Object.entries(b)) Object.assign((out[code] ??= {}), slots);
  return out;
}

const fail = (problems: ConfigProblem[]): EvaluateOutcome => ({ ok: false, problems });

/**
 * The whole job on any workbook port: read the mapping and names (one round trip), read every
 * mapped cell (one), evaluate, and write the status sheet with the mapping (one).
 */
export async function evaluateWorkbook(port: WorkbookPort, req: EvaluateRequest): Promise<EvaluateOutcome> {
  const opened = await openJob(port, req);
  if (!opened.ok) {
    if (opened.refusal.reason !== "no-mapping") return fail(opened.refusal.problems);
    return fail([{ message: "Sổ tính chưa có ánh xạ chỉ tiêu — hãy chọn bộ tiêu chí và gán ô cho các số liệu cần nhập, hoặc tạo sổ mẫu" }]);
  }
  const { snap, ruleset } = opened;
  if (opened.mappingProblems.length > 0) return fail(opened.mappingProblems);
  const { read, ...dated } = await readJobInputs(port, opened, req);
  if (read.fatal.length > 0) return fail(read.fatal);
  const villages = await readVillages(port, snap.names, ruleset, opened.mapping);
  if (villages.fatal.length > 0) return fail(villages.fatal);
  const aged = adultAgeFromCell(dated.mapping, read.adultAgeCell);
  let mapping = aged.mapping;
  const judged = withClerkAdultAge(ruleset, mapping);

  const { name } = chooseSheetName(STATUS_SHEET_NAME, STATUS_KEY, snap.sheets);
  const lists = req.lists
    ? await listsForEvaluation(port, {
        ruleset: judged,
        mapping,
        sheets: [...snap.sheets, { name, visibility: "visible", owner: STATUS_KEY }],
        inputs: read.inputs,
        layouts: req.write === true,
        ...(opened.mapped ? { source: opened.source } : {}),
      })
    : undefined;
  if (lists?.lists) mapping = { ...mapping, lists: lists.lists };
  const options = { asOf: mapping.asOf, suspended: mapping.suspended };
  // Groups judged per village (thôn thông minh) when the workbook names villages: units.ts.
  const byVillage = evaluateVillages(ruleset, lists?.inputs ?? read.inputs, villages.villages, options);
  const evaluation = byVillage?.evaluation ?? evaluate(ruleset, lists?.inputs ?? read.inputs, options);
  evaluation.problems.push(...dated.problems, ...aged.problems, ...(lists?.problems ?? []), ...villages.problems);
  const listCounts = { ...(lists?.counts ? { listCounts: lists.counts } : {}), ...(lists ? { listsBuilt: lists } : {}) };
  // Judged per village, the evaluation is on the commune ruleset (one row per village): what the reports and views walk.
  const evaluated = byVillage ? byVillage.communeRuleset : ruleset;
  if (!req.write) return { ok: true, ruleset: evaluated, mapping, evaluation, ...listCounts };

  const written = await writeSheets(port, {
    ruleset,
    judged,
    mapping,
    evaluation,
    read,
    lists,
    byVillage,
    villages,
    sheets: snap.sheets,
    names: snap.names,
    name,
  });
  // The fingerprint is bookkeeping, like the owner names: callers list the sheets a clerk sees.
  return {
    ok: true,
    ruleset: evaluated,
    mapping,
    evaluation,
    written: { written: written.written.filter((w) => w.key !== FINGERPRINT_KEY) },
    statusSheet: name,
    ...listCounts,
  };
}

type WriteJob = {
  ruleset: Ruleset;
  /** The ruleset with the clerk's adult age. */
  judged: Ruleset;
  mapping: Mapping;
  evaluation: Evaluation;
  read: ReadInputs;
  lists: ListsForEvaluation | undefined;
  byVillage: VillageEvaluation | undefined;
  villages: ReadVillages;
  sheets: readonly SheetInfo[];
  names: Parameters<typeof mappedCells>[0];
  /** The status sheet's name. */
  name: string;
};

/** The status sheet, the village sheets, the fingerprint and the lists, in one write with the mapping. */
async function writeSheets(port: WorkbookPort, job: WriteJob): Promise<WriteResult> {
  const { ruleset, judged, mapping, evaluation, read, lists, byVillage, villages, name } = job;
  const raw = mergeRaw(read.raw, lists?.raw ?? {});
  const perVillage = byVillage
    ? villageLayouts({
        ruleset: judged,
        byVillage,
        villages: villages.villages,
        commune: mapping.commune,
        sheetNames: villageSheetNames([...job.sheets, { name, owner: STATUS_KEY }], villages.villages),
      })
    : undefined;
  const status = statusSheetLayout({
    ruleset: byVillage ? { ...byVillage.communeRuleset, parameters: judged.parameters } : judged,
    evaluation,
    sheetName: name,
    commune: mapping.commune,
    refs: { ...read.refs, ...perVillage?.refs },
    raw: { ...raw, ...perVillage?.raw },
    ...(lists?.formulas ? { listFormulas: lists.formulas } : {}),
  });
  // Judged per village, the commune cells of those groups are not read: the fingerprint leaves them out, as the check does.
  const printed = byVillage ? withoutVillageGroups(ruleset, mapping) : mapping;
  const figures = byVillage ? villageFingerprintFigures(villages.villages) : { raw: {}, cells: {} };
  const fingerprint = fingerprintLayout({
    ruleset,
    mapping: printed,
    cells: { ...mappedCells(job.names, printed), ...figures.cells },
    raw: { ...(byVillage ? withoutVillageGroups(ruleset, { indicators: read.raw }).indicators : read.raw), ...figures.raw },
    lists: lists?.raw,
    status,
  });
  // Village sheets first: the status sheet's formulas read "Theo thôn", which reads them.
  const stale = staleVillageSheets(job.sheets, byVillage ? villages.villages.length : 0);
  return port.writeSheets(
    [...(perVillage?.layouts ?? []), ...stale, status, fingerprint, ...(lists?.layouts ?? [])],
    mappingToText(mapping),
  );
}
