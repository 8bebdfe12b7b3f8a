import type { Verdict } from "../evaluate/result";
import type { Group } from "../ruleset/schema";
import { gridRef, type FigureContext, type SheetGrid, type SheetsContext } from "./context";
import { loose, textsOf } from "./text";
import { problem, type CheckProblem } from "./types";

/*
 * Group summaries the clerk typed in a sheet that is sent ("Chỉ tiêu đạt: 11/11 chỉ tiêu", "Hạ tầng số:
 * 8/8 đạt"), compared with the verdicts of the workbook's own figures. The rule, so that the check
 * stays quiet on other fractions (dates, "2/2 trường", "6/6 thôn"):
 *  - a summary is a fraction a/b (b ≤ 999) written next to a unit word — "chỉ tiêu", "tiêu chí", "nội
 *    dung", "điều kiện", "yêu cầu" just before or after it — or next to "đạt" in a cell or row that
 *    names a group;
 *  - it belongs to the group named in the same cell, else in the same row, else in a header row at most
 *    six rows above ("1. Chính quyền số": the group's name, after an optional numbering that must then
 *    be the group's code — so "4. Chính quyền số" in a list of next year's tasks is not group 1);
 *  - b must be the group's number of items (applicable ones, or all when suspended ones count), a the
 *    number that pass (when some items lack figures, anything between the sure and the possible count);
 *  - "đang triển khai / không hoàn thành / chưa đạt: n" in the same cell or the next four rows of the
 *    block must leave room: a + n ≤ b.
 */

const UNIT = "(?:chi tieu|tieu chi|noi dung|dieu kien|yeu cau)";
const FRACTION = /(?<![\d/.,])(\d{1,3})\s*\/\s*(\d{1,3})(?![\d/]|[.,]\d)/g;
const AFTER_UNIT = new RegExp(`^\\s*${UNIT}`);
const BEFORE_UNIT = new RegExp(`${UNIT}(?:\\s+dat)?\\s*:?\\s*$`);
const AFTER_DAT = /^\s*dat\b/;
const BEFORE_DAT = /\bdat\s*:?\s*$/;
const NOT_DONE = /(dang trien khai|khong hoan thanh|chua hoan thanh|chua dat|khong dat)\s*:?\s*(\d+)/;
const NUMBERING = /^((?:[ivxlc]+|\d+(?:\.\d+)*)\.?)(?:\s*[-–.:)]\s*|\s+)/;
const WINDOW = 6;
const NUMBERED_LINE = /^\s*(?:[ivxlc]+|\d+(?:\.\d+)*)\.\s/;

/** The group a header cell names (its text folded by `loose`), if any. */
function groupOfCell(t: string, groups: ReadonlyArray<{ group: Group; name: string; code: string }>): Group | undefined {
  if (t.length > 120) return undefined;
  const m = NUMBERING.exec(t);
  const numbering = m ? m[1]!.replace(/\.$/, "") : undefined;
  const rest = m ? t.slice(m[0].length) : t;
  return groups.find((g) => rest.startsWith(g.name) && (numbering === undefined || numbering === g.code))?.group;
}

type GroupState = { group: Group; passed: number; counted: number; total: number; unknown: number; failing: string[] };

function groupStates(ctx: FigureContext): Map<string, GroupState> {
  const verdictOf = new Map<string, Verdict>([
    ...ctx.evaluation.indicators.map((r) => [r.code, r.verdict] as const),
    ...ctx.evaluation.criteria.map((c) => [c.code, c.verdict] as const),
  ]);
  const out = new Map<string, GroupState>();
  for (const group of ctx.ruleset.groups) {
    const s = ctx.evaluation.groups.find((g) => g.code === group.code);
    if (!s) continue;
    const verdicts = group.items.map((i) => [i.code, verdictOf.get(i.code)] as const);
    out.set(group.code, {
      group,
      passed: s.passed,
      counted: s.counted,
      total: group.items.length,
      unknown: verdicts.filter(([, v]) => v === "thieu-so-lieu" || v === "loi-so-lieu").length,
      failing: verdicts.filter(([, v]) => v === "khong-dat").map(([c]) => c),
    });
  }
  return out;
}

