import type { RawCell } from "../../core/text/cell";
import { columnIndex } from "../../core/ref/a1";
import { dateStyledValue, isoDateValue } from "./date-styles";
import { WorkbookError } from "../port";
import { decodeCellText, inlineText } from "./cell-text";
import { nfc } from "../../core/text/fold";
import { utf8Text } from "./byte-text";
import { newColumnTexts, noteText, seenText, type ColumnTexts } from "./column-texts";
import { isPlainCellAt, PLAIN_CELL } from "./plain-cell";
import { attributes, decodeEntities, markups, prefixOf, readMarkup, specialMarkup, tagEnd, type Tag } from "./xml-tokens";

export type CellContext = {
  /** Undefined when the package has no shared string table: a cell that refers to one is then corrupt. */
  sharedStrings: readonly string[] | undefined;
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

function decode(
  type: string,
  v: string | undefined,
  inline: string | undefined,
  style: number,
  ctx: CellContext,
  hasFormula: boolean,
): RawCell {
  switch (type) {
    case "s": {
      if (!ctx.sharedStrings)
        throw new WorkbookError(
          "Tệp .xlsx bị hỏng: ô chữ trỏ tới bảng chữ dùng chung (sharedStrings.xml) mà tệp không có — hãy lấy lại bản gốc, hoặc mở bằng Excel và lưu lại",
          "corrupt",
        );
      const s = ctx.sharedStrings[Number(v)];
      if (s === undefined) {
        // Excel itself repairs such a file on opening: it is damaged, not a value to judge.
        throw new WorkbookError(
          `Tệp .xlsx bị hỏng: ô chữ trỏ tới chuỗi dùng chung số ${v ?? "?"} mà bảng chỉ có ${ctx.sharedStrings.length} chuỗi — hãy mở tệp bằng Excel và lưu lại, hoặc lấy lại bản gốc`,
          "corrupt",
        );
      }
      return s;
    }
    case "inlineStr":
      return nfc(decodeCellText(inline ?? ""));
    case "str":
      return nfc(decodeCellText(v ?? ""));
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: v ?? "#N/A" };
    case "d":
      return v === undefined ? null : isoDateValue(v);
    default: {
      if (v === undefined || v === "") return hasFormula ? { error: "(công thức chưa có kết quả — mở và lưu lại tệp trong Excel)" } : null;
      const n = Number(v);
      if (!Number.isFinite(n)) return { error: `#GIÁ TRỊ (${v})` };
      return ctx.dateStyles[style] ? dateStyledValue(n, ctx.date1904) : n;
    }
  }
}

/**
 * A value's text as written in the part: entities resolved, and in a byte string (byte-text.ts) decoded
 * from UTF-8 first, so that a character an entity makes is never taken for a byte. Set per part read.
 */
let unescapeXml = decodeEntities;
const unescapeBytes = (s: string) => decodeEntities(utf8Text(s));

/**
 * The ">" ending the start tag at `lt` (one outside quoted values), in one pass over the tag, which
 * also tells whether the tag is spelt the way every producer we know writes it: double quotes,
 * single spaces, no entity, no space inside a value. Only such a tag is read by searching for ` r="`.
 */
let plainTag = true;

/**
 * Where the values of the tag's first r, t and s attributes begin (after ` r="`), or -1: found in the
 * same pass, so a cell's tag is walked once rather than once more per attribute. Meaningful for a
 * plain tag only, whose values hold no space: ` r="` cannot then be inside a value.
 */
let rAt = -1;
let tAt = -1;
let sAt = -1;

function scanTag(xml: string, lt: number, part: string): number {
  let plain = true;
  let quote = 0;
  rAt = tAt = sAt = -1;
  for (let k = lt + 1; k < xml.length; k++) {
    const c = xml.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 38 /* & */ || c === 32 || c === 9 || c === 10 || c === 13) plain = false;
      continue;
    }
    if (c === 62 /* > */) {
      plainTag = plain; // a module variable, not an object per tag: a roster has a million tags
      return k;
    }
    if (c === 34 /* " */) quote = 34;
    else if (c === 39 /* ' */) {
      quote = 39;
      plain = false;
    } else if (c === 61 /* = */) {
      if (xml.charCodeAt(k - 1) === 32 || xml.charCodeAt(k + 1) === 32) plain = false;
      else if (xml.charCodeAt(k + 1) === 34 && xml.charCodeAt(k - 2) === 32) noteAttr(xml.charCodeAt(k - 1), k + 2);
    } else if (c === 9 || c === 10 || c === 13) plain = false;
  }
  throw corrupt(part, `unclosed tag at ${lt}`);
}

