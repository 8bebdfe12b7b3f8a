import type { Input } from "../evaluate/inputs";
import type { SlotSpec } from "../evaluate/slot-spec";
import { kindOf } from "../kinds/registry";
import type { Indicator } from "../ruleset/schema";
import type { RawCell } from "../text/cell";
import {
  activeIndicators,
  effectiveSlots,
  gridRef,
  gridValue,
  showRaw,
  where,
  type FigureContext,
  type MappedCell,
  type SheetsContext,
} from "./context";
import { problem, type CheckProblem } from "./types";
import { isRequirementColumn } from "./requirement-column";

const MISSING: Input = { kind: "missing" };

const NEIGHBOURS: ReadonlyArray<[number, number, string]> = [
  [0, 1, "bên phải"],
  [0, -1, "bên trái"],
  [1, 0, "bên dưới"],
  [-1, 0, "bên trên"],
];

const looksLikeFigure = (v: RawCell) => typeof v === "number" || (typeof v === "string" && /^\s*[\d.,\s]+%?\s*$/.test(v) && /\d/.test(v));

/** A figure right next to a blank mapped cell: the mapping is probably one cell off. */
function neighbourHint(cell: MappedCell, sheets: SheetsContext): string {
  const r = cell.range;
  if (!r) return "";
  const grid = sheets.sheets.find((s) => s.name.toLocaleLowerCase("vi") === r.sheet.toLocaleLowerCase("vi"));
  for (const [dr, dc, side] of NEIGHBOURS) {
    const v = gridValue(grid, r.top + dr, r.left + dc);
    if (grid && looksLikeFigure(v) && !isRequirementColumn(grid, r.top + dr, r.left + dc)) {
      return ` Ô ${side} (${gridRef(grid, r.top + dr, r.left + dc)}) có số ${showRaw(v)}: nếu số liệu nằm ở đó thì ánh xạ đang lệch một ô — hãy sửa ánh xạ cho đúng ô.`;
    }
  }
  return "";
}

/** "" when the whole indicator does not apply, and the ids of its parts that do not. */
function notApplicablePrefixes(ctx: FigureContext, code: string): Set<string> {
  const r = ctx.evaluation.indicators.find((i) => i.code === code);
  const out = new Set<string>();
  if (r?.notApplicable) out.add("");
  for (const p of r?.parts ?? []) if (p.notApplicable) out.add(p.id);
  return out;
}

type SlotCheck = { ind: Indicator; spec: SlotSpec; prefix: string; notApplicable: Set<string> };

/** The problems of one slot's input; "unmapped" where the slot needs a cell and has none. */
function slotProblems(
  ctx: FigureContext,
  sheets: SheetsContext,
  { ind, spec, prefix, notApplicable }: SlotCheck,
): CheckProblem[] | "unmapped" {
  const input = ctx.inputs[ind.code]?.[spec.slot] ?? MISSING;
  const cell = ctx.cells[ind.code]?.[spec.slot];
  const about = `chỉ tiêu ${ind.code}, "${spec.label}"`;
  const excused = notApplicable.has("") || notApplicable.has(prefix);
  // Nothing is missing where the indicator (or part) does not apply; the question and the
  // reference figure of a by-year rule are asked only when needed.
  const optional = excused || spec.questionKey !== undefined || spec.slot.endsWith("reference");
  switch (input.kind) {
    case "not-applicable":
      if (excused) return [];
      return [
        problem(
          "invalid-input",
          `${where(cell)} (${about}) ghi "không áp dụng" nhưng chỉ tiêu này vẫn phải đánh giá — hãy nhập số liệu, hoặc trả lời câu hỏi áp dụng của chỉ tiêu nếu văn bản có.`,
          { ref: cell?.ref ?? input.source, code: ind.code },
        ),
      ];
    case "missing":
      if (optional) return [];
      if (!cell) return "unmapped";
      return [
        problem("mapping-blank", `${where(cell)} (${about}) đang để trống — hãy nhập số liệu vào ô này.${neighbourHint(cell, sheets)}`, {
          ref: cell.ref,
          code: ind.code,
        }),
      ];
    case "invalid": {
      const reason = input.reason.replace(/^Ô [^:]+: /, "");
      const todo = /hãy|nhập/.test(reason) ? "" : " — hãy nhập lại đúng số liệu";
      return [problem("invalid-input", `${where(cell)} (${about}): ${reason}${todo}.`, { ref: cell?.ref ?? input.source, code: ind.code })];
    }
    case "bool":
      if (spec.type === "yes-no") return [];
      return [
        problem("invalid-input", `${where(cell)} (${about}) ghi câu trả lời có/không, ở đây cần một số — hãy nhập số liệu.`, {
          ref: cell?.ref,
          code: ind.code,
        }),
      ];
    case "number": {
      if (spec.type === "yes-no") {
        return [
          problem("invalid-input", `${where(cell)} (${about}) ghi một số, ở đây cần Có hoặc Không — hãy nhập Có hoặc Không.`, {
            ref: cell?.ref,
            code: ind.code,
          }),
        ];
      }
      const raw = ctx.raw[ind.code]?.[spec.slot];
      // Counts typed "3.986" are read by the status sheet's formulas too; ratios and decimals typed as text are not.
      if (typeof raw !== "string" || spec.type === "count") return [];
      return [
        problem(
          "figure-as-text",
          `${where(cell)} (${about}) ghi số liệu dạng chữ "${raw.trim()}": phần mềm đọc được nhưng công thức của trang trạng thái thì không (Excel sẽ hiện lỗi số liệu) — hãy nhập lại ô này dưới dạng số.`,
          { ref: cell?.ref, code: ind.code },
        ),
      ];
    }
  }
}

