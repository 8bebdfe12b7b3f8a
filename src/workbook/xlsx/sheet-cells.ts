import type { RawCell } from "../../core/text/cell";
import { unescapeCellText } from "./xml";
import { columnIndex } from "../../core/ref/a1";
import { excelSerialToDate } from "./date-styles";
import { WorkbookError } from "../port";

export type CellContext = {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
};

export type CellVisitor = {
  /** Whether the cell at (row, col) is wanted; the rest is not decoded. */
  wants: (row: number, col: number) => boolean;
  visit: (row: number, col: number, value: RawCell) => void;
  /** Stop reading the part once past this row (every wanted row read). */
  lastRow?: number;
};

function decode(type: string, v: string | undefined, inline: string | undefined, style: number, ctx: CellContext, hasFormula: boolean): RawCell {
  switch (type) {
    case "s": {
      const s = ctx.sharedStrings[Number(v)];
      return s === undefined ? { error: "#CHUỖI?" } : s;
    }
    case "inlineStr":
      return (inline ?? "").normalize("NFC");
    case "str":
      return unescapeCellText(v ?? "").normalize("NFC");
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: v ?? "#N/A" };
    case "d":
      return v === undefined ? null : new Date(v);
    default: {
      if (v === undefined || v === "") return hasFormula ? { error: "(công thức chưa có kết quả — mở và lưu lại tệp trong Excel)" } : null;
      const n = Number(v);
      if (!Number.isFinite(n)) return { error: `#GIÁ TRỊ (${v})` };
      return ctx.dateStyles[style] ? excelSerialToDate(n, ctx.date1904) : n;
    }
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : NAMED[name!]!,
  );
}

/** An attribute's value in a start tag, by exact name (r, t and s are unprefixed in every producer). */
function attrIn(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  return tag.slice(start, tag.indexOf('"', start));
}

/** The text of every <t> of an inline string, phonetic runs (<rPh>) left out. */
function inlineText(inner: string, p: string): string {
  const tOpen = `<${p}t`;
  const tClose = `</${p}t>`;
  const phOpen = `<${p}rPh`;
  const phClose = `</${p}rPh>`;
  let out = "";
  let at = 0;
  for (;;) {
    const t = inner.indexOf(tOpen, at);
    if (t < 0) return unescapeCellText(out);
    const ph = inner.indexOf(phOpen, at);
    if (ph >= 0 && ph < t) {
      // A phonetic guide's text is a reading aid, not the cell's text.
      const end = inner.indexOf(phClose, ph);
      at = end < 0 ? inner.length : end + phClose.length;
      continue;
    }
    const after = inner.charCodeAt(t + tOpen.length);
    if (after !== 62 /* > */ && after !== 32 && after !== 9 && after !== 10 && after !== 13) {
      at = t + tOpen.length; // another element whose name starts with t
      continue;
    }
    const gt = inner.indexOf(">", t);
    const end = inner.indexOf(tClose, gt);
    if (gt < 0 || end < 0) return out;
    if (inner.charCodeAt(gt - 1) !== 47) out += unescapeXml(inner.slice(gt + 1, end));
    at = end + tClose.length;
  }
}

function corrupt(part: string, why: string): WorkbookError {
  return new WorkbookError(`Tệp .xlsx bị hỏng: ${part} không đọc được — hãy mở tệp bằng Excel và lưu lại (corrupt ${part}: ${why})`, "corrupt");
}

/**
 * Reads a worksheet part, handing the wanted cells' values to the visitor. A scanner, not a general
 * XML parser: <sheetData> is the most regular part of the format and the largest (a 100 000-row
 * roster), and scanning it with indexOf is several times faster than a SAX parser.
 */
export function readSheetCells(xml: string, part: string, ctx: CellContext, visitor: CellVisitor): void {
  const p = /<(\w+:)?worksheet[\s>]/.exec(xml.slice(0, 4096))?.[1] ?? "";
  const dataAt = xml.indexOf(`<${p}sheetData`);
  if (dataAt < 0) throw corrupt(part, "no sheetData");
  const dataEnd = xml.indexOf(`</${p}sheetData>`, dataAt);
  if (dataEnd < 0) return; // <sheetData/>: an empty sheet
  const cClose = `</${p}c>`;
  const vOpen = `<${p}v>`;
  const vClose = `</${p}v>`;
  let row = 0;
  let col = 0;
  let pos = xml.indexOf(">", dataAt) + 1;
  while (pos < dataEnd) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= dataEnd) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw corrupt(part, "unclosed tag");
    if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      pos = gt + 1;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < gt && !" \t\r\n/".includes(xml[nameEnd]!)) nameEnd++;
    const name = xml.slice(lt + 1 + p.length, nameEnd);
    const tag = xml.slice(lt, gt + 1);
    if (name === "row") {
      const r = attrIn(tag, "r");
      row = r ? Number(r) : row + 1;
      col = 0;
      if (visitor.lastRow !== undefined && row > visitor.lastRow) return;
      pos = gt + 1;
      continue;
    }
    if (name !== "c") {
      pos = gt + 1;
      continue;
    }
    const a = { r: attrIn(tag, "r"), t: attrIn(tag, "t"), s: attrIn(tag, "s") };
    const m = a.r ? /^([A-Z]+)(\d+)$/.exec(a.r) : null;
    col = m ? columnIndex(m[1]!) : col + 1;
    if (m) row = Number(m[2]);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const close = selfClosing ? gt + 1 : xml.indexOf(cClose, gt);
    if (close < 0) throw corrupt(part, `unclosed cell ${a.r ?? ""}`);
    pos = selfClosing ? close : close + cClose.length;
    if (!visitor.wants(row, col)) continue;
    const type = a.t ?? "n";
    const style = Number(a.s ?? "0");
    if (selfClosing) {
      visitor.visit(row, col, decode(type, undefined, undefined, style, ctx, false));
      continue;
    }
    const inner = xml.slice(gt + 1, close);
    const vAt = inner.indexOf(vOpen);
    const v = vAt < 0 ? undefined : unescapeXml(inner.slice(vAt + vOpen.length, inner.indexOf(vClose, vAt)));
    const hasFormula = inner.includes(`<${p}f`);
    const inline = type === "inlineStr" ? inlineText(inner, p) : undefined;
    visitor.visit(row, col, decode(type, v, inline, style, ctx, hasFormula));
  }
}
