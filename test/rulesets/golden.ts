import { readFileSync } from "fs";
import { join } from "path";
import { loadRuleset } from "../../src/core/ruleset/load";
import type { Ruleset } from "../../src/core/ruleset/schema";
import { findIndicator } from "../../src/core/ruleset/walk";

export const RULESETS_DIR = join(__dirname, "..", "..", "rulesets");
export const SEEDS_DIR = join(__dirname, "..", "..", "..", "shared", "seeds");

/** Loads rulesets/<id>.json and fails the test with the loader's own messages if it does not validate. */
export function loadRulesetFile(id: string): Ruleset {
  const file = `${id}.json`;
  const result = loadRuleset(file, readFileSync(join(RULESETS_DIR, file), "utf8"));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.ruleset;
}

/** Folds what flattening the source tables did to the text: NFC, runs of white space, tabs. */
export function normalizeForCompare(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

export function seedText(seedFile: string): string {
  return normalizeForCompare(readFileSync(join(SEEDS_DIR, seedFile), "utf8"));
}

/** True when `wording` stands in the seed document as written (white space folded). */
export function isVerbatim(seedFile: string, wording: string): boolean {
  return seedText(seedFile).includes(normalizeForCompare(wording));
}

export function indicatorOrThrow(ruleset: Ruleset, code: string) {
  const ind = findIndicator(ruleset, code);
  if (!ind) throw new Error(`${ruleset.id}: no indicator ${code}`);
  return ind;
}
