/**
 * The status sheet as a clerk prints it: the Hà Tân figures (seed 003, test/fixtures/ha-tan-2024.json)
 * typed into the thanh-hoa-cds-xa-2024 template, evaluated and written, then printed to PDF by
 * LibreOffice. The Vietnamese text survives, every page is one page wide, and the pages are saved as
 * PNG under test-output/render/ for a human to look at.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { mappingToText } from "../../src/core/mapping/schema";
import { loadRulesetDir } from "../../src/node/rulesets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { pdfText, pdfToPngs, requireTool, toPdf } from "../support/libreoffice";
import { buildFilledWorkbook, haTanScenario, type ReportFigure } from "./scenarios";

jest.setTimeout(300_000);

const RENDER_DIR = path.join(__dirname, "..", "..", "test-output", "render");
const RULESET = "thanh-hoa-cds-xa-2024";
const fixture = JSON.parse(readFileSync(path.join(__dirname, "..", "fixtures", "ha-tan-2024.json"), "utf8")) as Record<
  string,
  ReportFigure
>;

/** The status sheet's header row; the template sheet ("Số liệu") has no "Đánh giá" column. */
const STATUS_HEADER = [
  "Mã",
  "Chỉ tiêu",
  "Yêu cầu",
  "Tử số / Giá trị",
  "Mẫu số",
  "Kết quả",
  "Đánh giá",
  "Còn thiếu",
  "Đơn vị",
  "Nguồn số liệu",
  "Ghi chú",
];

let dir: string;
let pages: string[] = [];
let pdf: string;
let pngs: string[] = [];
let written: { sheet: string; title: string };
let xlsxPath: string;

/** Page sizes in points, from pdfinfo over every page. */
function pageSizes(file: string, count: number): Array<{ width: number; height: number }> {
  const out = execFileSync("pdfinfo", ["-f", "1", "-l", String(count), file], { encoding: "utf8" });
  return [...out.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Collapses the layout's runs of spaces, so a header cell wrapped or spaced out still matches. */
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

beforeAll(async () => {
  for (const tool of ["soffice", "pdftoppm", "pdftotext", "pdfinfo"]) requireTool(tool);
  const { rulesets } = loadRulesetDir();
  const ruleset = rulesets.get(RULESET);
  if (!ruleset) throw new Error(`rulesets/${RULESET}.json is missing`);
  const filled = await buildFilledWorkbook(ruleset, haTanScenario(ruleset, fixture));
  const port = await XlsxWorkbook.open(filled.bytes);
  const out = await evaluateWorkbook(port, { rulesets, mapping: { text: mappingToText(filled.mapping), source: "Hà Tân" }, write: true });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("; "));
  written = { sheet: out.statusSheet!, title: `TRẠNG THÁI CHỈ TIÊU — ${ruleset.title.toLocaleUpperCase("vi")}` };

  dir = await mkdtemp(path.join(tmpdir(), "chitieu-render-"));
  xlsxPath = path.join(dir, "ha-tan-trang-thai.xlsx");
  await writeFile(xlsxPath, await port.save());
  pdf = await toPdf(xlsxPath, dir);
  // pdftotext separates pages with a form feed.
  pages = (await pdfText(pdf))
    .split("\f")
    .filter((p) => p.trim() !== "")
    .map((p) => p.normalize("NFC"));

  await mkdir(RENDER_DIR, { recursive: true });
  for (const f of await readdir(RENDER_DIR)) if (/^ha-tan-status-\d+\.png$/.test(f)) await unlink(path.join(RENDER_DIR, f));
  pngs = await pdfToPngs(pdf, path.join(RENDER_DIR, "ha-tan-status"), 60);
  await writeFile(path.join(RENDER_DIR, "ha-tan-status.pdf"), readFileSync(pdf));
  console.log(`Trang in của bảng trạng thái Hà Tân (60 dpi):\n${pngs.join("\n")}\nPDF: ${path.join(RENDER_DIR, "ha-tan-status.pdf")}`);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const statusPages = () => pages.filter((p) => squash(p).includes("Đánh giá") && squash(p).includes("Còn thiếu"));

describe("the Hà Tân status sheet printed through LibreOffice", () => {
  test("keeps the Vietnamese title, the commune and the verdict words intact", () => {
    const all = squash(pages.join("\n"));
    expect(written.sheet).toBe("Trạng thái chỉ tiêu");
    expect(all).toContain(squash(written.title));
    expect(all).toContain("Xã: Hà Tân");
    expect(all).toContain("Ngày báo cáo: 30/06/2024");
    for (const word of ["Đạt", "Không đạt", "Thiếu số liệu", "Còn thiếu", "Chính quyền số", "Xã hội số", "Hạ tầng số"])
      expect(all).toContain(word);
    // 3.2: 2335 of 3986 adults have a payment account, 58,6% against ≥ 80%: 854 more needed. The
    // cell's number format follows the printing machine's locale (58.6% under en-US, 58,6% under vi-VN).
    expect(all).toMatch(/58[,.]6\s*%/);
    expect(all).toMatch(/Còn thiếu 854 người/);
  });

  test("prints no mojibake: no replacement characters, no decomposed marks, no TCVN3 bytes", () => {
    const all = pages.join("\n");
    expect(all).not.toMatch(/\uFFFD/);
    expect(all).not.toMatch(/[\u0300-\u036f]/); // after NFC every mark sits on its letter
    expect(all).not.toMatch(/[×µ¸¹»¼½¾ÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß]{2,}/);
  });

  test("has status pages, each one page wide: every page shows the header from Mã to Ghi chú", () => {
    const status = statusPages();
    expect(status.length).toBeGreaterThanOrEqual(1);
    for (const [i, page] of status.entries()) {
      const text = squash(page);
      const missing = STATUS_HEADER.filter((h) => !text.includes(h));
      expect({ page: i + 1, missing }).toEqual({ page: i + 1, missing: [] });
    }
    // No page carries only the rightmost columns: each has an indicator code in the first column.
    for (const page of status) expect(page).toMatch(/^\s*\d\.\d{1,2}\s/m);
  });

  test("gives the overall summary row (3) the height its wrapped texts need, so they do not spill over row 4", async () => {
    // B3 holds the ruleset title (column width 48) and F3 "đạt 24/36 chỉ tiêu (66,7%)" (width 14): both wrap.
    const zip = await JSZip.loadAsync(readFileSync(xlsxPath));
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    const rid = new RegExp(`<sheet [^>]*name="${written.sheet}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const target =
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    const xml = await zip.file(`xl/${target}`)!.async("string");
    const row3 = /<row r="3"[^>]*>/.exec(xml)?.[0] ?? "";
    expect(row3).toMatch(/\bht="(\d+(\.\d+)?)"/);
    expect(Number(/\bht="([\d.]+)"/.exec(row3)?.[1] ?? 0)).toBeGreaterThanOrEqual(2 * 15);
  });

  test("is printed on A4 landscape", () => {
    const sizes = pageSizes(pdf, pages.length);
    expect(sizes.length).toBe(pages.length);
    const statusIndexes = pages.flatMap((p, i) => (statusPages().includes(p) ? [i] : []));
    for (const i of statusIndexes) {
      const s = sizes[i]!;
      expect(s.width).toBeCloseTo(841.9, 0);
      expect(s.height).toBeCloseTo(595.3, 0);
    }
  });

  test("is saved as PNG pages under test-output/render for a human to look at", () => {
    expect(pngs.length).toBe(pages.length);
    for (const p of pngs) expect(p.startsWith(RENDER_DIR)).toBe(true);
  });
});
