import type { ValueType } from "../evaluate/inputs";
import { toExactString } from "../evaluate/rational";
import { VERDICT_TEXT, type Verdict } from "../evaluate/result";
import { foldLoose } from "../text/fold";
import { parseCell, type RawCell } from "../text/cell";
import { findIndicator } from "../ruleset/walk";
import { effectiveSlots, gridRef, showRaw, where, type FigureContext, type SheetGrid } from "./context";
import { problem, type CheckProblem } from "./types";
import { STATUS_COLUMN, STATUS_HEADER_ROW } from "../layout/status-columns";

/*
 * Our status sheet holds the figures it was computed from, cached beside its formulas. When those
 * differ from the mapped cells now (figures edited where the formulas do not follow, the mapping
 * changed, the file saved by a program that does not recalculate) the sheet is older than the
 * figures it shows. Columns are found by their headers (core/layout/status-columns.ts), with their
 * positions there as fallback for a sheet whose header row was edited.
 */

const RERUN =
  "Hãy chạy lại Đánh giá (trong Excel: nút Đánh giá; dòng lệnh: chitieu evaluate TỆP.xlsx --out TỆP.xlsx) để cập nhật trước khi gửi.";

/** The columns the check reads, 1-based, and the header row they were found on. */
type Columns = { header: number } & Record<"code" | "figure" | "base" | "verdict" | "role", number>;

const READ: ReadonlyArray<Exclude<keyof Columns, "header">> = ["code", "figure", "base", "verdict", "role"];

function findColumns(grid: SheetGrid): Columns {
  const fallback = (header: number): Columns => ({
    header,
    ...(Object.fromEntries(READ.map((k) => [k, STATUS_COLUMN[k].index])) as Omit<Columns, "header">),
  });
  const codeHeader = foldLoose(STATUS_COLUMN.code.header ?? "");
  for (let r = 1; r <= Math.min(grid.rows.length, 20); r++) {
    const texts = (grid.rows[r - 1] ?? []).map((c) => (typeof c === "string" ? foldLoose(c) : ""));
    if (texts[STATUS_COLUMN.code.index - 1] !== codeHeader) continue;
    const found = fallback(r);
    for (const key of READ) {
      const i = texts.indexOf(foldLoose(STATUS_COLUMN[key].header ?? ""));
      if (i >= 0) found[key] = i + 1;
    }
    return found;
  }
  return fallback(STATUS_HEADER_ROW);
}

/** A value as the engine would read it, for comparing a cached figure with the cell's current one. */
function canonical(raw: RawCell, type: ValueType): string | undefined {
  // A formula cell stored without its result tells nothing about what it showed.
  if (raw !== null && typeof raw === "object" && !(raw instanceof Date) && raw.error.startsWith("(")) return undefined;
  const p = parseCell(raw, type);
  switch (p.kind) {
    case "number":
      return `n:${toExactString(p.value)}`;
    case "bool":
      return `b:${p.value}`;
    case "missing":
      return "m";
    case "invalid":
      return `i:${showRaw(raw)}`;
  }
}

const VERDICT_BY_TEXT = new Map<string, Verdict>(
  (Object.entries(VERDICT_TEXT) as Array<[Verdict, string]>).map(([v, t]) => [foldLoose(t), v]),
);

function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The report date in the status sheet's subtitle against the one evaluated. */
function staleDateProblems(ctx: FigureContext, status: SheetGrid): CheckProblem[] {
  const subtitle = status.rows[1]?.[0];
  const asOf = ctx.evaluation.asOf;
  if (typeof subtitle !== "string" || asOf === undefined) return [];
  const m = /Ngày báo cáo: (\d{2}\/\d{2}\/\d{4})/.exec(subtitle);
  if (!m || m[1] === dmy(asOf)) return [];
  return [
    problem("stale-status", `Trang "${status.name}" ghi ngày báo cáo ${m[1]} nhưng ánh xạ ghi ngày ${dmy(asOf)}. ${RERUN}`, {
      ref: gridRef(status, 2, 1),
    }),
  ];
}

