/*
 * Editing cells of an .xlsx in place: the filled workbook is the template's own bytes with the input
 * cells edited in the sheet XML (JSZip), never re-saved through ExcelJS, which would drop the
 * sheet-scoped ownership marker of the very-hidden mapping sheet.
 */
import JSZip from "jszip";
import { slotsOf } from "../../src/core/evaluate/slots";
import type { Mapping } from "../../src/core/mapping/schema";
import { columnIndex, columnName } from "../../src/core/ref/a1";
import type { Indicator, Ruleset } from "../../src/core/ruleset/schema";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate, TEMPLATE_SHEET, templateName } from "../../src/workbook/xlsx/template";
import { scenarioMapping, slotNames, type Scenario, type TypedCell } from "./scenario-plan";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The part path of a sheet by its name, through workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? "";
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    const rid = /\b\w+:id="([^"]*)"/.exec(attrs)?.[1];
    if (name === undefined || rid === undefined || unescapeXml(name).normalize("NFC") !== sheet.normalize("NFC")) continue;
    for (const r of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
      const ra = r[1] ?? "";
      if (/\bId="([^"]*)"/.exec(ra)?.[1] !== rid) continue;
      const target = /\bTarget="([^"]*)"/.exec(ra)?.[1] ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  throw new Error(`no sheet "${sheet}" in the package`);
}

function cellXml(ref: string, style: string, value: TypedCell): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "object")
    return `<c r="${ref}"${s} t="e"><f>${value.error === "#N/A" ? "NA()" : "1/0"}</f><v>${value.error}</v></c>`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

const splitRef = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  return { col: columnIndex(m[1]!), row: Number(m[2]) };
};