function scanSheet(grid: SheetGrid, ctx: FigureContext, states: Map<string, GroupState>): CheckProblem[] {
  const out: CheckProblem[] = [];
  const groups = ctx.ruleset.groups.map((group) => ({ group, name: loose(group.name), code: loose(group.code) }));
  const texts = textsOf(grid).loose;
  // Asked of every text cell: each distinct text once (a roster repeats its villages and answers).
  const seen = new Map<string, Group | undefined>();
  // A header starts with a numbering (a digit or a Roman numeral) or with a group's name: other texts are not looked up.
  const starts = new Set([..."0123456789ivxlc", ...groups.map((g) => g.name[0] ?? "")]);
  const anyStart = groups.some((g) => g.name === "");
  const groupOf = (t: string) => {
    if (!anyStart && !starts.has(t[0] ?? "")) return undefined;
    let g = seen.get(t);
    if (g === undefined && !seen.has(t)) seen.set(t, (g = groupOfCell(t, groups)));
    return g;
  };
  let header: { group: Group; row: number } | undefined;
  texts.forEach((row, ri) => {
    const r = ri + 1;
    let rowHeader: Group | undefined;
    for (let ci = 0; ci < row.length && rowHeader === undefined; ci++) {
      const t = row[ci];
      if (t !== undefined) rowHeader = groupOf(t);
    }
    if (rowHeader) header = { group: rowHeader, row: r };
    row.forEach((text, ci) => {
      if (text === undefined || !text.includes("/")) return;
      const t = text;
      const cellGroup = groupOf(text);
      for (const m of t.matchAll(FRACTION)) {
        const before = t.slice(0, m.index);
        const after = t.slice(m.index + m[0].length);
        const byUnit = AFTER_UNIT.test(after) || BEFORE_UNIT.test(before);
        const byDat = (AFTER_DAT.test(after) || BEFORE_DAT.test(before)) && (cellGroup !== undefined || rowHeader !== undefined);
        if (!byUnit && !byDat) continue;
        const group = cellGroup ?? rowHeader ?? (header && r - header.row <= WINDOW ? header.group : undefined);
        const state = group && states.get(group.code);
        if (!state) continue;
        out.push(...judge(grid, r, ci + 1, Number(m[1]), Number(m[2]), state, texts));
      }
    });
  });
  return out;
}

function judge(
  grid: SheetGrid,
  row: number,
  col: number,
  a: number,
  b: number,
  s: GroupState,
  texts: Array<Array<string | undefined>>,
): CheckProblem[] {
  const ref = gridRef(grid, row, col);
  const g = s.group;
  const name = `nhóm ${g.code} "${g.name}"`;
  const right = `${s.passed}/${s.counted}`;
  const out: CheckProblem[] = [];
  if (b !== s.counted && b !== s.total) {
    const suspended = s.total !== s.counted ? ` (${s.counted} áp dụng, ${s.total - s.counted} tạm dừng)` : "";
    out.push(
      problem(
        "summary-total-mismatch",
        `Ô ${ref} ghi ${a}/${b} cho ${name} nhưng nhóm này có ${s.total} ${g.unitName}${suspended}, không phải ${b} — hãy sửa tổng hợp theo kết quả: đạt ${right}.`,
        {
          ref,
          code: g.code,
          ...(s.unknown === 0 ? { suggestion: right } : {}),
        },
      ),
    );
  } else if (a < s.passed || a > s.passed + s.unknown) {
    const failing = s.failing.length > 0 ? ` (chưa đạt: ${s.failing.join(", ")})` : "";
    const range =
      s.unknown === 0
        ? `đạt ${right}${failing}`
        : `đạt từ ${s.passed} đến ${s.passed + s.unknown} trên ${s.counted} (còn ${s.unknown} ${g.unitName} thiếu hoặc lỗi số liệu)`;
    out.push(
      problem(
        "summary-passed-mismatch",
        `Ô ${ref} ghi đạt ${a}/${b} cho ${name} nhưng theo số liệu trong sổ tính nhóm này ${range} — hãy sửa tổng hợp cho khớp với kết quả đánh giá.`,
        {
          ref,
          code: g.code,
          ...(s.unknown === 0 ? { suggestion: right } : {}),
        },
      ),
    );
  }
  // The rows the summary governs: its own, and up to four below, until the next numbered heading ("4.1. Tiêu chí…").
  for (let r = row; r <= Math.min(row + 4, texts.length); r++) {
    const cells = texts[r - 1] ?? [];
    if (r > row && cells.some((t) => t !== undefined && NUMBERED_LINE.test(t))) break;
    for (let c = 0; c < cells.length; c++) {
      const t = cells[c];
      const m = t === undefined ? null : NOT_DONE.exec(t);
      if (!m) continue;
      const n = Number(m[2]);
      if (n > 0 && a + n > b) {
        out.push(
          problem(
            "summary-contradiction",
            `Ô ${ref} ghi đạt ${a}/${b} cho ${name} nhưng ô ${gridRef(grid, r, c + 1)} ghi ${n} ${g.unitName} "${m[1] === "dang trien khai" ? "đang triển khai" : "chưa đạt / không hoàn thành"}" — ${a} + ${n} vượt ${b}. Hãy sửa cho khớp với kết quả: đạt ${right}.`,
            { ref, code: g.code },
          ),
        );
        return out;
      }
    }
  }
  return out;
}

export function checkSummaries(ctx: FigureContext, sheets: SheetsContext): CheckProblem[] {
  const states = groupStates(ctx);
  return sheets.sheets.flatMap((grid) => scanSheet(grid, ctx, states));
}
