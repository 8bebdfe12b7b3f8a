import type { SheetLayout } from "../../core/layout/sheet";
import { quoteSheet } from "../../core/ref/a1";
import { OWNER_NAME, WorkbookError, type WriteResult } from "../port";
import { parseRels, readText, REL_WORKSHEET, relsPathFor, type XlsxPackage } from "./package";
import { addOurStyles, STYLES_CONTENT_TYPE } from "./styles-write";
import { sheetBytes } from "./sheet-write";
import { sheetStateEdit } from "./sheet-state";
import { parseWorkbookXml } from "./workbook-xml";
import { escapeXml } from "./xml";
import {
  appendToElementEdit,
  applyEdits,
  attribute,
  attributes,
  elements,
  prefixOf,
  setAttributeEdit,
  type Edit,
  type Element,
} from "./xml-tokens";

/*
 * Writes our sheets into the clerk's package by adding parts, never by re-saving the workbook
 * through a library: every part we do not own (their sheets, charts, names, macros' signatures)
 * stays byte for byte as it was. workbook.xml, its .rels, [Content_Types].xml and styles.xml are
 * edited by insertion only.
 */

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_CALC_CHAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

/** The element at `path` (local names from the root), or undefined. */
function find(els: readonly Element[], path: string): Element | undefined {
  return els.find((e) => e.path === path);
}

function required(els: readonly Element[], path: string, part: string): Element {
  const el = find(els, path);
  if (!el)
    throw new WorkbookError(
      `Tệp .xlsx bị hỏng: ${part} thiếu phần <${path.split("/").pop()}> — hãy mở tệp bằng Excel và lưu lại`,
      "corrupt",
    );
  return el;
}

/** The names we attach to one of our sheets: the ownership marker and the print titles. */
function ourNames(p: string, index: number, layout: SheetLayout): string {
  let out = `<${p}definedName name="${OWNER_NAME}" localSheetId="${index}" hidden="1">"${escapeXml(layout.key)}"</${p}definedName>`;
  const rr = layout.print?.repeatRows;
  if (rr) {
    out += `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(quoteSheet(layout.name))}!$${rr.first}:$${rr.last}</${p}definedName>`;
  }
  return out;
}

