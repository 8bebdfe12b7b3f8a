import { escapeXml } from "./xml";

/*
 * OOXML stores a character XML cannot hold as `_xHHHH_` (ECMA-376 §22.9.2.19, ST_Xstring), so a
 * literal "_x" that looks like such an escape must itself be escaped: "_x005F_" is "_". Excel decodes
 * exactly four hex digits; LibreOffice also decodes fewer ("can_bo_xa_thon" → "can_bo" + LF + "thon"),
 * so we escape any "_x" followed by hex digits and "_", which both then read back as written.
 */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold, and CR (XML turns it into LF)
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g;
const LOOKS_ESCAPED = /_x(?=[0-9A-Fa-f]+_)/g;
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** A cell's text as the content of <t> or <v>: "_x" escaped, control characters as _xHHHH_, XML-escaped. */
export function encodeCellText(s: string): string {
  return escapeXml(s.replace(LOOKS_ESCAPED, "_x005F_x").replace(CONTROL, hex4));
}

/** The text of <t> or <v> (XML entities already resolved) with the _xHHHH_ escapes decoded, as Excel reads them. */
export function decodeCellText(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of every <t> of an inline string, phonetic runs (<rPh>) left out. */
export function inlineText(inner: string, p: string, unescapeXml: (s: string) => string): string {
  const tOpen = `<${p}t`;
  const tClose = `</${p}t>`;
  const phOpen = `<${p}rPh`;
  const phClose = `</${p}rPh>`;
  let out = "";
  let at = 0;
  for (;;) {
    const t = inner.indexOf(tOpen, at);
    if (t < 0) return out;
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
