import { z } from "zod";
import type { Evaluation } from "../core/evaluate/result";
import { mappingToText, type Mapping } from "../core/mapping/schema";
import { buildReport } from "../core/report/build";
import { mergeDetails, ReportDetails } from "../core/report/details";
import type { ReportDocument } from "../core/report/model";
import type { ReportWording } from "../core/report/wording";
import { formatPath, type ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import type { WorkbookPort } from "../workbook/port";
import { evaluateWorkbook, type EvaluateRequest } from "./evaluate-workbook";

/** What the clerk typed for this report (command-line options, the pane's fields); blank clears a stored value. */
export type TypedDetails = Partial<Record<keyof ReportDetails, string | undefined>> & { commune?: string | undefined };

export type ReportRequest = Pick<EvaluateRequest, "rulesets" | "rulesetId" | "mapping" | "asOf"> & {
  wording: (ruleset: Ruleset) => { wording?: ReportWording | undefined; problems: ConfigProblem[] };
  details?: TypedDetails | undefined;
  /** Store the details (and the commune) in the workbook's mapping, so the next report starts from them. */
  remember?: boolean | undefined;
};

export type ReportOutcome =
  | { ok: true; document: ReportDocument; ruleset: Ruleset; evaluation: Evaluation; mapping: Mapping; stored: boolean }
  | { ok: false; problems: ConfigProblem[] };

const OPTION: Record<string, string> = {
  number: "số báo cáo",
  date: "ngày ký",
  place: "địa danh",
  recipient: "nơi gửi",
  signer: "người ký",
  signerTitle: "chức vụ người ký",
};

/**
 * Evaluates the workbook as `evaluate` does (lists included) and drafts its report: the stored
 * details, overridden by the typed ones, validated with messages naming the field.
 */
export async function reportForWorkbook(port: WorkbookPort, req: ReportRequest): Promise<ReportOutcome> {
  const outcome = await evaluateWorkbook(port, {
    rulesets: req.rulesets,
    rulesetId: req.rulesetId,
    mapping: req.mapping,
    asOf: req.asOf,
    lists: true,
  });
  if (!outcome.ok) return outcome;
  const { ruleset, evaluation } = outcome;
  const loaded = req.wording(ruleset);
  if (!loaded.wording) return { ok: false, problems: loaded.problems };
  const { commune, ...typed } = req.details ?? {};
  const merged = ReportDetails.safeParse(mergeDetails(outcome.mapping.report, typed), { error: z.locales.vi().localeError });
  if (!merged.success) {
    return {
      ok: false,
      problems: merged.error.issues.map((i) => {
        const key = String(i.path[0] ?? "");
        return { ref: `report.${formatPath(i.path)}`, message: `Thông tin báo cáo — ${OPTION[key] ?? key}: ${i.message}` };
      }),
    };
  }
  const details = merged.data;
  let mapping: Mapping = { ...outcome.mapping, ...(Object.keys(details).length > 0 ? { report: details } : {}) };
  if (Object.keys(details).length === 0) delete mapping.report;
  if (commune !== undefined && commune.trim() !== "") mapping = { ...mapping, commune: commune.trim() };
  const document = buildReport({
    ruleset,
    evaluation,
    wording: loaded.wording,
    commune: mapping.commune,
    details,
    listCounts: outcome.listCounts,
  });
  if (req.remember) await port.writeSheets([], mappingToText(mapping));
  return { ok: true, document, ruleset, evaluation, mapping, stored: req.remember === true };
}
