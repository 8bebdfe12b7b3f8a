import type { StyleName } from "../../core/layout/sheet";

/*
 * Our cell styles, added to the workbook's styles.xml without touching what is there: each font,
 * fill, border, number format and cell format is reused when an identical one exists (so a re-run
 * adds nothing) and appended otherwise. Indexes of the clerk's styles never move.
 */

export type Look = {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  fill?: string;
  border?: boolean;
  numFmt?: string;
  align?: { h?: "left" | "center" | "right"; v?: "top" | "center"; wrap?: boolean };
};

const BORDERED = { border: true, align: { v: "top" as const, wrap: true } };

export const LOOKS: Record<StyleName, Look> = {
  title: { font: { bold: true, size: 14 }, align: { h: "left", v: "center" } },
  subtitle: { font: { italic: true }, align: { h: "left" } },
  header: { font: { bold: true }, fill: "FFD9E1F2", border: true, align: { h: "center", v: "center", wrap: true } },
  text: BORDERED,
  wrap: BORDERED,
  bold: { ...BORDERED, font: { bold: true } },
  center: { border: true, align: { h: "center", v: "top", wrap: true } },
  integer: { border: true, numFmt: "#,##0", align: { v: "top" } },
  decimal: { border: true, numFmt: "#,##0.0", align: { v: "top" } },
  percent: { border: true, numFmt: "0.0%", align: { v: "top" } },
  summary: { font: { bold: true }, fill: "FFF2F2F2", border: true, align: { v: "top", wrap: true } },
  note: { font: { italic: true, size: 10 }, align: { v: "top", wrap: false } },
  "verdict-dat": { font: { bold: true, color: "FF006100" }, fill: "FFC6EFCE", border: true, align: { h: "center", v: "top", wrap: true } },
  "verdict-khong-dat": { font: { bold: true, color: "FF9C0006" }, fill: "FFFFC7CE", border: true, align: { h: "center", v: "top", wrap: true } },
  "verdict-thieu-so-lieu": { font: { bold: true, color: "FF9C5700" }, fill: "FFFFEB9C", border: true, align: { h: "center", v: "top", wrap: true } },
  "verdict-loi-so-lieu": { font: { bold: true, color: "FF833C0B" }, fill: "FFF8CBAD", border: true, align: { h: "center", v: "top", wrap: true } },
  "verdict-tam-dung": { font: { bold: true, color: "FF595959" }, fill: "FFD9D9D9", border: true, align: { h: "center", v: "top", wrap: true } },
  // Not applicable is no failure and no pause: blue-grey, apart from tạm dừng's grey.
  "verdict-khong-ap-dung": { font: { bold: true, color: "FF1F4E79" }, fill: "FFDDEBF7", border: true, align: { h: "center", v: "top", wrap: true } },
};

export const STYLE_NAMES = Object.keys(LOOKS) as StyleName[];

// The font every one of our cells uses: Times New Roman is what Vietnamese administrative documents use.
export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 12;

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

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** One section of styles.xml (fonts, fills…): where its children are and what they say. */
type Section = { start: number; end: number; openTag: string; children: string[] };

function findSection(xml: string, p: string, name: string): Section | undefined {
  const open = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return undefined;
  if (open[1] === "/") return { start: open.index, end: open.index + open[0].length, openTag: open[0].replace(/\s*\/>$/, ">"), children: [] };
  const close = `</${p}${name}>`;
  const closeAt = xml.indexOf(close, open.index);
  const inner = xml.slice(open.index + open[0].length, closeAt);
  return { start: open.index, end: closeAt + close.length, openTag: open[0], children: splitChildren(inner) };
}

/** Top-level child elements of a section's inner XML, as written. */
function splitChildren(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let startAt = -1;
  const re = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    const closing = m[1] === "/";
    const selfClosing = m[3] === "/";
    if (!closing && depth === 0) startAt = m.index;
    if (closing) depth--;
    else if (!selfClosing) depth++;
    if (depth === 0 && startAt >= 0) {
      out.push(inner.slice(startAt, m.index + m[0].length));
      startAt = -1;
    }
  }
  return out;
}

const canon = (s: string) => s.replace(/\s+/g, " ").replace(/\s*(\/?>)/g, "$1").trim();

/** Adds our elements to a section (reusing identical ones) and returns their indexes. */
function merge(section: Section, wanted: string[]): { indexes: number[]; children: string[] } {
  const children = [...section.children];
  const known = children.map(canon);
  const indexes = wanted.map((w) => {
    const at = known.indexOf(canon(w));
    if (at >= 0) return at;
    children.push(w);
    known.push(canon(w));
    return children.length - 1;
  });
  return { indexes, children };
}

