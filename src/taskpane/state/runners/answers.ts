import { chooseSheetName } from "../../../core/layout/sheet";
import type { WorkbookPort } from "../../../workbook/port";
import { ANSWERS_KEY, ANSWERS_SHEET, answerRef, answersFromRows, answersLayout, questionsOf } from "../answers-sheet";
import type { RunContext } from "./context";

/**
 * The clerk answered a question that chooses a case: the answers sheet is written (a sheet we own)
 * and every input reading that question is mapped to its answer cell.
 */
export async function runAnswer(ctx: RunContext, key: string, answer: boolean | undefined): Promise<void> {
  const s = ctx.get();
  const ruleset = s.rulesetId ? ctx.catalog.rulesets.get(s.rulesetId) : undefined;
  if (!s.session || !ruleset) return;
  const questions = questionsOf(ruleset);
  const index = questions.findIndex((q) => q.key === key);
  if (index < 0) return;
  const answers = { ...s.answers };
  if (answer === undefined) delete answers[key];
  else answers[key] = answer;
  const snap = await s.session.port.snapshot();
  const { name } = chooseSheetName(ANSWERS_SHEET, ANSWERS_KEY, snap.sheets);
  const written = await s.session.port.writeSheets([answersLayout(name, questions, answers)]);
  const ref = answerRef(name, index);
  ctx.dispatch({
    type: "answered",
    answers,
    refs: questions[index]!.slots.map((x) => ({ ...x, ref })),
    sheets: written.written.map((w) => w.name),
  });
}

/** The answers given before, read back from our sheet when the workbook has it (one more read). */
export async function readAnswers(
  port: Pick<WorkbookPort, "readSheet">,
  sheets: ReadonlyArray<{ name: string; owner?: string | undefined }>,
): Promise<Record<string, boolean>> {
  const ours = sheets.find((x) => x.owner === ANSWERS_KEY);
  return ours ? answersFromRows(await port.readSheet(ours.name)) : {};
}
