/*
 * Opening a job on a workbook, the steps evaluate, lists, check and the task pane share: the mapping
 * text (given, or stored in the workbook) → parsed → its ruleset looked up → the clerk's overrides →
 * the mapped cells and the report date read through the port. Each caller words what it cannot do
 * without a mapping; everything else is decided here once.
 */
import { checkMappingAgainst, parseMappingText, type Mapping } from "../core/mapping/schema";
import { damagedMappingMessage } from "../core/layout/mapping-sheet";
import type { Finding } from "../core/evaluate/result";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import type { JobRequest, MappingSource, RulesetCatalog } from "./catalog";
import { readInputs, type ReadInputs } from "./read-inputs";
import { reportDateFromCell } from "./report-date";

export const STORED_MAPPING_SOURCE = "ánh xạ lưu trong sổ tính";

/** The mapping a job reads: the one given, else the workbook's stored copy. */
export function mappingSourceOf(snap: WorkbookSnapshot, given: MappingSource | undefined): MappingSource | undefined {
  return given ?? (snap.mappingText !== undefined ? { text: snap.mappingText, source: STORED_MAPPING_SOURCE } : undefined);
}

export type OpenedJob = {
  snap: WorkbookSnapshot;
  /** The ruleset as catalogued. */
  ruleset: Ruleset;
  /** The mapping with the ruleset chosen and --as-of applied. */
  mapping: Mapping;
  /** Where the mapping came from, for messages ("ánh xạ" when there was none). */
  source: string;
  /** False when no mapping existed and an empty one was made for the ruleset. */
  mapped: boolean;
  /** Codes or slots the ruleset does not know: fatal for evaluate and lists, findings for the check. */
  mappingProblems: ConfigProblem[];
};

export type JobRefusal =
  /** The stored mapping failed its checksum (the workbook was edited around it). */
  | { reason: "damaged-mapping"; problems: ConfigProblem[] }
  /** The mapping JSON is not a mapping. */
  | { reason: "invalid-mapping"; problems: ConfigProblem[] }
  /** No mapping and no ruleset to make an empty one for: the caller says what to do. */
  | { reason: "no-mapping"; problems: [] }
  | { reason: "unknown-ruleset"; rulesetId: string; problems: ConfigProblem[] };

export type JobOpening = ({ ok: true } & OpenedJob) | { ok: false; snap: WorkbookSnapshot; refusal: JobRefusal };

export type OpenOptions = {
  /** The ruleset to use when the workbook has no mapping and none was given (default: --ruleset, else refuse). */
  noMapping?: (catalog: RulesetCatalog) => string | undefined;
  /** A snapshot the caller already took (saves a round trip). */
  snapshot?: WorkbookSnapshot;
};

/** Snapshot, mapping, ruleset, overrides: a job ready to read its cells, or why not. */
export async function openJob(port: WorkbookPort, req: JobRequest, opts: OpenOptions = {}): Promise<JobOpening> {
  const snap = opts.snapshot ?? (await port.snapshot());
  const noMapping = opts.noMapping ?? (() => req.rulesetId);
  const refuse = (refusal: JobRefusal): JobOpening => ({ ok: false, snap, refusal });
  const text = mappingSourceOf(snap, req.mapping);
  if (!req.mapping && snap.mappingDamaged !== undefined)
    return refuse({ reason: "damaged-mapping", problems: [{ message: damagedMappingMessage(snap.mappingDamaged) }] });
  let mapping: Mapping;
  if (text) {
    const parsed = parseMappingText(text.source, text.text);
    if (!parsed.ok) return refuse({ reason: "invalid-mapping", problems: parsed.problems });
    mapping = parsed.mapping;
  } else {
    const id = noMapping(req.rulesets);
    if (id === undefined) return refuse({ reason: "no-mapping", problems: [] });
    mapping = { ruleset: id, indicators: {} };
  }
  const rulesetId = req.rulesetId ?? mapping.ruleset;
  const ruleset = req.rulesets.get(rulesetId);
  if (!ruleset) {
    const message = `Không có bộ tiêu chí "${rulesetId}" — hãy chọn một bộ tiêu chí trong danh sách`;
    return refuse({ reason: "unknown-ruleset", rulesetId, problems: [{ ref: rulesetId, message }] });
  }
  mapping = { ...mapping, ruleset: rulesetId, ...(req.asOf !== undefined ? { asOf: req.asOf } : {}) };
  const source = text?.source ?? "ánh xạ";
  return {
    ok: true,
    snap,
    ruleset,
    mapping,
    source,
    mapped: text !== undefined,
    mappingProblems: checkMappingAgainst(ruleset, mapping, source),
  };
}

export type JobInputs = {
  read: ReadInputs;
  /** The job's mapping with the report date from the workbook's "Ngày báo cáo" cell (unless --as-of). */
  mapping: Mapping;
  /** A report date cell that is not a date. */
  problems: Finding[];
};

/**
 * Reads the mapped cells (of `codes` only, when given) and the report date cell in one round trip.
 * `mapping` defaults to the job's (the check passes one without its broken slots).
 */
export async function readJobInputs(
  port: WorkbookPort,
  job: OpenedJob,
  req: Pick<JobRequest, "asOf">,
  opts: { codes?: ReadonlySet<string>; mapping?: Mapping } = {},
): Promise<JobInputs> {
  const mapping = opts.mapping ?? job.mapping;
  const only = opts.codes;
  const asked = only
    ? {
        ...mapping,
        indicators: Object.fromEntries(Object.entries(mapping.indicators).filter(([code]) => only.has(code))),
      }
    : mapping;
  // A lists job with nothing to read (its figures not mapped, no date cell): no round trip.
  const nothing =
    only !== undefined && Object.keys(asked.indicators).length === 0 && asked.asOfRef === undefined && asked.adultAgeRef === undefined;
  const read: ReadInputs = nothing
    ? { inputs: {}, refs: {}, raw: {}, fatal: [] }
    : await readInputs(port, job.snap.names, job.ruleset, asked);
  const dated = reportDateFromCell(mapping, read.asOfCell, req.asOf !== undefined);
  return { read, mapping: dated.mapping, problems: dated.problems };
}
