import { div, fromDecimalString, isInteger, rat, type Rational } from "../evaluate/rational";
import { nfc } from "./fold";

export type NumberParse =
  | { ok: true; value: Rational; percent: boolean }
  | { ok: false; reason: string };

const fail = (reason: string): NumberParse => ({ ok: false, reason });

/**
 * The largest whole number a spreadsheet holds exactly (2^53 − 1): beyond it Excel and our
 * formulas round, so such a figure is refused rather than judged on a rounded value.
 */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER;
const MAX_EXACT_DIGITS = String(MAX_EXACT);

/**
 * The largest count we judge: no commune counts a trillion of anything, and below it every product
 * a share's formula makes (count × a threshold's denominator) is exact in Excel and LibreOffice alike.
 */
export const MAX_COUNT = 1_000_000_000_000;

/** The reason for a count beyond MAX_COUNT. */
export function countTooLarge(raw: string | number): string {
  const text = typeof raw === "number" ? String(raw) : nfc(raw).trim();
  const shown = text.length > 24 ? `${text.slice(0, 20)}… (${text.length} ký tự)` : text;
  return `"${shown}" là số đếm quá lớn (hơn 1.000.000.000.000) — hãy kiểm tra lại số liệu`;
}

/** The reason for a figure beyond the exact range; a long digit string shown by its start and length. */
export function tooLarge(raw: string | number): string {
  const text = typeof raw === "number" ? String(raw) : nfc(raw).trim();
  const shown = text.length > 24 ? `${text.slice(0, 20)}… (${text.length} ký tự)` : text;
  return `"${shown}" là số quá lớn (lớn hơn 9.007.199.254.740.991, số lớn nhất Excel giữ chính xác) — hãy kiểm tra lại số liệu`;
}

/**
 * A number typed as text, Vietnamese style first: "3.986" and "3 986" are 3986, "58,6%" is 0,586,
 * "3.986,5" is 3986,5. English style is read only where it cannot be mistaken ("58.6", "1,234,567").
 * Whatever could be read two ways is refused with the reason, never guessed.
 */
export function parseNumberText(raw: string, opts: { integer: boolean }): NumberParse {
  let s = nfc(raw).trim();
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = "";
  if (/^[-−+]/.test(s)) {
    sign = s[0] === "+" ? "" : "-";
    s = s.slice(1).trim();
  }
  if (/[\s\u00a0\u202f]/.test(s)) {
    // Spaces group thousands only in threes: "3 986", "1 234 567,5".
    if (!/^\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(s)) return fail(`"${raw}" có khoảng trắng không đúng chỗ`);
    s = s.replace(/[\s\u00a0\u202f]/g, "");
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail(`"${raw}" không phải là số`);

  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let decimal: string;
  if (dots > 0 && commas > 0) {
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) decimal = s.replace(/\./g, "").replace(",", ".");
    else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) decimal = s.replace(/,/g, "");
    else return fail(`"${raw}" có dấu chấm và dấu phẩy không đúng quy cách`);
  } else if (dots > 1 || commas > 1) {
    const sep = dots > 1 ? "." : ",";
    const grouped = sep === "." ? /^\d{1,3}(\.\d{3})+$/ : /^\d{1,3}(,\d{3})+$/;
    if (!grouped.test(s)) return fail(`"${raw}" có dấu phân cách hàng nghìn không đúng chỗ`);
    decimal = s.split(sep).join("");
  } else if (dots === 1 || commas === 1) {
    const sep = dots === 1 ? "." : ",";
    const [whole = "", frac = ""] = s.split(sep);
    if (whole === "" || frac === "") return fail(`"${raw}" không phải là số`);
    const looksGrouped = frac.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
    // A count has no decimals: "2000.0" or "12,5" where people are counted is a typing mistake to fix.
    if (!looksGrouped && opts.integer && !percent) return fail(`"${raw}" có phần thập phân — số đếm phải là số nguyên`);
    if (!looksGrouped) decimal = `${whole}.${frac}`;
    else if (sep === "." && opts.integer && !percent) decimal = whole + frac; // "3.986" người: Vietnamese thousands.
    else
      return fail(
        `"${raw}" có thể hiểu hai cách (${whole}${sep}${frac} là số thập phân hay ${whole}${frac}?) — hãy nhập ${whole}${frac} hoặc ${whole},${frac} rõ ràng, hoặc nhập số vào ô kiểu số`,
      );
  } else {
    decimal = s;
  }

  const digits = decimal.split(".")[0]!.replace(/^0+/, "");
  if (digits.length > 16 || (digits.length === 16 && digits > MAX_EXACT_DIGITS)) return fail(tooLarge(raw));
  let value = fromDecimalString(sign + decimal);
  if (percent) value = div(value, rat(100n));
  if (opts.integer && !percent && !isInteger(value)) return fail(`"${raw}" không phải số nguyên`);
  return { ok: true, value, percent };
}
