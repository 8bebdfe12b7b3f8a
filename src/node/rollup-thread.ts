/*
 * A roll-up worker thread: reads one file at a time, as the parent sends its path, and posts back the
 * report — the workbook is dropped before the next one, so a thread holds one workbook at most.
 */
import { parentPort, workerData } from "worker_threads";
import { reportFile } from "../app/rollup";
import type { FileOutcome } from "../core/rollup/types";
import type { CheckRuleFile } from "../core/check/schema";
import { loadCheckRuleFile } from "../cli/check-command";
import { WorkbookError } from "../workbook/port";
import { readWorkbookFile } from "./files";
import { loadRulesetDir } from "./rulesets";

export type ThreadRequest = { index: number; file: string };
export type ThreadReply = { index: number; outcome: FileOutcome };

const { asOf } = workerData as { asOf?: string };
const { rulesets } = loadRulesetDir();
const rules = new Map<string, CheckRuleFile | undefined>();

parentPort!.on("message", (msg: ThreadRequest) => {
  void (async () => {
    let outcome: FileOutcome;
    try {
      const bytes = readWorkbookFile(msg.file);
      outcome = await reportFile(msg.file, bytes, {
        rulesets,
        asOf,
        checkRules: (r) => {
          if (!rules.has(r.id)) rules.set(r.id, loadCheckRuleFile(r).rules);
          return rules.get(r.id);
        },
      });
    } catch (e) {
      outcome = {
        kind: "bad",
        file: msg.file,
        why: e instanceof WorkbookError && e.code === "not-found" ? "not-found" : "unreadable",
        message: e instanceof Error ? e.message : String(e),
      };
    }
    parentPort!.postMessage({ index: msg.index, outcome } satisfies ThreadReply);
  })();
});