/** Records where a one-letter attribute's value begins, the first of each name only (as a search from the tag's start finds). */
function noteAttr(name: number, at: number): void {
  if (name === 114 /* r */) {
    if (rAt < 0) rAt = at;
  } else if (name === 116 /* t */) {
    if (tAt < 0) tAt = at;
  } else if (name === 115 /* s */ && sAt < 0) sAt = at;
}

/** The r, t and s attributes of a row or cell start tag; an unusual spelling is read attribute by attribute. */
function cellAttrs(tag: string, plain: boolean): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  if (!plain) {
    for (const a of attributes(tag, readMarkup(tag, 0, "") as Tag))
      if (a.name === "r" || a.name === "t" || a.name === "s") out[a.name] = a.value;
    return out;
  }
  const r = attrIn(tag, "r");
  if (r !== undefined) out.r = r;
  const t = attrIn(tag, "t");
  if (t !== undefined) out.t = t;
  const st = attrIn(tag, "s");
  if (st !== undefined) out.s = st;
  return out;
}

function attrIn(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  return tag.slice(start, tag.indexOf('"', start));
}

function corrupt(part: string, why: string): WorkbookError {
  return new WorkbookError(
    `Tệp .xlsx bị hỏng: ${part} không đọc được — hãy mở tệp bằng Excel và lưu lại (corrupt ${part}: ${why})`,
    "corrupt",
  );
}

/** How the part's string holds its text: decoded, or one character per byte of UTF-8 (byte-text.ts). */
export type PartEncoding = "text" | "bytes";

/**
 * Reads a worksheet part, handing the wanted cells' values to the visitor. A scanner, not a general
 * XML parser: <sheetData> is the most regular part of the format and the largest (a 100 000-row
 * roster), and scanning it with indexOf is several times faster than a SAX parser.
 */
export function readSheetCells(xml: string, part: string, ctx: CellContext, visitor: CellVisitor, encoding: PartEncoding = "text"): void {
  unescapeXml = encoding === "bytes" ? unescapeBytes : decodeEntities;
  const data = sheetData(xml, part);
  if (!data) return;
  const { p, dataStart } = data;
  const m = cellMarkers(p);
  const cClose = m.cClose;
  let row = 0;
  let col = 0;
  let pos = dataStart;
  const special = specialMarkup(xml);
  const texts: ColumnTexts[] = [];
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) throw corrupt(part, "sheetData is never closed");
    const next = xml.charCodeAt(lt + 1);
    if (next === 99 /* c */ && p === "" && plainCell(xml, lt, ctx, m, visitor, texts)) {
      row = refRow;
      col = refCol;
      pos = PLAIN_CELL.lastIndex;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      pos = readMarkup(xml, lt, part).end; // a comment or instruction says nothing about cells
      continue;
    }
    const gt = scanTag(xml, lt, part);
    const plain = plainTag;
    if (next === 47 /* / */) {
      if (xml.startsWith(`</${p}sheetData`, lt)) return;
      pos = gt + 1;
      continue;
    }
    const nameEnd = tagNameEnd(xml, lt, gt);
    const nameAt = lt + 1 + p.length;
    const isRow = nameEnd - nameAt === 3 && xml.startsWith("row", nameAt);
    if (isRow) {
      row = rowNumber(xml, lt, gt, plain, row);
      col = 0;
      if (visitor.lastRow !== undefined && row > visitor.lastRow) return;
      pos = gt + 1;
      continue;
    }
    if (nameEnd - nameAt !== 1 || xml.charCodeAt(nameAt) !== 99 /* c */) {
      pos = gt + 1;
      continue;
    }
    readCellTag(xml, lt, gt, plain, row, col);
    row = refRow;
    col = refCol;
    const { type, style, refText } = cellTag;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    let close = selfClosing ? gt + 1 : valueOnlyEnd(xml, gt, m);
    const valueOnly = !selfClosing && close >= 0;
    if (close < 0) {
      close = xml.indexOf(cClose, gt);
      if (close < 0) throw corrupt(part, `unclosed cell ${(plain ? valueAt(xml, rAt) : refText) ?? ""}`);
      if (special.within(gt, close)) close = closeOf(xml, gt + 1, `${p}c`, part);
    }
    pos = selfClosing ? close : close + cClose.length;
    if (!visitor.wants(row, col)) continue;
    if (selfClosing) {
      visitor.visit(row, col, decode(type, undefined, undefined, style, ctx, false));
      continue;
    }
    visitor.visit(row, col, cellContent(xml, gt, close, m, type, style, ctx, valueOnly, (texts[col] ??= newColumnTexts())));
  }
}

