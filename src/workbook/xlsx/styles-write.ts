import type { StyleName } from "../../core/layout/sheet";
import { FONT_NAME, FONT_SIZE, LOOKS, STYLE_NAMES, type Look } from "../common/looks";
import { WorkbookError } from "../port";
import { escapeXml } from "./xml";
import {
  appendToElementEdit,
  applyEdits,
  attribute,
  canonical,
  elements,
  prefixOf,
  readMarkup,
  setAttributeEdit,
  type Edit,
  type Element,
  type Tag,
} from "./xml-tokens";

/*
 * Our cell styles, added to the workbook's styles.xml without touching what is there: each font,
 * fill, border, number format and cell format is reused when an identical one exists (so a re-run
 * adds nothing) and appended otherwise. Indexes of the clerk's styles never move.
 */

function fontXml(p: string, f: Look["font"] = {}): string {
  return (
    `<${p}font>` +
    (f.bold ? `<${p}b/>` : "") +
    (f.italic ? `<${p}i/>` : "") +
    `<${p}sz val="${f.size ?? FONT_SIZE}"/>` +
    (f.color ? `<${p}color rgb="${f.color}"/>` : "") +
    `<${p}name val="${FONT_NAME}"/><${p}family val="1"/><${p}charset val="163"/>` +
    `</${p}font>`
  );
}

