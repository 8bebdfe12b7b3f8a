import { cmp, type Rational } from "../evaluate/rational";
import { formatQuantity } from "../text/format";
import { activeIndicators, where, type FigureContext, type MappedCell } from "./context";
import { sharesOf, slotOf } from "./measures";
import { problem, type CheckProblem } from "./types";

type Entry = { code: string; label: string; value: Rational; cell?: MappedCell | undefined };

/**
 * The same population given different values for different indicators: "Dân số từ 15 tuổi trở lên"
 * 3.986 for 3.2 but 3.968 for 3.4. The value most indicators agree on (the first in the document on a
 * tie) is taken as meant; every other one is a problem at its own cell.
 */
export function checkPopulations(ctx: FigureContext): CheckProblem[] {
  const byPopulation = new Map<string, Entry[]>();
  for (const ind of activeIndicators(ctx)) {
    const inputs = ctx.inputs[ind.code] ?? {};
    for (const m of sharesOf(ind, { inputs, asOf: ctx.evaluation.asOf })) {
      if (!m.population) continue;
      const slot = slotOf(m.prefix, "denominator");
      const d = inputs[slot];
      if (d?.kind !== "number") continue;
      const code = m.prefix ? `${ind.code} ${m.prefix})` : ind.code;
      byPopulation.set(m.population, [
        ...(byPopulation.get(m.population) ?? []),
        { code, label: m.denominatorLabel, value: d.value, cell: ctx.cells[ind.code]?.[slot] },
      ]);
    }
  }
  const out: CheckProblem[] = [];
  for (const entries of byPopulation.values()) {
    const groups: Entry[][] = [];
    for (const e of entries) {
      const g = groups.find((x) => cmp(x[0]!.value, e.value) === 0);
      if (g) g.push(e);
      else groups.push([e]);
    }
    if (groups.length < 2) continue;
    const meant = groups.reduce((best, g) => (g.length > best.length ? g : best), groups[0]!);
    const meantText = `${meant.map((e) => e.code).join(", ")} ghi ${formatQuantity(meant[0]!.value)} (${where(meant[0]!.cell)})`;
    for (const g of groups) {
      if (g === meant) continue;
      for (const e of g) {
        out.push(
          problem(
            "population-mismatch",
            `Chỉ tiêu ${e.code}: mẫu số "${e.label}" là ${formatQuantity(e.value)} (${where(e.cell)}) nhưng chỉ tiêu ${meantText} — cùng một dân số phải cùng một số. Hãy sửa cho khớp; tốt nhất cho các chỉ tiêu này cùng trỏ vào một ô.`,
            { ref: e.cell?.ref, code: e.code.split(" ")[0] },
          ),
        );
      }
    }
  }
  return out;
}
