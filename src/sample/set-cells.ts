/*
 * Edits a few cells of an existing .xlsx in place, at the XML level, the way a clerk's later edit in
 * Excel would leave them (a typed value, no formula): every other part keeps its bytes, our owner
 * names included — which an ExcelJS round trip would drop. For the corpus and the tests only.
 */
import { openPackage, readText } from "../workbook/xlsx/package";
import { parseWorkbookXml } from "../workbook/xlsx/workbook-xml";
import { escapeXml } from "../workbook/xlsx/xml";

export type CellEdit = number | string | null;

function cellXml(ref: string, attrs: string, value: CellEdit): string {
  const style = /\bs="\d+"/.exec(attrs)?.[0];
  const a = `r="${ref}"${style ? ` ${style}` : ""}`;
  if (value === null) return `<c ${a}/>`;
  if (typeof value === "number") return `<c ${a}><v>${value}</v></c>`;
  return `<c ${a} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

export async function setCells(bytes: Uint8Array, sheet: string, edits: Readonly<Record<string, CellEdit>>): Promise<Uint8Array> {
  const pkg = await openPackage(bytes);
  const wb = parseWorkbookXml((await readText(pkg.zip, pkg.workbookPath))!, pkg.workbookPath);
  const s = wb.sheets.find((x) => x.name === sheet);
  const part = s ? pkg.workbookRels.get(s.rId)?.target : undefined;
  if (!part) throw new Error(`no sheet ${sheet}`);
  let xml = (await readText(pkg.zip, part))!;
  for (const [ref, value] of Object.entries(edits)) {
    const re = new RegExp(`<c\\b([^>]*\\br="${ref}"[^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    if (!m) throw new Error(`no cell ${sheet}!${ref} to edit`);
    xml = xml.slice(0, m.index) + cellXml(ref, m[1]!, value) + xml.slice(m.index + m[0].length);
  }
  pkg.zip.file(part, xml);
  return pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}