function renderSection(section: Section, children: string[], p: string, name: string): string {
  const open = section.openTag.replace(/\scount="\d+"/, "").replace(/>$/, ` count="${children.length}">`);
  return `${open}${children.join("")}</${p}${name}>`;
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
 * Adds our looks to styles.xml (or to a minimal one when the workbook has none) and returns the new
 * XML with the cell-format index of each style name.
 */
export function addOurStyles(stylesXml: string | undefined): { xml: string; xf: Record<StyleName, number>; dxf: Partial<Record<StyleName, number>> } {
  let xml = stylesXml ?? MINIMAL_STYLES;
  const root = /<(\w+:)?styleSheet\b/.exec(xml);
  const p = root?.[1] ?? "";

  // Number formats: reuse an identical code, else a fresh id from 164 up (ids below are built in).
  const numFmtIds = new Map<string, number>();
  const numFmts = findSection(xml, p, "numFmts");
  const existingFmts = (numFmts?.children ?? []).map((c) => ({
    id: Number(/numFmtId="(\d+)"/.exec(c)?.[1] ?? "0"),
    code: /formatCode="([^"]*)"/.exec(c)?.[1] ?? "",
  }));
  let nextId = Math.max(163, ...existingFmts.map((f) => f.id)) + 1;
  const fmtChildren = [...(numFmts?.children ?? [])];
  for (const look of Object.values(LOOKS)) {
    if (!look.numFmt || numFmtIds.has(look.numFmt)) continue;
    const code = escapeAttr(look.numFmt);
    const found = existingFmts.find((f) => f.code === code);
    if (found) numFmtIds.set(look.numFmt, found.id);
    else {
      numFmtIds.set(look.numFmt, nextId);
      fmtChildren.push(`<${p}numFmt numFmtId="${nextId}" formatCode="${code}"/>`);
      nextId++;
    }
  }
  if (fmtChildren.length > 0) {
    if (numFmts) {
      xml = xml.slice(0, numFmts.start) + renderSection(numFmts, fmtChildren, p, "numFmts") + xml.slice(numFmts.end);
    } else {
      const rootEnd = xml.indexOf(">", root?.index ?? 0) + 1;
      xml = xml.slice(0, rootEnd) + `<${p}numFmts count="${fmtChildren.length}">${fmtChildren.join("")}</${p}numFmts>` + xml.slice(rootEnd);
    }
  }

  const looks = STYLE_NAMES.map((n) => LOOKS[n]);
  const parts: Array<[name: string, build: (l: Look) => string | undefined]> = [
    ["fonts", (l) => fontXml(p, l.font)],
    ["fills", (l) => (l.fill ? fillXml(p, l.fill) : undefined)],
    ["borders", (l) => (l.border ? borderXml(p) : undefined)],
  ];
  const ids: Record<string, Array<number | undefined>> = {};
  for (const [name, build] of parts) {
    const section = findSection(xml, p, name);
    if (!section) throw new Error(`styles.xml thiếu phần <${name}> (corrupt styles)`);
    const built = looks.map(build);
    const present = built.filter((b): b is string => b !== undefined);
    const merged = merge(section, present);
    let k = 0;
    ids[name] = built.map((b) => (b === undefined ? undefined : merged.indexes[k++]));
    xml = xml.slice(0, section.start) + renderSection(section, merged.children, p, name) + xml.slice(section.end);
  }

  const xfSection = findSection(xml, p, "cellXfs");
  if (!xfSection) throw new Error("styles.xml thiếu phần <cellXfs> (corrupt styles)");
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
  const mergedXf = merge(xfSection, xfs);
  xml = xml.slice(0, xfSection.start) + renderSection(xfSection, mergedXf.children, p, "cellXfs") + xml.slice(xfSection.end);
  const xf = Object.fromEntries(STYLE_NAMES.map((n, i) => [n, mergedXf.indexes[i]!])) as Record<StyleName, number>;

  // Differential formats for conditional formatting: the verdict colours follow the verdict formulas.
  const dxfXml = (l: Look) =>
    `<${p}dxf>` +
    (l.font ? `<${p}font>${l.font.bold ? `<${p}b/>` : ""}${l.font.color ? `<${p}color rgb="${l.font.color}"/>` : ""}</${p}font>` : "") +
    (l.fill ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${l.fill}"/><${p}bgColor rgb="${l.fill}"/></${p}patternFill></${p}fill>` : "") +
    `</${p}dxf>`;
  let dxfSection = findSection(xml, p, "dxfs");
  if (!dxfSection) {
    // dxfs follows cellStyles in the schema's order.
    const after = new RegExp(`</${p}cellStyles>`).exec(xml) ?? new RegExp(`</${p}cellXfs>`).exec(xml)!;
    const at = after.index + after[0].length;
    xml = `${xml.slice(0, at)}<${p}dxfs count="0"></${p}dxfs>${xml.slice(at)}`;
    dxfSection = findSection(xml, p, "dxfs")!;
  }
  const conditional = STYLE_NAMES.filter((n) => n.startsWith("verdict-"));
  const mergedDxf = merge(dxfSection, conditional.map((n) => dxfXml(LOOKS[n])));
  xml = xml.slice(0, dxfSection.start) + renderSection(dxfSection, mergedDxf.children, p, "dxfs") + xml.slice(dxfSection.end);
  const dxf: Partial<Record<StyleName, number>> = Object.fromEntries(conditional.map((n, i) => [n, mergedDxf.indexes[i]!]));
  return { xml, xf, dxf };
}
