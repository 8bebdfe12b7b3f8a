import { columnName } from "../ref/a1";
import type { RawCell } from "../text/cell";
import { formatInteger } from "../text/format";
import { gridRef, type SheetGrid, type SheetsContext } from "./context";
import { loose, textsOf } from "./text";
import { problem, type CheckProblem } from "./types";

/*
 * Lists carry yes/no facts, never identifiers (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; Nghị định
 * 356/2025/NĐ-CP). A column is pointed out when
 *  - its header (one of the first ten rows) names a citizen ID (CCCD, CMND, căn cước, số định danh…)
 *    and it holds 9- or 12-digit numbers, or names a bank account (số tài khoản, STK…) and holds 6–19
 *    digit numbers; or
 *  - without such a header, at least three of its values and half of them look like a CCCD: twelve
 *    digits starting with 0 as text, or the 10–11 digits left when Excel dropped the leading zeros.
 * Every sheet but ours is looked at, hidden ones included: they travel with the file.
 */

const ID_HEADER = /\b(cccd|cmnd|can cuoc|chung minh nhan dan|so dinh danh|ma dinh danh|dinh danh ca nhan|ho chieu)\b/;
const BANK_HEADER = /\b(so tai khoan|stk|so tk|tai khoan ngan hang|so the|account)\b/;
const HEADER_ROWS = 10;

const digitsOf = (v: RawCell): string | undefined => {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? String(v) : undefined;
  if (typeof v === "string") {
    const t = v.trim().replace(/^'/, "");
    return /^\d[\d .-]*\d$/.test(t) ? t.replace(/[ .-]/g, "") : undefined;
  }
  return undefined;
};

const idLike = (v: RawCell) => {
  const d = digitsOf(v);
  return d !== undefined && (d.length === 12 || d.length === 9 || (typeof v === "number" && (d.length === 10 || d.length === 11)));
};
const bankLike = (v: RawCell) => {
  const d = digitsOf(v);
  return d !== undefined && d.length >= 6 && d.length <= 19;
};
const cccdLike = (v: RawCell) => {
  // Asked of every cell of every column without an ID header (a roster's names, dates, answers), so
  // the plain cases are told without making strings: a whole number of 10–11 digits (1e9 ≤ v < 1e11),
  // and a text that cannot start with "0" after its spaces and an apostrophe.
  if (typeof v === "number") return Number.isInteger(v) && v >= 1e9 && v < 1e11;
  if (typeof v !== "string" || !startsWithZero(v)) return false;
  const d = digitsOf(v);
  return d !== undefined && /^0\d{11}$/.test(d);
};

/** Whether a text, past leading white space and one apostrophe, starts with "0". */
function startsWithZero(v: string): boolean {
  let i = 0;
  while (i < v.length && /\s/.test(v[i]!)) i++;
  if (v[i] === "'") i++;
  return v[i] === "0";
}

type Column = { col: number; header?: { row: number; text: string }; values: Array<{ row: number; v: RawCell }> };

function columns(grid: SheetGrid): Column[] {
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const texts = textsOf(grid);
  const out: Column[] = [];
  for (let c = 1; c <= width; c++) {
    const col: Column = { col: c, values: [] };
    grid.rows.forEach((row, ri) => {
      const v = row[c - 1] ?? null;
      if (v === null || v === "") return;
      const text = ri < HEADER_ROWS ? texts.readable[ri]?.[c - 1] : undefined;
      const folded = ri < HEADER_ROWS ? texts.loose[ri]?.[c - 1] : undefined;
      if (text !== undefined && folded !== undefined && !col.header && (ID_HEADER.test(folded) || BANK_HEADER.test(folded)))
        col.header = { row: ri + 1, text };
      else col.values.push({ row: ri + 1, v });
    });
    out.push(col);
  }
  return out;
}

export function checkPersonalData(sheets: SheetsContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const grid of sheets.sheets) {
    const hidden = grid.visibility === "visible" ? "" : " (trang đang ẩn nhưng vẫn được gửi kèm trong tệp)";
    for (const col of columns(grid)) {
      const h = col.header ? loose(col.header.text) : "";
      let kind: "id" | "bank" | undefined;
      let hits: Array<{ row: number; v: RawCell }> = [];
      if (col.header && ID_HEADER.test(h)) {
        hits = col.values.filter((x) => idLike(x.v));
        if (hits.length > 0) kind = "id";
      }
      if (!kind && col.header && BANK_HEADER.test(h)) {
        hits = col.values.filter((x) => bankLike(x.v));
        if (hits.length > 0) kind = "bank";
      }
      if (!kind && !col.header) {
        hits = col.values.filter((x) => cccdLike(x.v));
        if (hits.length >= 3 && hits.length * 2 >= col.values.length) kind = "id";
      }
      if (!kind) continue;
      const letter = columnName(col.col);
      const label = col.header ? `cột ${letter} ("${col.header.text.trim()}")` : `cột ${letter}`;
      const ref = col.header ? gridRef(grid, col.header.row, col.col) : gridRef(grid, hits[0]!.row, col.col);
      const what = kind === "id" ? "số căn cước công dân / số định danh cá nhân" : "số tài khoản ngân hàng";
      const todo =
        kind === "id"
          ? "Danh sách gửi lên không được chứa số định danh cá nhân: hãy xóa cột này (hoặc giữ ở một sổ tính riêng không gửi đi) trước khi gửi."
          : "Danh sách chỉ ghi có hay không có tài khoản (Có/Không), không ghi số tài khoản: hãy xóa cột này (hoặc thay bằng Có/Không) trước khi gửi.";
      out.push(
        problem(
          "personal-id-column",
          `Trang "${grid.name}"${hidden}, ${label}: ${formatInteger(hits.length)} ô giống ${what} — dữ liệu cá nhân được bảo vệ (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15). ${todo}`,
          { ref },
        ),
      );
    }
  }
  return out;
}
