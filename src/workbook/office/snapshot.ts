/*
 * The snapshot in one sync: sheets, names of both scopes, owners, the stored mapping, and what a
 * write needs to know beforehand (protection, read-only, each sheet's visibility).
 */
import { MAPPING_KEY, MAPPING_SHEET, mappingTextFromColumn } from "../../core/layout/mapping-sheet";
import type { RawCell } from "../../core/text/cell";
import { classifyNameFormula } from "../common/name-formula";
import { OWNER_NAME, type DefinedName, type SheetInfo, type SheetVisibility, type WorkbookSnapshot } from "../port";
import type { Abilities } from "./requirements";
import type { XlContext, XlNamedItem } from "./types";

const BUILT_IN_NAME = /^(_xlnm\.|Print_Titles$|Print_Area$|_FilterDatabase$)/i;

export type KnownSheet = { name: string; owner?: string; protected: boolean; visibility: SheetVisibility };
/** What the last snapshot learned, so a write right after it needs no round trip to check ownership. */
export type Known = { sheets: KnownSheet[]; readOnly: boolean; structureProtected: boolean };

/**
 * Queues, for one sync: every sheet with its protection and its sheet-scoped names (a nested load
 * of worksheets.items/names, ExcelApi 1.4), the workbook-scoped names, the workbook's read-only and
 * protection flags where Excel has them, and the mapping sheet's values. Names are read as formula
 * text and classified here: getRange() on a name that points to #REF! would fail the whole batch.
 */
export function queueSnapshot(ctx: XlContext, can: Abilities): () => { snapshot: WorkbookSnapshot; known: Known } {
  const book = ctx.workbook;
  const nameProps = ["name", "type", "value", "visible", ...(can.nameFormula ? ["formula"] : [])];
  const sheetProps = ["name", "visibility", "protection/protected", ...nameProps.map((p) => `names/items/${p}`)];
  book.worksheets.load(sheetProps.map((p) => `items/${p}`).join(","));
  book.names.load(nameProps.map((p) => `items/${p}`).join(","));
  if (can.readOnly) book.load("readOnly");
  if (can.workbookProtection) book.protection.load("protected");
  // On a workbook without the mapping sheet both are null objects, read as "no mapping".
  const mapping = book.worksheets.getItemOrNullObject(MAPPING_SHEET).getUsedRangeOrNullObject(true);
  mapping.load("values,rowIndex,columnIndex");

  return () => {
    const worksheets = book.worksheets.items;
    const sheetNames = worksheets.map((ws) => ws.name);
    const names: DefinedName[] = [];
    const toName = (item: XlNamedItem, scope: string | null): DefinedName => {
      const formula = nameFormula(item, can);
      return { name: item.name, scope, formula, target: classifyNameFormula(formula, sheetNames), hidden: !item.visible };
    };
    for (const item of book.names.items) if (!BUILT_IN_NAME.test(item.name)) names.push(toName(item, null));
    const sheets: SheetInfo[] = [];
    const known: Known = {
      sheets: [],
      readOnly: can.readOnly ? book.readOnly : false,
      structureProtected: can.workbookProtection ? book.protection.protected : false,
    };
    for (const ws of worksheets) {
      let owner: string | undefined;
      for (const item of ws.names.items) {
        if (item.name === OWNER_NAME) {
          const target = classifyNameFormula(nameFormula(item, can), sheetNames);
          if (target.kind === "constant") owner = String(target.value);
        } else if (!BUILT_IN_NAME.test(item.name)) names.push(toName(item, ws.name));
      }
      const visibility = visibilityOf(ws.visibility);
      sheets.push(owner === undefined ? { name: ws.name, visibility } : { name: ws.name, visibility, owner });
      known.sheets.push({ name: ws.name, ...(owner === undefined ? {} : { owner }), protected: ws.protection.protected, visibility });
    }
    const snapshot: WorkbookSnapshot = { sheets, names };
    const mappingOwned = sheets.some((s) => s.name === MAPPING_SHEET && s.owner === MAPPING_KEY);
    if (mappingOwned && !mapping.isNullObject && mapping.columnIndex === 0) {
      const column: RawCell[] = Array<RawCell>(mapping.rowIndex).fill(null);
      for (const row of mapping.values) column.push(typeof row[0] === "string" ? row[0] : null);
      const stored = mappingTextFromColumn(column);
      if (stored?.ok) snapshot.mappingText = stored.text;
      else if (stored) snapshot.mappingDamaged = stored.why;
    }
    return { snapshot, known };
  };
}

/** Name formula text without "=": NamedItem.formula (ExcelApi 1.7), else rebuilt from type and value. */
function nameFormula(item: XlNamedItem, can: Abilities): string {
  const raw = can.nameFormula ? item.formula : undefined;
  if (typeof raw === "string" && raw !== "") return raw.replace(/^=/, "");
  const value = item.value;
  switch (item.type) {
    case "String":
      return `"${String(value).replace(/"/g, '""')}"`;
    case "Boolean":
      return value ? "TRUE" : "FALSE";
    case "Integer":
    case "Double":
    case "Range":
    case "Error":
      return String(value).replace(/^=/, "");
    default:
      return "";
  }
}

function visibilityOf(v: string): SheetVisibility {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}
