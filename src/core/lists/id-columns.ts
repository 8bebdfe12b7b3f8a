/*
 * Columns that hold personal numbers: citizen IDs (căn cước công dân, 12 digits), old ID cards (9),
 * bank or e-wallet accounts and phone numbers (9–19 digits). Lists carry yes/no facts, never such
 * numbers (DESIGN.md, "Personal data"): these columns are never copied into a list, and are pointed
 * out so the clerk can remove them before anything is sent upward.
 */
import type { RawCell } from "../text/cell";
import { foldLoose } from "../text/fold";
import { headerText } from "./columns";

export type IdLikeKind = "citizen-id" | "account-like";

export type IdLikeColumn = { col: number; header: string | undefined; kind: IdLikeKind; byHeader: boolean };

/** Digits of a value that is nothing but a long number: "0010 8501 2345", "001-085-012345", 19012345678. */
export function digitsOf(raw: RawCell): string | undefined {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1e8 && raw < 1e20 ? raw.toFixed(0) : undefined;
  if (typeof raw !== "string") return undefined;
  const s = raw.trim();
  if (!/^[\d\s.\-']+$/.test(s)) return undefined;
  const d = s.replace(/\D/g, "");
  return d.length > 0 ? d : undefined;
}

/** How many values of a column are looked at: enough to judge, cheap on 100 000 rows. */
const SAMPLE = 400;
/** At least this many values, and this share of them long numbers, make a column ID-like. */
const MIN_VALUES = 3;
const SHARE = 0.8;

/**
 * The columns whose values look like personal numbers, judged on the data rows below the header
 * (a sample of the first non-blank values), plus columns whose header names such numbers.
 */
export function findIdLikeColumns(
  rows: readonly (readonly RawCell[])[],
  headerRow: number,
  headerIdColumns: ReadonlyArray<{ col: number; header: string }> = [],
): IdLikeColumn[] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const found = new Map<number, IdLikeColumn>();
  for (let c = 0; c < width; c++) {
    let seen = 0;
    let numbers = 0;
    let twelve = 0;
    for (let r = headerRow; r < rows.length && seen < SAMPLE; r++) {
      const raw = rows[r]?.[c];
      if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) continue;
      seen++;
      const d = digitsOf(raw);
      if (d !== undefined && d.length >= 9 && d.length <= 19) {
        numbers++;
        if (d.length === 12 && typeof raw === "string") twelve++;
      }
    }
    if (seen >= MIN_VALUES && numbers >= SHARE * seen) {
      const header = headerText(rows[headerRow - 1]?.[c] ?? null);
      found.set(c + 1, { col: c + 1, header, kind: twelve >= numbers / 2 ? "citizen-id" : "account-like", byHeader: false });
    }
  }
  for (const h of headerIdColumns) {
    if (!found.has(h.col))
      found.set(h.col, {
        col: h.col,
        header: h.header,
        kind: /cccd|can cuoc|cmnd|chung minh|dinh danh/.test(foldLoose(h.header)) ? "citizen-id" : "account-like",
        byHeader: true,
      });
  }
  return [...found.values()].sort((a, b) => a.col - b.col);
}

export const ID_KIND_TEXT: Record<IdLikeKind, string> = {
  "citizen-id": "số căn cước công dân",
  "account-like": "số tài khoản, số CCCD/CMND hoặc số điện thoại",
};
