/*
 * Issue 17 F: a count left blank and filled from the Phụ lục 03 list. The engine, the cached cell,
 * LibreOffice's recalculation and the sources column all take the figure from the list.
 */
import { readFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import * as h from "../cli/helpers";
import { makeSampleCommune } from "../../src/sample/commune";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { VERDICT_TEXT, type Verdict } from "../../src/core/evaluate/result";
import { decodeEntities, elements } from "../../src/workbook/xlsx/xml-tokens";
import { recalculate, requireTool } from "../support/libreoffice";
import { statusValue } from "../../src/core/layout/status-columns";

jest.setTimeout(300_000);

let dir: string;
beforeAll(() => {
  requireTool("soffice");
  dir = h.makeTmpDir("chitieu-f-");
});
afterAll(() => h.removeDir(dir));

/** The sample with the cell named `name` emptied (its value removed, its style kept). */
async function blanked(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const el = elements(wbXml, "wb").find(
    (e) => e.path === "workbook/definedNames/definedName" && wbXml.slice(e.tag.start, e.tag.end).includes(`name="${name}"`),
  )!;
  const target = decodeEntities(wbXml.slice(el.contentStart, el.contentEnd)); // 'Số liệu'!$C$5
  const cell = target.slice(target.lastIndexOf("!") + 1).replaceAll("$", "");
  const parts = h.sheetParts(wbXml, await zip.file("xl/_rels/workbook.xml.rels")!.async("string"));
  const part = parts.find((p) => target.startsWith(`'${p.name}'`) || target.startsWith(`${p.name}!`))!.part;
  const xml = await zip.file(part)!.async("string");
  const at = xml.indexOf(`<c r="${cell}"`);
  const end = xml.indexOf("</c>", at) + 4;
  if (at < 0 || end < at) throw new Error(`no cell ${cell} in ${part}`);
  const style = / s="\d+"/.exec(xml.slice(at, end))?.[0] ?? "";
  zip.file(part, `${xml.slice(0, at)}<c r="${cell}"${style}/>${xml.slice(end)}`);
  return zip.generateAsync({ type: "uint8array" });
}

/** Row of indicator `code` on the status sheet: its figure (the numerator), verdict and sources. */
async function statusRow(file: string, code: string): Promise<{ figure: unknown; verdict: unknown; sources: unknown }> {
  const rows = await (await XlsxWorkbook.open(readFileSync(file))).readSheet(h.STATUS_NAME);
  const r = rows.find((x) => statusValue(x, "code") === code)!;
  return { figure: statusValue(r, "figure"), verdict: statusValue(r, "verdict"), sources: statusValue(r, "sources") };
}

test("F: the status formula reads the list's count, so engine, cache, recalculation and sources agree", async () => {
  const sample = await makeSampleCommune({ residents: 400 });
  const file = h.writeBytes(dir, "xa.xlsx", await blanked(sample.bytes, "co_dttm"));
  const out = path.join(dir, "kq.xlsx");
  const json = path.join(dir, "kq.json");
  const r = await h.runCli("evaluate", file, "--out", out, "--json", json);
  expect(r.code).toBe(0);
  const report = JSON.parse(readFileSync(json, "utf8")) as { indicators: Array<{ code: string; verdict: Verdict; numerator?: number }> };
  const engine = report.indicators.find((i) => i.code === "1.1.1")!;
  const cached = await statusRow(out, "1.1.1");
  const recalc = await statusRow(await recalculate(out, path.join(dir, "lo")), "1.1.1");
  expect(VERDICT_TEXT[engine.verdict]).not.toBe("Thiếu số liệu");
  expect(cached.verdict).toBe(VERDICT_TEXT[engine.verdict]);
  expect(recalc.verdict).toBe(VERDICT_TEXT[engine.verdict]);
  expect(recalc.figure).toBe(cached.figure);
  expect(String(cached.sources)).toMatch(/'Phụ lục 03'!A\d+/);
  // The numerator's formula reads the list sheet, not the blank cell.
  const zip = await JSZip.loadAsync(readFileSync(out));
  const statusPart = h
    .sheetParts(await zip.file("xl/workbook.xml")!.async("string"), await zip.file("xl/_rels/workbook.xml.rels")!.async("string"))
    .find((p) => p.name === h.STATUS_NAME)!.part;
  expect(await zip.file(statusPart)!.async("string")).toMatch(/<f>COUNT\('Phụ lục 03'!\$A\$\d+:\$A\$\d+\)<\/f>/);
});
