import { cmp, fromNumber } from "../evaluate/rational";
import { formatInteger, formatQuantity } from "../text/format";
import { activeIndicators, where, type FigureContext } from "./context";
import { problem, type CheckProblem } from "./types";

/**
 * An appendix list (Phụ lục 03–07) whose count differs from the figure in the report: the list of
 * adults with a smartphone must name exactly as many people as the numerator of 1.1.1. For a yes/no
 * indicator backed by a list (1.3.3, Phụ lục 07), "Có" with an empty list is a problem too.
 */
export function checkListCounts(ctx: FigureContext): CheckProblem[] {
  const lists = ctx.listCounts;
  if (!lists) return [];
  const out: CheckProblem[] = [];
  for (const ind of activeIndicators(ctx)) {
    const list = lists[ind.code];
    if (!list) continue;
    const name = list.label ?? (ind.list ? `danh sách ${ind.list.replace("PL", "Phụ lục ")}` : "danh sách kèm theo");
    const inputs = ctx.inputs[ind.code] ?? {};
    const n = inputs["numerator"];
    if (n?.kind === "number") {
      if (cmp(n.value, fromNumber(list.count)) !== 0) {
        out.push(
          problem(
            "list-count-mismatch",
            `Chỉ tiêu ${ind.code}: ${name} có ${formatInteger(list.count)} dòng nhưng tử số là ${formatQuantity(n.value)} (${where(ctx.cells[ind.code]?.["numerator"])}) — cấp trên sẽ đối chiếu hai số này. Hãy sửa số liệu hoặc bổ sung, bớt tên trong danh sách cho khớp.`,
            { ref: list.ref, code: ind.code },
          ),
        );
      }
      continue;
    }
    const v = inputs["value"];
    if (v?.kind === "bool" && v.value && list.count === 0) {
      out.push(
        problem(
          "list-count-mismatch",
          `Chỉ tiêu ${ind.code} ghi "Có" nhưng ${name} không có dòng nào — hãy lập danh sách làm minh chứng, hoặc sửa câu trả lời.`,
          { ref: list.ref, code: ind.code },
        ),
      );
    }
  }
  return out;
}