/** What a cell's start tag says besides its place (refRow, refCol): one object for every cell, not one per cell. */
const cellTag: { type: string; style: number; refText: string | undefined } = { type: "n", style: 0, refText: undefined };

/** Reads the start tag lt…gt of the cell after (row, col): its place into refRow and refCol, the rest into cellTag. */
function readCellTag(xml: string, lt: number, gt: number, plain: boolean, row: number, col: number): void {
  if (plain) {
    if (!(rAt >= 0 && readRefAt(xml, rAt))) {
      refRow = row;
      refCol = col + 1;
    }
    cellTag.type = tAt < 0 ? "n" : typeAt(xml, tAt);
    cellTag.style = plainStyle(xml, sAt);
    cellTag.refText = undefined;
    return;
  }
  const a = cellAttrs(xml.slice(lt, gt + 1), false);
  const ref = a.r ? splitCellRef(a.r) : undefined;
  refCol = ref ? ref.col : col + 1;
  refRow = ref ? ref.row : row;
  cellTag.refText = a.r;
  cellTag.type = a.t ?? "n";
  cellTag.style = Number(a.s ?? "0");
}

/**
 * Reads the cell at `lt` if PLAIN_CELL recognises it, with the readers the scanner uses (its place then
 * in refRow and refCol); false for the scanner to read it.
 */
function plainCell(xml: string, lt: number, ctx: CellContext, m: CellMarkers, visitor: CellVisitor, texts: ColumnTexts[]): boolean {
  if (!isPlainCellAt(xml, lt)) return false;
  const end = PLAIN_CELL.lastIndex;
  readRefAt(xml, lt + 6); // after `<c r="`: letters and digits, as recognised
  let k = xml.indexOf('"', lt + 6) + 1;
  let style = 0;
  let type = "n";
  if (xml.charCodeAt(k) === 32 && xml.charCodeAt(k + 1) === 115 /* s */) {
    style = plainStyle(xml, k + 4);
    k = xml.indexOf('"', k + 4) + 1;
  }
  if (xml.charCodeAt(k) === 32) {
    type = typeAt(xml, k + 4);
    k = xml.indexOf('"', k + 4) + 1;
  }
  if (!visitor.wants(refRow, refCol)) return true;
  // `>` then `<v>…</v></c>`, or `></c>` or `/>`: an empty cell.
  const empty = xml.charCodeAt(k) === 47 || end - k === 5;
  visitor.visit(
    refRow,
    refCol,
    empty
      ? decode(type, undefined, undefined, style, ctx, false)
      : cellContent(xml, k, end - 4, m, type, style, ctx, true, (texts[refCol] ??= newColumnTexts())),
  );
  return true;
}

/** The namespace prefix of the part and where <sheetData>'s content begins; undefined for an empty <sheetData/>. */
function sheetData(xml: string, part: string): { p: string; dataStart: number } | undefined {
  const root = firstElement(xml, part);
  const p = root ? prefixOf(root) : "";
  const dataAt = findTag(xml, `${p}sheetData`, 0, part);
  if (dataAt < 0) throw corrupt(part, "no sheetData");
  const dataStart = tagEnd(xml, dataAt, part);
  return xml.charCodeAt(dataStart - 2) === 47 ? undefined : { p, dataStart };
}

type CellMarkers = { p: string; cClose: string; vOpen: string; vClose: string; fOpen: string };

