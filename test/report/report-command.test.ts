/*
 * `chitieu report` end to end: the bundled sample (Phú Thọ, Phụ lục 02) and the Hà Tân figures
 * (seed 003), read back from the .docx XML and from LibreOffice Writer's text conversion, against
 * what `evaluate --json` gives for the same file; the page setup, fonts and sizes from the XML; the
 * details remembered in the workbook; and the clerk's mistakes refused with one line.
 */
import { readFileSync } from "fs";
import path from "path";
import { makeLists } from "../../src/app/lists";
import type { JsonReport } from "../../src/app/report";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeSampleCommune } from "../../src/sample/commune";
import { formatInteger } from "../../src/core/text/format";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { fileHash, listDir, makeTmpDir, removeDir, runCli, writeBytes, writeMapping } from "../cli/helpers";
import { buildFilledWorkbook, haTanScenario, type ReportFigure } from "../e2e/scenarios";
import { convertWithWriter, docxPart, docxText, readText } from "./helpers";

let dir: string;
let sampleFile: string;
let haTanFile: string;
let haTanMapping: string;

beforeAll(async () => {
  dir = makeTmpDir("chitieu-report-");
  sampleFile = writeBytes(dir, "xa-minh-tan.xlsx", (await makeSampleCommune()).bytes);
  const ruleset = loadRulesetDir().rulesets.get("thanh-hoa-cds-xa-2024")!;
  const fixture = JSON.parse(readFileSync(path.join(__dirname, "..", "fixtures", "ha-tan-2024.json"), "utf8")) as Record<
    string,
    ReportFigure
  >;
  const filled = await buildFilledWorkbook(ruleset, haTanScenario(ruleset, fixture));
  haTanFile = writeBytes(dir, "ha-tan.xlsx", filled.bytes);
  haTanMapping = writeMapping(dir, filled.mapping, "ha-tan.json");
}, 120_000);

afterAll(() => removeDir(dir));

async function report(file: string, name: string, ...extra: string[]): Promise<{ docx: string; json: JsonReport; paragraphs: string[] }> {
  const docx = path.join(dir, `${name}.docx`);
  const json = path.join(dir, `${name}.json`);
  const r = await runCli("report", file, "--out", docx, ...extra);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const e = await runCli("evaluate", file, "--json", json, ...extra.filter((_, i, a) => a[i] === "--mapping" || a[i - 1] === "--mapping"));
  expect(e.code).toBe(0);
  return { docx, json: JSON.parse(readFileSync(json, "utf8")) as JsonReport, paragraphs: await docxText(readFileSync(docx)) };
}

const VERDICT = {
  dat: "Đạt",
  "khong-dat": "Không đạt",
  "thieu-so-lieu": "Chưa đánh giá được (chưa có số liệu)",
  "loi-so-lieu": "Chưa đánh giá được (số liệu chưa hợp lệ)",
  "tam-dung": "Tạm dừng",
  "khong-ap-dung": "Không áp dụng",
} as const;

/** What the report must say for one indicator of `evaluate --json`: its exact counts, display, verdict and shortfall. */
function expectedPieces(i: JsonReport["indicators"][number]): string[] {
  const pieces: string[] = [VERDICT[i.verdict]];
  if (i.numerator !== undefined && i.denominator !== undefined && i.verdict !== "loi-so-lieu")
    pieces.push(`${formatInteger(i.numerator)}/${formatInteger(i.denominator)}`);
  if (i.display !== undefined && (i.verdict === "dat" || i.verdict === "khong-dat")) pieces.push(i.display);
  if (i.shortfallText !== undefined) pieces.push(i.shortfallText.replace(/^C/, "c"));
  if (i.verdict === "thieu-so-lieu") pieces.push("chưa có số liệu");
  return pieces;
}

/** Squashes the spaces and line breaks a text conversion puts in. */
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

