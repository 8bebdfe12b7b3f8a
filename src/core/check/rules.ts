import { add, cmp, fromDecimalString, mul, rat, type Rational } from "../evaluate/rational";
import { formatQuantity } from "../text/format";
import { suspendedCodes, type FigureContext } from "./context";
import { parseSide, type CheckRule, type RuleOperator, type SideTerm } from "./schema";
import type { CheckProblem } from "./types";

const HOLDS: Record<RuleOperator, (c: number) => boolean> = {
  "==": (c) => c === 0,
  "!=": (c) => c !== 0,
  "<": (c) => c < 0,
  "<=": (c) => c <= 0,
  ">": (c) => c > 0,
  ">=": (c) => c >= 0,
};

const OPERATOR_TEXT: Record<RuleOperator, string> = { "==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

const SLOT_WORDS: Record<string, string> = { numerator: "tử số", denominator: "mẫu số", value: "giá trị", condition: "điều kiện" };

/** "3.2.denominator" → "mẫu số 3.2"; "17.1.b.numerator" → "tử số 17.1 b)". */
function slotText(code: string, slot: string): string {
  const parts = slot.split(".");
  const base = parts.pop()!;
  return `${SLOT_WORDS[base] ?? base} ${code}${parts.length > 0 ? ` ${parts.join(".")})` : ""}`;
}

type Side = { value: Rational; text: string; refs: string[] };

/** A side's value; undefined when a term is not a number yet (missing or wrong figures are reported by their own checks). */
function sideValue(terms: SideTerm[], ctx: FigureContext, suspended: ReadonlySet<string>): Side | undefined {
  let value = rat(0n);
  const parts: string[] = [];
  const refs: string[] = [];
  for (const t of terms) {
    let v: Rational;
    let shown: string;
    if ("number" in t) {
      v = fromDecimalString(t.number);
      shown = formatQuantity(v);
    } else {
      if (suspended.has(t.ref.code)) return undefined;
      const input = ctx.inputs[t.ref.code]?.[t.ref.slot];
      if (input?.kind !== "number") return undefined;
      v = input.value;
      const cell = ctx.cells[t.ref.code]?.[t.ref.slot];
      if (cell) refs.push(cell.ref);
      shown = `${slotText(t.ref.code, t.ref.slot)} = ${formatQuantity(v)}${cell ? ` (${cell.ref})` : ""}`;
    }
    value = add(value, mul(rat(BigInt(t.sign)), v));
    parts.push(parts.length === 0 ? (t.sign < 0 ? `−${shown}` : shown) : `${t.sign < 0 ? "−" : "+"} ${shown}`);
  }
  return { value, text: parts.join(" "), refs };
}

/** One data rule over the figures: a problem with the rule's importance when it does not hold. */
export function evaluateRule(
  rule: CheckRule,
  ctx: FigureContext,
  suspended: ReadonlySet<string> = suspendedCodes(ctx),
): CheckProblem | undefined {
  const l = parseSide(rule.left);
  const r = parseSide(rule.right);
  if (typeof l === "string" || typeof r === "string") return undefined;
  const left = sideValue(l, ctx, suspended);
  const right = sideValue(r, ctx, suspended);
  if (!left || !right) return undefined;
  if (HOLDS[rule.operator](cmp(left.value, right.value))) return undefined;
  const figures = `cần ${left.text} ${OPERATOR_TEXT[rule.operator]} ${right.text}`;
  const p: CheckProblem = { checkId: `rule:${rule.id}`, severity: rule.importance, message: `${rule.message} (${figures})` };
  const ref = left.refs[0] ?? right.refs[0];
  if (ref !== undefined) p.ref = ref;
  const code = [...l, ...r].find((t): t is Extract<SideTerm, { ref: unknown }> => "ref" in t)?.ref.code;
  if (code !== undefined) p.code = code;
  return p;
}

/** Every rule of the ruleset's rule file. */
export function checkRules(ctx: FigureContext): CheckProblem[] {
  if (!ctx.rules || ctx.rules.ruleset !== ctx.ruleset.id) return [];
  const suspended = suspendedCodes(ctx);
  return ctx.rules.rules.flatMap((rule) => evaluateRule(rule, ctx, suspended) ?? []);
}
