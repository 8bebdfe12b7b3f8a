import type { RawCell } from "../../core/text/cell";
import { columnIndex } from "../../core/ref/a1";
import { excelSerialToDate } from "./date-styles";
import { attr, parseXml, StopParsing } from "./xml";

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
      return (v ?? "").normalize("NFC");
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

/** Reads a worksheet part, handing the wanted cells' values to the visitor. */
export function readSheetCells(xml: string, part: string, ctx: CellContext, visitor: CellVisitor): void {
  let row = 0;
  let col = 0;
  let type = "n";
  let style = 0;
  let v: string | undefined;
  let inline: string[] | undefined;
  let hasFormula = false;
  let collecting: "v" | "t" | undefined;
  let phonetic = 0;
  let wanted = false;
  parseXml(xml, part, {
    open: (tag, name) => {
      switch (name) {
        case "row": {
          const r = attr(tag, "r");
          row = r ? Number(r) : row + 1;
          col = 0;
          if (visitor.lastRow !== undefined && row > visitor.lastRow) throw new StopParsing();
          break;
        }
        case "c": {
          const r = attr(tag, "r");
          const m = r ? /^([A-Z]+)(\d+)$/.exec(r) : null;
          col = m ? columnIndex(m[1]!) : col + 1;
          if (m) row = Number(m[2]);
          type = attr(tag, "t") ?? "n";
          style = Number(attr(tag, "s") ?? "0");
          v = undefined;
          inline = undefined;
          hasFormula = false;
          wanted = visitor.wants(row, col);
          break;
        }
        case "v":
          if (wanted) {
            collecting = "v";
            v = "";
          }
          break;
        case "f":
          hasFormula = true;
          break;
        case "is":
          if (wanted) inline = [];
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (wanted && inline && phonetic === 0) collecting = "t";
          break;
      }
    },
    close: (_tag, name) => {
      if (name === "v" || name === "t") collecting = undefined;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && wanted) visitor.visit(row, col, decode(type, v, inline?.join(""), style, ctx, hasFormula));
    },
    text: (t) => {
      if (collecting === "v") v += t;
      else if (collecting === "t") inline?.push(t);
    },
  });
}
