/*
 * A workbook-scoped defined name added to xl/workbook.xml (<definedNames><definedName>), as Excel
 * writes one: the clerk's other names and every other part are left exactly as they were.
 */
import { newNameFormula } from "../common/new-name";
import { WorkbookError } from "../port";
import { readText, type XlsxPackage } from "./package";
import { parseWorkbookXml } from "./workbook-xml";
import { escapeXml } from "./xml";
import { appendToElementEdit, applyEdits, elements, prefixOf } from "./xml-tokens";

export async function addNameToPackage(pkg: XlsxPackage, name: string, ref: string): Promise<void> {
  const path = pkg.workbookPath;
  const xml = await readText(pkg.zip, path);
  if (xml === undefined) throw new WorkbookError(`Tệp .xlsx bị hỏng: thiếu ${path} — hãy mở tệp bằng Excel và lưu lại`, "corrupt");
  const parsed = parseWorkbookXml(xml, path);
  const formula = newNameFormula(
    name,
    ref,
    parsed.sheets.map((s) => s.name),
    parsed.names,
  );
  const els = elements(xml, path);
  const root = els[0];
  if (!root) throw new WorkbookError(`Tệp .xlsx bị hỏng: ${path} trống — hãy mở tệp bằng Excel và lưu lại`, "corrupt");
  const p = prefixOf(root.tag);
  const element = `<${p}definedName name="${escapeXml(name)}">${escapeXml(formula)}</${p}definedName>`;
  const at = (child: string) => els.find((e) => e.path === [root.tag.local, child].join("/"));
  const definedNames = at("definedNames");
  // definedNames follows sheets (and externalReferences, when there are any) in the schema's order.
  const after = at("externalReferences") ?? at("sheets");
  if (!definedNames && !after)
    throw new WorkbookError(`Tệp .xlsx bị hỏng: ${path} thiếu danh sách trang tính — hãy mở tệp bằng Excel và lưu lại`, "corrupt");
  const edit = definedNames
    ? appendToElementEdit(xml, definedNames, element)
    : { start: after!.end, end: after!.end, text: `<${p}definedNames>${element}</${p}definedNames>` };
  pkg.zip.file(path, applyEdits(xml, [edit]));
}
