/*
 * Every ruleset's report, drafted from one of the end-to-end scenarios (passes, failures, blanks,
 * impossible figures, suspended indicators), is converted to PDF by LibreOffice Writer without error;
 * the sample commune's report is also rendered to PNG in test-output/report/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import { reportForWorkbook } from "../../src/app/report-document";
import { mappingToText } from "../../src/core/mapping/schema";
import { documentLines } from "../../src/core/report/model";
import { loadReportWording } from "../../src/node/report-wordings";
import { loadRulesetDir } from "../../src/node/rulesets";
import { reportToDocx } from "../../src/report/docx";
import { makeSampleCommune } from "../../src/sample/commune";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTmpDir, removeDir } from "../cli/helpers";
import { buildFilledWorkbook, planScenario } from "../e2e/scenarios";
import { pdfPageCount, pdfText, pdfToPngs, requireTool } from "../support/libreoffice";
import { convertWithWriter } from "./helpers";

const RENDER_DIR = path.join(__dirname, "..", "..", "test-output", "report");
const { rulesets } = loadRulesetDir();
const drafts: Array<{ id: string; docx: string; lines: string[]; verdicts: string[] }> = [];
let dir: string;
let pdfs: Map<string, string>;

beforeAll(async () => {
  for (const tool of ["soffice", "pdftoppm", "pdftotext", "pdfinfo"]) requireTool(tool);
  dir = makeTmpDir("chitieu-report-pdf-");
  const sources: Array<{ id: string; bytes: Uint8Array; mapping?: string }> = [{ id: "sample", bytes: (await makeSampleCommune()).bytes }];
  for (const ruleset of rulesets.values()) {
    const filled = await buildFilledWorkbook(ruleset, planScenario(ruleset, 0));
    sources.push({ id: ruleset.id, bytes: filled.bytes, mapping: mappingToText(filled.mapping) });
  }
  for (const s of sources) {
    const port = await XlsxWorkbook.open(s.bytes);
    const out = await reportForWorkbook(port, {
      rulesets,
      ...(s.mapping ? { mapping: { text: s.mapping, source: s.id } } : {}),
      wording: (r) => loadReportWording(r),
      details: { number: "08", signer: "Nguyễn Văn An" },
    });
    if (!out.ok) throw new Error(`${s.id}: ${out.problems.map((p) => p.message).join("; ")}`);
    const docx = path.join(dir, `${s.id}.docx`);
    writeFileSync(docx, await reportToDocx(out.document));
    drafts.push({ id: s.id, docx, lines: documentLines(out.document), verdicts: out.evaluation.indicators.map((i) => i.verdict) });
  }
  pdfs = convertWithWriter(
    drafts.map((d) => d.docx),
    "pdf",
    path.join(dir, "pdf"),
  );
}, 600_000);

afterAll(() => removeDir(dir));

const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

test("there is a report for the sample and for every ruleset, and the scenarios give missing, impossible and suspended figures", () => {
  expect(drafts.map((d) => d.id)).toEqual(["sample", ...rulesets.keys()]);
  const all = new Set(drafts.flatMap((d) => d.verdicts));
  for (const v of ["thieu-so-lieu", "loi-so-lieu", "tam-dung", "dat", "khong-dat"]) expect(all).toContain(v);
});

test.each([...rulesets.keys(), "sample"])(
  "%s: Writer converts it to PDF, with its header, every group and the signature",
  async (id) => {
    const draft = drafts.find((d) => d.id === id)!;
    const pdf = pdfs.get(draft.docx)!;
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const text = squash(await pdfText(pdf));
    for (const must of [
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 08/BC-UBND",
      "BÁO CÁO",
      "TM. ỦY BAN NHÂN DÂN",
      "Nguyễn Văn An",
    ])
      expect(text).toContain(must);
    const ruleset = rulesets.get(id === "sample" ? "phu-tho-xa-thong-minh-2024" : id)!;
    for (const g of ruleset.groups) expect(text).toContain(squash(g.name));
    // Missing, impossible and suspended figures are said in words on the printed page.
    if (draft.verdicts.includes("thieu-so-lieu")) expect(text).toContain("Chưa đánh giá được (chưa có số liệu)");
    if (draft.verdicts.includes("loi-so-lieu")) expect(text).toContain("Chưa đánh giá được (số liệu chưa hợp lệ)");
    if (draft.verdicts.includes("tam-dung")) expect(text).toContain("tạm dừng: ");
    // The title under BÁO CÁO, as drafted, made it to the page.
    expect(text).toContain(squash(draft.lines[draft.lines.indexOf("BÁO CÁO") + 1]!));
  },
  120_000,
);

test("the sample report is rendered to PNG for a person to look at", async () => {
  const sample = drafts.find((d) => d.id === "sample")!;
  mkdirSync(RENDER_DIR, { recursive: true });
  const pngs = await pdfToPngs(pdfs.get(sample.docx)!, path.join(RENDER_DIR, "bao-cao-mau"), 60);
  expect(pngs.length).toBe(await pdfPageCount(pdfs.get(sample.docx)!));
}, 120_000);
