/*
 * The roll-up job as the worker runs it (and the page itself, where a worker cannot start: the page
 * opened from a file:// folder). Reports each step; never throws: a failure is a message.
 */
import { skippedName } from "../../app/rollup-file-names";
import { rollupSources } from "../../app/rollup-sources";
import { readFileBytes } from "../host/file-host";
import type { Catalog } from "../rulesets";
import { summaryOf, type RollupMessage, type RollupRequest } from "./messages";

export async function runRollup(req: RollupRequest, catalog: Catalog, post: (m: RollupMessage) => void): Promise<void> {
  try {
    const files = req.files.filter((f) => !skippedName(f.name));
    const sources = files.map((f) => ({ name: f.name, read: () => readFileBytes(f) }));
    const opts = {
      rulesets: catalog.rulesets,
      asOf: req.asOf,
      only: req.ruleset,
      checkRules: (r: { id: string }) => catalog.checks.byRuleset.get(r.id),
    };
    const { rollup, bytes } = await rollupSources(sources, opts, (step) =>
      post(
        step.kind === "file"
          ? { type: "progress", done: step.done, total: step.total, file: step.file }
          : { type: "writing", total: step.total },
      ),
    );
    post({ type: "done", bytes, summary: summaryOf(rollup, files.length, (id) => catalog.rulesets.get(id)?.title ?? id) });
  } catch (e) {
    post({
      type: "failed",
      message: `Không ghi được bảng tổng hợp: ${e instanceof Error ? e.message : String(e)} — hãy thử lại với ít tệp hơn, hoặc dùng lệnh chitieu rollup trên máy tính.`,
    });
  }
}
