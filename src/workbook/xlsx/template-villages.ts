import type ExcelJS from "exceljs";
import { slotsOf } from "../../core/evaluate/slots";
import { communeRuleText } from "../../core/evaluate/units";
import type { Mapping } from "../../core/mapping/schema";
import type { VillageMapping } from "../../core/mapping/villages";
import { columnName, quoteSheet } from "../../core/ref/a1";
import { requirementLines } from "../../core/ruleset/requirement-text";
import type { Ruleset } from "../../core/ruleset/schema";
import { indicatorsOf } from "../../core/ruleset/walk";

/** The template sheet for the groups judged per village: one column per village, named by the clerk in row 3. */
export const VILLAGE_TEMPLATE_SHEET = "Số liệu theo thôn";
/** Village columns a template offers when the clerk does not say how many. */
export const DEFAULT_VILLAGE_COLUMNS = 6;
export const VILLAGE_NAME_ROW = 3;
const FIRST_COL = 5;

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  bottom: { style: "thin" },
  left: { style: "thin" },
  right: { style: "thin" },
};

/**
 * Adds the per-village sheet to a template when the ruleset has groups judged per village, and the
 * villages to its mapping: each column's name cell and input cells. Blank columns are left out when
 * evaluating; once a village is named, those groups are judged village by village.
 *
 * @param villages  how many columns, or the villages' names (typed in row 3 for the clerk).
 */
export function addVillageSheet(
  wb: ExcelJS.Workbook,
  ruleset: Ruleset,
  mapping: Mapping,
  villages: number | readonly string[] = DEFAULT_VILLAGE_COLUMNS,
): void {
  const located = indicatorsOf(ruleset).filter(({ group }) => group.units !== undefined);
  if (located.length === 0) return;
  const names = typeof villages === "number" ? Array<string>(villages).fill("") : [...villages];
  if (names.length === 0) return;
  const ws = wb.addWorksheet(VILLAGE_TEMPLATE_SHEET, {
    views: [{ state: "frozen", ySplit: VILLAGE_NAME_ROW, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 9 }, { width: 50 }, { width: 44 }, { width: 30 }, ...names.map(() => ({ width: 16 }))];
  const groups = [...new Set(located.map((l) => l.group))];
  ws.getCell("A1").value = `SỐ LIỆU THEO THÔN — ${groups.map((g) => `${g.code} ${g.name}`).join("; ")}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  const units = groups[0]!.units!;
  ws.getCell("A2").value =
    `Gõ tên từng thôn vào dòng ${VILLAGE_NAME_ROW} (mỗi thôn một cột, từ cột ${columnName(FIRST_COL)}), rồi nhập số liệu của thôn vào cột đó; cột không có tên và số liệu được bỏ qua. ` +
    `Khi đã có tên thôn, các chỉ tiêu dưới đây được đánh giá theo từng thôn (ô của chúng ở trang Số liệu không dùng nữa); xã đạt khi ${communeRuleText(units.communeRule, units.unitName)} (${units.source}).`;
  ws.mergeCells(2, 1, 2, 4);
  ws.getCell("A2").alignment = { wrapText: true, vertical: "top" };
  ws.getCell("A2").font = { italic: true };
  ws.getRow(2).height = 63;
  const header = ws.getRow(VILLAGE_NAME_ROW);
  header.values = ["Mã", "Chỉ tiêu", "Số liệu cần nhập", "Yêu cầu — tên thôn →"];
  header.font = { bold: true };
  const sheet = quoteSheet(VILLAGE_TEMPLATE_SHEET);
  const cols = names.map((_, i) => FIRST_COL + i);
  const stored: VillageMapping[] = names.map((_, i) => ({
    nameRef: `${sheet}!$${columnName(cols[i]!)}$${VILLAGE_NAME_ROW}`,
    indicators: {},
  }));
  cols.forEach((c, i) => {
    const cell = header.getCell(c);
    cell.value = names[i] || null;
    cell.fill = INPUT_FILL;
    cell.border = THIN;
  });

  let row = VILLAGE_NAME_ROW + 1;
  // One row per question within the sheet: either-or cases sharing a key read one answer per village.
  const questionRows = new Map<string, number>();
  for (const { item } of located) {
    const requirement = requirementLines(item).join("\n");
    slotsOf(item)
      .filter((s) => !s.alternative)
      .forEach((s, i) => {
        const shared = s.questionKey !== undefined ? questionRows.get(s.questionKey) : undefined;
        const at = shared ?? row;
        if (shared === undefined) {
          const r = ws.getRow(row);
          r.getCell(1).value = i === 0 ? item.code : null;
          r.getCell(2).value = i === 0 ? item.name : null;
          r.getCell(3).value = s.label;
          r.getCell(4).value = i === 0 ? requirement || null : null;
          r.alignment = { vertical: "top", wrapText: true };
          const lines = Math.max(
            1,
            Math.ceil((i === 0 ? item.name.length : 0) / 48),
            Math.ceil(s.label.length / 42),
            i === 0 ? requirement.split("\n").reduce((n, l) => n + Math.ceil((l.length || 1) / 28), 0) : 0,
          );
          if (lines > 1) r.height = lines * 15.75;
          for (const c of cols) {
            const input = r.getCell(c);
            input.fill = INPUT_FILL;
            input.border = THIN;
            if (s.type === "yes-no") input.dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
            if (s.type === "count") input.numFmt = "#,##0";
            if (s.type === "ratio") input.numFmt = "0.0%";
          }
          if (s.questionKey !== undefined) questionRows.set(s.questionKey, row);
          row++;
        }
        cols.forEach((c, v) => ((stored[v]!.indicators[item.code] ??= {})[s.slot] = `${sheet}!$${columnName(c)}$${at}`));
      });
  }
  mapping.villages = stored;
}
