import { evaluateWorkbook } from "../../../app/evaluate-workbook";
import { MAPPING_KEY } from "../../../core/layout/mapping-sheet";
import { mappingToText } from "../../../core/mapping/schema";
import type { WorkbookSession } from "../../host/types";
import { T } from "../../strings";
import type { Message } from "../reducer";
import { mappingForJob, SOURCE, type RunContext } from "./context";
import { progressPort } from "./progress-port";

/** Written: where, and anything the host could not do (then a warning rather than a success). */
export function writtenMessage(session: WorkbookSession, text: string): Message {
  const notes = session.notes?.() ?? [];
  return notes.length > 0 ? { intent: "warning", text: [text, ...notes].join(" ") } : { intent: "success", text };
}

/** What the written sheets need and the clerk has not given: their header names the commune and the date. */
export function missingDetails(s: { commune: string; asOf: string }): string[] {
  return [...(s.commune.trim() ? [] : [T.commune]), ...(s.asOf ? [] : [T.asOf])];
}

/** "Đánh giá" (write false) or "Ghi trang Trạng thái chỉ tiêu" (write true, with the lists). */
export async function runEvaluate(ctx: RunContext, write: boolean): Promise<void> {
  const s = ctx.get();
  const mapping = mappingForJob(s);
  if (!s.session || !s.rulesetId || !mapping) return;
  const missing = missingDetails(s);
  if (write && missing.length > 0) {
    ctx.dispatch({ type: "said", message: { intent: "warning", text: T.writeNeedsDetails(missing) } });
    return;
  }
  const session = s.session;
  // A write reads the rosters and writes sheets (seconds on a large workbook): its steps are shown.
  const port = write ? progressPort(session.port, (label, value) => ctx.dispatch({ type: "progressed", label, value }), 2) : session.port;
  const outcome = await evaluateWorkbook(port, {
    rulesets: ctx.catalog.rulesets,
    rulesetId: s.rulesetId,
    mapping: { text: mappingToText(mapping), source: SOURCE },
    write,
    // Writing builds the appendix lists too (their counts fill the figures, their sheets are written
    // beside the status sheet). It reads the roster sheets — one round trip each in Excel — so
    // "Đánh giá" alone leaves it out and stays at two.
    lists: write,
  });
  if (!outcome.ok) {
    ctx.dispatch({ type: "requestRefused", problems: outcome.problems });
    return;
  }
  const statusSheet = outcome.statusSheet;
  const sheets = (outcome.written?.written ?? []).filter((w) => w.key !== MAPPING_KEY).map((w) => w.name);
  const listSheets = sheets.filter((name) => name !== statusSheet);
  const done = statusSheet === undefined ? "" : session.download ? T.writtenStandalone(statusSheet) : T.written(statusSheet);
  const text = `${done}${listSheets.length > 0 ? ` ${T.alsoWritten(listSheets)}` : ""}`;
  ctx.dispatch({
    type: "evaluated",
    ruleset: outcome.ruleset,
    evaluation: outcome.evaluation,
    statusSheet,
    write: write && statusSheet !== undefined ? { mapping: outcome.mapping, sheets, message: writtenMessage(session, text) } : undefined,
  });
}
