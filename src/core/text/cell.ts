import type { Input, SourceRef, ValueType } from "../evaluate/inputs";
import { cmp, fromNumber, isInteger, isNegative, ONE } from "../evaluate/rational";
import { countTooLarge, MAX_COUNT, MAX_EXACT, parseNumberText, quoted, tooLarge } from "./number";
import { isBlankText } from "./vocabulary";

const MAX_COUNT_RAT = fromNumber(MAX_COUNT);
import { parseYesNoText } from "./yesno";
import { parseNotApplicableText } from "./not-applicable";

/** A cell as a workbook port reads it: Excel's value kinds, with errors such as #REF! kept as errors. */
export type RawCell = string | number | boolean | null | undefined | Date | { error: string };

const where = (source: SourceRef | undefined) => (source ? `Ô ${source}: ` : "");

function invalid(reason: string, source: SourceRef | undefined): Input {
  return source === undefined ? { kind: "invalid", reason } : { kind: "invalid", reason: where(source) + reason, source };
}

function withSource<T extends Input>(input: T, source: SourceRef | undefined): Input {
  return source === undefined ? input : { ...input, source };
}

/**
 * Reads one cell as the slot's type. Blank is missing, never zero or "không"; anything that is not
 * what the slot needs is invalid with a reason that names the cell — never a silent value.
 */
export function parseCell(raw: RawCell, type: ValueType, source?: SourceRef): Input {
  if (raw === null || raw === undefined || (typeof raw === "string" && isBlankText(raw))) {
    return withSource({ kind: "missing" }, source);
  }
  if (raw instanceof Date) return invalid("là ngày tháng, không phải số liệu", source);
  if (typeof raw === "object") return invalid(`chứa lỗi ${raw.error} — hãy sửa công thức hoặc tên vùng mà ô tham chiếu`, source);

  if (typeof raw === "string") {
    const na = parseNotApplicableText(raw);
    if (na) return withSource({ kind: "not-applicable", ...na }, source);
  }

  if (type === "yes-no") {
    if (typeof raw === "boolean") return withSource({ kind: "bool", value: raw }, source);
    if (typeof raw === "number") {
      if (raw === 1 || raw === 0) return withSource({ kind: "bool", value: raw === 1 }, source);
      return invalid(`"${raw}" không phải câu trả lời có/không — nhập Có hoặc Không (Đạt / Chưa đạt)`, source);
    }
    const yn = parseYesNoText(raw);
    if (yn === undefined) return invalid(`${quoted(raw)} không phải câu trả lời có/không — nhập Có hoặc Không (Đạt / Chưa đạt)`, source);
    return withSource({ kind: "bool", value: yn }, source);
  }

  if (typeof raw === "boolean") return invalid(`là ${raw ? "TRUE" : "FALSE"}, cần một số`, source);

  let value;
  let percent = false;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || Math.abs(raw) > MAX_EXACT) return invalid(tooLarge(raw), source);
    value = fromNumber(raw);
  } else {
    const parsed = parseNumberText(raw, { integer: type === "count" });
    if (!parsed.ok) return invalid(parsed.reason, source);
    value = parsed.value;
    percent = parsed.percent;
  }
  if (isNegative(value)) return invalid(`là số âm (${typeof raw === "number" ? raw : raw.trim()}) — số liệu này không thể âm`, source);
  if (type === "count") {
    if (percent) return invalid(`"${String(raw)}" là tỷ lệ, ở đây cần một số đếm`, source);
    if (!isInteger(value)) return invalid(`${String(raw)} không phải số nguyên — ở đây cần một số đếm`, source);
    if (cmp(value, MAX_COUNT_RAT) > 0) return invalid(countTooLarge(raw), source);
  }
  if (type === "number" && percent) return invalid(`"${String(raw)}" là tỷ lệ, ở đây cần một giá trị`, source);
  if (type === "ratio" && !percent && cmp(value, ONE) > 0) {
    return invalid(`${String(raw)} lớn hơn 1 — nhập tỷ lệ dạng 58,6% hoặc 0,586`, source);
  }
  return withSource({ kind: "number", value }, source);
}
