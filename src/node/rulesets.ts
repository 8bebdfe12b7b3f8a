import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { loadRuleset, type ConfigProblem } from "../core/ruleset/load";
import type { Ruleset } from "../core/ruleset/schema";

/** The rulesets/ folder of this checkout. */
export const RULESETS_DIR = join(__dirname, "..", "..", "rulesets");

/** Every ruleset file in the folder, validated; a bad file is reported with its path inside, the rest still load. */
export function loadRulesetDir(dir = RULESETS_DIR): { rulesets: Map<string, Ruleset>; problems: ConfigProblem[] } {
  const rulesets = new Map<string, Ruleset>();
  const problems: ConfigProblem[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const result = loadRuleset(`rulesets/${file}`, readFileSync(join(dir, file), "utf8"));
    if (result.ok) rulesets.set(result.ruleset.id, result.ruleset);
    else problems.push(...result.problems);
  }
  return { rulesets, problems };
}
