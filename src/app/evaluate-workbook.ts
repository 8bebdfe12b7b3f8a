import { evaluate } from "../core/evaluate/evaluate";
import type { Evaluation } from "../core/evaluate/result";
import type { ListId } from "../core/lists/ids";
import { mappingToText, type Mapping } from "../core/mapping/schema";
import { chooseSheetName } from "../core/layout/sheet";
import { STATUS_KEY, STATUS_SHEET_NAME, statusSheetLayout } from "../core/layout/status";
import type { ConfigProblem } from "../core/ruleset/load";
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
    return fail([{ message: "Sổ tính chưa có ánh xạ chỉ tiêu — hãy chọn bộ tiêu chí và đưa ánh xạ (--mapping), hoặc tạo sổ mẫu bằng `chitieu template` (no mapping stored in the workbook)" }]);
  }
  const { snap, ruleset } = opened;
  if (opened.mappingProblems.length > 0) return fail(opened.mappingProblems);
  const { read, ...dated } = await readJobInputs(port, opened, req);
  if (read.fatal.length > 0) return fail(read.fatal);
  const aged = adultAgeFromCell(dated.mapping, read.adultAgeCell);
  let mapping = aged.mapping;
  const judged = withClerkAdultAge(ruleset, mapping);

  const { name } = chooseSheetName(STATUS_SHEET_NAME, STATUS_KEY, snap.sheets);
  const lists = req.lists
    ? await listsForEvaluation(port, { ruleset: judged, mapping, sheets: [...snap.sheets, { name, visibility: "visible", owner: STATUS_KEY }], inputs: read.inputs, ...(opened.mapped ? { source: opened.source } : {}) })
    : undefined;
  if (lists?.lists) mapping = { ...mapping, lists: lists.lists };
  const evaluation = evaluate(ruleset, lists?.inputs ?? read.inputs, { asOf: mapping.asOf, suspended: mapping.suspended });
  evaluation.problems.push(...dated.problems, ...aged.problems, ...(lists?.problems ?? []));
  const listCounts = { ...(lists?.counts ? { listCounts: lists.counts } : {}), ...(lists ? { listsBuilt: lists } : {}) };
  if (!req.write) return { ok: true, ruleset, mapping, evaluation, ...listCounts };

  const raw = mergeRaw(read.raw, lists?.raw ?? {});
  const status = statusSheetLayout({ ruleset: judged, evaluation, sheetName: name, commune: mapping.commune, refs: read.refs, raw, ...(lists?.formulas ? { listFormulas: lists.formulas } : {}) });
  const fingerprint = fingerprintLayout({ ruleset, mapping, cells: mappedCells(snap.names, mapping), raw: read.raw, lists: lists?.raw, status });
  const written = await port.writeSheets([status, fingerprint, ...(lists?.layouts ?? [])], mappingToText(mapping));
  // The fingerprint is bookkeeping, like the owner names: callers list the sheets a clerk sees.
  return { ok: true, ruleset, mapping, evaluation, written: { written: written.written.filter((w) => w.key !== FINGERPRINT_KEY) }, statusSheet: name, ...listCounts };
}
