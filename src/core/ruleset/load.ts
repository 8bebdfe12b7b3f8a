import { z } from "zod";
import { issuesToProblems, type ConfigProblem } from "./problems";
import { Ruleset } from "./schema";

/** Messages in Vietnamese, per parse, so nothing global is configured. */
const vietnamese = z.locales.vi().localeError;

export type LoadResult = { ok: true; ruleset: Ruleset } | { ok: false; problems: ConfigProblem[] };

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