/** One problem per indicator for its slots without a cell, not one per slot: an unmapped ruleset would otherwise bury the rest. */
function unmappedProblem(ind: Indicator, mapped: Readonly<Record<string, string>> | undefined, unmapped: string[]): CheckProblem {
  const labels = effectiveSlots(ind, mapped)
    .flatMap((g) => g.slots)
    .filter((s) => unmapped.includes(s.slot))
    .map((s) => `"${s.label}"`);
  return problem(
    "missing-input",
    `Chỉ tiêu ${ind.code} chưa có số liệu: chưa gán ô cho ${labels.join(", ")} — hãy gán ô chứa số liệu trong ánh xạ; ${
      ind.appliesIf
        ? `nếu chỉ tiêu không áp dụng với xã, hãy trả lời ${ind.appliesIf.answer ? "Không" : "Có"} cho câu hỏi "${ind.appliesIf.question}".`
        : "nếu xã không áp dụng chỉ tiêu này, hãy đánh dấu tạm dừng (suspended) kèm lý do."
    }`,
    { ref: `indicators.${ind.code}.${unmapped[0]}`, code: ind.code },
  );
}

/**
 * Every input an applicable indicator needs: not mapped (missing-input), mapped to a blank cell
 * (mapping-blank), not what the slot needs (invalid-input), a ratio or value typed as text the live
 * formulas cannot read (figure-as-text); and the report date a year-dependent threshold needs.
 */
export function checkInputs(ctx: FigureContext, sheets: SheetsContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const ind of activeIndicators(ctx)) {
    const mapped = ctx.mapping.indicators[ind.code];
    const unmapped: string[] = [];
    const notApplicable = notApplicablePrefixes(ctx, ind.code);
    for (const { prefix, slots } of effectiveSlots(ind, mapped)) {
      for (const spec of slots) {
        if (ctx.brokenSlots?.has(`${ind.code} ${spec.slot}`)) continue;
        const found = slotProblems(ctx, sheets, { ind, spec, prefix, notApplicable });
        if (found === "unmapped") unmapped.push(spec.slot);
        else out.push(...found);
      }
    }
    if (unmapped.length > 0) out.push(unmappedProblem(ind, mapped, unmapped));
    if (kindOf(ind).needsReportDate && ctx.evaluation.asOf === undefined) {
      out.push(
        problem(
          "as-of-missing",
          `Chưa có ngày báo cáo — mức yêu cầu của chỉ tiêu ${ind.code} phụ thuộc năm báo cáo. Hãy nhập Ngày báo cáo (hoặc ghi vào ô Ngày báo cáo của sổ mẫu).`,
          {
            ref: "asOf",
            code: ind.code,
          },
        ),
      );
    }
  }
  return out;
}
