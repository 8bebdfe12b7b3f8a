import { loadRuleset, type Problem } from "../core/ruleset/load";
import type { Ruleset } from "../core/ruleset/schema";

/** The programmes the pane offers, and the files that did not validate (shown, not hidden). */
export type Catalog = { rulesets: Map<string, Ruleset>; problems: Problem[] };

/** Validates every ruleset file through loadRuleset; a bad file is reported and left out. */
export function catalogFrom(files: ReadonlyArray<{ file: string; text: string }>): Catalog {
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
  return { rulesets, problems };
}
