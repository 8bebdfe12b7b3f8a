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
