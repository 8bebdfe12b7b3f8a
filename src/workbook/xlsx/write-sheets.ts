import type { SheetLayout } from "../../core/layout/sheet";
import { quoteSheet } from "../../core/ref/a1";
import { OWNER_NAME, WorkbookError, type WriteResult } from "../port";
import { parseRels, readText, REL_WORKSHEET, relsPathFor, type XlsxPackage } from "./package";
import { addOurStyles, STYLES_CONTENT_TYPE } from "./styles-write";
import { sheetBytes } from "./sheet-write";
import { sheetStateEdit } from "./sheet-state";
import { parseWorkbookXml } from "./workbook-xml";
import { escapeXml } from "./xml";
import { appendToElementEdit, applyEdits, attribute, attributes, elements, prefixOf, setAttributeEdit, type Edit, type Element } from "./xml-tokens";

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
  if (!el) throw new WorkbookError(`Tệp .xlsx bị hỏng: ${part} thiếu phần <${path.split("/").pop()}> — hãy mở tệp bằng Excel và lưu lại`, "corrupt");
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
      if (el.path === `${this.root.tag.local}/${local}` && attribute(this.xml, el.tag, name) === value) this.edits.push({ start: el.tag.start, end: el.end, text: "" });
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

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Writes (or replaces) our sheets and returns what was written. Refuses to touch a sheet that is not ours. */
export async function writeSheetsToPackage(pkg: XlsxPackage, layouts: readonly SheetLayout[]): Promise<WriteResult> {
  const { zip, workbookPath } = pkg;
  const wbXml = (await readText(zip, workbookPath))!;
  const parsed = parseWorkbookXml(wbXml, workbookPath);
  const wbEls = elements(wbXml, workbookPath);
  const wbRoot = wbEls[0]!;
  const p = prefixOf(wbRoot.tag);
  const relPrefix = attributes(wbXml, wbRoot.tag).find((a) => a.name.startsWith("xmlns:") && a.value === REL_NS)?.local;
  const wbEdits: Edit[] = [];

  const relsPath = relsPathFor(workbookPath);
  const rels = new EditedPart((await readText(zip, relsPath)) ?? EMPTY_RELS, relsPath);
  const typesXml = await readText(zip, "[Content_Types].xml");
  if (typesXml === undefined) throw new WorkbookError("Tệp .xlsx bị hỏng: thiếu [Content_Types].xml — hãy mở tệp bằng Excel và lưu lại", "corrupt");
  const types = new EditedPart(typesXml, "[Content_Types].xml");
  const relIds = rels.values("Relationship", "Id");
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);

  const owners = new Map<string, string>();
  for (const n of parsed.names) {
    if (n.name === OWNER_NAME && n.scope !== null && n.target.kind === "constant") owners.set(n.scope, String(n.target.value));
  }

  // Every target is checked before anything changes, so a refusal leaves the package as it was.
  for (const layout of layouts) {
    const clash = parsed.sheets.find((s) => s.name.toLocaleLowerCase("vi") === layout.name.toLocaleLowerCase("vi"));
    if (clash && owners.get(clash.name) !== layout.key) {
      throw new WorkbookError(
        `Trang tính "${clash.name}" không phải do Chỉ tiêu xã tạo nên không ghi đè`,
        "not-owned",
      );
    }
  }
  const sheetsEl = required(wbEls, `${wbRoot.tag.local}/sheets`, workbookPath);

  // Styles next: every layout shares one set of cell formats.
  let stylesPath = [...pkg.workbookRels.values()].find((r) => r.type === REL_STYLES)?.target;
  const styled = addOurStyles(stylesPath ? await readText(zip, stylesPath) : undefined, stylesPath);
  if (!stylesPath) {
    stylesPath = `${folder}styles.xml`;
    const id = nextFree("rIdCtxStyles", (c) => relIds.has(c));
    relIds.add(id);
    rels.append(`<${rels.prefix}Relationship Id="${id}" Type="${REL_STYLES}" Target="styles.xml"/>`);
    types.append(`<${types.prefix}Override PartName="/${escapeXml(stylesPath)}" ContentType="${STYLES_CONTENT_TYPE}"/>`);
  }

  const written: WriteResult["written"] = [];
  const sheetCount = parsed.sheets.length;
  let added = 0;
  const namesToAdd: string[] = [];
  const indexesRewritten = new Set<number>();
  let maxSheetId = Math.max(0, ...parsed.sheets.map((s) => Number(s.sheetId) || 0));
  const newSheets: string[] = [];
  const files: Array<[path: string, bytes: Uint8Array]> = [];
  const removed: string[] = [];

  for (const layout of layouts) {
    // Bytes, not a string: JSZip's own string encoding of a 60 000-row list is slower and holds copies.
    const xml = sheetBytes(layout, styled.xf, styled.dxf);
    const at = parsed.sheets.findIndex((s) => s.name.toLocaleLowerCase("vi") === layout.name.toLocaleLowerCase("vi"));
    if (at >= 0) {
      const existing = parsed.sheets[at]!;
      const part = pkg.workbookRels.get(existing.rId)?.target;
      if (!part) throw new WorkbookError(`Tệp .xlsx bị hỏng: không tìm thấy phần của trang "${existing.name}"`, "corrupt");
      files.push([part, xml]);
      removed.push(relsPathFor(part)); // our sheets hold no drawings or links; stale rels must not survive
      if (layout.visibility === "veryHidden" && existing.visibility !== "veryHidden") {
        const edit = sheetStateEdit(wbXml, wbEls, existing.rId, "veryHidden");
        if (edit) wbEdits.push(edit);
      }
      indexesRewritten.add(at);
      namesToAdd.push(ourNames(p, at, layout));
      written.push({ key: layout.key, name: existing.name, replaced: true });
      continue;
    }
    const taken = new Set(files.map(([f]) => f));
    const target = nextFree("worksheets/sheet", (c) => zip.file(`${folder}${c}`) !== null || taken.has(`${folder}${c}`), ".xml");
    const rId = nextFree("rIdCtx", (c) => relIds.has(c));
    relIds.add(rId);
    files.push([`${folder}${target}`, xml]);
    rels.append(`<${rels.prefix}Relationship Id="${rId}" Type="${REL_WORKSHEET}" Target="${target}"/>`);
    types.append(`<${types.prefix}Override PartName="/${escapeXml(folder + target)}" ContentType="${WORKSHEET_CT}"/>`);
    maxSheetId++;
    const state = layout.visibility === "veryHidden" ? ' state="veryHidden"' : "";
    const rAttr = relPrefix ? `${relPrefix}:id="${rId}"` : `xmlns:ctxr="${REL_NS}" ctxr:id="${rId}"`;
    newSheets.push(`<${p}sheet name="${escapeXml(layout.name)}" sheetId="${maxSheetId}"${state} ${rAttr}/>`);
    namesToAdd.push(ourNames(p, sheetCount + added, layout));
    added++;
    written.push({ key: layout.key, name: layout.name, replaced: false });
  }
  if (newSheets.length > 0) wbEdits.push(appendToElementEdit(wbXml, sheetsEl, newSheets.join("")));

  // Our previous names on sheets we rewrote go; the clerk's names are left exactly as they were.
  const root = wbRoot.tag.local;
  for (const el of wbEls) {
    if (el.path !== `${root}/definedNames/definedName`) continue;
    const name = attribute(wbXml, el.tag, "name");
    const local = attribute(wbXml, el.tag, "localSheetId");
    const index = local !== undefined && /^\d+$/.test(local) ? Number(local) : undefined;
    if (index !== undefined && indexesRewritten.has(index) && (name === OWNER_NAME || name === "_xlnm.Print_Titles")) {
      wbEdits.push({ start: el.tag.start, end: el.end, text: "" });
    }
  }
  const names = namesToAdd.join("");
  const definedNames = find(wbEls, `${root}/definedNames`);
  if (names === "") {
    // nothing to name
  } else if (definedNames) wbEdits.push(appendToElementEdit(wbXml, definedNames, names));
  else {
    // definedNames follows sheets (and externalReferences, when there are any) in the schema's order.
    const after = find(wbEls, `${root}/externalReferences`) ?? sheetsEl;
    wbEdits.push({ start: after.end, end: after.end, text: `<${p}definedNames>${names}</${p}definedNames>` });
  }

  // Excel recalculates on open, and a stale calculation chain must not point into replaced sheets.
  const calcPr = find(wbEls, `${root}/calcPr`);
  if (calcPr) wbEdits.push(setAttributeEdit(wbXml, calcPr.tag, "fullCalcOnLoad", "1"));
  const chain = [...pkg.workbookRels.entries()].find(([, r]) => r.type === REL_CALC_CHAIN);
  if (chain) {
    removed.push(chain[1].target);
    rels.remove("Relationship", "Id", chain[0]);
    types.remove("Override", "PartName", `/${chain[1].target}`);
  }

  // Every part is computed before the first is changed: a failure above leaves the package as it was.
  const wb = applyEdits(wbXml, wbEdits);
  const relsText = rels.result();
  const typesText = types.result();
  zip.file(stylesPath, styled.xml);
  for (const [path, bytes] of files) zip.file(path, bytes);
  for (const path of removed) zip.remove(path);
  if (chain) pkg.workbookRels.delete(chain[0]);
  zip.file(workbookPath, wb);
  zip.file(relsPath, relsText);
  zip.file("[Content_Types].xml", typesText);
  // Keep the package's view of its relationships current for the next write in the same session.
  pkg.workbookRels = parseRels(relsText, relsPath, workbookPath);
  return { written };
}