export function checkStatusSheet(ctx: FigureContext, status: SheetGrid | undefined): CheckProblem[] {
  if (!status) return [];
  const out: CheckProblem[] = [];
  const title = typeof status.rows[0]?.[0] === "string" ? status.rows[0][0] : "";
  if (title !== "" && !foldLoose(title).includes(foldLoose(ctx.ruleset.title))) {
    return [
      problem(
        "stale-status",
        `Trang "${status.name}" được lập cho một bộ tiêu chí khác (${title}) — không khớp với bộ tiêu chí "${ctx.ruleset.title}" của ánh xạ. ${RERUN}`,
        {
          ref: gridRef(status, 1, 1),
        },
      ),
    ];
  }
  out.push(...staleDateProblems(ctx, status));
  const cols = findColumns(status);
  const results = new Map(ctx.evaluation.indicators.map((r) => [r.code, r]));
  for (let r = cols.header + 1; r <= status.rows.length; r++) {
    const row = status.rows[r - 1] ?? [];
    const role = row[cols.role - 1];
    if (role !== "ind" && role !== "part") continue;
    const codeCell = String(row[cols.code - 1] ?? "").trim();
    const m = role === "part" ? /^(\S+) ([a-z][a-z0-9]*)\)$/.exec(codeCell) : undefined;
    const code = m ? m[1]! : codeCell;
    const prefix = m ? m[2]! : "";
    const ind = findIndicator(ctx.ruleset, code);
    const result = results.get(code);
    if (!ind || !result) continue;
    const shown = row[cols.verdict - 1];
    if (typeof shown === "string" && foldLoose(shown) === foldLoose(VERDICT_TEXT["tam-dung"])) continue;
    if (result.verdict === "tam-dung") {
      out.push(
        problem("stale-status", `Trang "${status.name}" chưa ghi chỉ tiêu ${code} là tạm dừng như ánh xạ hiện nay. ${RERUN}`, {
          ref: gridRef(status, r, cols.verdict),
          code,
        }),
      );
      continue;
    }
    const group = effectiveSlots(ind, ctx.mapping.indicators[code]).find((g) => g.prefix === prefix);
    // The figure and base columns hold the measure's own figures: a condition or an applicability question is shown elsewhere.
    const slots = (group?.slots ?? []).filter((s) => !s.slot.endsWith("condition") && s.questionKey === undefined);
    let stale = false;
    slots.slice(0, 2).forEach((spec, i) => {
      const col = i === 0 ? cols.figure : cols.base;
      const cached = canonical(row[col - 1] ?? null, spec.type);
      const now = canonical(ctx.raw[code]?.[spec.slot] ?? null, spec.type);
      if (cached === undefined || now === undefined || cached === now) return;
      stale = true;
      out.push(
        problem(
          "stale-status",
          `Trang "${status.name}" (ô ${gridRef(status, r, col)}) ghi ${showRaw(row[col - 1] ?? null)} cho "${spec.label}" (chỉ tiêu ${code}) nhưng số liệu hiện tại là ${showRaw(ctx.raw[code]?.[spec.slot] ?? null)} (${where(ctx.cells[code]?.[spec.slot])}) — trang trạng thái cũ hơn số liệu. ${RERUN}`,
          { ref: gridRef(status, r, col), code },
        ),
      );
    });
    const verdict = prefix ? result.parts?.find((p) => p.id === prefix)?.verdict : result.verdict;
    const shownVerdict = typeof shown === "string" ? VERDICT_BY_TEXT.get(foldLoose(shown)) : undefined;
    if (!stale && verdict !== undefined && shownVerdict !== undefined && shownVerdict !== verdict) {
      out.push(
        problem(
          "stale-status",
          `Trang "${status.name}" ghi chỉ tiêu ${codeCell} là "${shown}" nhưng theo số liệu hiện tại là "${VERDICT_TEXT[verdict]}". ${RERUN}`,
          {
            ref: gridRef(status, r, cols.verdict),
            code,
          },
        ),
      );
    }
  }
  return out;
}
