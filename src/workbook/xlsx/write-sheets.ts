import type { SheetLayout } from "../../core/layout/sheet";
import { quoteSheet } from "../../core/ref/a1";
import { OWNER_NAME, WorkbookError, type WriteResult } from "../port";
import { parseRels, readText, REL_WORKSHEET, relsPathFor, type XlsxPackage } from "./package";
import { addOurStyles, STYLES_CONTENT_TYPE } from "./styles-write";
import { sheetBytes } from "./sheet-write";
import { withSheetState } from "./sheet-state";
import { parseWorkbookXml } from "./workbook-xml";
import { escapeXml } from "./xml";

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

function insertBefore(xml: string, closeTagPattern: RegExp, insert: string): string {
  const m = closeTagPattern.exec(xml);
  if (!m) throw new WorkbookError(`Tệp .xlsx bị hỏng: thiếu ${closeTagPattern.source} (corrupt package)`, "corrupt");
  return xml.slice(0, m.index) + insert + xml.slice(m.index);
}

type DefinedNameEl = { start: number; end: number; name: string; localSheetId?: number };

/** The <definedName> elements of workbook.xml with their positions, for surgical removal. */
function definedNameElements(xml: string, p: string): DefinedNameEl[] {
  const re = new RegExp(`<${p}definedName\\b([^>]*)>[\\s\\S]*?</${p}definedName>`, "g");
  const out: DefinedNameEl[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const attrs = m[1] ?? "";
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
    out.push({ start: m.index, end: m.index + m[0].length, name, ...(local !== undefined ? { localSheetId: Number(local) } : {}) });
  }
  return out;
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

/** Writes (or replaces) our sheets and returns what was written. Refuses to touch a sheet that is not ours. */
export async function writeSheetsToPackage(pkg: XlsxPackage, layouts: readonly SheetLayout[]): Promise<WriteResult> {
  const { zip, workbookPath } = pkg;
  let wb = (await readText(zip, workbookPath))!;
  const parsed = parseWorkbookXml(wb);
  const p = /<(\w+:)?workbook\b/.exec(wb)?.[1] ?? "";
  const relPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[./]/g, (c) => `\\${c}`)}"`).exec(wb)?.[1];

  const relsPath = relsPathFor(workbookPath);
  let rels = (await readText(zip, relsPath)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  let types = (await readText(zip, "[Content_Types].xml"))!;
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
        `Trang tính "${clash.name}" không phải do Chỉ tiêu xã tạo nên không ghi đè (refusing to overwrite a sheet we do not own)`,
        "not-owned",
      );
    }
  }

  // Styles next: every layout shares one set of cell formats.
  let stylesPath = [...pkg.workbookRels.values()].find((r) => r.type === REL_STYLES)?.target;
  const styled = addOurStyles(stylesPath ? await readText(zip, stylesPath) : undefined);
  if (!stylesPath) {
    stylesPath = `${folder}styles.xml`;
    const id = nextFree("rIdCtxStyles", (c) => rels.includes(`Id="${c}"`));
    rels = insertBefore(rels, /<\/(\w+:)?Relationships>/, `<Relationship Id="${id}" Type="${REL_STYLES}" Target="styles.xml"/>`);
    types = insertBefore(types, /<\/(\w+:)?Types>/, `<Override PartName="/${stylesPath}" ContentType="${STYLES_CONTENT_TYPE}"/>`);
  }
  zip.file(stylesPath, styled.xml);

  const written: WriteResult["written"] = [];
  const sheetCount = parsed.sheets.length;
  let added = 0;
  const namesToAdd: string[] = [];
  const indexesRewritten = new Set<number>();
  let maxSheetId = Math.max(0, ...parsed.sheets.map((s) => Number(s.sheetId) || 0));

  for (const layout of layouts) {
    // Bytes, not a string: JSZip's own string encoding of a 60 000-row list is slower and holds copies.
    const xml = sheetBytes(layout, styled.xf, styled.dxf);
    const at = parsed.sheets.findIndex((s) => s.name.toLocaleLowerCase("vi") === layout.name.toLocaleLowerCase("vi"));
    if (at >= 0) {
      const existing = parsed.sheets[at]!;
      const part = pkg.workbookRels.get(existing.rId)?.target;
      if (!part) throw new WorkbookError(`Tệp .xlsx bị hỏng: không tìm thấy phần của trang "${existing.name}" (corrupt package)`, "corrupt");
      zip.file(part, xml);
      zip.remove(relsPathFor(part)); // our sheets hold no drawings or links; stale rels must not survive
      if (layout.visibility === "veryHidden" && existing.visibility !== "veryHidden") wb = withSheetState(wb, p, existing.rId, "veryHidden");
      indexesRewritten.add(at);
      namesToAdd.push(ourNames(p, at, layout));
      written.push({ key: layout.key, name: existing.name, replaced: true });
      continue;
    }
    const target = nextFree("worksheets/sheet", (c) => zip.file(`${folder}${c}`) !== null, ".xml");
    const rId = nextFree("rIdCtx", (c) => rels.includes(`Id="${c}"`));
    zip.file(`${folder}${target}`, xml);
    rels = insertBefore(rels, /<\/(\w+:)?Relationships>/, `<Relationship Id="${rId}" Type="${REL_WORKSHEET}" Target="${target}"/>`);
    types = insertBefore(types, /<\/(\w+:)?Types>/, `<Override PartName="/${folder}${target}" ContentType="${WORKSHEET_CT}"/>`);
    maxSheetId++;
    const state = layout.visibility === "veryHidden" ? ' state="veryHidden"' : "";
    const rAttr = relPrefix ? `${relPrefix}:id="${rId}"` : `xmlns:ctxr="${REL_NS}" ctxr:id="${rId}"`;
    wb = insertBefore(wb, new RegExp(`</${p}sheets>`), `<${p}sheet name="${escapeXml(layout.name)}" sheetId="${maxSheetId}"${state} ${rAttr}/>`);
    namesToAdd.push(ourNames(p, sheetCount + added, layout));
    added++;
    written.push({ key: layout.key, name: layout.name, replaced: false });
  }

  // Our previous names on sheets we rewrote go; the clerk's names are left exactly as they were.
  const stale = definedNameElements(wb, p)
    .filter((d) => d.localSheetId !== undefined && indexesRewritten.has(d.localSheetId) && (d.name === OWNER_NAME || d.name === "_xlnm.Print_Titles"))
    .sort((a, b) => b.start - a.start);
  for (const d of stale) wb = wb.slice(0, d.start) + wb.slice(d.end);
  const names = namesToAdd.join("");
  if (new RegExp(`</${p}definedNames>`).test(wb)) wb = insertBefore(wb, new RegExp(`</${p}definedNames>`), names);
  else {
    // definedNames follows sheets (and externalReferences, when there are any) in the schema's order.
    const after = new RegExp(`</${p}externalReferences>`).exec(wb) ?? new RegExp(`</${p}sheets>`).exec(wb);
    const at = after!.index + after![0].length;
    wb = `${wb.slice(0, at)}<${p}definedNames>${names}</${p}definedNames>${wb.slice(at)}`;
  }

  // Excel recalculates on open, and a stale calculation chain must not point into replaced sheets.
  if (new RegExp(`<${p}calcPr\\b`).test(wb)) {
    wb = wb.replace(new RegExp(`<${p}calcPr\\b([^>]*?)(/?)>`), (_m, attrs: string, slash: string) => `<${p}calcPr${attrs.replace(/\sfullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${slash}>`);
  }
  const chain = [...pkg.workbookRels.entries()].find(([, r]) => r.type === REL_CALC_CHAIN);
  if (chain) {
    zip.remove(chain[1].target);
    rels = rels.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${chain[0]}"[^>]*/>`), "");
    types = types.replace(new RegExp(`<Override\\b[^>]*PartName="/${chain[1].target}"[^>]*/>`), "");
    pkg.workbookRels.delete(chain[0]);
  }

  zip.file(workbookPath, wb);
  zip.file(relsPath, rels);
  zip.file("[Content_Types].xml", types);
  // Keep the package's view of its relationships current for the next write in the same session.
  pkg.workbookRels = parseRels(rels, relsPath, workbookPath);
  return { written };
}
