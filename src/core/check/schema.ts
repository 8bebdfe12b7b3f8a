import { z } from "zod";
import { slotsOf } from "../evaluate/slots";
import { issuesToProblems, type ConfigProblem as Problem } from "../ruleset/problems";
import type { Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";

/*
 * Checks as data, beside the rulesets, in the manner of DHIS2's validation rules: a left side, an
 * operator, a right side, an importance and the message. One file per ruleset,
 * rulesets/checks/<ruleset-id>.json. A side is a number, a slot reference "3.2.denominator", or a
 * sum of them "3.2.numerator + 3.3.numerator - 12". JSON has no comments, so every rule says in
 * `why` which document makes it hold.
 */

const Text = z.string().trim().min(1);

export type SideTerm = { sign: 1 | -1 } & ({ ref: { code: string; slot: string } } | { number: string });

const SLOT = /^(.+?)\.((?:[a-z][a-z0-9]*\.)?(?:numerator|denominator|value|condition))$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** "3.2.numerator + 3.3.numerator - 12" → its terms; a message when it is not such a sum. */
export function parseSide(side: string | number): SideTerm[] | string {
  if (typeof side === "number") {
    if (!Number.isFinite(side)) return "số không hữu hạn";
    return [{ sign: side < 0 ? -1 : 1, number: String(Math.abs(side)) }];
  }
  const text = side.trim();
  if (text === "") return "vế trống";
  const pieces = text.split(/\s*([+-])\s*/);
  const terms: SideTerm[] = [];
  let sign: 1 | -1 = 1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i % 2 === 1) {
      sign = piece === "-" ? -1 : 1;
      continue;
    }
    if (piece === "") {
      if (i === 0 && pieces[1] === "-") continue; // a leading minus
      return `"${text}": thiếu số hạng quanh dấu + hoặc -`;
    }
    if (NUMBER.test(piece)) terms.push({ sign, number: piece });
    else {
      const m = SLOT.exec(piece);
      if (!m) return `"${piece}" không phải số hay tham chiếu dạng mã.ô (ví dụ 3.2.denominator)`;
      terms.push({ sign, ref: { code: m[1]!, slot: m[2]! } });
    }
    sign = 1;
  }
  return terms;
}

const Side = z.union([z.number(), z.string()]).superRefine((side, ctx) => {
  const parsed = parseSide(side);
  if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
});

export const RuleOperator = z.enum(["==", "!=", "<", "<=", ">", ">="]);
export type RuleOperator = z.infer<typeof RuleOperator>;

export const CheckRule = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id dạng chu-thuong-co-gach"),
    left: Side,
    operator: RuleOperator,
    right: Side,
    importance: z.enum(["loi", "canh-bao"]),
    /** Vietnamese, what is wrong and what to do; the figures of both sides are appended. */
    message: Text,
    /** Why the rule holds, citing the document or law. */
    why: Text,
  })
  .strict();
export type CheckRule = z.infer<typeof CheckRule>;

export const CheckRuleFile = z
  .object({
    $schema: z.string().optional(),
    ruleset: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    notes: z.array(Text).default([]),
    rules: z.array(CheckRule),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.rules.forEach((r, i) => {
      const first = seen.get(r.id);
      if (first !== undefined)
        ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `id "${r.id}" bị trùng (đã có ở rules[${first}])` });
      else seen.set(r.id, i);
    });
  });
export type CheckRuleFile = z.infer<typeof CheckRuleFile>;

const vietnamese = z.locales.vi().localeError;

export type CheckRulesParse = { ok: true; rules: CheckRuleFile } | { ok: false; problems: Problem[] };

/** Parses a rule file's text; every error names the file and the JSON path inside it. */
export function parseCheckRulesText(file: string, text: string, ruleset?: Ruleset): CheckRulesParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ ref: file, message: `${file}: không phải JSON hợp lệ (invalid JSON): ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  return parseCheckRules(file, data, ruleset);
}

export function parseCheckRules(file: string, data: unknown, ruleset?: Ruleset): CheckRulesParse {
  const parsed = CheckRuleFile.safeParse(data, { error: vietnamese });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(file, parsed.error.issues) };
  const expected = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
  if (file.endsWith(".json") && parsed.data.ruleset !== expected) {
    return {
      ok: false,
      problems: [{ ref: `${file}: ruleset`, message: `${file}: ruleset: "${parsed.data.ruleset}" phải trùng tên tệp "${expected}"` }],
    };
  }
  if (ruleset) {
    const problems = checkRulesAgainst(file, parsed.data, ruleset);
    if (problems.length > 0) return { ok: false, problems };
  }
  return { ok: true, rules: parsed.data };
}

/** Every reference must name an indicator of the ruleset and one of its slots. */
export function checkRulesAgainst(file: string, rules: CheckRuleFile, ruleset: Ruleset): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string) => problems.push({ ref: `${file}: ${path}`, message: `${file}: ${path}: ${message}` });
  if (rules.ruleset !== ruleset.id) at("ruleset", `tệp dành cho bộ tiêu chí "${rules.ruleset}", không phải "${ruleset.id}"`);
  const slots = new Map(indicatorsOf(ruleset).map(({ item }) => [item.code, slotsOf(item).map((s) => s.slot)]));
  rules.rules.forEach((rule, i) => {
    for (const side of ["left", "right"] as const) {
      const terms = parseSide(rule[side]);
      if (typeof terms === "string") continue;
      for (const t of terms) {
        if (!("ref" in t)) continue;
        const known = slots.get(t.ref.code);
        if (!known) at(`rules[${i}].${side}`, `bộ tiêu chí ${ruleset.id} không có chỉ tiêu mã "${t.ref.code}"`);
        else if (!known.includes(t.ref.slot))
          at(`rules[${i}].${side}`, `chỉ tiêu ${t.ref.code} không có ô nhập "${t.ref.slot}" (có: ${known.join(", ")})`);
      }
    }
  });
  return problems;
}
