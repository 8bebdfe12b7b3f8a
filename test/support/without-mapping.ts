import JSZip from "jszip";
import { OWNER_NAME } from "../../src/workbook/port";
import { applyEdits, attribute, elements } from "../../src/workbook/xlsx/xml-tokens";

/** The sample with its stored mapping removed: the mapping sheet and its marker name go. */
export async function withoutMapping(bytes: Uint8Array, alsoNames: boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const path = "xl/workbook.xml";
  const xml = await zip.file(path)!.async("string");
  const sheets = elements(xml, path).filter((e) => e.path === "workbook/sheets/sheet");
  const hidden = sheets.findIndex((e) => attribute(xml, e.tag, "state") === "veryHidden");
  const edits = elements(xml, path)
    .filter((e) => e.path === "workbook/definedNames/definedName")
    .filter((e) => {
      const own = attribute(xml, e.tag, "name") === OWNER_NAME && attribute(xml, e.tag, "localSheetId") === String(hidden);
      return own || (alsoNames && attribute(xml, e.tag, "name") !== OWNER_NAME);
    })
    .map((e) => ({ start: e.tag.start, end: e.end, text: "" }));
  zip.file(path, applyEdits(xml, edits));
  return zip.generateAsync({ type: "uint8array" });
}
