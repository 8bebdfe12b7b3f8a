/*
 * The ruleset catalogue: what loadRulesetDir() returns for rulesets/, validated once by
 * scripts/build-cli.mjs and written beside the bundle (build/cli/rulesets.json), so a command reads one
 * JSON file instead of validating every ruleset with zod on every start (a third of `chitieu rulesets`).
 * The catalogue names each file it was made from with its size and modification time: when the folder
 * differs in any way (an edit, a new or a removed file) it is not used and the files are validated as
 * before, so a stale catalogue can cost time but never change a result.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";

export type RulesetDir = { rulesets: Map<string, Ruleset>; problems: ConfigProblem[] };

type SourceFile = { name: string; size: number; mtimeMs: number };
type Catalogue = { v: 1; files: SourceFile[]; rulesets: Ruleset[]; problems: ConfigProblem[] };

/** The ruleset files of `dir` in the order they are loaded. */
export function rulesetFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

function sourceFiles(dir: string): SourceFile[] {
  return rulesetFiles(dir).map((name) => {
    const s = statSync(`${dir}/${name}`);
    return { name, size: s.size, mtimeMs: s.mtimeMs };
  });
}

/**
 * The catalogue's text for `dir` as `loaded` found it. The ruleset hash a fingerprint stores is
 * JSON.stringify of the validated ruleset, so only values JSON carries unchanged may be written: a
 * schema that one day yields a Date, a Map or an undefined field stops the build here instead of
 * changing a hash or a comparison silently.
 */
export function catalogueText(dir: string, loaded: RulesetDir): string {
  const catalogue: Catalogue = { v: 1, files: sourceFiles(dir), rulesets: [...loaded.rulesets.values()], problems: loaded.problems };
  if (!jsonCarries(catalogue)) throw new Error("ruleset catalogue: a validated ruleset holds a value JSON cannot carry unchanged");
  return JSON.stringify(catalogue);
}

/** Strings, booleans, null, finite numbers but -0, and arrays and plain objects of them: what JSON.parse gives back as it was. */
function jsonCarries(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return Object.keys(value).length === value.length && value.every(jsonCarries);
  if (typeof value !== "object") return false;
  // A plain object of any realm (jest runs modules in their own): its prototype is an Object.prototype, or none.
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]" || Object.getOwnPropertySymbols(value).length > 0) return false;
  return Object.values(value).every(jsonCarries);
}

// Not util.isDeepStrictEqual: loading Node's comparison module costs more than the whole check.
const sameFiles = (a: SourceFile[], b: SourceFile[]) =>
  a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.size === b[i]!.size && f.mtimeMs === b[i]!.mtimeMs);

/** The catalogue in `file` when it describes `dir` exactly as it is now; otherwise undefined. */
export function readCatalogue(file: string, dir: string): RulesetDir | undefined {
  let catalogue: Catalogue;
  try {
    catalogue = JSON.parse(readFileSync(file, "utf8")) as Catalogue;
  } catch {
    return undefined;
  }
  try {
    if (catalogue.v !== 1 || !sameFiles(catalogue.files, sourceFiles(dir))) return undefined;
  } catch {
    return undefined;
  }
  return { rulesets: new Map(catalogue.rulesets.map((r) => [r.id, r])), problems: catalogue.problems };
}
