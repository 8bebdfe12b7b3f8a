import type { z } from "zod";

/*
 * A problem in a configuration file (a ruleset, a mapping, a check or wording file), named by the file
 * and the path inside it. Apart from the ruleset schema, so that reading a mapping or a check file
 * does not build the ruleset's zod schemas (5 ms of every start of the command line).
 */

export type ConfigProblem = { message: string; ref?: string };

/** `groups[2].items[0].requirement` — the path inside the file, as a reader of the JSON would write it. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(gốc)" : out;
}

export function issuesToProblems(file: string, issues: ReadonlyArray<z.core.$ZodIssue>): ConfigProblem[] {
  return issues.map((issue) => {
    const ref = `${file}: ${formatPath(issue.path)}`;
    return { ref, message: `${ref}: ${issue.message}` };
  });
}
