/*
 * The roll-up workbook in LibreOffice Calc with recalculation forced (test/support/libreoffice.ts):
 * every count and ratio formula computes what we cached beside it, the other cells come back as
 * written, and the three sheets print on A4 landscape, one page wide (PDF in test-output/rollup).
 */
import { mkdirSync, readFileSync, rmSync } from "fs";
import { mkdtemp } from "fs/promises";
import os from "os";
import path from "path";
import type { RawCell } from "../../src/core/text/cell";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { runCli } from "../cli/helpers";
import { writeCorpus, type CorpusDir } from "../rollup/corpus-dir";
import { pdfPageCount, recalculate, requireTool, toPdf } from "../support/libreoffice";

jest.setTimeout(600_000);

const SHEETS = ["Tổng hợp theo xã", "Theo chỉ tiêu", "Cần gửi lại", "Tổng hợp theo xã (2)", "Theo chỉ tiêu (2)", "Cần gửi lại (2)"];
let corpus: CorpusDir;
let dir: string;
let ours: XlsxWorkbook;
let calc: XlsxWorkbook;
let file: string;

beforeAll(async () => {
  requireTool("soffice");
  corpus = await writeCorpus(6);
  dir = await mkdtemp(path.join(os.tmpdir(), "chitieu-rollup-lo-"));
  file = path.join(dir, "tong-hop.xlsx");
  const run = await runCli("rollup", corpus.dir, "--out", file, "--quiet");
  expect(run.code).toBe(0);
  ours = await XlsxWorkbook.open(readFileSync(file));
  calc = await XlsxWorkbook.open(readFileSync(await recalculate(file, dir)));
});

afterAll(() => {
  rmSync(corpus.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** LibreOffice writes an empty-text result as no cell at all. */
const norm = (v: RawCell | undefined): RawCell => (v === undefined || v === "" ? null : v);

test.each(SHEETS)("%s: LibreOffice computes what we cached, cell by cell", async (name) => {
  const a = await ours.readSheet(name);
  const b = await calc.readSheet(name);
  let numbers = 0;
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
      const x = norm(a[r]?.[c]);
      const y = norm(b[r]?.[c]);
      const where = `${name}!R${r + 1}C${c + 1}`;
      if (typeof x === "number") {
        numbers++;
        expect([where, typeof y]).toEqual([where, "number"]);
        expect(Math.abs((y as number) - x)).toBeLessThan(1e-9);
      } else {
        expect([where, y]).toEqual([where, x]);
      }
    }
  }
  expect(numbers).toBeGreaterThan(0);
});

test("the count formulas are live: they follow the per-commune sheet", async () => {
  const snapXml = await ours.formulaCells("Theo chỉ tiêu");
  // Five verdict counts and the total for the overall row and each of the 13 indicators, and 5 ratios.
  expect(snapXml.size).toBe(14 * 6 + 5);
});

test("the roll-up prints on A4 landscape, one page wide", async () => {
  const out = path.join(__dirname, "..", "..", "test-output", "rollup");
  mkdirSync(out, { recursive: true });
  const pdf = await toPdf(file, out);
  expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(SHEETS.length);
});
