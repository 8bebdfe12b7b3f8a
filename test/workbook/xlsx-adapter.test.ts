import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { definedNamesXml, withDefinedNames } from "./names-fixtures";
import { setCells } from "../../src/sample/set-cells";
import { SUITE_FIXTURE, testWorkbookPort } from "./port-suite";
import { renderXlsx } from "./rendering";

/** The suite fixture as a real .xlsx: ExcelJS builds the cells, the names are written into workbook.xml by hand. */
async function fixtureBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of SUITE_FIXTURE.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [ref, value] of Object.entries(s.cells)) {
      const cell = ws.getCell(ref);
      cell.value = value as ExcelJS.CellValue;
      if (value instanceof Date) cell.numFmt = "dd/mm/yyyy";
    }
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", withDefinedNames(xml, definedNamesXml(SUITE_FIXTURE.names)));
  return zip.generateAsync({ type: "uint8array" });
}

testWorkbookPort(".xlsx adapter", async () => {
  const port = await XlsxWorkbook.open(await fixtureBytes());
  return {
    port,
    reopen: async () => XlsxWorkbook.open(await port.save()),
    render: async (sheet, layout) => renderXlsx(await port.save(), sheet, layout),
    typeInto: async (sheet, a1, value) => XlsxWorkbook.open(await setCells(await port.save(), sheet, { [a1]: value })),
  };
});
