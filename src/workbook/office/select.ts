/*
 * "Select this cell in Excel" and "which cell is selected": the two small calls the pane makes
 * besides the workbook port, kept in the Office adapter so the task pane calls Excel in one place.
 * One Excel.run and one sync each; a failed selection gets a second, read-only look to say why.
 */
import { parseArea, splitSheet } from "../../core/ref/a1";
import { WorkbookError } from "../port";
import { MESSAGES, officeErrorCode } from "./errors";
import type { OfficeRun, XlContext, XlRange } from "./types";

/**
 * The range a reference means, queued on the context: "'Số liệu'!B7" or "'Số liệu'!B7:C9" (a sheet
 * and an address), "'Số liệu'!ten" (a sheet-scoped name), "ten" (a workbook name), "B7" (the
 * active sheet). Names go through ...OrNullObject (ExcelApi 1.4), so a missing name fails the sync.
 */
function rangeOf(ctx: XlContext, ref: string): XlRange {
  const { sheet, rest } = splitSheet(ref);
  const body = rest.trim();
  const isAddress = parseArea(body) !== undefined;
  if (sheet !== undefined) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    return isAddress ? ws.getRange(body.replace(/\$/g, "")) : ws.names.getItemOrNullObject(body).getRangeOrNullObject();
  }
  if (isAddress) return ctx.workbook.worksheets.getActiveWorksheet().getRange(body.replace(/\$/g, ""));
  return ctx.workbook.names.getItemOrNullObject(body).getRangeOrNullObject();
}

/** Activates the reference's sheet and selects it: one Excel.run, one sync. */
export async function selectReference(run: OfficeRun, ref: string): Promise<void> {
  try {
    await run(async (ctx) => {
      const range = rangeOf(ctx, ref);
      range.worksheet.activate();
      range.select();
      await ctx.sync();
    });
  } catch (e) {
    if (officeErrorCode(e) === "InvalidOperationInCellEditMode") throw e;
    const hidden = await hiddenSheetOf(run, ref);
    if (hidden !== undefined) throw new WorkbookError(MESSAGES.hiddenSheet(ref, hidden), "other");
    throw new WorkbookError(
      `Không chọn được ${ref} trong Excel — tên hoặc ô này không còn (đã xóa, đổi tên, hoặc trỏ tới #REF!). Bấm “Đọc lại sổ tính” rồi thử lại.`,
      "not-found",
    );
  }
}

/**
 * Excel refuses to activate a hidden sheet, with an error that reads like "not found". The sheet
 * the reference lands on, when it exists and is hidden; undefined otherwise (or when even this fails).
 */
async function hiddenSheetOf(run: OfficeRun, ref: string): Promise<string | undefined> {
  try {
    return await run(async (ctx) => {
      const ws = rangeOf(ctx, ref).worksheet;
      ws.load("name,visibility");
      await ctx.sync();
      return ws.visibility === "Visible" ? undefined : ws.name;
    });
  } catch {
    return undefined;
  }
}

/** The selected cell as the mapping writes it ("'Số liệu'!B7"); a block of cells is refused. */
export async function selectedReference(run: OfficeRun): Promise<string> {
  const address = await run(async (ctx) => {
    const range = ctx.workbook.getSelectedRange();
    range.load("address");
    await ctx.sync();
    return range.address;
  });
  const { sheet, rest } = splitSheet(address);
  const area = parseArea(rest);
  if (!area || area.top !== area.bottom || area.left !== area.right) {
    throw new WorkbookError(`Đang chọn ${address} — hãy chọn đúng một ô chứa số liệu rồi bấm lại.`, "other");
  }
  return sheet === undefined ? rest : address;
}
