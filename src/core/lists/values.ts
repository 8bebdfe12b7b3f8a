/*
 * Roster cell values: birth dates (a date cell, "15/03/1964", "03/1964", 1964), sex, yes/no, names.
 * Nothing is guessed: what cannot be read is reported with the cell, and a blank is missing.
 */
import type { Birth, Sex } from "../age/retirement";
import { isValidYmd } from "../age/retirement";
import type { RawCell } from "../text/cell";
import { foldLoose, nfc } from "../text/fold";
import { parseYesNoText } from "../text/yesno";

/** What a cell read as; shared between cells of the same text, so never changed (readonly). */
export type Read<T> =
  { readonly kind: "ok"; readonly value: T } | { readonly kind: "blank" } | { readonly kind: "invalid"; readonly text: string };

const blank = { kind: "blank" } as const;
const ok = <T>(value: T): Read<T> => ({ kind: "ok", value });
const invalid = (raw: RawCell): Read<never> => ({ kind: "invalid", text: shown(raw) });

/** A cell as the clerk sees it, for messages. */
export function shown(raw: RawCell): string {
  if (raw === null || raw === undefined) return "";
  // An invalid Date (another port's absurd date cell) has no ISO text: said in words rather than a crash.
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? "ngày không hợp lệ" : raw.toISOString().slice(0, 10);
  if (typeof raw === "object") return raw.error;
  return String(raw);
}

const isBlank = (raw: RawCell) =>
  raw === null || raw === undefined || (typeof raw === "string" && (raw === "" || (mayBeSpace(raw.charCodeAt(0)) && raw.trim() === "")));

/** Whether a character may be white space (then trim decides): most cells start with a letter or digit. */
const mayBeSpace = (c: number) =>
  c <= 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const DAY_MS = 86_400_000;
const MIN_YEAR = 1880;
const MAX_YEAR = 2100;

const yearOk = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

function dayBirth(year: number, month: number, day: number): Birth | undefined {
  // One object per resident, written out: a spread copy of a temporary costs more than the check.
  const b: Birth = { precision: "day", year, month, day };
  return yearOk(year) && isValidYmd(b) ? b : undefined;
}

/**
 * The proleptic Gregorian year, month and day of a count of days from 1970-01-01, as a UTC Date gives
 * them (H. Hinnant's civil_from_days), without a Date per roster row.
 */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** The birth day of a date cell (see readBirth), undefined when it is none: no Read wrapped round it, for a roster's rows. */
export function birthOfDate(d: Date): Birth | undefined {
  const days = Math.round(d.getTime() / DAY_MS);
  // Beyond ±100 million days a Date is invalid: the same years out of range either way.
  if (!Number.isFinite(days) || Math.abs(days) > 100_000_000) return undefined;
  return dayBirth(...civilFromDays(days));
}

/**
 * A birth date. Date cells are calendar days (an adapter's Date at or near UTC midnight: rounded to the
 * nearest midnight, so a local-midnight date from another time zone keeps its day). Text in
 * Vietnamese order, day first: "15/03/1964", "15-03-1964", "15.03.1964", ISO "1964-03-15"; "03/1964"
 * month and year; 1964 or "1964" the year only. Two-digit years are refused: "64" could be 1964 or 2064.
 */
export function readBirth(raw: RawCell): Read<Birth> {
  if (isBlank(raw)) return blank;
  if (raw instanceof Date) {
    const b = birthOfDate(raw);
    return b ? ok(b) : invalid(raw);
  }
  if (typeof raw === "number") return yearOk(raw) ? ok({ precision: "year", year: raw }) : invalid(raw);
  if (typeof raw !== "string") return invalid(raw);
  const s = nfc(raw).trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) {
    const b = dayBirth(Number(m[3]), Number(m[2]), Number(m[1]));
    return b ? ok(b) : invalid(raw);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const b = dayBirth(Number(m[1]), Number(m[2]), Number(m[3]));
    return b ? ok(b) : invalid(raw);
  }
  m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) {
    const year = Number(m[2]);
    const month = Number(m[1]);
    return yearOk(year) && month >= 1 && month <= 12 ? ok({ precision: "month", year, month }) : invalid(raw);
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return yearOk(Number(m[1])) ? ok({ precision: "year", year: Number(m[1]) }) : invalid(raw);
  return invalid(raw);
}

const MALE = new Set(["nam", "m", "male", "trai", "con trai", "ong"]);
const FEMALE = new Set(["nu", "f", "female", "gai", "con gai", "ba"]);

/** What each spelling read as, the result itself kept (not rebuilt per row): nobody changes a Read. */
const sexMemo = new Map<string, Read<Sex>>();

export function readSex(raw: RawCell): Read<Sex> {
  if (isBlank(raw)) return blank;
  if (typeof raw !== "string") return invalid(raw);
  let read = sexMemo.get(raw);
  if (read === undefined) {
    const f = foldLoose(raw);
    const sex = MALE.has(f) ? "nam" : FEMALE.has(f) ? "nu" : undefined;
    read = sex === undefined ? invalid(raw) : ok(sex);
    // A roster repeats two spellings; the memo stays small unless the column holds free text.
    if (sexMemo.size < 1000) sexMemo.set(raw, read);
  }
  return read;
}

/**
 * Yes/no cells of a roster: the same words as the figures (Có, x, ✓, TRUE, 1 / Không, 0, FALSE).
 * Rosters repeat a handful of spellings, so each distinct text is folded once.
 */
export function yesNoReader(): (raw: RawCell) => Read<boolean> {
  // Each spelling's result kept as it is returned: no object per cell (a Read is never changed).
  const memo = new Map<string, Read<boolean>>();
  return (raw) => {
    if (isBlank(raw)) return blank;
    if (typeof raw === "boolean") return ok(raw);
    if (typeof raw === "number") return raw === 1 || raw === 0 ? ok(raw === 1) : invalid(raw);
    if (typeof raw !== "string") return invalid(raw);
    let read = memo.get(raw);
    if (read === undefined) {
      const v = parseYesNoText(raw);
      read = v === undefined ? invalid(raw) : ok(v);
      memo.set(raw, read);
    }
    return read;
  };
}

/** A name or village as written: NFC, spacing collapsed. Numbers are kept as their digits. */
export function readText(raw: RawCell): Read<string> {
  if (isBlank(raw)) return blank;
  if (typeof raw === "string") {
    const s = nfc(raw);
    // Most names are already clean: collapse spacing only when there is something to collapse.
    return ok(/^\S+(?: \S+)*$/.test(s) ? s : s.replace(/[\s\u00a0\u202f]+/g, " ").trim());
  }
  if (typeof raw === "number") return ok(String(raw));
  return invalid(raw);
}

/** A name that a spreadsheet would take for a formula if typed: written as text (DESIGN.md, "Text is text"). */
export function looksLikeFormula(name: string): boolean {
  const c = name.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64; /* @ */
}
