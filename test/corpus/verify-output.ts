/*
 * What "not corrupt" means for a file we wrote: every zip entry's CRC checks (unzip -t), every XML
 * part is well-formed, every part has a content type, and ExcelJS opens it (Excel's limits on cells
 * are checked where the output is verified before it is renamed into place).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";

/** ExcelJS reads the bytes (it cannot read some valid files, e.g. prefixed namespaces: then it proves nothing). */
export async function exceljsReads(bytes: Uint8Array): Promise<boolean> {
  try {
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    return true;
  } catch {
    return false;
  }
}

export async function outputProblems(bytes: Uint8Array, opts: { exceljs: boolean } = { exceljs: true }): Promise<string[]> {
  const problems: string[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    return [`zip: ${(e as Error).message}`];
  }
  const types = await zip.file("[Content_Types].xml")?.async("string");
  if (types === undefined) problems.push("no [Content_Types].xml");
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const name = file.name;
    if (/\.(xml|rels)$/.test(name)) {
      const xml = await file.async("string");
      const parser = new SaxesParser({ xmlns: true });
      let failure: string | undefined;
      parser.on("error", (e) => {
        failure ??= e.message;
      });
      try {
        parser.write(xml).close();
      } catch (e) {
        failure ??= (e as Error).message;
      }
      if (failure) problems.push(`${name}: ${failure}`);
    }
    if (types !== undefined && name !== "[Content_Types].xml") {
      const ext = name.slice(name.lastIndexOf(".") + 1);
      if (!types.includes(`PartName="/${name}"`) && !new RegExp(`Extension="${ext}"`, "i").test(types))
        problems.push(`${name}: no content type`);
    }
  }
  if (opts.exceljs && !(await exceljsReads(bytes))) problems.push("ExcelJS cannot open it");
  return problems;
}
