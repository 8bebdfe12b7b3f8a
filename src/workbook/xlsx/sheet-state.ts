import type { SheetVisibility } from "../port";
import { attributes, type Edit, type Element } from "./xml-tokens";

/**
 * The edit that sets the state of workbook.xml's <sheet> whose relationship id is `rId`: LibreOffice
 * saves a very hidden sheet as merely hidden, so rewriting our sheet in place makes it very hidden
 * again. Only that element's state attribute changes; undefined when no sheet has that id.
 */
export function sheetStateEdit(xml: string, els: readonly Element[], rId: string, visibility: SheetVisibility): Edit | undefined {
  const sheet = els.find(
    (e) => e.path.endsWith("/sheets/sheet") && attributes(xml, e.tag).some((a) => a.local === "id" && a.name !== "id" && a.value === rId),
  );
  if (!sheet) return undefined;
  const attrs = attributes(xml, sheet.tag);
  const state = attrs.find((a) => a.name === "state");
  if (visibility === "visible") return state ? { start: withSpaceBefore(xml, state.start), end: state.end, text: "" } : undefined;
  if (state) return { start: state.start, end: state.end, text: `state="${visibility}"` };
  let at = sheet.tag.end - (sheet.tag.kind === "empty" ? 2 : 1);
  while (at > sheet.tag.start && /\s/.test(xml[at - 1]!)) at--;
  return { start: at, end: at, text: ` state="${visibility}"` };
}

function withSpaceBefore(xml: string, start: number): number {
  let at = start;
  while (at > 0 && /\s/.test(xml[at - 1]!)) at--;
  return at;
}
