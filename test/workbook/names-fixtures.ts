/*
 * Generates the defined-names fixture workbook: ExcelJS builds the sheets, then we rewrite
 * <definedNames> in xl/workbook.xml by hand, because ExcelJS cannot write sheet-scoped, #REF!,
 * constant or formula names — the very ones the reader must handle.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { OWNER_NAME, type DefinedName } from "../../src/workbook/port";

export const FIXTURE_SHEETS = ["Số liệu", "Thôn A", "Data"] as const;

/** The figures in 'Số liệu'!B3:B10, top to bottom. */
export const FIXTURE_FIGURES = [3986, 2336, 1200, 854, 45, 0, 17, 100] as const;

/** One <definedName> as written into workbook.xml: the formula text is stored without "=". */
export type NameSpec = { name: string; scope?: (typeof FIXTURE_SHEETS)[number]; formula: string; hidden?: boolean };

export const FIXTURE_NAME_SPECS: readonly NameSpec[] = [
  { name: "dan_so", formula: "'Số liệu'!$B$3" },
  // Same spelling as the workbook name above, scoped to Thôn A: shadows it there only.
  { name: "dan_so", scope: "Thôn A", formula: "'Số liệu'!$B$4" },
  { name: "ho_gd", scope: "Data", formula: "'Số liệu'!$B$5:$B$10" },
  { name: "ten_loi", formula: "#REF!" },
  { name: "ten_loi_trang", formula: "'Số liệu'!#REF!" },
  { name: "nam_bao_cao", formula: "2024" },
  { name: "he_so", formula: "-0.5" },
  { name: "ten_xa", formula: '"Xã ""Hà Tân"" & thôn"' },
  { name: "co_mot_cua", formula: "TRUE" },
  { name: "dong_dong", formula: "OFFSET('Số liệu'!$B$3,0,0,COUNTA('Số liệu'!$B:$B),1)" },
  { name: "hai_vung", formula: "'Số liệu'!$B$3,'Số liệu'!$B$5" },
  { name: "cot_a", formula: "Data!$A:$A" },
  { name: "an_danh", formula: "'Số liệu'!$B$10", hidden: true },
  { name: "_xlnm.Print_Area", scope: "Số liệu", formula: "'Số liệu'!$A$1:$C$10" },
  { name: OWNER_NAME, scope: "Data", formula: '"status"', hidden: true },
];

const range = (top: number, bottom = top): DefinedName["target"] => ({
  kind: "range",
  range: { sheet: "Số liệu", top, left: 2, bottom, right: 2 },
});

/** What a correct reader returns for the fixture, in document order; the built-in _xlnm name is left out. */
export const FIXTURE_EXPECTED_NAMES: readonly DefinedName[] = [
  { name: "dan_so", scope: null, formula: "'Số liệu'!$B$3", target: range(3), hidden: false },
  { name: "dan_so", scope: "Thôn A", formula: "'Số liệu'!$B$4", target: range(4), hidden: false },
  { name: "ho_gd", scope: "Data", formula: "'Số liệu'!$B$5:$B$10", target: range(5, 10), hidden: false },
  { name: "ten_loi", scope: null, formula: "#REF!", target: { kind: "ref-error" }, hidden: false },
  { name: "ten_loi_trang", scope: null, formula: "'Số liệu'!#REF!", target: { kind: "ref-error" }, hidden: false },
  { name: "nam_bao_cao", scope: null, formula: "2024", target: { kind: "constant", value: 2024 }, hidden: false },
  { name: "he_so", scope: null, formula: "-0.5", target: { kind: "constant", value: -0.5 }, hidden: false },
  {
    name: "ten_xa",
    scope: null,
    formula: '"Xã ""Hà Tân"" & thôn"',
    target: { kind: "constant", value: 'Xã "Hà Tân" & thôn' },
    hidden: false,
  },
  { name: "co_mot_cua", scope: null, formula: "TRUE", target: { kind: "constant", value: true }, hidden: false },
  {
    name: "dong_dong",
    scope: null,
    formula: "OFFSET('Số liệu'!$B$3,0,0,COUNTA('Số liệu'!$B:$B),1)",
    target: { kind: "formula" },
    hidden: false,
  },
  { name: "hai_vung", scope: null, formula: "'Số liệu'!$B$3,'Số liệu'!$B$5", target: { kind: "formula" }, hidden: false },
  { name: "cot_a", scope: null, formula: "Data!$A:$A", target: { kind: "formula" }, hidden: false },
  { name: "an_danh", scope: null, formula: "'Số liệu'!$B$10", target: range(10), hidden: true },
  { name: OWNER_NAME, scope: "Data", formula: '"status"', target: { kind: "constant", value: "status" }, hidden: true },
];

function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The <definedNames> element for the specs, with localSheetId as the sheet's 0-based tab position. */
export function definedNamesXml(specs: readonly NameSpec[], sheets: readonly string[] = FIXTURE_SHEETS): string {
  const items = specs.map((s) => {
    const local = s.scope === undefined ? "" : ` localSheetId="${sheets.indexOf(s.scope)}"`;
    const hidden = s.hidden ? ' hidden="1"' : "";
    return `<definedName name="${escapeXmlText(s.name)}"${local}${hidden}>${escapeXmlText(s.formula)}</definedName>`;
  });
  return `<definedNames>${items.join("")}</definedNames>`;
}

async function baseWorkbook(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const figures = wb.addWorksheet(FIXTURE_SHEETS[0]);
  figures.getCell("A2").value = "Chỉ tiêu";
  figures.getCell("B2").value = "Số liệu";
  FIXTURE_FIGURES.forEach((v, i) => {
    figures.getCell(3 + i, 1).value = `Dòng ${i + 1}`;
    figures.getCell(3 + i, 2).value = v;
  });
  wb.addWorksheet(FIXTURE_SHEETS[1]).getCell("A1").value = "Thôn A";
  wb.addWorksheet(FIXTURE_SHEETS[2]).getCell("A1").value = "Họ và tên";
  return wb.xlsx.writeBuffer();
}

/** Replaces (or adds, right after </sheets> as the schema orders it) the workbook's <definedNames>. */
export function withDefinedNames(workbookXml: string, definedNames: string): string {
  const cleared = workbookXml.replace(/<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/, "");
  const at = cleared.indexOf("</sheets>");
  if (at < 0) throw new Error("fixture: workbook.xml has no </sheets>");
  const end = at + "</sheets>".length;
  return `${cleared.slice(0, end)}${definedNames}${cleared.slice(end)}`;
}

/** Writes the fixture into `dir` and returns its path. */
export async function makeNamesFixture(dir: string, specs: readonly NameSpec[] = FIXTURE_NAME_SPECS): Promise<string> {
  const zip = await JSZip.loadAsync(await baseWorkbook());
  const part = "xl/workbook.xml";
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`fixture: ExcelJS wrote no ${part}`);
  zip.file(part, withDefinedNames(xml, definedNamesXml(specs)));
  const file = path.join(dir, "ten-da-dat.xlsx");
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}
