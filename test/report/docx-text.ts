/* A .docx read back as a reader would: the text of each paragraph, and any part's XML. No Node I/O, so jsdom tests can use it. */
import JSZip from "jszip";
import { decodeEntities } from "../../src/workbook/xlsx/xml-tokens";

export async function docxPart(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the .docx`);
  return file.async("string");
}

/** The text of each paragraph of word/document.xml, in order (table cells included). */
export function paragraphTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<w:t\b[^>]*>([\s\S]*?)<\/w:t>/g)].map((t) => decodeEntities(t[1] ?? "")).join(""),
  );
}

export async function docxText(bytes: Uint8Array): Promise<string[]> {
  return paragraphTexts(await docxPart(bytes, "word/document.xml"));
}
