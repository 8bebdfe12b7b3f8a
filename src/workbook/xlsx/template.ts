import ExcelJS from "exceljs";
import { slotsOf } from "../../core/evaluate/slots";
import { mappingToText, type Mapping } from "../../core/mapping/schema";
import { templateName } from "../../core/mapping/propose";
import type { Ruleset } from "../../core/ruleset/schema";
import { indicatorsOf } from "../../core/ruleset/walk";
import { requirementLines } from "../../core/ruleset/requirement-text";
import { XlsxWorkbook } from "./adapter";
import { addVillageSheet } from "./template-villages";
import { documentNumberShown } from "../../core/ruleset/document-number";

export { templateName };

export const TEMPLATE_SHEET = "Số liệu";

/** The template's "Ngày báo cáo" cell. */
export const REPORT_DATE_NAME = "ngay_bao_cao";

/** The template's "Độ tuổi trưởng thành" cell, where the ruleset has that parameter. */
export const ADULT_AGE_NAME = "do_tuoi_truong_thanh";

type TemplateOptions = { commune?: string | undefined; asOf?: string | undefined; villages?: number | readonly string[] | undefined };

/** Rows 1–4: title, commune, the report date and adult age cells (named), the column headers. */
function templateHeader(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, ruleset: Ruleset, opts: TemplateOptions): void {
  ws.getCell("A1").value = `SỐ LIỆU CHỈ TIÊU — ${ruleset.title}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Xã: ${opts.commune ?? "…………"}`;
  // The report date is a cell of its own, read when evaluating (chitieu --as-of still overrides it).
  ws.getCell("C2").value = "Ngày báo cáo (ngày/tháng/năm):";
  ws.getCell("C2").alignment = { horizontal: "right" };
  const date = ws.getCell("D2");
  if (opts.asOf) date.value = new Date(`${opts.asOf}T00:00:00Z`);
  date.numFmt = "dd/mm/yyyy";
  date.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  date.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  wb.definedNames.add(`'${TEMPLATE_SHEET}'!$D$2`, REPORT_DATE_NAME);
  ws.getCell("E2").value = `Căn cứ: ${documentNumberShown(ruleset.document.number)} (${ruleset.document.issuer})`;
  ws.getCell("A3").value =
    'Nhập số liệu vào cột D. Để trống nếu chưa có số liệu (để trống là thiếu số liệu, không phải 0). Chỉ tiêu không áp dụng với xã (văn bản ghi "nếu có"): trả lời câu hỏi của nó, hoặc ghi "Không áp dụng: lý do" vào ô số liệu.';
  ws.getCell("A3").font = { italic: true };
  const adult = ruleset.parameters["adultAge"];
  if (adult) {
    // Where the document leaves the adult age open, the clerk may switch it here; it is read when evaluating.
    ws.mergeCells("A3:B3");
    ws.getCell("A3").alignment = { wrapText: true, vertical: "top" };
    ws.getRow(3).height = 47.25;
    ws.getCell("C3").value = "Độ tuổi trưởng thành (tuổi):";
    ws.getCell("C3").alignment = { horizontal: "right", vertical: "top" };
    const age = ws.getCell("D3");
    age.value = adult.value;
    age.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    age.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    wb.definedNames.add(`'${TEMPLATE_SHEET}'!$D$3`, ADULT_AGE_NAME);
    ws.getCell("E3").value = `Mặc định ${adult.value} tuổi: ${adult.source}`;
    ws.getCell("E3").alignment = { wrapText: true, vertical: "top" };
  }
  const header = ws.getRow(4);
  header.values = ["Mã", "Chỉ tiêu", "Số liệu cần nhập", "Số liệu", "Yêu cầu"];
  header.font = { bold: true };
}

/**
 * A blank input workbook for a ruleset: one labelled, named cell per input, the mapping stored, so a
 * clerk without a workbook can start by typing figures.
 */
export async function makeTemplate(ruleset: Ruleset, opts: TemplateOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: "frozen", ySplit: 4 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 9 }, { width: 60 }, { width: 52 }, { width: 14 }, { width: 44 }];
  templateHeader(wb, ws, ruleset, opts);

  const mapping: Mapping = {
    ruleset: ruleset.id,
    asOfRef: REPORT_DATE_NAME,
    ...(ruleset.parameters["adultAge"] ? { adultAgeRef: ADULT_AGE_NAME } : {}),
    indicators: {},
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.commune ? { commune: opts.commune } : {}),
  };
  let row = 5;
  // One cell per question: either-or cases and conditions sharing a key read the same answer.
  const questionNames = new Map<string, string>();
  for (const { item } of indicatorsOf(ruleset)) {
    const slots = slotsOf(item).filter((s) => !s.alternative);
    const requirement = [...requirementLines(item), ...item.notes.filter((n) => n.startsWith("Chú thích"))].join("\n");
    slots.forEach((s, i) => {
      const shared = s.questionKey !== undefined ? questionNames.get(s.questionKey) : undefined;
      if (shared !== undefined) {
        (mapping.indicators[item.code] ??= {})[s.slot] = shared;
        if (i === 0) {
          const r = ws.getRow(row);
          r.getCell(1).value = item.code;
          r.getCell(2).value = item.name;
          r.getCell(3).value = `${s.label} (trả lời ở ô đã hỏi phía trên)`;
          r.getCell(5).value = requirement;
          r.alignment = { vertical: "top", wrapText: true };
          r.height =
            Math.max(
              1,
              Math.ceil(item.name.length / 58),
              requirement.split("\n").reduce((n, l) => n + Math.ceil((l.length || 1) / 40), 0),
            ) * 15.75;
          row++;
        }
        return;
      }
      const r = ws.getRow(row);
      r.getCell(1).value = i === 0 ? item.code : null;
      r.getCell(2).value = i === 0 ? item.name : null;
      r.getCell(3).value = s.label;
      r.getCell(5).value = i === 0 ? requirement || null : null;
      r.alignment = { vertical: "top", wrapText: true };
      // Readers do not grow rows of a file they open: size each row for its longest wrapped text.
      const reqLines = i === 0 ? requirement.split("\n").reduce((n, l) => n + Math.ceil((l.length || 1) / 40), 0) : 0;
      const lines = Math.max(1, Math.ceil((i === 0 ? item.name.length : 0) / 58), Math.ceil(s.label.length / 50), reqLines);
      if (lines > 1) r.height = lines * 15.75;
      const input = r.getCell(4);
      input.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
      input.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
      if (s.type === "yes-no") input.dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
      if (s.type === "count") input.numFmt = "#,##0";
      if (s.type === "ratio") input.numFmt = "0.0%";
      const name = templateName(item.code, s.slot);
      if (s.questionKey !== undefined) questionNames.set(s.questionKey, name);
      wb.definedNames.add(`'${TEMPLATE_SHEET}'!$D$${row}`, name);
      (mapping.indicators[item.code] ??= {})[s.slot] = name;
      row++;
    });
  }
  addVillageSheet(wb, ruleset, mapping, opts.villages);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const port = await XlsxWorkbook.open(bytes);
  await port.writeSheets([], mappingToText(mapping));
  return port.save();
}
