import { parseCheckRulesText, type CheckRuleFile } from "../core/check/schema";
import { loadRuleset } from "../core/ruleset/load";
import type { ConfigProblem as Problem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";

/** The data rules of the pre-submission check (rulesets/checks/<ruleset-id>.json), by ruleset id. */
export type CheckRules = { byRuleset: Map<string, CheckRuleFile>; problems: Problem[] };

/**
 * The programmes the pane offers, the files that did not validate (shown, not hidden), and the check
 * rules that go with them.
 */
export type Catalog = { rulesets: Map<string, Ruleset>; problems: Problem[]; checks: CheckRules };

export type SourceFile = { file: string; text: string };

/**
 * Validates every ruleset file through loadRuleset; a bad file is reported and left out. Each check
 * rule file is validated against the ruleset it is named after, as `chitieu check` does; a bad one is
 * reported and the check runs without it.
 */
export function catalogFrom(files: readonly SourceFile[], checkFiles: readonly SourceFile[] = []): Catalog {
  const rulesets = new Map<string, Ruleset>();
  const problems: Problem[] = [];
  for (const { file, text } of files) {
    const loaded = loadRuleset(file, text);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    if (rulesets.has(loaded.ruleset.id)) {
      problems.push({ ref: file, message: `${file}: bộ tiêu chí "${loaded.ruleset.id}" bị trùng` });
      continue;
    }
    rulesets.set(loaded.ruleset.id, loaded.ruleset);
  }
  return { rulesets, problems, checks: checkRulesFrom(rulesets, checkFiles) };
}

function checkRulesFrom(rulesets: ReadonlyMap<string, Ruleset>, files: readonly SourceFile[]): CheckRules {
  const byRuleset = new Map<string, CheckRuleFile>();
  const problems: Problem[] = [];
  for (const { file, text } of files) {
    const id = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
    const ruleset = rulesets.get(id);
    const parsed = parseCheckRulesText(file, text, ruleset);
    if (!parsed.ok) problems.push(...parsed.problems);
    else if (!ruleset) problems.push({ ref: file, message: `${file}: không có bộ tiêu chí "${id}" đi kèm tệp quy tắc này` });
    else byRuleset.set(id, parsed.rules);
  }
  return { byRuleset, problems };
}
