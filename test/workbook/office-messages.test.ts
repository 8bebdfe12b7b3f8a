/*
 * Clear words for the two cases Excel answers misleadingly: hiding a sheet of ours on a workbook
 * whose structure is protected ("access denied"), and selecting a cell on a hidden sheet ("not
 * found"). Both against the recording fake, which refuses them as Excel does.
 */
import { MAPPING_SHEET } from "../../src/core/layout/mapping-sheet";
import { OfficeWorkbook } from "../../src/workbook/office/adapter";
import { MESSAGES } from "../../src/workbook/office/errors";
import { WorkbookError } from "../../src/workbook/port";
import { FakeExcel } from "./office-fake";

const status = { key: "status", name: "Trạng thái", rows: [[{ value: "x" }]], columns: [10], merges: [], visibility: "visible" as const };
const mapping = JSON.stringify({ ruleset: "r", indicators: {} });

async function written(): Promise<{ excel: FakeExcel; port: OfficeWorkbook }> {
  const excel = new FakeExcel({
    sheets: [
      { name: "Số liệu", cells: { B7: 42 } },
      { name: "Ẩn", cells: { A1: 1 }, visibility: "hidden" },
    ],
    names: [{ name: "an_o", formula: "'Ẩn'!$A$1" }],
  });
  const port = new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
  await port.writeSheets([status], mapping);
  return { excel, port };
}

describe("protected workbook structure on a rewrite", () => {
  test("our very hidden mapping sheet is rewritten without touching its visibility: no refusal", async () => {
    const { excel, port } = await written();
    excel.structureProtected = true;
    await port.snapshot();
    await expect(port.writeSheets([status], mapping)).resolves.toMatchObject({ written: [{ replaced: true }, { replaced: true }] });
    expect(excel.sheet(MAPPING_SHEET)!.visibility).toBe("VeryHidden");
  });

  test("a mapping sheet the clerk made visible cannot be hidden again: said before anything is written", async () => {
    const { excel, port } = await written();
    excel.sheet(MAPPING_SHEET)!.visibility = "Visible";
    excel.structureProtected = true;
    await port.snapshot();
    excel.resetLog();
    const error = await port.writeSheets([{ ...status, rows: [[{ value: "mới" }]] }], mapping).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toBe(MESSAGES.protectedStructureHide(MAPPING_SHEET));
    expect((error as WorkbookError).message).toMatch(/Bảo vệ sổ làm việc/);
    expect(excel.syncCount).toBe(0);
    expect(excel.cell("Trạng thái", "A1")).toBe("x");
  });

  test("Excel's AccessDenied on a workbook known to have its structure protected names the protection, not 'access denied'", async () => {
    const { excel, port } = await written();
    excel.structureProtected = true;
    await port.snapshot();
    excel.failNextSync("AccessDenied");
    const error = await port.writeSheets([status], mapping).catch((e: unknown) => e);
    expect((error as WorkbookError).message).toBe(MESSAGES.protectedWorkbook);
    expect((error as WorkbookError).code).toBe("protected");
  });
});

describe("selecting a cell in Excel", () => {
  test("a cell on a visible sheet: its sheet activated and the cell selected, one sync", async () => {
    const { excel, port } = await written();
    excel.resetLog();
    await port.select("'Số liệu'!B7");
    expect(excel.selection).toBe("'Số liệu'!B7");
    expect(excel.active).toBe("Số liệu");
    expect(excel.syncCount).toBe(1);
  });

  test("a cell on a hidden sheet says the sheet is hidden and how to show it", async () => {
    const { port } = await written();
    await expect(port.select("'Ẩn'!A1")).rejects.toThrow(MESSAGES.hiddenSheet("'Ẩn'!A1", "Ẩn"));
    await expect(port.select("an_o")).rejects.toThrow(/trang tính "Ẩn" đang bị ẩn nên Excel không chọn được — hãy bỏ ẩn trang/);
  });

  test("a name that no longer exists still says so", async () => {
    const { port } = await written();
    await expect(port.select("da_xoa")).rejects.toThrow(/Không chọn được da_xoa trong Excel/);
  });

  test("the selected cell comes back as the mapping writes it", async () => {
    const { excel, port } = await written();
    excel.selection = "'Số liệu'!B7";
    await expect(port.selectedCell()).resolves.toBe("'Số liệu'!B7");
  });
});
