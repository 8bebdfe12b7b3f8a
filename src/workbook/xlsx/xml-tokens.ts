import { WorkbookError } from "../port";

/*
 * A small XML tokenizer for the parts we edit by position (workbook.xml, styles.xml, rels,
 * [Content_Types].xml): it knows comments, CDATA, processing instructions, DOCTYPE, quoted
 * attribute values holding ">" or "/>", whitespace before ">" and namespace prefixes. Edits are
 * made by offsets into the clerk's text, so every byte we do not mean to change stays as it was;
 * a parser that re-serialises could not promise that.
 */

export type Tag = {
  kind: "open" | "empty" | "close";
  /** Offset of "<" and just past ">". */
  start: number;
  end: number;
  /** As written, prefix included: "x:sheet". */
  name: string;
  /** Without the prefix: "sheet". */
  local: string;
};

export type Markup = Tag | { kind: "comment" | "cdata" | "pi" | "doctype"; start: number; end: number };

export function xmlCorrupt(part: string, why: string): WorkbookError {
  return new WorkbookError(
    `Tệp .xlsx bị hỏng: ${part} không đọc được — hãy mở tệp bằng Excel và lưu lại (corrupt ${part}: ${why})`,
    "corrupt",
  );
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Just past the ">" closing the tag opened at `lt`; a ">" inside a quoted value does not count. */
export function tagEnd(xml: string, lt: number, part: string): number {
  let i = lt + 1;
  for (;;) {
    const gt = xml.indexOf(">", i);
    if (gt < 0) throw xmlCorrupt(part, `unclosed tag at ${lt}`);
    // Quotes are looked for within the tag only: a search over the rest of a large part per tag
    // would make the scan quadratic.
    let q = -1;
    for (let k = i; k < gt; k++) {
      const c = xml.charCodeAt(k);
      if (c === 34 || c === 39) {
        q = k;
        break;
      }
    }
    if (q < 0) return gt + 1;
    const closing = xml.indexOf(xml[q]!, q + 1);
    if (closing < 0) throw xmlCorrupt(part, `unclosed attribute value at ${q}`);
    i = closing + 1;
  }
}

function until(xml: string, from: number, end: string, part: string, what: string): number {
  const at = xml.indexOf(end, from);
  if (at < 0) throw xmlCorrupt(part, `unclosed ${what} at ${from}`);
  return at + end.length;
}

/** The markup starting at the "<" at `lt`. */
export function readMarkup(xml: string, lt: number, part: string): Markup {
  const c = xml.charCodeAt(lt + 1);
  if (c === 33 /* ! */) {
    if (xml.startsWith("<!--", lt)) return { kind: "comment", start: lt, end: until(xml, lt + 4, "-->", part, "comment") };
    if (xml.startsWith("<![CDATA[", lt)) return { kind: "cdata", start: lt, end: until(xml, lt + 9, "]]>", part, "CDATA") };
    // A DOCTYPE may hold an internal subset in brackets, with ">" of its own.
    const bracket = xml.indexOf("[", lt);
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw xmlCorrupt(part, `unclosed declaration at ${lt}`);
    if (bracket >= 0 && bracket < gt)
      return { kind: "doctype", start: lt, end: until(xml, until(xml, bracket, "]", part, "DOCTYPE"), ">", part, "DOCTYPE") };
    return { kind: "doctype", start: lt, end: gt + 1 };
  }
  if (c === 63 /* ? */) return { kind: "pi", start: lt, end: until(xml, lt + 2, "?>", part, "processing instruction") };
  const closing = c === 47; /* / */
  let nameEnd = lt + (closing ? 2 : 1);
  while (nameEnd < xml.length) {
    const n = xml.charCodeAt(nameEnd);
    if (isSpace(n) || n === 62 /* > */ || n === 47 /* / */) break;
    nameEnd++;
  }
  const name = xml.slice(lt + (closing ? 2 : 1), nameEnd);
  if (name === "") throw xmlCorrupt(part, `tag without a name at ${lt}`);
  const end = closing ? until(xml, nameEnd, ">", part, "end tag") : tagEnd(xml, lt, part);
  const colon = name.indexOf(":");
  const local = colon < 0 ? name : name.slice(colon + 1);
  const kind = closing ? "close" : xml.charCodeAt(end - 2) === 47 ? "empty" : "open";
  return { kind, start: lt, end, name, local };
}

/** Every piece of markup from `from` to `to`, in order; the text between them is not returned. */
export function* markups(xml: string, part: string, from = 0, to = xml.length): Generator<Markup> {
  let pos = from;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= to) return;
    const m = readMarkup(xml, lt, part);
    yield m;
    pos = m.end;
  }
}

export type Attribute = { name: string; local: string; value: string; start: number; end: number };

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Character and the five predefined entity references decoded; anything else left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  let out = "";
  let pos = 0;
  for (;;) {
    const amp = s.indexOf("&", pos);
    const semi = amp < 0 ? -1 : s.indexOf(";", amp);
    if (amp < 0 || semi < 0) return out + s.slice(pos);
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined = NAMED_ENTITIES[ref];
    if (ch === undefined && ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
    }
    out += s.slice(pos, amp) + (ch ?? s.slice(amp, semi + 1));
    pos = semi + 1;
  }
}

/** The attributes of a start tag, values decoded, with the offsets of each `name="value"` in the text. */
export function attributes(xml: string, tag: Tag): Attribute[] {
  const out: Attribute[] = [];
  let i = tag.start + 1 + tag.name.length;
  const stop = tag.end - (tag.kind === "empty" ? 2 : 1);
  for (;;) {
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    if (i >= stop) return out;
    const start = i;
    while (i < stop && !isSpace(xml.charCodeAt(i)) && xml[i] !== "=") i++;
    const name = xml.slice(start, i);
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    if (xml[i] !== "=") return out; // not well-formed; the readers (saxes) say so with the part's name
    i++;
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") return out;
    const close = xml.indexOf(quote, i + 1);
    if (close < 0 || close >= tag.end) return out;
    const colon = name.indexOf(":");
    out.push({
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      value: decodeEntities(xml.slice(i + 1, close)),
      start,
      end: close + 1,
    });
    i = close + 1;
  }
}

