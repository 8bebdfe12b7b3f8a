/*
 * Payload-safe in both directions: Excel on the web refuses a request or a response over 5 MB (the
 * fake does too, as its payloadLimit). Every request the adapter sends, and every response it asks
 * for, must stay under the margin whatever the roster's width or text lengths; a request Excel still
 * refuses as too large (or answers with GeneralException) is sent again once, in two halves.
 */
import type { CellSpec, SheetLayout } from "../../src/core/layout/sheet";
import type { RawCell } from "../../src/core/text/cell";
import { OfficeWorkbook } from "../../src/workbook/office/adapter";
import { MESSAGES } from "../../src/workbook/office/errors";
import { CHUNK_BYTES, PAYLOAD_LIMIT_BYTES } from "../../src/workbook/office/sizing";
import { WorkbookError } from "../../src/workbook/port";
import { FakeExcel, type FakeInit } from "./office-fake";

/** What every request and response must stay under: well below Excel's 5 MB, room for Office's envelope. */
const MARGIN_BYTES = 4 * 1024 * 1024;

function open(init: FakeInit): { excel: FakeExcel; port: OfficeWorkbook } {
  const excel = new FakeExcel(init);
  return { excel, port: new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported }) };
}

// A few long Vietnamese texts, shared between cells so 4 million cells do not take 4 million strings.
const LONG = Array.from(
  { length: 37 },
  (_, i) =>
    `Hộ ông Nguyễn Văn Thắng ${i}, thôn Đồng Tâm, xã Minh Tân, huyện Yên Lập, tỉnh Phú Thọ — hộ cận nghèo đã thoát nghèo bền vững năm 2023, có tài khoản ngân hàng`,
);
const SHORT = Array.from({ length: 53 }, (_, i) => `Thôn ${i + 1} — Mường`);
const BIRTH = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(1950 + (i % 60), i % 12, 1 + (i % 28))));

/** Column c of row r of a 40-column roster: a number, a date, ten long texts, the rest short texts. */
function rosterCell(r: number, c: number): RawCell {
  if (r === 1) return `Cột ${c}`;
  if (c === 1) return r - 1;
  if (c === 2) return BIRTH[r % BIRTH.length]!;
  if (c % 4 === 0) return LONG[(r + c) % LONG.length]!;
  return SHORT[(r * 7 + c) % SHORT.length]!;
}

