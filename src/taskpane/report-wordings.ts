import type { ConfigProblem as Problem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import { parseReportWordingText, type ReportWording } from "../core/report/wording";
import type { SourceFile } from "./rulesets";

/** The report wording of each programme (rulesets/reports/<id>.json), by ruleset id, and the files that did not validate. */
export type Wordings = { byRuleset: Map<string, ReportWording>; problems: Problem[] };

/** Validates each wording file against the ruleset it is named after, as `chitieu report` does. */
export function wordingsFrom(rulesets: ReadonlyMap<string, Ruleset>, files: readonly SourceFile[]): Wordings {
  const byRuleset = new Map<string, ReportWording>();
  const problems: Problem[] = [];
  for (const { file, text } of files) {
    const id = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
    const parsed = parseReportWordingText(file, text, rulesets.get(id));
    if (!parsed.ok) problems.push(...parsed.problems);
    else byRuleset.set(id, parsed.wording);
  }
  return { byRuleset, problems };
}