/** The markup of a cell under the namespace prefix p, built once per part rather than per cell. */
function cellMarkers(p: string): CellMarkers {
  return { p, cClose: `</${p}c>`, vOpen: `<${p}v>`, vClose: `</${p}v>`, fOpen: `<${p}f` };
}

/**
 * The "</c>" of a cell that holds only <v>…</v> with no markup in the value, as nearly every cell does;
 * -1 for any other. Such a cell has no comment or instruction inside, so the search for one (a scan
 * of the rest of the part, the first time) is left to the other cells.
 */
function valueOnlyEnd(xml: string, gt: number, m: CellMarkers): number {
  if (!xml.startsWith(m.vOpen, gt + 1)) return -1;
  const vEnd = xml.indexOf("<", gt + 1 + m.vOpen.length);
  if (vEnd < 0 || !xml.startsWith(m.vClose, vEnd)) return -1;
  const close = vEnd + m.vClose.length;
  return xml.startsWith(m.cClose, close) ? close : -1;
}

/** The end of the name of the start tag lt…gt, compared in place: slicing each tag and its name was a string per tag of a million. */
function tagNameEnd(xml: string, lt: number, gt: number): number {
  let nameEnd = lt + 1;
  for (
    let c = xml.charCodeAt(nameEnd);
    nameEnd < gt && c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 47;
    c = xml.charCodeAt(++nameEnd)
  );
  return nameEnd;
}

/** The number of the row whose start tag is lt…gt: its r attribute, else the one after `previous`. */
function rowNumber(xml: string, lt: number, gt: number, plain: boolean, previous: number): number {
  if (plain && rAt >= 0) {
    // Plain digits read in place, as plainStyle does: a string per row of a 100 000-row roster otherwise.
    const end = xml.indexOf('"', rAt);
    const n = digitsAt(xml, rAt, end);
    if (n >= 0) return n;
  }
  const r = plain ? valueAt(xml, rAt) : cellAttrs(xml.slice(lt, gt + 1), false).r;
  return r ? Number(r) : previous + 1;
}

/** The value of a cell whose start tag ends at gt and whose text ends at close. */
function cellContent(
  xml: string,
  gt: number,
  close: number,
  m: CellMarkers,
  type: string,
  style: number,
  ctx: CellContext,
  valueOnly: boolean,
  texts: ColumnTexts,
) {
  // The usual cell holds just <v>…</v> (valueOnlyEnd found its end): read in place. Anything else is
  // searched on a slice of the cell's own text (an unbounded indexOf for a missing <f> would run to
  // the end of the part).
  const vEnd = valueOnly ? close - m.vClose.length : xml.startsWith(m.vOpen, gt + 1) ? xml.indexOf(m.vClose, gt + 1) : -1;
  let v: string | undefined;
  let hasFormula = false;
  if (vEnd >= 0 && vEnd + m.vClose.length === close) {
    const from = gt + 1 + m.vOpen.length;
    // A shared string's index read in place: most of a roster's cells, and no string sliced for each.
    // Anything but plain digits, or an index the table lacks, takes the general path and its message.
    if (type === "s" && ctx.sharedStrings !== undefined) {
      const s = ctx.sharedStrings[digitsAt(xml, from, vEnd)];
      if (s !== undefined) return s;
    } else if (type === "str" && texts.look) {
      const seen = seenText(xml, from, vEnd, texts);
      if (seen !== undefined) return seen;
      const read = decode(type, unescapeXml(xml.slice(from, vEnd)), undefined, style, ctx, false);
      noteText(texts, xml.slice(from, vEnd), read);
      return read;
    } else if (type === "n") {
      // A whole number (a day count under a date style, a row number) read in place likewise.
      const n = digitsAt(xml, from, vEnd);
      if (n >= 0) return ctx.dateStyles[style] ? dateStyledValue(n, ctx.date1904) : n;
    }
    v = unescapeXml(xml.slice(from, vEnd));
  } else {
    const inner = xml.slice(gt + 1, close);
    const vAt = inner.indexOf(m.vOpen);
    v = vAt < 0 ? undefined : unescapeXml(inner.slice(vAt + m.vOpen.length, inner.indexOf(m.vClose, vAt)));
    hasFormula = inner.includes(m.fOpen);
  }
  const inline = type === "inlineStr" ? inlineText(xml.slice(gt + 1, close), m.p, unescapeXml) : undefined;
  return decode(type, v, inline, style, ctx, hasFormula);
}

