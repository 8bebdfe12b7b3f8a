import { checkWorkbook } from "../../../app/check";
import { mappingToText } from "../../../core/mapping/schema";
import { mappingForJob, SOURCE, type RunContext } from "./context";
import { progressPort } from "./progress-port";

/** "Kiểm tra sổ tính": the pre-submission check with the pane's mapping, date and the programme's data rules. */
export async function runCheck(ctx: RunContext): Promise<void> {
  const s = ctx.get();
  const mapping = mappingForJob(s);
  if (!s.session || !s.rulesetId || !mapping) return;
  const port = progressPort(s.session.port, (label, value) => ctx.dispatch({ type: "progressed", label, value }), 1);
  const report = await checkWorkbook(port, {
    rulesets: ctx.catalog.rulesets,
    rulesetId: s.rulesetId,
    mapping: { text: mappingToText(mapping), source: SOURCE },
    ...(s.asOf ? { asOf: s.asOf } : {}),
    checkRules: (ruleset) => ctx.catalog.checks.byRuleset.get(ruleset.id),
  });
  ctx.dispatch({ type: "checked", report });
}
