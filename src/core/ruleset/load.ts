import { z } from "zod";
import { Ruleset } from "./schema";

/** Messages in Vietnamese, per parse, so nothing global is configured. */
const vietnamese = z.locales.vi().localeError;

export type ConfigProblem = { message: string; ref?: string };

export type LoadResult = { ok: true; ruleset: Ruleset } | { ok: false; problems: ConfigProblem[] };

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

/** Parses one ruleset file's text; every error names the file and the path inside it. */
export function loadRuleset(file: string, text: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ ref: file, message: `${file}: không phải JSON hợp lệ (invalid JSON): ${why}` }] };
  }
  return parseRuleset(file, data);
}

export function parseRuleset(file: string, data: unknown): LoadResult {
  const parsed = Ruleset.safeParse(data, { error: vietnamese });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(file, parsed.error.issues) };
  const expected = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
  if (file.endsWith(".json") && parsed.data.id !== expected) {
    return {
      ok: false,
      problems: [{ ref: `${file}: id`, message: `${file}: id "${parsed.data.id}" phải trùng tên tệp "${expected}"` }],
    };
  }
  return { ok: true, ruleset: parsed.data };
}
