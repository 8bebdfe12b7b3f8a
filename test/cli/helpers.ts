/*
 * Helpers for the command-line tests: run main() in-process (fast), spawn the real executable for a
 * few end-to-end checks, and build the workbooks the cases need — all generated here, no binaries.
 */
import { decodeEntities } from "../../src/workbook/xlsx/xml-tokens";
import { spawnSync } from "child_process";
import { createHash, randomBytes } from "crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

export const REPO = path.resolve(__dirname, "..", "..");
export const BIN = path.join(REPO, "bin", "chitieu.js");
export const RULESET = "thanh-hoa-cds-xa-2024";
export const STATUS_NAME = "Trạng thái chỉ tiêu";
export const MAPPING_SHEET_NAME = "ChiTieuXa_AnhXa";

/* ---------------------------------------------------------------- running the command line */

export type CliRun = { code: number; out: string; err: string; errLines: string[] };

/** Runs `chitieu ...args` in this process with a collecting io. */
export async function runCli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  const errText = err.join("\n");
  return { code, out: out.join("\n"), err: errText, errLines: errText.split("\n").filter((l) => l.trim() !== "") };
}

export type SpawnRun = { code: number | null; stdout: string; stderr: string };

/** Runs the real executable, `node bin/chitieu.js ...args`, as a clerk would. */
export function spawnCli(args: string[], cwd: string = REPO): SpawnRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace line as Node prints them ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at .+[:(]/m;

/* ---------------------------------------------------------------- temporary folders and files */

/** A new folder under `parent` (the system's temporary folder by default). */
export function makeTmpDir(prefix = "chitieu-cli-", parent: string = os.tmpdir()): string {
  return mkdtempSync(path.join(parent, prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function writeBytes(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function fileHash(file: string): string {
  return sha256(readFileSync(file));
}

/** The names in a folder, sorted: a failed command must leave it as it was (no output, no temporary file). */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

export { existsSync };

/* ---------------------------------------------------------------- the mapping */

export type MappingJson = {
  ruleset: string;
  asOf?: string;
  commune?: string;
  indicators: Record<string, Record<string, string>>;
  suspended?: Record<string, string>;
};

/** Figures of the custom workbook, in 'Số liệu'!B3:B8 (the Hà Tân report's 3.2 is 2336 / 3986 = 58,6%). */
export const FIGURES = {
  dan_so_15: 3986,
  tk_thanh_toan: 2336,
  dien_thoai_tm: 3000,
  co_ke_hoach: "Có",
  dn_ttkdtm: "12",
  tong_dn: 20,
  // B9 is a formula: =B4-1336, cached 1000
} as const;

/** The mapping for the custom workbook: five indicators of thanh-hoa-cds-xa-2024 on workbook names. */
export function customMapping(extra: Partial<MappingJson> = {}): MappingJson {
  return {
    ruleset: RULESET,
    asOf: "2024-06-30",
    commune: "Xã Thử Nghiệm",
    indicators: {
      "1.1": { value: "co_ke_hoach" },
      "2.4": { numerator: "dn_ttkdtm", denominator: "tong_dn" },
      "3.2": { numerator: "tk_thanh_toan", denominator: "dan_so_15" },
      "3.4": { numerator: "dien_thoai_tm", denominator: "dan_so_15" },
      "3.11": { numerator: "dvc_truc_tuyen", denominator: "dan_so_15" },
    },
    ...extra,
  };
}

/** What the custom mapping gives, indicator by indicator. */
export const CUSTOM_EXPECTED = {
  "1.1": { verdict: "dat" },
  // 12/20 = 60% is not > 60%: an exact comparison, and a text count "12" read as 12.
  "2.4": { verdict: "khong-dat", display: "60,0%", numerator: 12, denominator: 20 },
  // 2336/3986 = 58,6%; ceil(0.8 × 3986) − 2336 = 3189 − 2336 = 853.
  "3.2": { verdict: "khong-dat", display: "58,6%", numerator: 2336, denominator: 3986, shortfall: 853 },
  "3.4": { verdict: "dat", display: "75,3%", numerator: 3000, denominator: 3986 },
  // The cached result of a formula cell: 1000/3986 = 25,1%.
  "3.11": { verdict: "khong-dat", display: "25,1%", numerator: 1000, denominator: 3986 },
} as const;

export function writeMapping(dir: string, mapping: unknown, name = "anh-xa.json"): string {
  return writeBytes(dir, name, typeof mapping === "string" ? mapping : JSON.stringify(mapping, null, 2));
}

/* ---------------------------------------------------------------- workbook builders */

/** A 1×1 red PNG, for an image the writer must carry over untouched. */
const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

export type CustomOptions = {
  /** Add a clerk's sheet already called "Trạng thái chỉ tiêu", holding data. */
  userStatusSheet?: boolean;
  /** Add a second clerk's sheet with formulas, merges, styles, a validation, a hyperlink, a note, an image. */
  richSheet?: boolean;
  /** Add a hidden clerk's sheet. */
  hiddenSheet?: boolean;
  /** More clerk's sheets by name, each with its name in A1 (for sheet-name collisions). */
  extraSheets?: string[];
};

/** The data a clerk's own "Trạng thái chỉ tiêu" sheet holds (the product must leave it alone). */
export const USER_STATUS_CELLS: ReadonlyArray<[string, string | number]> = [
  ["A1", "Bảng theo dõi của cán bộ — không được ghi đè"],
  ["A2", "Chỉ tiêu"],
  ["B2", "Ghi chú"],
  ["A3", "3.2"],
  ["B3", "đang rà soát"],
  ["C3", 2336],
];

/**
 * A clerk's own small workbook: figures on 'Số liệu' with workbook names, and optionally other
 * sheets to prove nothing is lost. Made with ExcelJS, as a clerk's file would be made by any tool.
 */
export async function buildCustomWorkbook(opts: CustomOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cán bộ văn phòng – thống kê";
  addFiguresSheet(wb);
  if (opts.userStatusSheet) addUserStatusSheet(wb);
  if (opts.richSheet) addRichSheet(wb);
  for (const name of opts.extraSheets ?? []) wb.addWorksheet(name).getCell("A1").value = `Trang của cán bộ: ${name}`;
  if (opts.hiddenSheet) {
    const hs = wb.addWorksheet("Ẩn", { state: "hidden" });
    hs.getCell("A1").value = "Sheet ẩn của cán bộ";
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 'Số liệu': the figures in B3:B9, each under a workbook name (B9 a formula with a cached result). */
function addFiguresSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Số liệu");
  ws.getCell("A1").value = "SỐ LIỆU CỦA XÃ";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "Nội dung";
  ws.getCell("B2").value = "Số liệu";
  const rows: Array<[string, string, ExcelJS.CellValue]> = [
    ["dan_so_15", "Dân số từ 15 tuổi trở lên", FIGURES.dan_so_15],
    ["tk_thanh_toan", "Số người có tài khoản thanh toán", FIGURES.tk_thanh_toan],
    ["dien_thoai_tm", "Số người có điện thoại thông minh", FIGURES.dien_thoai_tm],
    ["co_ke_hoach", "Có kế hoạch chuyển đổi số", FIGURES.co_ke_hoach],
    ["dn_ttkdtm", "Doanh nghiệp thanh toán không dùng tiền mặt", FIGURES.dn_ttkdtm],
    ["tong_dn", "Tổng số doanh nghiệp", FIGURES.tong_dn],
    ["dvc_truc_tuyen", "Người dùng dịch vụ công trực tuyến", { formula: "B4-1336", result: 1000 }],
  ];
  rows.forEach(([name, label, value], i) => {
    const r = 3 + i;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value;
    ws.getCell(r, 2).numFmt = "#,##0";
    wb.definedNames.add(`'Số liệu'!$B$${r}`, name);
  });
  ws.getColumn(1).width = 44;
}

/** A clerk's own sheet already called "Trạng thái chỉ tiêu", holding data the product must leave alone. */
function addUserStatusSheet(wb: ExcelJS.Workbook): void {
  const us = wb.addWorksheet(STATUS_NAME);
  for (const [addr, v] of USER_STATUS_CELLS) us.getCell(addr).value = v;
  us.getCell("A1").font = { italic: true, color: { argb: "FF0000FF" } };
  us.mergeCells("A1:C1");
}

/** A clerk's sheet with formulas, merges, styles, a validation, a hyperlink, a note, an image: the writer must keep all. */
function addRichSheet(wb: ExcelJS.Workbook): void {
  const rs = wb.addWorksheet("Ghi chú", { properties: { tabColor: { argb: "FF00B050" } }, views: [{ state: "frozen", ySplit: 2 }] });
  rs.mergeCells("A1:D1");
  rs.getCell("A1").value = "Ghi chú của cán bộ — ô gộp, định dạng, công thức";
  rs.getCell("A1").font = { bold: true, name: "Times New Roman", size: 13, color: { argb: "FFC00000" } };
  rs.getCell("A1").alignment = { horizontal: "center", vertical: "middle" };
  rs.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  rs.getCell("A2").value = "Tổng";
  rs.getCell("B2").value = { formula: "SUM('Số liệu'!B3:B4)", result: 6322 };
  rs.getCell("C2").value = { formula: "tk_thanh_toan/dan_so_15", result: 2336 / 3986 };
  rs.getCell("C2").numFmt = "0.0%";
  rs.getCell("B2").border = { top: { style: "thin" }, bottom: { style: "double", color: { argb: "FF000000" } } };
  rs.getCell("A3").value = "Chọn";
  rs.getCell("B3").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"Có,Không"'],
    showErrorMessage: true,
    error: "Chỉ Có hoặc Không",
  };
  rs.getCell("B3").value = "Có";
  rs.getCell("A4").value = { text: "Cổng dịch vụ công", hyperlink: "https://dichvucong.gov.vn/" };
  rs.getCell("A5").value = "Ô có ghi chú";
  rs.getCell("A5").note = "Số liệu lấy từ báo cáo 6 tháng";
  rs.getCell("A6").value = new Date(Date.UTC(2024, 5, 30));
  rs.getCell("A6").numFmt = "dd/mm/yyyy";
  rs.getCell("A7").value = "=không phải công thức";
  rs.getCell("B7").value = {
    richText: [
      { text: "Chữ ", font: { bold: true } },
      { text: "nhiều định dạng", font: { italic: true } },
    ],
  };
  rs.getCell("A8").value = true;
  rs.getCell("B8").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  rs.addConditionalFormatting({
    ref: "B2:B2",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["5000"],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } },
      },
    ],
  });
  rs.getColumn(1).width = 30;
  rs.getRow(1).height = 28;
  const image = wb.addImage({ buffer: PNG_1X1 as unknown as ExcelJS.Buffer, extension: "png" });
  rs.addImage(image, "E2:F4");
  rs.pageSetup = { paperSize: 9, orientation: "landscape" };
  rs.headerFooter = { oddFooter: "Trang &P / &N" };
}

/* ---------------------------------------------------------------- surgery on packages */

/** Adds <definedName> elements (raw XML) to workbook.xml, keeping the names already there. */
export async function addDefinedNames(bytes: Uint8Array, elements: string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = "xl/workbook.xml";
  const xml = await zip.file(part)!.async("string");
  const joined = elements.join("");
  let out: string;
  if (xml.includes("</definedNames>")) out = xml.replace("</definedNames>", `${joined}</definedNames>`);
  else if (/<definedNames\s*\/>/.test(xml)) out = xml.replace(/<definedNames\s*\/>/, `<definedNames>${joined}</definedNames>`);
  else out = xml.replace("</sheets>", `</sheets><definedNames>${joined}</definedNames>`);
  zip.file(part, out);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Adds a calculation chain (as Excel writes one) to the package, so the tests can see the writer
 * drop it along with its relationship and content type.
 */
export async function addCalcChain(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(
    "xl/calcChain.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B9" i="1"/></calcChain>',
  );
  const relsPart = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsPart)!.async("string");
  zip.file(
    relsPart,
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdChain9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/* ---------------------------------------------------------------- broken files */

/** Files that are not workbooks, each of which evaluate must refuse with one line and write nothing. */
export async function brokenFiles(dir: string): Promise<Array<{ label: string; file: string; english: RegExp }>> {
  const random = writeBytes(dir, "ngau-nhien.xlsx", randomBytes(4096));
  const other = new JSZip();
  other.file("doc.txt", "Đây là tệp nén, không phải sổ tính");
  const zipNotXlsx = writeBytes(dir, "nen-khac.xlsx", await other.generateAsync({ type: "uint8array" }));
  const real = await buildCustomWorkbook();
  const truncated = writeBytes(dir, "cat-cut.xlsx", real.slice(0, Math.floor(real.length / 2)));
  const text = writeBytes(dir, "van-ban.xlsx", "Mã,Chỉ tiêu\n3.2,58.6\n");
  const empty = writeBytes(dir, "rong.xlsx", new Uint8Array());
  return [
    { label: "random bytes named .xlsx", file: random, english: /không phải sổ tính \.xlsx/ },
    { label: "a zip that is not an xlsx", file: zipNotXlsx, english: /không phải sổ tính \.xlsx/ },
    { label: "a truncated real xlsx", file: truncated, english: /Tệp bị hỏng hoặc chưa tải hết/ },
    { label: "a CSV text named .xlsx", file: text, english: /văn bản \(CSV hoặc tương tự\)/ },
    { label: "an empty file", file: empty, english: /Tệp rỗng/ },
  ];
}

/* ---------------------------------------------------------------- reading what was written */

/** Sheets as our adapter sees them (with the owner marker of ours). */
export async function adapterSheets(file: string): Promise<Array<{ name: string; visibility: string; owner?: string }>> {
  const port = await XlsxWorkbook.open(readFileSync(file));
  return (await port.snapshot()).sheets;
}

export async function storedMappingText(file: string): Promise<string | undefined> {
  const port = await XlsxWorkbook.open(readFileSync(file));
  return (await port.snapshot()).mappingText;
}

export async function loadExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

export async function unzip(file: string): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("uint8array"));
  return out;
}

export const text = (bytes: Uint8Array | undefined): string => (bytes === undefined ? "" : new TextDecoder().decode(bytes));

/** Every element `<tag …/>` or `<tag …>…</tag>` inside the first `<parent>…</parent>`, as written. */
export function childElements(xml: string, parent: string, tag: string): string[] {
  const block = new RegExp(`<${parent}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${parent}>)`).exec(xml);
  if (!block) return [];
  const inner = block[1] ?? "";
  return [...inner.matchAll(new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, "g"))].map((m) => m[0]);
}