describe("the sample commune's report (Phú Thọ, Phụ lục 02)", () => {
  let sample: Awaited<ReturnType<typeof report>>;
  beforeAll(async () => {
    sample = await report(sampleFile, "mau", "--number", "15", "--signer", "Nguyễn Văn An", "--recipient", "UBND huyện Thanh Sơn");
  }, 120_000);

  test("each indicator's paragraph holds the figures and verdict of evaluate --json", () => {
    expect(sample.json.indicators).toHaveLength(13);
    for (const i of sample.json.indicators) {
      const p = sample.paragraphs.find((t) => t.startsWith(`- ${i.code}. `));
      expect(p).toBeDefined();
      for (const piece of expectedPieces(i))
        expect({ code: i.code, has: p!.includes(piece) ? piece : p }).toEqual({ code: i.code, has: piece });
    }
    // The sample's figures at the adult age 15: 750/926 = 81,0%, 38 short of 85% (787,1 → 788 needed).
    expect(sample.paragraphs.find((t) => t.startsWith("- 1.1.1. "))).toContain("750/926 người");
  });

  test("sections I–IV of Phụ lục 02, the self-assessment from the verdicts, Phụ lục 03–07 with their totals", async () => {
    const headings = [
      "I. Công tác tổ chức triển khai thực hiện",
      "II. Kết quả thực hiện các chỉ tiêu",
      "1. Hạ tầng số",
      "2. Chính quyền số",
      "3. Kinh tế số",
      "4. Xã hội số",
      "III. Đánh giá chung",
      "IV. Tự đánh giá",
    ];
    const at = headings.map((h) => sample.paragraphs.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(sample.paragraphs).toContain(`Xã Minh Tân ${sample.json.overall.text}. Xã Minh Tân chưa đạt tiêu chí xã thông minh.`);
    // Each list's own "Tổng cộng", as `chitieu lists` builds it (PL07 backs a yes/no indicator: its count is the list's).
    const made = await makeLists(await XlsxWorkbook.open(readFileSync(sampleFile)), { rulesets: loadRulesetDir().rulesets });
    expect(made.ok && made.lists.map((l) => l.id)).toEqual(["PL03", "PL04", "PL05", "PL06", "PL07"]);
    for (const l of made.ok ? made.lists : []) {
      const line = sample.paragraphs.find((t) => t.startsWith(`- ${l.appendix}:`));
      expect(line).toMatch(new RegExp(`: tổng cộng ${formatInteger(l.count).replace(".", "\\.")} ${l.unit}[;.]$`));
    }
    const n = sample.json.indicators.find((i) => i.code === "1.1.1")!.numerator!;
    expect(sample.paragraphs.find((t) => t.startsWith("- Phụ lục 03:"))).toContain(`tổng cộng ${formatInteger(n)} người`);
  });

  test("A4, margins of Nghị định 30/2020, Times New Roman 11–14 pt, body 14 pt, page numbers from page 2", async () => {
    const bytes = readFileSync(sample.docx);
    const xml = await docxPart(bytes, "word/document.xml");
    const mm = (twips: string) => Number(twips) / (1440 / 25.4);
    const pgSz = /<w:pgSz\b[^>]*>/.exec(xml)![0];
    expect(mm(/w:w="(\d+)"/.exec(pgSz)![1]!)).toBeCloseTo(210, 0);
    expect(mm(/w:h="(\d+)"/.exec(pgSz)![1]!)).toBeCloseTo(297, 0);
    const mar = /<w:pgMar\b[^>]*>/.exec(xml)![0];
    const margin = (side: string) => mm(new RegExp(`w:${side}="(\\d+)"`).exec(mar)![1]!);
    for (const side of ["top", "bottom"]) {
      expect(margin(side)).toBeGreaterThanOrEqual(19.9);
      expect(margin(side)).toBeLessThanOrEqual(25.1);
    }
    expect(margin("left")).toBeGreaterThanOrEqual(29.9);
    expect(margin("left")).toBeLessThanOrEqual(35.1);
    expect(margin("right")).toBeGreaterThanOrEqual(14.9);
    expect(margin("right")).toBeLessThanOrEqual(20.1);
    const fonts = new Set([...xml.matchAll(/<w:rFonts\b[^>]*w:ascii="([^"]*)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2));
    // 2 pt is the run that carries a rule line.
    for (const s of [...sizes].filter((x) => x !== 2)) {
      expect(s).toBeGreaterThanOrEqual(11);
      expect(s).toBeLessThanOrEqual(14);
    }
    const styles = await docxPart(bytes, "word/styles.xml");
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
    // A body paragraph: 14 pt, justified, first line indented 1 cm.
    const body = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).find((p) => p.includes("UBND xã Minh Tân báo cáo"))!;
    expect(body).toMatch(/<w:jc w:val="both"\/>/);
    expect(body).toMatch(/<w:ind w:firstLine="567"\/>/);
    expect(body).toMatch(/<w:sz w:val="28"\/>/);
    expect(xml).toContain("<w:titlePg/>");
    const headerRel = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(xml);
    expect(headerRel).not.toBeNull();
    const rels = await docxPart(bytes, "word/_rels/document.xml.rels");
    const headerPart =
      new RegExp(`Id="${headerRel![1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${headerRel![1]}"`).exec(rels)![1]!;
    expect(await docxPart(bytes, `word/${headerPart}`)).toMatch(/PAGE/);
  });

  test("the header block, number, place and date, title, Nơi nhận and signature", () => {
    expect(sample.paragraphs.slice(0, 9)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "XÃ MINH TÂN",
      "",
      "Số: 15/BC-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "Minh Tân, ngày 30 tháng 9 năm 2024",
      "BÁO CÁO",
    ]);
    expect(sample.paragraphs).toContain("Kính gửi: UBND huyện Thanh Sơn");
    const end = sample.paragraphs.slice(sample.paragraphs.indexOf("Nơi nhận:"));
    expect(end).toEqual([
      "Nơi nhận:",
      "- Sở TT&TT;",
      "- UBND huyện;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "(Ký tên, đóng dấu)",
      "",
      "",
      "",
      "Nguyễn Văn An",
    ]);
  });
});

