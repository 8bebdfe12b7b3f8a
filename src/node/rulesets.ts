import { readFileSync } from "fs";
import { join } from "path";
import { catalogueText, readCatalogue, rulesetFiles, type RulesetDir } from "./ruleset-catalogue";

/** The rulesets/ folder of this checkout. */
export const RULESETS_DIR = join(__dirname, "..", "..", "rulesets");

/**
 * The catalogue scripts/build-cli.mjs writes beside the bundle (build/cli/rulesets.json). Run from the
 * TypeScript sources (jest, tsx) this folder is src/node/, which holds none: the files are validated.
 */
export const CATALOGUE_FILE = join(__dirname, "rulesets.json");

/** Every ruleset file in the folder, validated; a bad file is reported with its path inside, the rest still load. */
export function loadRulesetDir(dir = RULESETS_DIR): RulesetDir {
  return (dir === RULESETS_DIR ? readCatalogue(CATALOGUE_FILE, dir) : undefined) ?? validateRulesetDir(dir);
}

/**
 * The ruleset validator, loaded only when a file is validated: building its zod schemas was 5 ms of
 * every start, and a command that finds the catalogue fresh validates nothing.
 */
function validator(): typeof import("../core/ruleset/load") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; esbuild bundles it as a module initialised on first call
  return require("../core/ruleset/load") as typeof import("../core/ruleset/load");
}

/** loadRulesetDir without the catalogue: every file read and validated now. */
export function validateRulesetDir(dir: string): RulesetDir {
  const rulesets: RulesetDir["rulesets"] = new Map();
  const problems: RulesetDir["problems"] = [];
  const { loadRuleset } = validator();
  for (const file of rulesetFiles(dir)) {
    const result = loadRuleset(`rulesets/${file}`, readFileSync(join(dir, file), "utf8"));
    if (result.ok) rulesets.set(result.ruleset.id, result.ruleset);
    else problems.push(...result.problems);
  }
  return { rulesets, problems };
}

/** The catalogue's text for `dir`, validated now (scripts/build-cli.mjs writes it to CATALOGUE_FILE). */
export function rulesetCatalogueText(dir = RULESETS_DIR): string {
  return catalogueText(dir, validateRulesetDir(dir));
}