/** The number written from..to in plain digits (at most 9, as Number() reads them), or -1 for anything else. */
function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The value of a plain tag's attribute that begins at `start` (scanTag's rAt, tAt, sAt), or undefined for -1. */
function valueAt(xml: string, start: number): string | undefined {
  return start < 0 ? undefined : xml.slice(start, xml.indexOf('"', start));
}

/** The cell types, so the usual ones are told from the text in place rather than sliced out of every cell. */
const TYPES = ["s", "str", "n", "b", "e", "d", "inlineStr"];

/** The t attribute whose value begins at `start`: one of TYPES without a new string, anything else sliced. */
function typeAt(xml: string, start: number): string {
  // t="s", the shared strings of nearly every text cell, told by two characters; t="str", a formula's
  // text or a text written without the table (ours, some producers'), by four.
  if (xml.charCodeAt(start) === 115 /* s */) {
    const next = xml.charCodeAt(start + 1);
    if (next === 34) return "s";
    if (next === 116 /* t */ && xml.charCodeAt(start + 2) === 114 /* r */ && xml.charCodeAt(start + 3) === 34) return "str";
  }
  const end = xml.indexOf('"', start);
  // Indexed: for…of made an iterator result per cell.
  for (let i = 0; i < TYPES.length; i++) if (end - start === TYPES[i]!.length && xml.startsWith(TYPES[i]!, start)) return TYPES[i]!;
  return xml.slice(start, end);
}

/** The s attribute of a plain cell tag, whose value begins at `start`, as a number (0 when absent), read without a string. */
function plainStyle(xml: string, start: number): number {
  if (start < 0) return 0;
  let n = 0;
  let k = start;
  for (let c = xml.charCodeAt(k); c !== 34; c = xml.charCodeAt(++k)) {
    if (c < 48 || c > 57 || k - start > 9) return Number(xml.slice(start, xml.indexOf('"', start)));
    n = n * 10 + (c - 48);
  }
  return k === start ? 0 : n;
}

/** The cell reference read by readRefAt (module variables, not an object per cell: a roster has a million). */
let refCol = 0;
let refRow = 0;

/** Reads "AB12" up to the closing quote at `start`, as splitCellRef does; false for anything else. */
function readRefAt(xml: string, start: number): boolean {
  let k = start;
  let col = 0;
  for (let c = xml.charCodeAt(k); c >= 65 && c <= 90; c = xml.charCodeAt(++k)) col = col * 26 + (c - 64);
  if (k === start) return false;
  const digits = k;
  let row = 0;
  for (let c = xml.charCodeAt(k); c !== 34; c = xml.charCodeAt(++k)) {
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (k === digits) return false;
  refCol = col;
  refRow = k - digits > 15 ? Number(xml.slice(digits, k)) : row;
  return true;
}

/** The root element's start tag, skipping the declaration, comments and instructions before it. */
function firstElement(xml: string, part: string): Tag | undefined {
  for (const m of markups(xml, part)) if (m.kind === "open" || m.kind === "empty") return m;
  return undefined;
}

/** The "<" of the first start tag named `name` from `from`, or -1; markup inside comments does not count. */
function findTag(xml: string, name: string, from: number, part: string): number {
  for (const m of markups(xml, part, from)) if ((m.kind === "open" || m.kind === "empty") && m.name === name) return m.start;
  return -1;
}

/** The "<" of the end tag closing the element whose content starts at `from`. */
function closeOf(xml: string, from: number, name: string, part: string): number {
  let depth = 0;
  for (const m of markups(xml, part, from)) {
    if (m.kind === "open") depth++;
    else if (m.kind === "close") {
      if (depth === 0 && m.name === name) return m.start;
      depth--;
    }
  }
  throw corrupt(part, `unclosed <${name}>`);
}

/** "AB12" → column 28, row 12; undefined for anything else. */
function splitCellRef(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === ref.length) return undefined;
  const digits = ref.slice(i);
  for (let k = 0; k < digits.length; k++) if (digits.charCodeAt(k) < 48 || digits.charCodeAt(k) > 57) return undefined;
  return { col: columnIndex(ref.slice(0, i)), row: Number(digits) };
}