describe("the Hà Tân report (seed 003's figures, Thanh Hóa a) b) c) structure)", () => {
  let haTan: Awaited<ReturnType<typeof report>>;
  beforeAll(async () => {
    haTan = await report(haTanFile, "ha-tan", "--mapping", haTanMapping, "--signer", "Nguyễn Văn Trình", "--signer-title", "pho-chu-tich");
  }, 120_000);

  test("every indicator has a) b) c), with the figures and verdict of evaluate --json", () => {
    expect(haTan.json.indicators).toHaveLength(36);
    for (const i of haTan.json.indicators) {
      const at = haTan.paragraphs.findIndex((t) => t.startsWith(`${i.code}. `));
      expect({ code: i.code, at: at >= 0 }).toEqual({ code: i.code, at: true });
      const [a, b, c] = haTan.paragraphs.slice(at + 1, at + 4);
      expect(a).toMatch(/^a\) Yêu cầu tiêu chí: /);
      expect(b).toMatch(/^b\) Kết quả: /);
      expect(c).toMatch(/^c\) Tự đánh giá: /);
      for (const piece of expectedPieces(i))
        expect({ code: i.code, has: `${b} ${c}`.includes(piece) ? piece : `${b} ${c}` }).toEqual({ code: i.code, has: piece });
    }
    // 3.2: 2335/3986 = 58,6% against ≥ 80% (seed 003).
    const b32 = haTan.paragraphs[haTan.paragraphs.findIndex((t) => t.startsWith("3.2. ")) + 2];
    expect(b32).toContain("2.335/3.986");
    expect(b32).toContain("58,6%");
  });

  test("group headings with the engine's k/n, not the clerk's 11/11", () => {
    for (const g of haTan.json.groups) {
      const at = haTan.paragraphs.findIndex((t) => t.endsWith(`. ${g.name}`) && /^\d+\. /.test(t));
      expect(haTan.paragraphs[at + 1]).toBe(`- Chỉ tiêu đạt: ${g.text.replace(/^đạt /, "")}`);
    }
    expect(haTan.paragraphs.join("\n")).not.toContain("11/11");
    expect(haTan.paragraphs).toContain("KT. CHỦ TỊCH");
  });

  test("LibreOffice Writer reads both reports with the same figures", () => {
    const sampleDocx = path.join(dir, "mau.docx");
    const texts = convertWithWriter([sampleDocx, haTan.docx], "txt", path.join(dir, "txt"));
    const haTanText = squash(readText(texts.get(haTan.docx)!));
    for (const i of haTan.json.indicators)
      for (const piece of expectedPieces(i)) expect({ code: i.code, has: haTanText.includes(piece) }).toEqual({ code: i.code, has: true });
    const sampleText = squash(readText(texts.get(sampleDocx)!));
    expect(sampleText).toContain("750/926 người");
    expect(sampleText).toContain("TM. ỦY BAN NHÂN DÂN");
  }, 300_000);
});