/** Every `<tag …/>` or `<tag …>…</tag>` anywhere in the document, as written. */
export function allElements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, "g"))].map((m) => m[0]);
}

/**
 * A digest of one sheet as ExcelJS reads it, cell by cell: address, type, value, formula, style,
 * note, validation; plus merges, column widths, row heights, views and sheet state.
 */
export function exceljsSheetDigest(ws: ExcelJS.Worksheet): string {
  const parts: string[] = [
    `state=${ws.state}`,
    `merges=${JSON.stringify(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort())}`,
  ];
  parts.push(`views=${JSON.stringify(ws.views)}`);
  parts.push(`cols=${JSON.stringify((ws.columns ?? []).map((c) => c.width ?? null))}`);
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    parts.push(`row ${r} h=${row.height ?? ""}`);
    row.eachCell({ includeEmpty: true }, (cell) => {
      parts.push(
        JSON.stringify({
          a: cell.address,
          t: cell.type,
          v: cell.value,
          f: cell.formula ?? null,
          s: cell.style,
          n: cell.note ?? null,
          dv: cell.dataValidation ?? null,
          h: cell.hyperlink ?? null,
        }),
      );
    });
  });
  return sha256(parts.join("\n"));
}

/** The raw cells of a worksheet part, with style ids: "A1 s=3 t=s f=… v=…" per <c>, shared strings resolved. */
export function rawCellDigest(sheetXml: string, sharedStrings: readonly string[]): string {
  const lines: string[] = [];
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1] ?? "";
    const body = m[2] ?? "";
    const r = /\br="([^"]*)"/.exec(attrs)?.[1] ?? "?";
    const s = /\bs="([^"]*)"/.exec(attrs)?.[1] ?? "0";
    const t = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? "n";
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(body)?.[0] ?? "";
    let v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? /<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "";
    if (t === "s") v = sharedStrings[Number(v)] ?? `?${v}`;
    lines.push(`${r} s=${s} t=${t} f=${f} v=${v}`);
  }
  return lines.join("\n");
}

/** The shared strings of a package, in index order, as their raw <si> XML. */
export function sharedStringItems(xml: string): string[] {
  return allElements(xml, "si");
}

/** Tab-order sheet names and their part paths, from workbook.xml and its rels. */
export function sheetParts(workbookXml: string, relsXml: string): Array<{ name: string; part: string }> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return allElements(workbookXml, "sheet").map((el) => {
    const name = /\bname="([^"]*)"/.exec(el)?.[1] ?? "";
    const rid = /\b\w+:id="([^"]*)"/.exec(el)?.[1] ?? "";
    return { name: decodeXml(name), part: targets.get(rid) ?? "" };
  });
}

/** The entities of an attribute or text, decoded as our own XML reader decodes them. */
export const decodeXml = decodeEntities;

/** Writes a fixture into `dir` and returns its path. */
export async function writeCustom(dir: string, name: string, opts: CustomOptions = {}): Promise<string> {
  return writeBytes(dir, name, await buildCustomWorkbook(opts));
}
