/*
 * What a defined name's formula points to, the same for every adapter: the .xlsx reads the formula
 * from workbook.xml, Office.js from NamedItem.formula, the in-memory fake from its fixture.
 */
import { parseArea, splitSheet } from "../../core/ref/a1";
import type { NameTarget } from "../port";

/**
 * What a name's formula points to, as Excel would resolve it. `sheetNames`, when given, turns a
 * reference to a sheet outside this workbook (an external or 3-D reference) into "formula".
 */
export function classifyNameFormula(formula: string, sheetNames?: readonly string[]): NameTarget {
  const text = withoutEquals(formula);
  const constant = parseConstant(text);
  if (constant !== undefined) return { kind: "constant", value: constant };
  if (/#REF!/i.test(text)) return { kind: "ref-error" };
  return parseSheetArea(text, sheetNames) ?? { kind: "formula" };
}

export function withoutEquals(formula: string): string {
  const t = formula.trim();
  return t.startsWith("=") ? t.slice(1).trim() : t;
}

/** ="text" (doubled quotes inside), a number, TRUE or FALSE; undefined for anything else. */
function parseConstant(text: string): string | number | boolean | undefined {
  const str = /^"((?:[^"]|"")*)"$/.exec(text);
  if (str) return str[1]!.replace(/""/g, '"').normalize("NFC");
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?$/i.test(text)) return Number(text);
  const upper = text.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  return undefined;
}

/**
 * A single bounded rectangle on a named sheet. Whole columns and rows (Data!$A:$A, Data!$3:$3)
 * stay "formula" for now: we read bounded rectangles only, and a whole column is a million cells.
 */
function parseSheetArea(text: string, sheetNames?: readonly string[]): NameTarget | undefined {
  const { sheet, rest } = splitSheet(text);
  if (sheet === undefined) return undefined;
  const area = parseArea(rest);
  if (!area) return undefined;
  if (!sheetNames) return { kind: "range", range: { sheet, ...area } };
  const key = sheet.normalize("NFC").toLocaleUpperCase("vi");
  // Excel matches sheet names case-insensitively; keep the workbook's own spelling for later reads.
  const own = sheetNames.find((s) => s.normalize("NFC").toLocaleUpperCase("vi") === key);
  return own === undefined ? undefined : { kind: "range", range: { sheet: own, ...area } };
}