describe("details remembered in the workbook, and mistakes refused", () => {
  test("--store-in keeps number, date and signer in the mapping; the next report uses them; FILE.xlsx is untouched", async () => {
    const before = fileHash(sampleFile);
    const copy = path.join(dir, "co-thong-tin.xlsx");
    const first = await runCli(
      "report",
      sampleFile,
      "--out",
      path.join(dir, "lan-1.docx"),
      "--number",
      "27",
      "--date",
      "2024-10-05",
      "--signer",
      "Lê Thị Bình",
      "--signer-title",
      "pho-chu-tich",
      "--store-in",
      copy,
    );
    expect(first.code).toBe(0);
    expect(fileHash(sampleFile)).toBe(before);
    const again = await runCli("report", copy, "--out", path.join(dir, "lan-2.docx"));
    expect(again.code).toBe(0);
    const text = await docxText(readFileSync(path.join(dir, "lan-2.docx")));
    expect(text).toContain("Số: 27/BC-UBND");
    expect(text).toContain("Minh Tân, ngày 05 tháng 10 năm 2024");
    expect(text).toContain("Lê Thị Bình");
    expect(text).toContain("PHÓ CHỦ TỊCH");
  });

  test.each([
    [["--out", "bao-cao.pdf"], 1, /bao-cao\.pdf": báo cáo ghi ra tệp Word, tên phải có đuôi \.docx/],
    [[], 1, /cần tên tệp \.xlsx và --out/],
    [["--out", "x.docx", "--date", "2024-02-30"], 2, /^Lỗi: Thông tin báo cáo — ngày ký: ngày ký phải là một ngày có thật/],
    [["--out", "x.docx", "--signer-title", "giam-doc"], 2, /^Lỗi: Thông tin báo cáo — chức vụ người ký: /],
    [["--out", "x.docx", "--as-of", "2024-13-01"], 2, /^Lỗi: --as-of "2024-13-01" phải là một ngày có thật/],
  ])("report %j exits %d with one line saying what to do, writing nothing", async (args, code, message) => {
    const out = makeTmpDir("chitieu-report-bad-");
    try {
      const r = await runCli("report", sampleFile, ...args.map((a) => (a.endsWith(".docx") || a.endsWith(".pdf") ? path.join(out, a) : a)));
      expect(r.code).toBe(code);
      expect(r.errLines[0]).toMatch(message);
      expect(listDir(out)).toEqual([]);
    } finally {
      removeDir(out);
    }
  });

  test("a file that is not a workbook is refused", async () => {
    const bad = writeBytes(dir, "khong-phai.xlsx", "không phải sổ tính");
    const r = await runCli("report", bad, "--out", path.join(dir, "khong.docx"));
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(/văn bản \(CSV hoặc tương tự\)/);
  });
});