function fillXml(p: string, rgb: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

function borderXml(p: string): string {
  const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="FF808080"/></${p}${n}>`;
  return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
}

/** One section of styles.xml (fonts, fills…) and the canonical form of each of its children. */
type Section = { el: Element; known: string[] };

function childrenOf(els: readonly Element[], parent: Element): Element[] {
  const prefix = `${parent.path}/`;
  return els.filter(
    (e) =>
      e.path.startsWith(prefix) && !e.path.includes("/", prefix.length) && e.tag.start >= parent.contentStart && e.end <= parent.contentEnd,
  );
}

/** The edits that append `content` to a section and set its count, leaving the rest as written. */
function growSection(xml: string, part: string, el: Element, content: string, count: number): Edit[] {
  if (el.tag.kind === "open") return [setAttributeEdit(xml, el.tag, "count", String(count)), appendToElementEdit(xml, el, content)];
  const tagText = xml.slice(el.tag.start, el.tag.end);
  const local = readMarkup(tagText, 0, part) as Tag;
  const counted = applyEdits(tagText, [setAttributeEdit(tagText, local, "count", String(count))]);
  const grown = appendToElementEdit(
    counted,
    {
      tag: { ...local, end: counted.length },
      path: el.path,
      contentStart: counted.length,
      contentEnd: counted.length,
      end: counted.length,
    },
    content,
  );
  return [{ start: el.tag.start, end: el.tag.end, text: applyEdits(counted, [grown]) }];
}

/** Adds our elements to a section (reusing identical ones) and returns their indexes and the edits. */
function merge(xml: string, part: string, section: Section, wanted: string[]): { indexes: number[]; edits: Edit[] } {
  const known = [...section.known];
  const added: string[] = [];
  const indexes = wanted.map((w) => {
    const c = canonical(w, "styles", 0, w.length);
    const at = known.indexOf(c);
    if (at >= 0) return at;
    added.push(w);
    known.push(c);
    return known.length - 1;
  });
  return { indexes, edits: added.length === 0 ? [] : growSection(xml, part, section.el, added.join(""), known.length) };
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/**
 * Number formats: reuse an identical code, else a fresh id after the clerk's highest (ids below 164 are
 * built in). Returns each of our codes' id; the insertions go to `edits`.
 */
function ourNumberFormats(xml: string, part: string, els: readonly Element[], edits: Edit[]): Map<string, number> {
  const root = els[0]!;
  const p = prefixOf(root.tag);
  const numFmtIds = new Map<string, number>();
  const numFmtsEl = els.find((e) => e.path === `${root.tag.local}/numFmts`);
  const existingFmts = (numFmtsEl ? childrenOf(els, numFmtsEl) : [])
    .filter((c) => c.tag.local === "numFmt")
    .map((c) => ({ id: Number(attribute(xml, c.tag, "numFmtId") ?? "0"), code: attribute(xml, c.tag, "formatCode") ?? "" }));
  let nextId = Math.max(163, ...existingFmts.map((f) => (Number.isFinite(f.id) ? f.id : 0))) + 1;
  const newFmts: string[] = [];
  for (const look of Object.values(LOOKS)) {
    if (!look.numFmt || numFmtIds.has(look.numFmt)) continue;
    const found = existingFmts.find((f) => f.code === look.numFmt);
    if (found) numFmtIds.set(look.numFmt, found.id);
    else {
      numFmtIds.set(look.numFmt, nextId);
      newFmts.push(`<${p}numFmt numFmtId="${nextId}" formatCode="${escapeXml(look.numFmt)}"/>`);
      nextId++;
    }
  }
  if (newFmts.length > 0) {
    if (numFmtsEl) edits.push(...growSection(xml, part, numFmtsEl, newFmts.join(""), childrenOf(els, numFmtsEl).length + newFmts.length));
    else
      edits.push({
        start: root.tag.end,
        end: root.tag.end,
        text: `<${p}numFmts count="${newFmts.length}">${newFmts.join("")}</${p}numFmts>`,
      });
  }
  return numFmtIds;
}

/**
 * Adds our looks to styles.xml (or to a minimal one when the workbook has none) and returns the new
 * XML with the cell-format index of each style name.
 */
export function addOurStyles(
  stylesXml: string | undefined,
  part = "xl/styles.xml",
): { xml: string; xf: Record<StyleName, number>; dxf: Partial<Record<StyleName, number>> } {
  const xml = stylesXml ?? MINIMAL_STYLES;
  const els = elements(xml, part);
  const root = els[0]!;
  const p = prefixOf(root.tag);
  const sectionOf = (name: string): Section | undefined => {
    const el = els.find((e) => e.path === `${root.tag.local}/${name}`);
    return el && { el, known: childrenOf(els, el).map((c) => canonical(xml, part, c.tag.start, c.end)) };
  };
  const requiredSection = (name: string): Section => {
    const s = sectionOf(name);
    if (!s) throw new WorkbookError(`Tệp .xlsx bị hỏng: ${part} thiếu phần <${name}> — hãy mở tệp bằng Excel và lưu lại`, "corrupt");
    return s;
  };
  const edits: Edit[] = [];

  const numFmtIds = ourNumberFormats(xml, part, els, edits);

  const looks = STYLE_NAMES.map((n) => LOOKS[n]);
  const parts: Array<[name: string, build: (l: Look) => string | undefined]> = [
    ["fonts", (l) => fontXml(p, l.font)],
    ["fills", (l) => (l.fill ? fillXml(p, l.fill) : undefined)],
    ["borders", (l) => (l.border ? borderXml(p) : undefined)],
  ];
  const ids: Record<string, Array<number | undefined>> = {};
  for (const [name, build] of parts) {
    const section = requiredSection(name);
    const built = looks.map(build);
    const present = built.filter((b): b is string => b !== undefined);
    const merged = merge(xml, part, section, present);
    let k = 0;
    ids[name] = built.map((b) => (b === undefined ? undefined : merged.indexes[k++]));
    edits.push(...merged.edits);
  }

  const xfSection = requiredSection("cellXfs");
  const xfs = looks.map((l, i) => {
    const fmt = l.numFmt ? numFmtIds.get(l.numFmt)! : 0;
    const fill = ids.fills![i] ?? 0;
    const border = ids.borders![i] ?? 0;
    const a = l.align;
    const align = a
      ? `<${p}alignment${a.h ? ` horizontal="${a.h}"` : ""}${a.v ? ` vertical="${a.v}"` : ""}${a.wrap ? ' wrapText="1"' : ""}/>`
      : "";
    return (
      `<${p}xf numFmtId="${fmt}" fontId="${ids.fonts![i]}" fillId="${fill}" borderId="${border}" xfId="0" applyFont="1"` +
      `${fmt ? ' applyNumberFormat="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1">' + align + `</${p}xf>` : "/>"}`
    );
  });
  const mergedXf = merge(xml, part, xfSection, xfs);
  edits.push(...mergedXf.edits);
  const xf = Object.fromEntries(STYLE_NAMES.map((n, i) => [n, mergedXf.indexes[i]!])) as Record<StyleName, number>;

  // Differential formats for conditional formatting: the verdict colours follow the verdict formulas.
  const dxfXml = (l: Look) =>
    `<${p}dxf>` +
    (l.font ? `<${p}font>${l.font.bold ? `<${p}b/>` : ""}${l.font.color ? `<${p}color rgb="${l.font.color}"/>` : ""}</${p}font>` : "") +
    (l.fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${l.fill}"/><${p}bgColor rgb="${l.fill}"/></${p}patternFill></${p}fill>`
      : "") +
    `</${p}dxf>`;
  const conditional = STYLE_NAMES.filter((n) => n.startsWith("verdict-"));
  const wantedDxf = conditional.map((n) => dxfXml(LOOKS[n]));
  let dxfIndexes: number[];
  const dxfSection = sectionOf("dxfs");
  if (dxfSection) {
    const mergedDxf = merge(xml, part, dxfSection, wantedDxf);
    dxfIndexes = mergedDxf.indexes;
    edits.push(...mergedDxf.edits);
  } else {
    // dxfs follows cellStyles in the schema's order.
    const after = els.find((e) => e.path === `${root.tag.local}/cellStyles`) ?? xfSection.el;
    edits.push({ start: after.end, end: after.end, text: `<${p}dxfs count="${wantedDxf.length}">${wantedDxf.join("")}</${p}dxfs>` });
    dxfIndexes = wantedDxf.map((_, i) => i);
  }
  const dxf: Partial<Record<StyleName, number>> = Object.fromEntries(conditional.map((n, i) => [n, dxfIndexes[i]!]));
  return { xml: applyEdits(xml, edits), xf, dxf };
}
