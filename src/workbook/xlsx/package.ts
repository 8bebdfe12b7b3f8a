import JSZip from "jszip";
import { WorkbookError } from "../port";
import { attr, parseXml } from "./xml";

/** An .xlsx opened as the zip of parts it is, with the paths of the parts we read and write. */
export type XlsxPackage = {
  zip: JSZip;
  /** "xl/workbook.xml" in files Excel writes; found through _rels/.rels, not assumed. */
  workbookPath: string;
  /** Relationship id → part path, from the workbook's .rels. */
  workbookRels: Map<string, { type: string; target: string }>;
};

export const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_OFFICE_DOCUMENT = "/officeDocument";

/** "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export function parseRels(xml: string, relsPath: string, ownerPart: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  parseXml(xml, relsPath, {
    open: (tag, name) => {
      if (name !== "Relationship") return;
      const id = attr(tag, "Id");
      const target = attr(tag, "Target");
      const mode = attr(tag, "TargetMode");
      if (id && target && mode !== "External") out.set(id, { type: attr(tag, "Type") ?? "", target: resolveTarget(ownerPart, target) });
    },
  });
  return out;
}

const utf8 = new TextDecoder("utf-8");

/** A part's text; the platform's UTF-8 decoder is several times faster than JSZip's own on a large sheet. */
export async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file ? utf8.decode(await file.async("uint8array")) : undefined;
}

/** Opens the bytes of an .xlsx; a file that is not one gets a message saying so, in Vietnamese. */
export async function openPackage(bytes: Uint8Array | ArrayBuffer): Promise<XlsxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkbookError("Tệp không phải sổ tính .xlsx (không mở được như tệp nén) — hãy lưu lại trong Excel dưới dạng .xlsx (not an .xlsx file)", "not-xlsx");
  }
  const rootRels = await readText(zip, "_rels/.rels");
  if (rootRels === undefined) {
    throw new WorkbookError("Tệp không phải sổ tính .xlsx (thiếu _rels/.rels) — có thể là .xls cũ hoặc tệp khác; hãy lưu lại dưới dạng .xlsx (not an .xlsx file)", "not-xlsx");
  }
  const root = parseRels(rootRels, "_rels/.rels", "");
  const doc = [...root.values()].find((r) => r.type.endsWith(REL_OFFICE_DOCUMENT));
  if (!doc || !zip.file(doc.target)) {
    throw new WorkbookError("Tệp .xlsx bị hỏng: không tìm thấy phần workbook (corrupt: no workbook part)", "corrupt");
  }
  const relsPath = relsPathFor(doc.target);
  const relsXml = await readText(zip, relsPath);
  const workbookRels = relsXml === undefined ? new Map() : parseRels(relsXml, relsPath, doc.target);
  return { zip, workbookPath: doc.target, workbookRels };
}
