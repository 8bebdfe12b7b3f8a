import { evaluate } from "../core/evaluate/evaluate";
import type { Evaluation } from "../core/evaluate/result";
import type { ListId } from "../core/lists/templates";
import { checkMappingAgainst, mappingToText, parseMappingText, type Mapping } from "../core/mapping/schema";
import { damagedMappingMessage } from "../core/layout/mapping-sheet";
import { chooseSheetName } from "../core/layout/sheet";
import { STATUS_KEY, STATUS_SHEET_NAME, statusSheetLayout } from "../core/layout/status";
import type { Problem } from "../core/ruleset/load";
import type { Ruleset } from "../core/ruleset/schema";
import type { WorkbookPort, WriteResult } from "../workbook/port";
import { listsForEvaluation } from "./lists";
import { readInputs, type ReadInputs } from "./read-inputs";
import { reportDateFromCell } from "./report-date";
import { adultAgeFromCell, withClerkAdultAge } from "./adult-age";
import { mappedCells } from "./check";
import { fingerprintLayout } from "./fingerprint";
import { FINGERPRINT_KEY } from "../core/fingerprint/fingerprint";

export type RulesetCatalog = ReadonlyMap<string, Ruleset>;

export type EvaluateRequest = {
  rulesets: RulesetCatalog;
  /** Overrides the ruleset the mapping names. */
  rulesetId?: string | undefined;
  /** Mapping JSON given from outside (the command line's --mapping); else the one stored in the workbook. */
  mapping?: { text: string; source: string } | undefined;
  /** The report date, YYYY-MM-DD; overrides the mapping's. */
  asOf?: string | undefined;
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
    }
  /** Nothing was evaluated or written: the request itself must be fixed (unknown ruleset, bad mapping, a name the workbook lacks). */
  | { ok: false; problems: Problem[] };

/** The values read from cells, with the figures the lists supplied added (code by code, slot by slot). */
function mergeRaw(a: ReadInputs["raw"], b: ReadInputs["raw"]): ReadInputs["raw"] {
  const out: ReadInputs["raw"] = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, { ...v }]));
  for (const [code, slots] of Object.entries(b)) Object.assign((out[code] ??= {}), slots);
  return out;
}

const fail = (problems: Problem[]): EvaluateOutcome => ({ ok: false, problems });

/**
 * The whole job on any workbook port: read the mapping and names (one round trip), read every
 * mapped cell (one), evaluate, and write the status sheet with the mapping (one).
 */
export async function evaluateWorkbook(port: WorkbookPort, req: EvaluateRequest): Promise<EvaluateOutcome> {
  const snap = await port.snapshot();
  const text = req.mapping ?? (snap.mappingText !== undefined ? { text: snap.mappingText, source: "ánh xạ lưu trong sổ tính" } : undefined);
  if (!req.mapping && snap.mappingDamaged !== undefined) return fail([{ message: damagedMappingMessage(snap.mappingDamaged) }]);
  if (!text) {
    if (!req.rulesetId) {
      return fail([{ message: "Sổ tính chưa có ánh xạ chỉ tiêu — hãy chọn bộ tiêu chí và đưa ánh xạ (--mapping), hoặc tạo sổ mẫu bằng `chitieu template` (no mapping stored in the workbook)" }]);
    }
  }
  let mapping: Mapping;
  if (text) {
    const parsed = parseMappingText(text.source, text.text);
    if (!parsed.ok) return fail(parsed.problems);
    mapping = parsed.mapping;
  } else {
    mapping = { ruleset: req.rulesetId!, indicators: {} };
  }
  const rulesetId = req.rulesetId ?? mapping.ruleset;
  const ruleset = req.rulesets.get(rulesetId);
  if (!ruleset) {
    return fail([{ ref: rulesetId, message: `Không có bộ tiêu chí "${rulesetId}" — xem danh sách bằng \`chitieu rulesets\` (unknown ruleset)` }]);
  }
  if (mapping.ruleset !== rulesetId) mapping = { ...mapping, ruleset: rulesetId };
  if (req.asOf !== undefined) mapping = { ...mapping, asOf: req.asOf };
  const mappingProblems = checkMappingAgainst(ruleset, mapping, text?.source ?? "ánh xạ");
  if (mappingProblems.length > 0) return fail(mappingProblems);

  const read = await readInputs(port, snap.names, ruleset, mapping);
  if (read.fatal.length > 0) return fail(read.fatal);
  const dated = reportDateFromCell(mapping, read.asOfCell, req.asOf !== undefined);
  const aged = adultAgeFromCell(dated.mapping, read.adultAgeCell);
  mapping = aged.mapping;
  const judged = withClerkAdultAge(ruleset, mapping);

  const { name } = chooseSheetName(STATUS_SHEET_NAME, STATUS_KEY, snap.sheets);
  const lists = req.lists
    ? await listsForEvaluation(port, { ruleset: judged, mapping, sheets: [...snap.sheets, { name, visibility: "visible", owner: STATUS_KEY }], inputs: read.inputs, layouts: req.write === true, ...(text ? { source: text.source } : {}) })
    : undefined;
  if (lists?.lists) mapping = { ...mapping, lists: lists.lists };
  const evaluation = evaluate(ruleset, lists?.inputs ?? read.inputs, { asOf: mapping.asOf, suspended: mapping.suspended });
  evaluation.problems.push(...dated.problems, ...aged.problems, ...(lists?.problems ?? []));
  const listCounts = lists?.counts ? { listCounts: lists.counts } : {};
  if (!req.write) return { ok: true, ruleset, mapping, evaluation, ...listCounts };

  const raw = mergeRaw(read.raw, lists?.raw ?? {});
  const status = statusSheetLayout({ ruleset: judged, evaluation, sheetName: name, commune: mapping.commune, refs: read.refs, raw, ...(lists?.formulas ? { listFormulas: lists.formulas } : {}) });
  const fingerprint = fingerprintLayout({ ruleset, mapping, cells: mappedCells(snap.names, mapping), raw: read.raw, lists: lists?.raw, status });
  const written = await port.writeSheets([status, fingerprint, ...(lists?.layouts ?? [])], mappingToText(mapping));
  // The fingerprint is bookkeeping, like the owner names: callers list the sheets a clerk sees.
  return { ok: true, ruleset, mapping, evaluation, written: { written: written.written.filter((w) => w.key !== FINGERPRINT_KEY) }, statusSheet: name, ...listCounts };
}