function nextFree(prefix: string, taken: (candidate: string) => boolean, suffix = ""): string {
  for (let i = 1; ; i++) if (!taken(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
}

/** A relationships or content-types part, parsed once, edited by insertion and removal. */
class EditedPart {
  readonly els: Element[];
  readonly edits: Edit[] = [];
  constructor(
    readonly xml: string,
    readonly part: string,
  ) {
    this.els = elements(xml, part);
  }
  get root(): Element {
    return this.els[0]!;
  }
  get prefix(): string {
    return prefixOf(this.root.tag);
  }
  append(content: string): void {
    this.edits.push(appendToElementEdit(this.xml, this.root, content));
  }
  /** Removes the root's children named `local` whose attribute `name` is `value`. */
  remove(local: string, name: string, value: string): void {
    for (const el of this.els) {
      if (el.path === `${this.root.tag.local}/${local}` && attribute(this.xml, el.tag, name) === value)
        this.edits.push({ start: el.tag.start, end: el.end, text: "" });
    }
  }
  values(local: string, name: string): Set<string> {
    const out = new Set<string>();
    for (const el of this.els) {
      const v = el.path === `${this.root.tag.local}/${local}` ? attribute(this.xml, el.tag, name) : undefined;
      if (v !== undefined) out.add(v);
    }
    return out;
  }
  result(): string {
    return applyEdits(this.xml, this.edits);
  }
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** The workbook part and the two parts edited with it, read once; every change is an edit until the end. */
type Open = {
  pkg: XlsxPackage;
  xml: string;
  els: Element[];
  root: Element;
  /** The spreadsheetML prefix of workbook.xml ("" or "x:"). */
  p: string;
  /** The prefix bound to the relationships namespace in workbook.xml, if any. */
  relPrefix: string | undefined;
  parsed: ReturnType<typeof parseWorkbookXml>;
  edits: Edit[];
  relsPath: string;
  rels: EditedPart;
  types: EditedPart;
  relIds: Set<string>;
  /** The workbook part's folder ("xl/"). */
  folder: string;
};

async function openWorkbook(pkg: XlsxPackage): Promise<Open> {
  const { zip, workbookPath } = pkg;
  const xml = (await readText(zip, workbookPath))!;
  const els = elements(xml, workbookPath);
  const root = els[0]!;
  const relsPath = relsPathFor(workbookPath);
  const rels = new EditedPart((await readText(zip, relsPath)) ?? EMPTY_RELS, relsPath);
  const typesXml = await readText(zip, "[Content_Types].xml");
  if (typesXml === undefined)
    throw new WorkbookError("Tệp .xlsx bị hỏng: thiếu [Content_Types].xml — hãy mở tệp bằng Excel và lưu lại", "corrupt");
  return {
    pkg,
    xml,
    els,
    root,
    p: prefixOf(root.tag),
    relPrefix: attributes(xml, root.tag).find((a) => a.name.startsWith("xmlns:") && a.value === REL_NS)?.local,
    parsed: parseWorkbookXml(xml, workbookPath),
    edits: [],
    relsPath,
    rels,
    types: new EditedPart(typesXml, "[Content_Types].xml"),
    relIds: rels.values("Relationship", "Id"),
    folder: workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1),
  };
}

/** Every target is checked before anything changes, so a refusal leaves the package as it was. */
function refuseSheetsNotOurs(wb: Open, layouts: readonly SheetLayout[]): void {
  const owners = new Map<string, string>();
  for (const n of wb.parsed.names) {
    if (n.name === OWNER_NAME && n.scope !== null && n.target.kind === "constant") owners.set(n.scope, String(n.target.value));
  }
  for (const layout of layouts) {
    const clash = wb.parsed.sheets.find((s) => s.name.toLocaleLowerCase("vi") === layout.name.toLocaleLowerCase("vi"));
    if (clash && owners.get(clash.name) !== layout.key) {
      throw new WorkbookError(`Trang tính "${clash.name}" không phải do Chỉ tiêu xã tạo nên không ghi đè`, "not-owned");
    }
  }
}

/** Our cell formats added to the package's styles part (made when there is none): every layout shares them. */
async function ourStyles(wb: Open): Promise<{ path: string; styled: ReturnType<typeof addOurStyles> }> {
  const existing = [...wb.pkg.workbookRels.values()].find((r) => r.type === REL_STYLES)?.target;
  const styled = addOurStyles(existing ? await readText(wb.pkg.zip, existing) : undefined, existing);
  if (existing) return { path: existing, styled };
  const path = `${wb.folder}styles.xml`;
  const id = nextFree("rIdCtxStyles", (c) => wb.relIds.has(c));
  wb.relIds.add(id);
  wb.rels.append(`<${wb.rels.prefix}Relationship Id="${id}" Type="${REL_STYLES}" Target="styles.xml"/>`);
  wb.types.append(`<${wb.types.prefix}Override PartName="/${escapeXml(path)}" ContentType="${STYLES_CONTENT_TYPE}"/>`);
  return { path, styled };
}

/** The sheets' parts to write and remove, the names to give them, the sheet indexes replaced. */
type Placed = {
  written: WriteResult["written"];
  files: Array<[path: string, bytes: Uint8Array]>;
  removed: string[];
  namesToAdd: string[];
  indexesRewritten: Set<number>;
};

/** A sheet of ours already in the package: its part is replaced, its index kept. */
function replaceSheet(wb: Open, placed: Placed, layout: SheetLayout, at: number, xml: Uint8Array): void {
  const existing = wb.parsed.sheets[at]!;
  const part = wb.pkg.workbookRels.get(existing.rId)?.target;
  if (!part) throw new WorkbookError(`Tệp .xlsx bị hỏng: không tìm thấy phần của trang "${existing.name}"`, "corrupt");
  placed.files.push([part, xml]);
  placed.removed.push(relsPathFor(part)); // our sheets hold no drawings or links; stale rels must not survive
  if (layout.visibility === "veryHidden" && existing.visibility !== "veryHidden") {
    const edit = sheetStateEdit(wb.xml, wb.els, existing.rId, "veryHidden");
    if (edit) wb.edits.push(edit);
  }
  placed.indexesRewritten.add(at);
  placed.namesToAdd.push(ourNames(wb.p, at, layout));
  placed.written.push({ key: layout.key, name: existing.name, replaced: true });
}

function placeSheets(wb: Open, layouts: readonly SheetLayout[], styled: ReturnType<typeof addOurStyles>): Placed {
  const placed: Placed = { written: [], files: [], removed: [], namesToAdd: [], indexesRewritten: new Set() };
  const { p, folder, rels, types } = wb;
  const sheetCount = wb.parsed.sheets.length;
  let maxSheetId = Math.max(0, ...wb.parsed.sheets.map((s) => Number(s.sheetId) || 0));
  const newSheets: string[] = [];
  for (const layout of layouts) {
    // Bytes, not a string: JSZip's own string encoding of a 60 000-row list is slower and holds copies.
    const xml = sheetBytes(layout, styled.xf, styled.dxf);
    const at = wb.parsed.sheets.findIndex((s) => s.name.toLocaleLowerCase("vi") === layout.name.toLocaleLowerCase("vi"));
    if (at >= 0) {
      replaceSheet(wb, placed, layout, at, xml);
      continue;
    }
    const taken = new Set(placed.files.map(([f]) => f));
    const target = nextFree("worksheets/sheet", (c) => wb.pkg.zip.file(`${folder}${c}`) !== null || taken.has(`${folder}${c}`), ".xml");
    const rId = nextFree("rIdCtx", (c) => wb.relIds.has(c));
    wb.relIds.add(rId);
    placed.files.push([`${folder}${target}`, xml]);
    rels.append(`<${rels.prefix}Relationship Id="${rId}" Type="${REL_WORKSHEET}" Target="${target}"/>`);
    types.append(`<${types.prefix}Override PartName="/${escapeXml(folder + target)}" ContentType="${WORKSHEET_CT}"/>`);
    maxSheetId++;
    const state = layout.visibility === "veryHidden" ? ' state="veryHidden"' : "";
    const rAttr = wb.relPrefix ? `${wb.relPrefix}:id="${rId}"` : `xmlns:ctxr="${REL_NS}" ctxr:id="${rId}"`;
    newSheets.push(`<${p}sheet name="${escapeXml(layout.name)}" sheetId="${maxSheetId}"${state} ${rAttr}/>`);
    placed.namesToAdd.push(ourNames(p, sheetCount + newSheets.length - 1, layout));
    placed.written.push({ key: layout.key, name: layout.name, replaced: false });
  }
  const sheetsEl = required(wb.els, `${wb.root.tag.local}/sheets`, wb.pkg.workbookPath);
  if (newSheets.length > 0) wb.edits.push(appendToElementEdit(wb.xml, sheetsEl, newSheets.join("")));
  return placed;
}

/** Our previous names on sheets we rewrote go, the new ones are added; the clerk's names are left exactly as they were. */
function renameOurSheets(wb: Open, placed: Placed): void {
  const root = wb.root.tag.local;
  for (const el of wb.els) {
    if (el.path !== `${root}/definedNames/definedName`) continue;
    const name = attribute(wb.xml, el.tag, "name");
    const local = attribute(wb.xml, el.tag, "localSheetId");
    const index = local !== undefined && /^\d+$/.test(local) ? Number(local) : undefined;
    if (index !== undefined && placed.indexesRewritten.has(index) && (name === OWNER_NAME || name === "_xlnm.Print_Titles")) {
      wb.edits.push({ start: el.tag.start, end: el.end, text: "" });
    }
  }
  const names = placed.namesToAdd.join("");
  if (names === "") return;
  const definedNames = find(wb.els, `${root}/definedNames`);
  if (definedNames) {
    wb.edits.push(appendToElementEdit(wb.xml, definedNames, names));
    return;
  }
  // definedNames follows sheets (and externalReferences, when there are any) in the schema's order.
  const after = find(wb.els, `${root}/externalReferences`) ?? required(wb.els, `${root}/sheets`, wb.pkg.workbookPath);
  wb.edits.push({ start: after.end, end: after.end, text: `<${wb.p}definedNames>${names}</${wb.p}definedNames>` });
}

/** Excel recalculates on open, and a stale calculation chain must not point into replaced sheets. Returns the chain's relationship id. */
function dropCalculationChain(wb: Open, placed: Placed): string | undefined {
  const calcPr = find(wb.els, `${wb.root.tag.local}/calcPr`);
  if (calcPr) wb.edits.push(setAttributeEdit(wb.xml, calcPr.tag, "fullCalcOnLoad", "1"));
  const chain = [...wb.pkg.workbookRels.entries()].find(([, r]) => r.type === REL_CALC_CHAIN);
  if (!chain) return undefined;
  placed.removed.push(chain[1].target);
  wb.rels.remove("Relationship", "Id", chain[0]);
  wb.types.remove("Override", "PartName", `/${chain[1].target}`);
  return chain[0];
}

/** Writes (or replaces) our sheets and returns what was written. Refuses to touch a sheet that is not ours. */
export async function writeSheetsToPackage(pkg: XlsxPackage, layouts: readonly SheetLayout[]): Promise<WriteResult> {
  const wb = await openWorkbook(pkg);
  refuseSheetsNotOurs(wb, layouts);
  required(wb.els, `${wb.root.tag.local}/sheets`, pkg.workbookPath);
  const styles = await ourStyles(wb);
  const placed = placeSheets(wb, layouts, styles.styled);
  renameOurSheets(wb, placed);
  const chain = dropCalculationChain(wb, placed);

  // Every part is computed before the first is changed: a failure above leaves the package as it was.
  const { zip } = pkg;
  const workbookText = applyEdits(wb.xml, wb.edits);
  const relsText = wb.rels.result();
  const typesText = wb.types.result();
  zip.file(styles.path, styles.styled.xml);
  for (const [path, bytes] of placed.files) zip.file(path, bytes);
  for (const path of placed.removed) zip.remove(path);
  if (chain !== undefined) pkg.workbookRels.delete(chain);
  zip.file(pkg.workbookPath, workbookText);
  zip.file(wb.relsPath, relsText);
  zip.file("[Content_Types].xml", typesText);
  // Keep the package's view of its relationships current for the next write in the same session.
  pkg.workbookRels = parseRels(relsText, wb.relsPath, pkg.workbookPath);
  return { written: placed.written };
}
