/*
 * Per-village workbooks as a clerk fills them (issue 10): the template's "Số liệu theo thôn" sheet with a
 * name typed in each column's name cell and the village's figures below, no mapping JSON touched.
 */
import { parseMappingText } from "../../src/core/mapping/schema";
import { parseRangeRef } from "../../src/core/ref/a1";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { VILLAGE_TEMPLATE_SHEET } from "../../src/workbook/xlsx/template-villages";
import { editWorkbook, type TypedCell } from "../e2e/scenarios";

/** A village column as the clerk fills it: its name, and code → slot → what she types. */
export type VillageColumn = { name: TypedCell; typed: Record<string, Record<string, TypedCell>> };

/** Thanh Hóa YC3 as seed 002 writes thôn Chí Phúc: 3G/4G and officials yes; skills 45%, payment 30%, no CĐS model; YC3.6 suspended. */
export const CHI_PHUC: VillageColumn = {
  name: "Thôn Chí Phúc",
  typed: {
    "YC3.1": { value: "Có" },
    "YC3.2": { value: "Có" },
    "YC3.3": { numerator: 450, denominator: 1000 },
    "YC3.4": { numerator: 300, denominator: 1000 },
    "YC3.5": { value: "Không" },
  },
};

/** A village meeting every YC3 requirement. */
export const HA_NINH: VillageColumn = {
  name: "Thôn Hà Ninh",
  typed: {
    "YC3.1": { value: "Có" },
    "YC3.2": { value: "Có" },
    "YC3.3": { numerator: 801, denominator: 1000 },
    "YC3.4": { numerator: 500, denominator: 1000 },
    "YC3.5": { value: "Có" },
  },
};

/** "B3" for a reference "'Số liệu theo thôn'!$B$3". */
export function cellOf(ref: string): string {
  const r = parseRangeRef(ref)!;
  return `${String.fromCharCode(64 + r.left)}${r.top}`;
}

/**
 * The template with village columns typed in (column i of the village sheet is village i), and each
 * village's input cells by code and slot, as the template's stored mapping places them.
 */
export async function fillVillages(
  template: Uint8Array,
  columns: readonly VillageColumn[],
): Promise<{ bytes: Uint8Array; cells: Array<Record<string, Record<string, string>>> }> {
  const stored = parseMappingText("t", (await (await XlsxWorkbook.open(template)).snapshot()).mappingText!);
  if (!stored.ok) throw new Error("template mapping");
  const villages = stored.mapping.villages!;
  const cells = villages.map((v) =>
    Object.fromEntries(
      Object.entries(v.indicators).map(([code, slots]) => [
        code,
        Object.fromEntries(Object.entries(slots).map(([s, ref]) => [s, cellOf(ref)])),
      ]),
    ),
  );
  const edits: Record<string, TypedCell> = {};
  columns.forEach((c, i) => {
    edits[cellOf(villages[i]!.nameRef!)] = c.name;
    for (const [code, slots] of Object.entries(c.typed))
      for (const [slot, value] of Object.entries(slots)) edits[cells[i]![code]![slot]!] = value;
  });
  return { bytes: await editWorkbook(template, VILLAGE_TEMPLATE_SHEET, edits), cells };
}
