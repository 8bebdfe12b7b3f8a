import type { SheetVisibility } from "../port";

/**
 * The <sheet> element of workbook.xml whose relationship id is `rId`, with its state set: LibreOffice
 * saves a very hidden sheet as merely hidden, so rewriting our sheet in place makes it very hidden
 * again. Only that element's state attribute changes.
 */
export function withSheetState(workbookXml: string, prefix: string, rId: string, visibility: SheetVisibility): string {
  const element = new RegExp(`<${prefix}sheet\\b[^>]*?\\s(?:\\w+:)?id="${rId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*?>`);
  return workbookXml.replace(element, (tag) => {
    const bare = tag.replace(/\sstate="[^"]*"/, "");
    if (visibility === "visible") return bare;
    const end = bare.endsWith("/>") ? bare.length - 2 : bare.length - 1;
    return `${bare.slice(0, end).replace(/\s+$/, "")} state="${visibility}"${bare.slice(end)}`;
  });
}
