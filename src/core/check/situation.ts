import { cmp, ZERO } from "../evaluate/rational";
import type { Input } from "../evaluate/inputs";
import { formatQuantity } from "../text/format";
import { activeIndicators, where, type FigureContext } from "./context";
import { sharesOf, slotOf } from "./measures";
import { kindOf } from "../kinds/registry";
import { problem, type CheckProblem } from "./types";

/**
 * A condition cell restates a figure typed elsewhere (Hà Tĩnh 5.2: "Số trường học các cấp của xã"
 * chooses ≥ 70% or ≥ 50%, and the schools are counted again in the denominators of 5.1 and 5.2).
 * When they differ the threshold may be the wrong one, and nothing else would say so.
 */
export function checkConditions(ctx: FigureContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  const indicators = activeIndicators(ctx);
  for (const ind of indicators) {
    const condition = kindOf(ind).choosingCondition(ind);
    if (!condition?.population) continue;
    const cond = ctx.inputs[ind.code]?.["condition"];
    if (cond?.kind !== "number") continue;
    const condCell = ctx.cells[ind.code]?.["condition"];
    for (const other of indicators) {
      const inputs = ctx.inputs[other.code] ?? {};
      for (const m of sharesOf(other, { inputs, asOf: ctx.evaluation.asOf })) {
        if (m.population !== condition.population) continue;
        const slot = slotOf(m.prefix, "denominator");
        const d = inputs[slot];
        if (d?.kind !== "number" || cmp(d.value, cond.value) === 0) continue;
        const code = m.prefix ? `${other.code} ${m.prefix})` : other.code;
        out.push(
          problem(
            "condition-mismatch",
            `Chỉ tiêu ${ind.code}: "${condition.label}" ghi ${formatQuantity(cond.value)} (${where(condCell)}) nhưng mẫu số "${m.denominatorLabel}" của chỉ tiêu ${code} là ${formatQuantity(d.value)} (${where(ctx.cells[other.code]?.[slot])}) — mức yêu cầu của ${ind.code} được chọn theo ô điều kiện, nên hai số phải bằng nhau. Hãy sửa cho khớp.`,
            { ref: condCell?.ref ?? cond.source, code: ind.code },
          ),
        );
      }
    }
  }
  return out;
}

/** A figure that says the thing exists: a positive number or "Có". */
const affirms = (i: Input | undefined) => (i?.kind === "number" && cmp(i.value, ZERO) > 0) || (i?.kind === "bool" && i.value);

/**
 * An indicator (or part) the clerk declares not applicable while one of its own figures says it
 * applies: "không có sản phẩm OCOP" with 3 OCOP products counted.
 */
export function checkNotApplicableContradictions(ctx: FigureContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const ind of activeIndicators(ctx)) {
    const r = ctx.evaluation.indicators.find((x) => x.code === ind.code);
    if (!r) continue;
    const inputs = ctx.inputs[ind.code] ?? {};
    const judged = [{ prefix: "", result: r }, ...(r.parts ?? []).map((p) => ({ prefix: p.id, result: p }))];
    for (const { prefix, result } of judged) {
      if (!result.notApplicable) continue;
      const own = Object.entries(inputs).filter(([slot]) => (prefix ? slot.startsWith(`${prefix}.`) : true) && !slot.endsWith("question"));
      for (const [slot, input] of own) {
        if (!affirms(input)) continue;
        const cell = ctx.cells[ind.code]?.[slot];
        const what = prefix ? `chỉ tiêu ${ind.code} ${prefix})` : `chỉ tiêu ${ind.code}`;
        const shown = input.kind === "number" ? formatQuantity(input.value) : "Có";
        out.push(
          problem(
            "not-applicable-contradiction",
            `${what} được ghi là không áp dụng (${result.notApplicable.reason}) nhưng ${where(cell)} ghi ${shown} — nếu xã có đối tượng này thì chỉ tiêu áp dụng: hãy sửa câu trả lời hoặc số liệu cho khớp.`,
            { ref: cell?.ref ?? input.source, code: ind.code },
          ),
        );
      }
    }
  }
  return out;
}
