import type { CellSpec, SheetLayout, StyleName } from "../../core/layout/sheet";
import { cellRef, columnName } from "../../core/ref/a1";
import { encodeCellText } from "./cell-text";
import { escapeXml } from "./xml";
import { fitRowTexts } from "../../core/layout/cell-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A number as OOXML writes it: shortest round-trip decimal, never NaN or Infinity. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`không ghi được số ${n}`);
  return String(n);
}

/**
 * Functions newer than Excel 2007 are stored in the file with the _xlfn. prefix (the formula bar and
 * Office.js show them without it); a file that omits it reads as #NAME? in Excel and LibreOffice.
 */
const FUTURE_FUNCTIONS = /\b(UNICHAR|UNICODE)\(/g;

export function fileFormula(formula: string): string {
  return formula.replace(FUTURE_FUNCTIONS, "_xlfn.$1(");
}

function cellXml(ref: string, cell: CellSpec, xf: Record<StyleName, number>): string {
  const s = cell.style ? ` s="${xf[cell.style]}"` : "";
  const f = cell.formula !== undefined ? `<f>${escapeXml(fileFormula(cell.formula))}</f>` : "";
  const v = cell.value;
  if (v === null) return f ? `<c r="${ref}"${s}>${f}</c>` : `<c r="${ref}"${s}/>`;
  if (typeof v === "number") return `<c r="${ref}"${s}>${f}<v>${numberText(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "object") return `<c r="${ref}"${s} t="e">${f}<v>${escapeXml(v.error)}</v></c>`;
  // A formula's text result is t="str"; any other text is an inline string, so "=SUM(…)" typed in a
  // name stays text and is never evaluated.
  if (f) return `<c r="${ref}"${s} t="str">${f}<v>${encodeCellText(v)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${encodeCellText(v)}</t></is></c>`;
}

/** The worksheet part as text (tests read it). */
export function sheetXml(layout: SheetLayout, xf: Record<StyleName, number>, dxf?: Partial<Record<StyleName, number>>): string {
  const parts: string[] = [];
  writeSheet(layout, xf, dxf, (s) => parts.push(s));
  return parts.join("");
}

/**
 * The worksheet part as UTF-8 bytes, encoded a megabyte at a time: a 60 000-row list never exists as
 * one string, an array of row strings and its bytes all at once (that is what set the peak memory).
 */
export function sheetBytes(layout: SheetLayout, xf: Record<StyleName, number>, dxf?: Partial<Record<StyleName, number>>): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    chunks.push(encoder.encode(pending.join("")));
    pending = [];
    pendingLength = 0;
  };
  writeSheet(layout, xf, dxf, (s) => {
    pending.push(s);
    pendingLength += s.length;
    if (pendingLength > 1 << 20) flush();
  });
  flush();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The worksheet part for one of our layouts, elements in the order the schema requires, to a sink. */
function writeSheet(
  layout: SheetLayout,
  xf: Record<StyleName, number>,
  dxf: Partial<Record<StyleName, number>> | undefined,
  emit: (s: string) => void,
): void {
  const rows = layout.rows;
  const width = Math.max(1, layout.columns.length, ...rows.map((r) => fitRowTexts(r).length));
  const height = Math.max(1, rows.length);
  const out = { push: emit };
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.push(`<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  if (layout.print?.fitToWidth) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${columnName(width)}${height}"/>`);
  const freeze = layout.freezeRows ?? 0;
  out.push(
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  out.push('<sheetFormatPr defaultRowHeight="15.75"/>');
  if (layout.columns.length > 0) {
    out.push("<cols>");
    const hidden = new Set(layout.hiddenColumns ?? []);
    layout.columns.forEach((w, i) =>
      out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${hidden.has(i + 1) ? ' hidden="1"' : ""}/>`),
    );
    out.push("</cols>");
  }
  out.push("<sheetData>");
  rows.forEach((row, ri) => {
    const cells = fitRowTexts(row).flatMap((cell, ci) => (cell ? [cellXml(cellRef(ri + 1, ci + 1), cell, xf)] : []));
    const ht = layout.rowHeights?.[ri];
    const height = ht === undefined ? "" : ` ht="${ht}" customHeight="1"`;
    if (cells.length > 0 || height) out.push(`<row r="${ri + 1}"${height}>${cells.join("")}</row>`);
  });
  out.push("</sheetData>");
  if (layout.merges.length > 0) {
    out.push(`<mergeCells count="${layout.merges.length}">`);
    for (const m of layout.merges) out.push(`<mergeCell ref="${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}"/>`);
    out.push("</mergeCells>");
  }
  if (layout.conditionalFormats && layout.conditionalFormats.length > 0 && dxf) {
    layout.conditionalFormats.forEach((c, i) => {
      if (dxf[c.style] === undefined) return;
      const ref = `${cellRef(c.top, c.left)}:${cellRef(c.bottom, c.right)}`;
      out.push(
        `<conditionalFormatting sqref="${ref}"><cfRule type="cellIs" dxfId="${dxf[c.style]}" priority="${i + 1}" operator="equal"><formula>${escapeXml(`"${c.equals.replace(/"/g, '""')}"`)}</formula></cfRule></conditionalFormatting>`,
      );
    });
  }
  out.push('<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  if (layout.print) {
    // paperSize 9 is A4; fitToHeight 0 lets rows flow onto as many pages as they need.
    const fit = layout.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
    out.push(`<pageSetup paperSize="9" orientation="${layout.print.orientation}"${fit}/>`);
    out.push("<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>");
  }
  out.push("</worksheet>");
}
