import { columnName } from "../ref/a1";
import type { RawCell } from "../text/cell";
import { formatInteger } from "../text/format";
import { gridRef, type SheetGrid, type SheetsContext } from "./context";
import { textsOf } from "./text";
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

/** A column's header cell: one of the first rows naming a citizen ID or a bank account. */
type Header = { row: number; text: string; id: boolean; bank: boolean };

/** The header of each column (by index from 0) found in the first rows: the first cell that names an ID or an account. */
function headersOf(grid: SheetGrid): Map<number, Header> {
  const texts = textsOf(grid);
  const out = new Map<number, Header>();
  for (let ri = 0; ri < Math.min(HEADER_ROWS, grid.rows.length); ri++) {
    const row = grid.rows[ri] ?? [];
    for (let ci = 0; ci < row.length; ci++) {
      const f = texts.loose[ri]?.[ci];
      const text = texts.readable[ri]?.[ci];
      if (row[ci] === "" || f === undefined || text === undefined || out.has(ci)) continue;
      const id = ID_HEADER.test(f);
      const bank = BANK_HEADER.test(f);
      if (id || bank) out.set(ci, { row: ri + 1, text, id, bank });
    }
  }
  return out;
}

/**
 * What a column holds, counted in one walk of the sheet with no list of its values: how many values
 * (its header cell aside) and, of the test its header calls for, how many pass and the first that does.
 */
type Tally = { values: number; id: number; bank: number; cccd: number; firstCccd: number };

function tallies(grid: SheetGrid, headers: ReadonlyMap<number, Header>): Tally[] {
  const out: Tally[] = [];
  grid.rows.forEach((row, ri) => {
    for (let ci = 0; ci < row.length; ci++) {
      const v = row[ci] ?? null;
      if (v === null || v === "") continue;
      const header = headers.get(ci);
      if (header && header.row === ri + 1) continue;
      const t = (out[ci] ??= { values: 0, id: 0, bank: 0, cccd: 0, firstCccd: 0 });
      t.values++;
      if (!header) {
        if (cccdLike(v) && t.cccd++ === 0) t.firstCccd = ri + 1;
      } else {
        if (header.id && idLike(v)) t.id++;
        if (header.bank && bankLike(v)) t.bank++;
      }
    }
  });
  return out;
}

export function checkPersonalData(sheets: SheetsContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const grid of sheets.sheets) {
    const hidden = grid.visibility === "visible" ? "" : " (trang đang ẩn nhưng vẫn được gửi kèm trong tệp)";
    const headers = headersOf(grid);
    const counted = tallies(grid, headers);
    for (let ci = 0; ci < counted.length; ci++) {
      const t = counted[ci];
      if (t === undefined) continue;
      const header = headers.get(ci);
      let kind: "id" | "bank" | undefined;
      let hits = 0;
      if (header && t.id > 0) [kind, hits] = ["id", t.id];
      else if (header && t.bank > 0) [kind, hits] = ["bank", t.bank];
      else if (!header && t.cccd >= 3 && t.cccd * 2 >= t.values) [kind, hits] = ["id", t.cccd];
      if (!kind) continue;
      const letter = columnName(ci + 1);
      const label = header ? `cột ${letter} ("${header.text.trim()}")` : `cột ${letter}`;
      const ref = header ? gridRef(grid, header.row, ci + 1) : gridRef(grid, t.firstCccd, ci + 1);
      const what = kind === "id" ? "số căn cước công dân / số định danh cá nhân" : "số tài khoản ngân hàng";
      const todo =
        kind === "id"
          ? "Danh sách gửi lên không được chứa số định danh cá nhân: hãy xóa cột này (hoặc giữ ở một sổ tính riêng không gửi đi) trước khi gửi."
          : "Danh sách chỉ ghi có hay không có tài khoản (Có/Không), không ghi số tài khoản: hãy xóa cột này (hoặc thay bằng Có/Không) trước khi gửi.";
      out.push(
        problem(
          "personal-id-column",
          `Trang "${grid.name}"${hidden}, ${label}: ${formatInteger(hits)} ô giống ${what} — dữ liệu cá nhân được bảo vệ (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15). ${todo}`,
          { ref },
        ),
      );
    }
  }
  return out;
}
