import type { RawCell } from "./cell";
import { isIsoDate } from "./date";
import { nfc } from "./fold";

export type ReportDate = { kind: "date"; iso: string } | { kind: "blank" } | { kind: "invalid"; reason: string };

const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in); serials of 1990–2100 only.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MIN_SERIAL = 32874;
const MAX_SERIAL = 73415;

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function fromTime(t: number): ReportDate {
  // A date cell read in another time zone may sit a few hours off midnight: the nearest midnight is its day.
  const d = new Date(Math.round(t / DAY_MS) * DAY_MS);
  if (Number.isNaN(d.getTime())) return { kind: "invalid", reason: "không phải ngày hợp lệ" };
  return { kind: "date", iso: d.toISOString().slice(0, 10) };
}

/**
 * The report date as a clerk enters it in the "Ngày báo cáo" cell: a date cell, Excel's day number,
 * "30/06/2024" (day first, as Vietnamese write it) or "2024-06-30". Dates that do not exist are refused.
 */
export function parseReportDate(raw: RawCell): ReportDate {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { kind: "blank" };
  if (raw instanceof Date) return fromTime(raw.getTime());
  if (typeof raw === "number") {
    if (!Number.isInteger(raw) || raw < MIN_SERIAL || raw > MAX_SERIAL)
      return { kind: "invalid", reason: `${raw} không phải một ngày — nhập dạng 30/06/2024` };
    return fromTime(EXCEL_EPOCH + raw * DAY_MS);
  }
  if (typeof raw !== "string") return { kind: "invalid", reason: "không phải một ngày — nhập dạng 30/06/2024" };
  const s = nfc(raw).trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  let out: string | undefined;
  if (m) out = iso(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) out = iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (out === undefined) return { kind: "invalid", reason: `"${s}" không phải một ngày — nhập dạng 30/06/2024` };
  if (!isIsoDate(out)) return { kind: "invalid", reason: `"${s}" không phải ngày có thật` };
  return { kind: "date", iso: out };
}
