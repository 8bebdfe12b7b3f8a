import { makeLists } from "../../../app/lists";
import { MAPPING_KEY } from "../../../core/layout/mapping-sheet";
import { mappingToText } from "../../../core/mapping/schema";
import { T } from "../../strings";
import { listsProgressView } from "../view";
import { mappingForJob, SOURCE, type RunContext } from "./context";
import { writtenMessage } from "./evaluate";

/** "Tạo phụ lục": builds the lists from the rosters and writes their sheets, showing each step. */
export async function runMakeLists(ctx: RunContext): Promise<void> {
  const s = ctx.get();
  const mapping = mappingForJob(s);
  if (!s.session || !s.rulesetId || !mapping) return;
  // Ages are counted to the report date, never to today's clock: ask for it here, in the pane's words.
  if (!s.asOf) {
    ctx.dispatch({ type: "said", message: { intent: "warning", text: T.listsNeedAsOf }, tab: "lists" });
    return;
  }
  const session = s.session;
  const outcome = await makeLists(session.port, {
    rulesets: ctx.catalog.rulesets,
    rulesetId: s.rulesetId,
    mapping: { text: mappingToText(mapping), source: SOURCE },
    asOf: s.asOf,
    write: true,
    progress: (step) => {
      const shown = listsProgressView(step);
      ctx.dispatch({ type: "progressed", label: shown.label, value: shown.value });
    },
  });
  if (!outcome.ok) {
    ctx.dispatch({ type: "listsRefused", problems: outcome.problems });
    return;
  }
  const n = outcome.lists.length;
  const sheets = (outcome.written?.written ?? []).filter((w) => w.key !== MAPPING_KEY).map((w) => w.name);
  ctx.dispatch({
    type: "listsMade",
    lists: outcome.lists,
    problems: outcome.problems,
    mapping: outcome.mapping,
    sheets: outcome.written !== undefined ? sheets : [],
    message:
      n === 0
        ? { intent: "warning", text: T.listsNone }
        : writtenMessage(session, session.download ? T.listsWrittenStandalone(n) : T.listsWritten(n)),
  });
}
