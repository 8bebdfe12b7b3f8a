/*
 * xl/workbook.xml: the sheet list and the <definedNames>, read ourselves because ExcelJS drops
 * sheet-scoped names, #REF! names, constants and formulas (DESIGN.md, "Reading .xlsx files").
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import { classifyNameFormula, withoutEquals } from "../common/name-formula";
import { WorkbookError, type DefinedName, type SheetVisibility } from "../port";

export { classifyNameFormula };

export type WorkbookSheetEntry = { name: string; sheetId: string; rId: string; visibility: SheetVisibility };
export type ParsedWorkbookXml = { sheets: WorkbookSheetEntry[]; names: DefinedName[] };

/** r:id lives in the relationships namespace, bound to whatever prefix the producer chose (Transitional or Strict OOXML). */
const RELATIONSHIP_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/** Print areas, print titles, filter ranges: Excel's own bookkeeping, never the clerk's data. */
const BUILT_IN_PREFIX = "_xlnm.";

type RawName = { name: string; localSheetId: number | undefined; hidden: boolean; formula: string };

/**
 * Reads the sheets (in tab order) and the defined names of a workbook part. `part` names the part
 * in the error a damaged file gets; it is xl/workbook.xml in every file Excel writes.
 */
export function parseWorkbookXml(xml: string, part = "xl/workbook.xml"): ParsedWorkbookXml {
  const { sheets, rawNames } = readParts(xml, part);
  const names: DefinedName[] = [];
  for (const raw of rawNames) {
    if (raw.name.startsWith(BUILT_IN_PREFIX)) continue;
    const scope = raw.localSheetId === undefined ? null : sheets[raw.localSheetId]?.name;
    // A localSheetId past the last sheet scopes the name to nothing any formula can reach; Excel repairs such files by dropping it.
    if (scope === undefined) continue;
    names.push({
      name: raw.name,
      scope,
      formula: raw.formula,
      target: classifyNameFormula(
        raw.formula,
        sheets.map((s) => s.name),
      ),
      hidden: raw.hidden,
    });
  }
  return { sheets, names };
}

function corrupt(part: string, detail: string): WorkbookError {
  return new WorkbookError(
    `Tệp .xlsx bị hỏng: ${part} không đọc được — hãy mở tệp bằng Excel và lưu lại (corrupt ${part}: ${detail})`,
    "corrupt",
  );
}

/** An unprefixed attribute: in XML, those belong to no namespace, whatever the element's default. */
function plainAttr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local && a.uri === "") return a.value;
  return undefined;
}

function relationshipId(tag: SaxesTagNS): string {
  for (const a of Object.values(tag.attributes)) if (a.local === "id" && RELATIONSHIP_NAMESPACES.has(a.uri)) return a.value;
  return "";
}

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** xsd:boolean: "1" and "true" are both true. */
function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

function sheetEntry(tag: SaxesTagNS): WorkbookSheetEntry {
  return {
    name: plainAttr(tag, "name") ?? "",
    sheetId: plainAttr(tag, "sheetId") ?? "",
    rId: relationshipId(tag),
    visibility: visibilityOf(plainAttr(tag, "state")),
  };
}

function rawNameStart(tag: SaxesTagNS): RawName {
  const local = plainAttr(tag, "localSheetId");
  return {
    name: plainAttr(tag, "name") ?? "",
    localSheetId: local === undefined || !/^\d+$/.test(local) ? undefined : Number(local),
    hidden: isTrue(plainAttr(tag, "hidden")),
    formula: "",
  };
}

/**
 * One pass over the XML. Elements are recognised by their path (workbook/sheets/sheet,
 * workbook/definedNames/definedName) and local name, so any prefix works and look-alikes inside
 * extension lists (<extLst>) are not mistaken for them.
 */
function readParts(xml: string, part: string): { sheets: WorkbookSheetEntry[]; rawNames: RawName[] } {
  const parser = new SaxesParser({ xmlns: true });
  const sheets: WorkbookSheetEntry[] = [];
  const rawNames: RawName[] = [];
  const path: string[] = [];
  let current: { raw: RawName; text: string[] } | undefined;
  let failure: string | undefined;
  let root: string | undefined;

  // saxes keeps one handler per event: each `on` replaces the previous one.
  parser.on("error", (e) => {
    failure ??= e.message;
  });
  parser.on("opentag", (tag) => {
    root ??= tag.local;
    path.push(tag.local);
    const where = path.join("/");
    if (where === "workbook/sheets/sheet") sheets.push(sheetEntry(tag));
    else if (where === "workbook/definedNames/definedName") current = { raw: rawNameStart(tag), text: [] };
  });
  const onText = (t: string): void => {
    current?.text.push(t);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    if (current && path.join("/") === "workbook/definedNames/definedName") {
      rawNames.push({ ...current.raw, formula: withoutEquals(current.text.join("")) });
      current = undefined;
    }
    path.pop();
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e instanceof Error ? e.message : String(e);
  }
  if (failure !== undefined) throw corrupt(part, failure);
  if (root !== "workbook") throw corrupt(part, `root element is ${root ?? "missing"}, not workbook`);
  return { sheets, rawNames };
}