/** Sets one cell in a worksheet's XML, keeping its style; creates the cell (and its row) when absent. */
export function setCellInSheetXml(xml: string, ref: string, value: TypedCell): string {
  const existing = new RegExp(`<c r="${ref}"((?:\\s+[\\w:]+="[^"]*")*)\\s*(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (existing) {
    const style = /\ss="(\d+)"/.exec(existing[1] ?? "")?.[1] ?? "";
    return xml.slice(0, existing.index) + cellXml(ref, style, value) + xml.slice(existing.index + existing[0].length);
  }
  const { row, col } = splitRef(ref);
  const rowRe = new RegExp(`<row r="${row}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`);
  const rowMatch = rowRe.exec(xml);
  const cell = cellXml(ref, "", value);
  if (rowMatch) {
    const whole = rowMatch[0];
    if (whole.endsWith("/>")) {
      const replaced = `${whole.slice(0, -2)}>${cell}</row>`;
      return xml.slice(0, rowMatch.index) + replaced + xml.slice(rowMatch.index + whole.length);
    }
    const inner = rowMatch[1] ?? "";
    const innerStart = rowMatch.index + whole.indexOf(">") + 1;
    // Cells stay in column order: insert before the first cell to the right.
    let insertAt = innerStart + inner.length;
    for (const c of inner.matchAll(/<c r="([A-Z]+)\d+"/g)) {
      if (columnIndex(c[1]!) > col) {
        insertAt = innerStart + c.index;
        break;
      }
    }
    return xml.slice(0, insertAt) + cell + xml.slice(insertAt);
  }
  const newRow = `<row r="${row}">${cell}</row>`;
  for (const r of xml.matchAll(/<row r="(\d+)"/g)) {
    if (Number(r[1]) > row) return xml.slice(0, r.index) + newRow + xml.slice(r.index);
  }
  if (/<sheetData\s*\/>/.test(xml)) return xml.replace(/<sheetData\s*\/>/, `<sheetData>${newRow}</sheetData>`);
  return xml.replace("</sheetData>", `${newRow}</sheetData>`);
}

/**
 * Sets cells of one sheet of an .xlsx (A1 → value) and adds workbook-scoped defined names
 * (name → 'Sheet'!$C$R), editing only those parts; everything else keeps its bytes.
 */
export async function editWorkbook(
  bytes: Uint8Array,
  sheet: string,
  cells: Readonly<Record<string, TypedCell>>,
  names: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, sheet);
  let xml = await zip.file(part)!.async("string");
  for (const [ref, value] of Object.entries(cells)) xml = setCellInSheetXml(xml, ref, value);
  zip.file(part, xml);
  if (Object.keys(names).length > 0) {
    let wb = await zip.file("xl/workbook.xml")!.async("string");
    const added = Object.entries(names)
      .map(([n, target]) => `<definedName name="${escapeXml(n)}">${escapeXml(target)}</definedName>`)
      .join("");
    wb = wb.includes("</definedNames>")
      ? wb.replace("</definedNames>", `${added}</definedNames>`)
      : wb.replace("</sheets>", `</sheets><definedNames>${added}</definedNames>`);
    zip.file("xl/workbook.xml", wb);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export type FilledWorkbook = {
  bytes: Uint8Array;
  mapping: Mapping;
  /** Template name → the input cell ("D12", "F7") on the template sheet. */
  cells: Record<string, string>;
};

/**
 * The template of a ruleset with a scenario typed in. Slots the template has no cell for (a ratio
 * typed directly) get a cell in column F of their indicator's first row, and a defined name of the
 * template's spelling.
 */
export async function buildFilledWorkbook(
  ruleset: Ruleset,
  scenario: Pick<Scenario, "asOf" | "commune" | "suspended"> & { values: Readonly<Record<string, TypedCell>> },
): Promise<FilledWorkbook> {
  const template = await makeTemplate(ruleset, { asOf: scenario.asOf, commune: scenario.commune });
  const snap = await (await XlsxWorkbook.open(template)).snapshot();
  const at = new Map<string, { row: number; col: number }>();
  for (const n of snap.names) {
    if (n.scope === null && n.target.kind === "range" && n.target.range.sheet === TEMPLATE_SHEET)
      at.set(n.name, { row: n.target.range.top, col: n.target.range.left });
  }
  const slots = slotNames(ruleset);
  const cells: Record<string, TypedCell> = {};
  const refs: Record<string, string> = {};
  const extraNames: Record<string, string> = {};
  const usedExtra = new Set<string>();
  for (const [name, value] of Object.entries(scenario.values)) {
    let where = at.get(name);
    if (!where) {
      const s = slots.get(name);
      if (!s) throw new Error(`${name} is not a slot of ${ruleset.id}`);
      // Beside the first input of the same indicator (and part), in the empty column F.
      const prefix = s.slot.includes(".") ? `${s.slot.slice(0, s.slot.lastIndexOf("."))}.` : "";
      const sibling = slotsOf(indicatorsOf(ruleset).find((l) => l.item.code === s.code)!.item as Indicator).find(
        (x) => !x.alternative && x.slot.startsWith(prefix),
      );
      const base = sibling ? at.get(templateName(s.code, sibling.slot)) : undefined;
      if (!base) throw new Error(`no template row for ${name}`);
      where = { row: base.row, col: 6 };
      const ref = `${columnName(where.col)}${where.row}`;
      if (usedExtra.has(ref)) throw new Error(`two extra slots on ${ref}`);
      usedExtra.add(ref);
      extraNames[name] = `'${TEMPLATE_SHEET}'!$${columnName(where.col)}$${where.row}`;
    }
    const ref = `${columnName(where.col)}${where.row}`;
    cells[ref] = value;
    refs[name] = ref;
  }
  const bytes = await editWorkbook(template, TEMPLATE_SHEET, cells, extraNames);
  return { bytes, mapping: scenarioMapping(ruleset, scenario), cells: refs };
}

export async function sheetFormulas(bytes: Uint8Array, sheet: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(await sheetPart(zip, sheet))!.async("string");
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>\s*<f>([\s\S]*?)<\/f>/g)) out.set(m[1]!, unescapeXml(m[2]!));
  return out;
}