/** An attribute's decoded value by its exact name as written ("Id", "r:id", "xmlns:r"). */
export function attribute(xml: string, tag: Tag, name: string): string | undefined {
  return attributes(xml, tag).find((a) => a.name === name)?.value;
}

/** An element with the offsets of its start tag, its content and its end. */
export type Element = {
  tag: Tag;
  /** Local names from the root: "workbook/sheets/sheet". */
  path: string;
  /** Where the content starts and the end tag begins; both tag.end for an empty element. */
  contentStart: number;
  contentEnd: number;
  end: number;
};

/**
 * Every element of a part, in document order (a parent before its children), found by a real
 * reading of the markup: look-alikes inside comments, CDATA or attribute values are not elements.
 */
export function elements(xml: string, part: string): Element[] {
  const out: Element[] = [];
  const stack: Array<{ el: Element; names: string }> = [];
  let root = false;
  for (const m of markups(xml, part)) {
    if (m.kind !== "open" && m.kind !== "empty" && m.kind !== "close") continue;
    if (m.kind === "close") {
      const top = stack.pop();
      if (!top || top.el.tag.name !== m.name) throw xmlCorrupt(part, `unexpected </${m.name}> at ${m.start}`);
      top.el.contentEnd = m.start;
      top.el.end = m.end;
      continue;
    }
    if (stack.length === 0 && root) throw xmlCorrupt(part, `second root element <${m.name}>`);
    root = true;
    const path = stack.length === 0 ? m.local : `${stack[stack.length - 1]!.names}/${m.local}`;
    const el: Element = { tag: m, path, contentStart: m.end, contentEnd: m.end, end: m.end };
    out.push(el);
    if (m.kind === "open") stack.push({ el, names: path });
  }
  if (stack.length > 0) throw xmlCorrupt(part, `<${stack[stack.length - 1]!.el.tag.name}> is never closed`);
  if (!root) throw xmlCorrupt(part, "no root element");
  return out;
}

/** The namespace prefix of an element with its colon ("x:"), or "" when it has none. */
export function prefixOf(tag: Tag): string {
  return tag.name.slice(0, tag.name.length - tag.local.length);
}

/** A change to a part's text: replace [start, end) by `text` (start = end inserts). */
export type Edit = { start: number; end: number; text: string };

/** Applies non-overlapping edits; two insertions at one offset keep the order they were given in. */
export function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    out += xml.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + xml.slice(pos);
}

/**
 * Sets an attribute of a start tag: its value replaced where it is, or the attribute added just
 * before ">" or "/>". Returns the edit, so the rest of the tag keeps its spelling.
 */
export function setAttributeEdit(xml: string, tag: Tag, name: string, escapedValue: string): Edit {
  const existing = attributes(xml, tag).find((a) => a.name === name);
  if (existing) return { start: existing.start, end: existing.end, text: `${name}="${escapedValue}"` };
  let at = tag.end - (tag.kind === "empty" ? 2 : 1);
  while (at > tag.start && isSpace(xml.charCodeAt(at - 1))) at--;
  return { start: at, end: at, text: ` ${name}="${escapedValue}"` };
}

/**
 * Inserts content into an element: before its end tag, or, for an empty element (`<x:sheets/>`),
 * by turning it into a start and end tag.
 */
export function appendToElementEdit(xml: string, el: Element, content: string): Edit {
  if (el.tag.kind === "open") return { start: el.contentEnd, end: el.contentEnd, text: content };
  let at = el.tag.end - 2;
  while (at > el.tag.start && isSpace(xml.charCodeAt(at - 1))) at--;
  return { start: at, end: el.tag.end, text: `${xml.slice(at, el.tag.end - 2)}>${content}</${el.tag.name}>` };
}

/**
 * An element's meaning for comparison: names, attributes sorted and decoded, text; layout
 * whitespace between tags ignored. Two elements that say the same thing compare equal.
 */
export function canonical(xml: string, part: string, start: number, end: number): string {
  let out = "";
  let pos = start;
  for (const m of markups(xml, part, start, end)) {
    const text = xml.slice(pos, m.start).trim();
    if (text !== "") out += `"${decodeEntities(text)}"`;
    pos = m.end;
    if (m.kind === "open" || m.kind === "empty") {
      const attrs = attributes(xml, m)
        .map((a) => `${a.local}=${JSON.stringify(a.value)}`)
        .sort();
      out += `<${m.local} ${attrs.join(" ")}>`;
      if (m.kind === "empty") out += `</${m.local}>`;
    } else if (m.kind === "close") out += `</${m.local}>`;
    else if (m.kind === "cdata") out += JSON.stringify(xml.slice(m.start + 9, m.end - 3));
  }
  return out;
}

/**
 * Whether a stretch holds a comment, CDATA or an instruction (then a cell's end is found by reading
 * the markup). The next occurrence is remembered, so a part without any is searched once, not per cell.
 */
export function specialMarkup(xml: string): { within: (from: number, to: number) => boolean } {
  let bang = -2;
  let q = -2;
  return {
    within(from, to) {
      if (bang !== -1 && bang < from) bang = xml.indexOf("<!", from);
      if (q !== -1 && q < from) q = xml.indexOf("<?", from);
      return (bang >= 0 && bang < to) || (q >= 0 && q < to);
    },
  };
}
