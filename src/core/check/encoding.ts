import { formatInteger } from "../text/format";
import { LEGACY_ENCODING_NAME, type LegacyEncoding } from "../text/legacy";
import { gridRef, type SheetsContext } from "./context";
import { textsOf } from "./text";
import { problem, type CheckProblem } from "./types";

const HOW: Record<LegacyEncoding, string> = {
  tcvn3: "TCVN3 → Unicode",
  vni: "VNI Windows → Unicode",
};

/**
 * Text typed in TCVN3 (.VnTime) or VNI: unreadable where the font is missing (Excel on the web, the
 * province's machines) and unmatched by labels and yes/no words. One problem per sheet and encoding,
 * at its first cell, with that cell's Unicode as the suggestion.
 */
export function checkEncodings(sheets: SheetsContext): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const grid of sheets.sheets) {
    const found = new Map<LegacyEncoding, { count: number; first: { ref: string; text: string; converted: string } }>();
    // Each distinct text was told once with the other sheet checks' texts (textsOf).
    for (const { row, col, text, legacy } of textsOf(grid).legacy) {
      const entry = found.get(legacy.encoding);
      if (entry) entry.count++;
      else found.set(legacy.encoding, { count: 1, first: { ref: gridRef(grid, row + 1, col + 1), text, converted: legacy.converted } });
    }
    for (const [encoding, { count, first }] of found) {
      const many = count > 1 ? `${formatInteger(count)} ô chữ` : "một ô chữ";
      out.push(
        problem(
          "legacy-encoding",
          `Trang "${grid.name}" có ${many} gõ bằng bảng mã ${LEGACY_ENCODING_NAME[encoding]}, ví dụ ô ${first.ref} "${first.text}" nghĩa là "${first.converted}". Máy không có phông này (Excel trên web, máy của cấp trên) sẽ thấy chữ lỗi và phần mềm không so khớp được — hãy chuyển sang Unicode (Unikey › Công cụ chuyển mã: ${HOW[encoding]}) rồi đổi phông sang Times New Roman.`,
          { ref: first.ref, suggestion: first.converted },
        ),
      );
    }
  }
  return out;
}
