/*
 * The "Báo cáo" tab's state and its one action: draft the Word report from the workbook, offer it as
 * a download, and remember the details (number, date, signer) in the workbook's mapping.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { reportForWorkbook } from "../../app/report-document";
import type { ReportDetails } from "../../core/report/details";
import { reportFileName } from "../../core/report/file-name";
import { mappingToText, type Mapping } from "../../core/mapping/schema";
import type { ConfigProblem as Problem } from "../../core/ruleset/problems";
import { describeError } from "../host/errors";
import type { WorkbookSession } from "../host/types";
import type { Catalog } from "../rulesets";
import type { Wordings } from "../report-wordings";
import { R } from "../report-strings";

export type ReportFields = Required<Record<Exclude<keyof ReportDetails, "signerTitle">, string>> & {
  signerTitle: "chu-tich" | "pho-chu-tich";
};

export type WordReportState = {
  fields: ReportFields;
  busy: boolean;
  message?: { intent: "success" | "warning" | "error"; text: string } | undefined;
  problems: Problem[];
};

export type WordReportInput = {
  session?: WorkbookSession | undefined;
  catalog: Catalog;
  wordings?: Wordings | undefined;
  rulesetId?: string | undefined;
  /** The pane's mapping with its commune and report date. */
  mapping?: Mapping | undefined;
  /** The details stored in the workbook, to start from. */
  stored?: ReportDetails | undefined;
  /** Hands the .docx to the clerk (a download); index.tsx gives it. */
  save?: ((bytes: Uint8Array, fileName: string) => void) | undefined;
  /** Told after the details were stored in the workbook, so the pane's copy of the mapping follows. */
  onStored?: ((mapping: Mapping) => void) | undefined;
};

const fieldsOf = (d: ReportDetails | undefined): ReportFields => ({
  number: d?.number ?? "",
  date: d?.date ?? "",
  place: d?.place ?? "",
  recipient: d?.recipient ?? "",
  signer: d?.signer ?? "",
  signerTitle: d?.signerTitle ?? "chu-tich",
});

export function useWordReport(input: WordReportInput): {
  state: WordReportState;
  setField: (k: keyof ReportFields, v: string) => void;
  make: () => Promise<void>;
} {
  const [state, setState] = useState<WordReportState>(() => ({ fields: fieldsOf(input.stored), busy: false, problems: [] }));
  const latest = useRef(input);
  latest.current = input;
  const current = useRef(state);
  current.current = state;
  // A workbook opened (or its stored details read) after the tab was shown.
  useEffect(() => setState((s) => ({ ...s, fields: fieldsOf(input.stored) })), [input.stored]);

  const setField = useCallback((k: keyof ReportFields, v: string) => setState((s) => ({ ...s, fields: { ...s.fields, [k]: v } })), []);

  const make = useCallback(async () => {
    const { session, catalog, wordings, rulesetId, mapping, save, onStored } = latest.current;
    if (!session || !rulesetId || !mapping) return;
    if (!save) {
      setState((s) => ({ ...s, message: { intent: "error", text: R.noDownload } }));
      return;
    }
    setState((s) => ({ ...s, busy: true, message: undefined, problems: [] }));
    try {
      const { fields } = current.current;
      const outcome = await reportForWorkbook(session.port, {
        rulesets: catalog.rulesets,
        rulesetId,
        mapping: { text: mappingToText(mapping), source: "ánh xạ trên ngăn tác vụ" },
        wording: (r) => {
          const w = wordings?.byRuleset.get(r.id);
          return w ? { wording: w, problems: [] } : { problems: [{ message: R.noWording(r.id) }] };
        },
        details: fields,
        remember: true,
      });
      if (!outcome.ok) {
        setState((s) => ({ ...s, busy: false, problems: outcome.problems }));
        return;
      }
      // The Word writer is large: loaded on first use, in its own chunk.
      const { reportToDocx } = await import(/* webpackChunkName: "report" */ "../../report/docx");
      const name = reportFileName(outcome.mapping.commune, outcome.mapping.report?.date ?? outcome.evaluation.asOf);
      save(await reportToDocx(outcome.document), name);
      onStored?.(outcome.mapping);
      const open = outcome.evaluation.indicators.filter((r) => r.verdict === "thieu-so-lieu" || r.verdict === "loi-so-lieu").length;
      setState((s) => ({
        ...s,
        busy: false,
        message: open > 0 ? { intent: "warning", text: `${R.made(name)} ${R.open(open)}` } : { intent: "success", text: R.made(name) },
      }));
    } catch (e) {
      setState((s) => ({ ...s, busy: false, message: { intent: "error", text: describeError(e) } }));
    }
  }, []);

  return { state, setField, make };
}
