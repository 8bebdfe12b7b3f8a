import { div, fromDecimalString, isInteger, rat, type Rational } from "../evaluate/rational";
import { fold, nfc } from "./fold";
import { NOT_APPLICABLE_WORDS, trimSpaces } from "./vocabulary";

export type NumberParse = { ok: true; value: Rational; percent: boolean } | { ok: false; reason: string };

const NOT_APPLICABLE = NOT_APPLICABLE_WORDS.map(fold);

const fail = (reason: string): NumberParse => ({ ok: false, reason });

/** A typed text as quoted in a message: a 40 000-character cell is shown by its start. */
export function quoted(raw: string): string {
  const t = raw.length > 60 ? `${raw.slice(0, 40)}… (${raw.length} ký tự)` : raw;
  return `"${t}"`;
}

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
  // Only the spaces the sheet's formulas trim too (vocabulary.ts): a tab around digits is not looked through.
  let s = trimSpaces(nfc(raw));
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = trimSpaces(s.slice(0, -1));
  }
  let sign = "";
  if (/^[-−+]/.test(s)) {
    sign = s[0] === "+" ? "" : "-";
    s = trimSpaces(s.slice(1));
    // A count is typed as the sheet shows it: the formula's reading of "+5" or "01" as 5 or 1 is not Excel's own.
    if (sign === "" && opts.integer && !percent) return fail(`${quoted(raw)} có dấu + ở đầu — hãy nhập số không có dấu`);
  }
  // Words first: "Không áp dụng" is not a number with misplaced spaces.
  if (/\p{L}/u.test(s)) {
    if (NOT_APPLICABLE.includes(fold(raw))) {
      return fail(
        `"${raw.trim()}" là chữ, không phải số liệu — ô này chỉ nhận số. Nếu chỉ tiêu không áp dụng cho xã, hãy xoá chữ trong ô (để trống) và đánh dấu chỉ tiêu là tạm dừng trong ánh xạ; nếu số liệu bằng 0, hãy nhập 0`,
      );
    }
    return fail(`${quoted(raw)} không phải là số`);
  }
  if (/[ \u00a0\u202f]/.test(s)) {
    // Spaces group thousands only in threes: "3 986", "1 234 567,5".
    if (!/^\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(s)) return fail(`${quoted(raw)} có khoảng trắng không đúng chỗ`);
    s = s.replace(/[ \u00a0\u202f]/g, "");
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail(`${quoted(raw)} không phải là số`);
  if (opts.integer && !percent && /^0\d/.test(s)) return fail(`${quoted(raw)} có số 0 ở đầu — hãy nhập ${s.replace(/^0+(?=\d)/, "")}`);

  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let decimal: string;
  if (dots > 0 && commas > 0) {
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) decimal = s.replace(/\./g, "").replace(",", ".");
    else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) decimal = s.replace(/,/g, "");
    else return fail(`${quoted(raw)} có dấu chấm và dấu phẩy không đúng quy cách`);
  } else if (dots > 1 || commas > 1) {
    const sep = dots > 1 ? "." : ",";
    const grouped = sep === "." ? /^\d{1,3}(\.\d{3})+$/ : /^\d{1,3}(,\d{3})+$/;
    if (!grouped.test(s)) return fail(`${quoted(raw)} có dấu phân cách hàng nghìn không đúng chỗ`);
    decimal = s.split(sep).join("");
  } else if (dots === 1 || commas === 1) {
    const sep = dots === 1 ? "." : ",";
    const [whole = "", frac = ""] = s.split(sep);
    if (whole === "" || frac === "") return fail(`${quoted(raw)} không phải là số`);
    const looksGrouped = frac.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
    // A count has no decimals: "2000.0" or "12,5" where people are counted is a typing mistake to fix.
    if (!looksGrouped && opts.integer && !percent) return fail(`${quoted(raw)} có phần thập phân — số đếm phải là số nguyên`);
    if (!looksGrouped) decimal = `${whole}.${frac}`;
    else if (sep === "." && opts.integer && !percent)
      decimal = whole + frac; // "3.986" người: Vietnamese thousands.
    else
      return fail(
        `${quoted(raw)} có thể hiểu hai cách (${whole}${sep}${frac} là số thập phân hay ${whole}${frac}?) — hãy nhập ${whole}${frac} hoặc ${whole},${frac} rõ ràng, hoặc nhập số vào ô kiểu số`,
      );
  } else {
    decimal = s;
  }

  const digits = decimal.split(".")[0]!.replace(/^0+/, "");
  if (digits.length > 16 || (digits.length === 16 && digits > MAX_EXACT_DIGITS)) return fail(tooLarge(raw));
  let value = fromDecimalString(sign + decimal);
  if (percent) value = div(value, rat(100n));
  if (opts.integer && !percent && !isInteger(value)) return fail(`${quoted(raw)} không phải số nguyên`);
  return { ok: true, value, percent };
}
