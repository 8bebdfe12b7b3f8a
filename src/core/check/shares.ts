import type { Input } from "../evaluate/inputs";
import { countShortfall, satisfies } from "../evaluate/measures";
import { cmp, div, isInteger, mul, rat, roundHalfUpScaled, type Rational } from "../evaluate/rational";
import { formatInteger, formatPercent, formatQuantity } from "../text/format";
import { activeIndicators, where, type FigureContext } from "./context";
import { sharesOf, slotOf, type ShareMeasure } from "./measures";
import { problem, type CheckProblem } from "./types";

type Num = Extract<Input, { kind: "number" }>;
const num = (i: Input | undefined): Num | undefined => (i?.kind === "number" ? i : undefined);

/** The share's value from its inputs, as the engine reads it (numerator and denominator first). */
function shareValue(
  m: ShareMeasure,
  inputs: Readonly<Record<string, Input>>,
): { value: Rational; n?: Rational; d?: Rational; slot: string } | undefined {
  const n = num(inputs[slotOf(m.prefix, "numerator")]);
  const d = num(inputs[slotOf(m.prefix, "denominator")]);
  if (n && d)
    return d.value.n === 0n ? undefined : { value: div(n.value, d.value), n: n.value, d: d.value, slot: slotOf(m.prefix, "numerator") };
  const given = (s: string) => inputs[slotOf(m.prefix, s)] !== undefined && inputs[slotOf(m.prefix, s)]!.kind !== "missing";
  const v = num(inputs[slotOf(m.prefix, "value")]);
  if (v && !given("numerator") && !given("denominator")) return { value: v.value, slot: slotOf(m.prefix, "value") };
  return undefined;
}

/** numerator > denominator in a share, and denominators of zero. */
export function checkShares(ctx: FigureContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const ind of activeIndicators(ctx)) {
    const inputs = ctx.inputs[ind.code] ?? {};
    for (const m of sharesOf(ind, { inputs, asOf: ctx.evaluation.asOf })) {
      const nSlot = slotOf(m.prefix, "numerator");
      const dSlot = slotOf(m.prefix, "denominator");
      const n = num(inputs[nSlot]);
      const d = num(inputs[dSlot]);
      if (!d) continue;
      const cells = ctx.cells[ind.code] ?? {};
      const what = m.prefix ? `chỉ tiêu ${ind.code} ${m.prefix})` : `chỉ tiêu ${ind.code}`;
      if (d.value.n === 0n) {
        // 0 of 0 where the document reads it as "none, not applicable" is no mistake.
        if (m.whenNone && n?.value.n === 0n) continue;
        out.push(
          problem(
            "zero-denominator",
            `${what}: mẫu số "${m.denominatorLabel}" bằng 0 (${where(cells[dSlot])}) nên không tính được tỷ lệ — hãy nhập đúng tổng số; nếu xã không có đối tượng này, hãy đánh dấu chỉ tiêu tạm dừng / không áp dụng kèm lý do.`,
            { ref: cells[dSlot]?.ref, code: ind.code },
          ),
        );
        continue;
      }
      if (n && m.share && cmp(n.value, d.value) > 0) {
        out.push(
          problem(
            "numerator-exceeds-denominator",
            `${what}: tử số ${formatQuantity(n.value)} (${where(cells[nSlot])}) lớn hơn mẫu số ${formatQuantity(d.value)} (${where(cells[dSlot])}), tỷ lệ ${formatPercent(div(n.value, d.value))} — "${m.numeratorLabel}" không thể vượt "${m.denominatorLabel}". Hãy kiểm tra lại hai ô (thường là gõ thừa một chữ số hoặc đảo tử và mẫu).`,
            { ref: cells[nSlot]?.ref, code: ind.code },
          ),
        );
      }
    }
  }
  return out;
}

/** A share whose one-decimal display sits on the other side of the threshold from its exact value. */
export function checkDisplayThreshold(ctx: FigureContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const ind of activeIndicators(ctx)) {
    const inputs = ctx.inputs[ind.code] ?? {};
    for (const m of sharesOf(ind, { inputs, asOf: ctx.evaluation.asOf })) {
      const t = m.threshold;
      const v = shareValue(m, inputs);
      if (!t || !v || (m.share && cmp(v.value, rat(1n)) > 0)) continue;
      const shown = rat(roundHalfUpScaled(mul(v.value, rat(100n)), 1), 1000n);
      const passed = satisfies(v.value, t.comparator, t.value);
      if (satisfies(shown, t.comparator, t.value) === passed) continue;
      const display = formatPercent(v.value);
      const exact = formatPercent(v.value, 4);
      const what = m.prefix ? `Chỉ tiêu ${ind.code} ${m.prefix})` : `Chỉ tiêu ${ind.code}`;
      let todo: string;
      if (passed) {
        todo = `vẫn đạt yêu cầu ${t.text}. Hãy ghi rõ tỷ lệ chính xác (${exact}) trong báo cáo để cấp trên không hiểu nhầm là chưa đạt.`;
      } else {
        const s = v.n && v.d && isInteger(v.n) && isInteger(v.d) ? countShortfall(v.n.n, v.d.n, t.value, t.comparator) : undefined;
        const more = s && s.amount > 0n ? ` — còn ${s.direction === "more" ? "thiếu" : "thừa"} ${formatInteger(s.amount)} ${m.unit}` : "";
        todo = `chưa đạt yêu cầu ${t.text}${more}. Cấp trên đọc số làm tròn dễ tưởng là đạt: đừng ghi "Đạt", hãy ghi rõ tỷ lệ chính xác (${exact}).`;
      }
      out.push(
        problem("display-threshold", `${what}: tỷ lệ hiển thị ${display} nhưng giá trị chính xác là ${exact} — ${todo}`, {
          ref: ctx.cells[ind.code]?.[v.slot]?.ref,
          code: ind.code,
        }),
      );
    }
  }
  return out;
}
