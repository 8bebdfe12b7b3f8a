import { templateFileName } from "../../host/template";
import { T } from "../../strings";
import type { RunContext } from "./context";
import { runLoad } from "./load";

/** "Tạo sổ mẫu": a blank workbook for the chosen programme, opened in Excel, downloaded, or worked on here. */
export async function runMakeTemplate(ctx: RunContext): Promise<void> {
  const s = ctx.get();
  const ruleset = s.rulesetId ? ctx.catalog.rulesets.get(s.rulesetId) : undefined;
  if (!ruleset) {
    ctx.dispatch({ type: "said", message: { intent: "warning", text: T.makeTemplateNeedsProgramme } });
    return;
  }
  const bytes = await ctx.shell.makeTemplate(ruleset, { commune: s.commune || undefined, asOf: s.asOf || undefined });
  const fileName = templateFileName(ruleset);
  const outcome = await ctx.shell.offerTemplate(bytes, fileName);
  if (outcome.kind === "session") {
    await runLoad(ctx, outcome.session);
    ctx.dispatch({ type: "said", message: { intent: "success", text: T.templateSession(fileName) } });
    return;
  }
  const text = outcome.kind === "opened-in-excel" ? T.templateOpened : T.templateDownloaded(outcome.fileName);
  ctx.dispatch({ type: "said", message: { intent: "success", text } });
}
