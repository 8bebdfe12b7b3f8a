import { T } from "../../strings";
import type { RunContext } from "./context";
import { runEvaluate } from "./evaluate";

/**
 * Standalone: "Tải sổ tính về" hands the file to the browser. Sheets a change has made out of date
 * are written again first; when they cannot be (details missing, a mapping problem), nothing is
 * downloaded and the pane says why.
 */
export async function runDownload(ctx: RunContext): Promise<void> {
  const s = ctx.get();
  if (!s.session?.download) return;
  if (s.written && s.written.stale.length > 0) {
    ctx.dispatch({ type: "progressed", label: T.rewriting, value: 0.3 });
    await runEvaluate(ctx, true);
    const after = ctx.get();
    if (after.written && after.written.stale.length > 0) {
      const why = after.message?.intent === "warning" || after.message?.intent === "error" ? ` ${after.message.text}` : "";
      ctx.dispatch({
        type: "said",
        message: { intent: "warning", text: `${T.downloadRefused(after.written.stale)}${why}` },
      });
      return;
    }
    ctx.dispatch({ type: "progressed", label: T.saving, value: 0.8 });
  }
  const name = await s.session.download();
  ctx.dispatch({ type: "said", message: { intent: "success", text: T.downloaded(name) } });
}
