/*
 * Defined-name lookup as Excel resolves it: a sheet-scoped name shadows the workbook name of the
 * same spelling, but only on its own sheet. Pure: names come in, a decision goes out.
 */
import { parseArea, parseRangeRef, quoteSheet, splitSheet, type RangeAddress } from "../core/ref/a1";
import type { DefinedName } from "./port";

export type ResolvedReference =
  { kind: "name"; name: DefinedName } | { kind: "range"; range: RangeAddress } | { kind: "unknown"; message: string };

/** Excel compares names and sheet names case-insensitively ("DAN_SO" = "dan_so", "ĐẤT" = "đất"). */
function key(text: string): string {
  return text.normalize("NFC").toLocaleUpperCase("vi").normalize("NFC");
}

function sameScope(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : key(a) === key(b);
}

/** The name of that spelling in exactly that scope (null: workbook-scoped); no fallback between scopes. */
export function findName(names: readonly DefinedName[], name: string, scope: string | null): DefinedName | undefined {
  const k = key(name);
  return names.find((n) => sameScope(n.scope, scope) && key(n.name) === k);
}

/**
 * Whether Excel would read the text as a name rather than a cell: it starts with a letter, "_" or
 * "\", and cannot be taken for an A1 cell ("AB12") or an R1C1 one ("R", "C", "R2C3").
 */
export function isNameSyntax(text: string): boolean {
  const t = text.normalize("NFC");
  if (!/^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\?]*$/u.test(t)) return false;
  if (parseArea(t)) return false;
  return !/^(?:R\d*)?(?:C\d*)?$/i.test(t);
}

/** The names a formula on `sheet` can use by bare spelling: that sheet's own, then workbook names it does not shadow. */
export function namesVisibleFrom(names: readonly DefinedName[], sheet?: string): DefinedName[] {
  const own = sheet === undefined ? [] : names.filter((n) => n.scope !== null && sameScope(n.scope, sheet));
  const shadowed = new Set(own.map((n) => key(n.name)));
  const workbook = names.filter((n) => n.scope === null && !shadowed.has(key(n.name)));
  return [...own, ...workbook];
}

/**
 * A mapping reference, resolved: "dan_so" (seen from `fromSheet` when given), "'Số liệu'!dan_so",
 * or a cell or rectangle "'Số liệu'!B3:C4". Anything else comes back with a Vietnamese message
 * saying what to do.
 */
export function resolveReference(names: readonly DefinedName[], ref: string, fromSheet?: string): ResolvedReference {
  const { sheet, rest } = splitSheet(ref);
  const body = rest.trim();
  if (sheet !== undefined) return resolveOnSheet(names, sheet, body, ref);
  if (parseArea(body)) return resolveBareCell(ref, fromSheet);
  if (!isNameSyntax(body)) return unknown(notAReference(ref));
  const found = (fromSheet === undefined ? undefined : findName(names, body, fromSheet)) ?? findName(names, body, null);
  if (!found) return unknown(notFound(names, body));
  return clashOf(names, found) ?? { kind: "name", name: found };
}

function resolveOnSheet(names: readonly DefinedName[], sheet: string, body: string, ref: string): ResolvedReference {
  const range = parseRangeRef(ref);
  if (range) return { kind: "range", range };
  if (!isNameSyntax(body)) return unknown(notAReference(ref));
  // Excel accepts Sheet!name for a workbook name too, when that sheet has no name of its own.
  const found = findName(names, body, sheet) ?? findName(names, body, null);
  if (!found) return unknown(notFoundOnSheet(body, sheet));
  return clashOf(names, found) ?? { kind: "name", name: found };
}

/** "B3" alone means a cell of the sheet the formula is on; a mapping made outside any sheet must say which. */
function resolveBareCell(ref: string, fromSheet?: string): ResolvedReference {
  const range = fromSheet === undefined ? undefined : parseRangeRef(ref, fromSheet);
  if (range) return { kind: "range", range };
  return unknown(`Địa chỉ "${ref.trim()}" thiếu tên trang tính — hãy ghi kèm trang, ví dụ 'Số liệu'!${ref.trim()}`);
}

/**
 * Two names in one scope that differ only by case (CO_DTTM, co_dttm) are one name to Excel, which
 * keeps one of them when it opens the file: which cell the clerk meant is not ours to guess, unless
 * both point to the same place.
 */
function clashOf(names: readonly DefinedName[], found: DefinedName): ResolvedReference | undefined {
  const twins = names.filter((n) => n !== found && sameScope(n.scope, found.scope) && key(n.name) === key(found.name));
  const differing = twins.filter((n) => n.formula.replace(/\$/g, "") !== found.formula.replace(/\$/g, ""));
  if (differing.length === 0) return undefined;
  const all = [found, ...differing].map((n) => `"${n.name}" (${n.formula})`).join(" và ");
  const scope = found.scope === null ? "trong sổ tính" : `trên trang "${found.scope}"`;
  return unknown(
    `Có ${differing.length + 1} tên ${all} ${scope} chỉ khác nhau chữ hoa/chữ thường — Excel coi là một tên; ` +
      `hãy xoá hoặc đổi tên một trong số đó (Công thức › Trình quản lý tên)`,
  );
}

function unknown(message: string): ResolvedReference {
  return { kind: "unknown", message };
}

function notAReference(ref: string): string {
  return (
    `"${ref.trim()}" không phải tên hay địa chỉ ô hợp lệ — hãy ghi một tên đã đặt (ví dụ dan_so) ` +
    `hoặc một vùng ô kèm trang (ví dụ 'Số liệu'!B3:B10)`
  );
}

function notFound(names: readonly DefinedName[], name: string): string {
  const elsewhere = names.filter((n) => n.scope !== null && key(n.name) === key(name)).map((n) => n.scope!);
  if (elsewhere.length > 0) {
    const where = elsewhere.map((s) => `"${s}"`).join(", ");
    return (
      `Tên "${name}" chỉ có trong phạm vi trang ${where}, không dùng chung cho cả sổ tính — ` +
      `hãy ghi kèm trang (ví dụ ${quoteSheet(elsewhere[0]!)}!${name}) hoặc sửa ánh xạ`
    );
  }
  return `Không tìm thấy tên "${name}" trong sổ tính — hãy tạo tên này (Công thức › Trình quản lý tên) hoặc sửa ánh xạ`;
}

function notFoundOnSheet(name: string, sheet: string): string {
  return (
    `Không tìm thấy tên "${name}" trên trang "${sheet}" hay trong sổ tính — ` +
    `hãy tạo tên này (Công thức › Trình quản lý tên) hoặc sửa ánh xạ`
  );
}
