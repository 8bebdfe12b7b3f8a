import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "./adapter";

/**
 * A workbook with no sheet at all, for files made wholly of our sheets (the roll-up): ExcelJS writes
 * one without a <sheets> element, which our writer needs to add sheets to.
 */
export async function blankWorkbook(): Promise<XlsxWorkbook> {
  const zip = await JSZip.loadAsync(await new ExcelJS.Workbook().xlsx.writeBuffer());
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", xml.replace("<calcPr", "<bookViews><workbookView/></bookViews><sheets></sheets><calcPr"));
  return XlsxWorkbook.open(await zip.generateAsync({ type: "uint8array" }));
}
