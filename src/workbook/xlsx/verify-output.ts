import { OWNER_NAME, WorkbookError } from "../port";
import { openPackage, readText } from "./package";
import { parseWorkbookXml } from "./workbook-xml";
import { parseXml } from "./xml";
import { elements } from "./xml-tokens";

/*
 * A written .xlsx read back before it replaces anything (issue 15, point 3): the parts we edit or
 * write are well-formed, and our sheets stay within what Excel opens without "repairing" the file.
 */

/** Excel's limits (Excel specifications and limits). */
export const EXCEL_LIMITS = { cellText: 32_767, rows: 1_048_576, columns: 16_384, sheetName: 31, formula: 8_192 } as const;

const FORBIDDEN_IN_SHEET_NAME = ["[", "]", ":", "*", "?", "/", "\\"];

const invalid = (what: string): WorkbookError =>
  new WorkbookError(
    `Tệp kết quả không hợp lệ nên chưa ghi: ${what} — tệp cũ vẫn nguyên; hãy gửi tệp và lệnh đã chạy cho người bảo trì`,
    "other",
  );

function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Reads the bytes back as any reader would and throws a clear error at the first problem. */
export async function verifyWrittenXlsx(bytes: Uint8Array): Promise<void> {
  let pkg;
  try {
    pkg = await openPackage(bytes);
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : String(e));
  }
  const read = async (part: string): Promise<string> => {
    const text = await readText(pkg.zip, part);
    if (text === undefined) throw invalid(`thiếu phần ${part}`);
    return text;
  };
  const wellFormed = (text: string, part: string): void => {
    try {
      elements(text, part);
    } catch (e) {
      throw invalid(e instanceof Error ? e.message : String(e));
    }
  };
  const workbookXml = await read(pkg.workbookPath);
  wellFormed(workbookXml, pkg.workbookPath);
  wellFormed(await read("[Content_Types].xml"), "[Content_Types].xml");
  for (const r of pkg.workbookRels.values()) if (r.type.endsWith("/styles")) wellFormed(await read(r.target), r.target);
  const wb = parseWorkbookXml(workbookXml, pkg.workbookPath);
  const ours = new Set(wb.names.filter((n) => n.name === OWNER_NAME && n.scope !== null).map((n) => n.scope!));
  for (const sheet of wb.sheets) {
    if (sheet.name.length > EXCEL_LIMITS.sheetName) throw invalid(`tên trang "${sheet.name}" dài hơn ${EXCEL_LIMITS.sheetName} ký tự`);
    if (FORBIDDEN_IN_SHEET_NAME.some((c) => sheet.name.includes(c)))
      throw invalid(`tên trang "${sheet.name}" có ký tự Excel không cho phép`);
    if (!ours.has(sheet.name)) continue;
    const part = pkg.workbookRels.get(sheet.rId)?.target;
    if (!part) throw invalid(`không tìm thấy phần của trang "${sheet.name}"`);
    verifySheet(await read(part), part, sheet.name);
  }
}

/** One of our sheets: well-formed, every cell inside the grid, texts and formulas within Excel's lengths. */
function verifySheet(xml: string, part: string, sheet: string): void {
  let cell = "";
  let inText: "t" | "v" | "f" | undefined;
  let length = 0;
  let problem: string | undefined;
  try {
    parseXml(xml, part, {
      open: (tag, name) => {
        if (problem !== undefined) return;
        if (name === "c") {
          cell = String(tag.attributes["r"] ?? "");
          let i = 0;
          while (i < cell.length && cell.charCodeAt(i) >= 65 && cell.charCodeAt(i) <= 90) i++;
          const col = columnOf(cell.slice(0, i));
          const row = Number(cell.slice(i));
          if (col > EXCEL_LIMITS.columns || row > EXCEL_LIMITS.rows) problem = `ô ${sheet}!${cell} nằm ngoài trang tính của Excel`;
        } else if (name === "t" || name === "v" || name === "f") {
          inText = name;
          length = 0;
        }
      },
      text: (t) => {
        if (inText) length += t.length;
      },
      close: (_tag, name) => {
        if (name !== inText || problem !== undefined) return;
        if (name === "f" && length > EXCEL_LIMITS.formula)
          problem = `công thức ở ô ${sheet}!${cell} dài ${length} ký tự (Excel cho tối đa ${EXCEL_LIMITS.formula})`;
        if (name !== "f" && length > EXCEL_LIMITS.cellText)
          problem = `ô ${sheet}!${cell} có ${length} ký tự (Excel cho tối đa ${EXCEL_LIMITS.cellText})`;
        inText = undefined;
      },
    });
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : String(e));
  }
  if (problem !== undefined) throw invalid(problem);
}