describe("Office.js adapter: payload-safe reads and writes", () => {
  test("a 100 000-row × 40-column roster of long Vietnamese text: read and listed, every request and response under the margin", async () => {
    const rows = 100_001;
    const { excel, port } = open({ sheets: [{ name: "Dân cư", generate: { rows, columns: 40, cell: rosterCell } }] });

    const read = await port.readSheet("Dân cư");
    expect(read).toHaveLength(rows);
    expect(read[rows - 1]).toHaveLength(40);
    expect(read[rows - 1]![3]).toBe(LONG[(rows + 4) % LONG.length]);
    expect(read[54_321]![1]).toEqual(BIRTH[54_322 % BIRTH.length]);
    const readLog = [...excel.log];
    const readResponse = readLog.reduce((s, r) => s + r.responseBytes, 0);
    expect(readResponse).toBeGreaterThan((100 * PAYLOAD_LIMIT_BYTES) / 10); // far more than one response could carry
    expect(Math.max(...readLog.map((r) => r.responseBytes))).toBeLessThanOrEqual(MARGIN_BYTES);
    expect(Math.max(...readLog.map((r) => r.requestBytes))).toBeLessThanOrEqual(MARGIN_BYTES);
    // Each later read carries most of a budget: the count follows the bytes, not a fixed row count.
    expect(readLog.length).toBeLessThanOrEqual(1 + Math.ceil(readResponse / (CHUNK_BYTES / 2)));

    // Listed: every resident in a list sheet of ours, eight columns as an appendix has them.
    excel.resetLog();
    const pick = [1, 3, 4, 5, 8, 12, 16, 20];
    const list: SheetLayout = {
      key: "PL03",
      name: "Phụ lục 03",
      rows: read.map((row) => pick.map((c): CellSpec => ({ value: row[c - 1] as CellSpec["value"], style: c === 1 ? "integer" : "text" }))),
      columns: Array<number>(pick.length).fill(12),
      merges: [],
      visibility: "visible",
    };
    await port.writeSheets([list]);
    const writeLog = [...excel.log];
    expect(Math.max(...writeLog.map((r) => r.requestBytes))).toBeLessThanOrEqual(MARGIN_BYTES);
    expect(Math.max(...writeLog.map((r) => r.responseBytes))).toBeLessThanOrEqual(MARGIN_BYTES);
    expect(excel.cell("Phụ lục 03", "C100001")).toBe(LONG[(rows + 4) % LONG.length]);

    // The figures of this test, for BENCHMARKS.md.
    const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
    console.log(
      `100 000 × 40 roster: read in ${readLog.length} syncs (largest response ${mb(Math.max(...readLog.map((r) => r.responseBytes)))} MB, ${mb(readResponse)} MB in all); ` +
        `written in ${writeLog.length} syncs (largest request ${mb(Math.max(...writeLog.map((r) => r.requestBytes)))} MB)`,
    );
  }, 300_000);

  test("a roster wider than the first block is read whole: the columns right of it and the rows below it", async () => {
    const cell = (r: number, c: number) => ((r * 100 + c) % 7 === 0 ? null : `${r}:${c}`);
    const { excel, port } = open({ sheets: [{ name: "Rộng", generate: { rows: 900, columns: 75, cell } }] });
    const read = await port.readSheet("Rộng");
    expect(read).toEqual(Array.from({ length: 900 }, (_, r) => Array.from({ length: 75 }, (_, c) => cell(r + 1, c + 1))));
    expect(excel.syncCount).toBeGreaterThan(1);
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(MARGIN_BYTES);
  });

  test("a first block too large for Excel (very long texts) is not the end: the size first, then smaller blocks", async () => {
    const text = (r: number, c: number) => `${r}/${c} ${"Đồng bào dân tộc thiểu số ở thôn vùng cao, ".repeat(10)}`;
    const { excel, port } = open({ sheets: [{ name: "Dài", generate: { rows: 800, columns: 30, cell: text } }] });
    const read = await port.readSheet("Dài");
    expect(read).toHaveLength(800);
    expect(read[799]![29]).toBe(text(800, 30));
    expect(read[0]![0]).toBe(text(1, 1));
    // The first sync was refused by the fake as Excel would (its response over 5 MB); none after it.
    expect(excel.log[0]!.responseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...excel.log.slice(1).map((r) => r.responseBytes))).toBeLessThanOrEqual(MARGIN_BYTES);
    // The refusal taught the adapter what a cell costs: no later block is refused.
    expect(excel.log.filter((r) => r.responseBytes > PAYLOAD_LIMIT_BYTES)).toHaveLength(1);
  });

  test("readRanges is chunked: many large ranges go in several requests, each under the budget, in order", async () => {
    const { excel, port } = open({ sheets: [{ name: "Dân cư", generate: { rows: 20_000, columns: 40, cell: rosterCell } }] });
    const ranges = Array.from({ length: 8 }, (_, i) => ({
      sheet: "Dân cư",
      top: 1 + i * 2_500,
      left: 1,
      bottom: (i + 1) * 2_500,
      right: 40,
    }));
    const blocks = await port.readRanges(ranges);
    expect(blocks.map((b) => b.length)).toEqual(Array(8).fill(2_500));
    expect(blocks[7]![2_499]![3]).toBe(rosterCell(20_000, 4));
    expect(excel.syncCount).toBeGreaterThan(1);
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(MARGIN_BYTES);
  });

  test("a few small ranges stay one round trip", async () => {
    const { excel, port } = open({ sheets: [{ name: "A", cells: { B2: 1, C3: "x" } }] });
    const out = await port.readRanges([
      { sheet: "A", top: 2, left: 2, bottom: 2, right: 2 },
      { sheet: "A", top: 3, left: 3, bottom: 3, right: 3 },
    ]);
    expect(out).toEqual([[[1]], [["x"]]]);
    expect(excel.syncCount).toBe(1);
  });

  test.each(["GeneralException", "ResponsePayloadSizeLimitExceeded"])(
    "a read Excel refuses with %s is sent again once, in halves",
    async (code) => {
      const { excel, port } = open({ sheets: [{ name: "A", cells: { A1: 1, A2: 2, A3: 3, A4: 4 } }] });
      excel.failNextSync(code);
      const out = await port.readRanges([{ sheet: "A", top: 1, left: 1, bottom: 4, right: 1 }]);
      expect(out).toEqual([[[1], [2], [3], [4]]]);
      expect(excel.syncCount).toBe(3);
    },
  );

  test("a half refused again becomes the message about size, not a generic Excel error", async () => {
    const { excel, port } = open({ sheets: [{ name: "A", cells: { A1: 1, A2: 2 } }] });
    excel.failNextSync("GeneralException");
    excel.failNextSync("GeneralException");
    const error = await port.readRanges([{ sheet: "A", top: 1, left: 1, bottom: 2, right: 1 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toBe(MESSAGES.tooLarge("GeneralException"));
  });

  test("an error that is not about size is not retried", async () => {
    const { excel, port } = open({ sheets: [{ name: "A", cells: { A1: 1 } }] });
    excel.failNextSync("ItemNotFound");
    await expect(port.readRanges([{ sheet: "A", top: 1, left: 1, bottom: 2, right: 1 }])).rejects.toMatchObject({ code: "not-found" });
    expect(excel.syncCount).toBe(1);
  });

  test("a write Excel refuses as too large is sent again in halves, and the sheet is whole", async () => {
    const { excel, port } = open({ sheets: [{ name: "Data" }] });
    await port.snapshot();
    excel.resetLog();
    excel.failNextSync("RequestPayloadSizeLimitExceeded");
    const rows = Array.from({ length: 40 }, (_, i) => [
      { value: `Dòng ${i + 1}`, style: "text" as const },
      { value: i, style: "integer" as const },
    ]);
    await port.writeSheets([
      {
        key: "PL01",
        name: "Phụ lục 01",
        rows,
        columns: [20, 10],
        merges: [{ top: 40, left: 1, bottom: 40, right: 2 }],
        visibility: "visible",
      },
    ]);
    expect(excel.syncCount).toBe(3);
    expect(excel.cell("Phụ lục 01", "A1")).toBe("Dòng 1");
    expect(excel.cell("Phụ lục 01", "B40")).toBe(39);
    expect(excel.sheet("Phụ lục 01")!.merges).toHaveLength(1);
    expect(excel.formatAt("Phụ lục 01", "B40")["font.name"]).toBe("Times New Roman");
  });

  test("a chunk sent alone and refused as too large is halved by rows: every row written once", async () => {
    const { excel, port } = open({ sheets: [{ name: "Data" }] });
    await port.snapshot();
    excel.resetLog();
    const note = (i: number) => `Ghi chú dài về hộ gia đình số ${i}: `.repeat(40);
    const rows = Array.from({ length: 3_000 }, (_, i) => [
      { value: i + 1, style: "integer" as const },
      { value: note(i + 1), style: "text" as const },
    ]);
    // The first request (set-up and the first chunk) passes; the second, one chunk alone, is refused.
    excel.failSyncAfter(1, "GeneralException");
    await port.writeSheets([{ key: "PL02", name: "Phụ lục 02", rows, columns: [8, 60], merges: [], visibility: "visible" }]);
    const sizes = excel.log.map((r) => r.requestBytes);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    // The two halves of the refused request carry about half of it each.
    expect(sizes[2]! + sizes[3]!).toBeGreaterThan(sizes[1]! * 0.9);
    for (let r = 1; r <= 3_000; r += 499) expect(excel.cell("Phụ lục 02", `B${r}`)).toBe(note(r));
    expect(excel.cell("Phụ lục 02", "A3000")).toBe(3_000);
  });

  test("the fake refuses what Excel on the web refuses: a request over 5 MB", async () => {
    const excel = new FakeExcel({ sheets: [{ name: "A" }] });
    const error = await excel
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange("A1").values = [["x".repeat(PAYLOAD_LIMIT_BYTES + 1)]];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});
