/*
 * "Select this cell in Excel" and "which cell is selected": the two small Office.js calls the pane
 * makes itself (the workbook port does the rest). One Excel.run and one sync each.
 */
import { parseArea, splitSheet } from "../../core/ref/a1";
import { WorkbookError } from "../../workbook/port";

/** Excel.run, passed in so tests can give a recording fake. */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The range a reference means, queued on the context: "'Số liệu'!B7" or "'Số liệu'!B7:C9" (a sheet
 * and an address), "'Số liệu'!ten" (a sheet-scoped name), "ten" (a workbook name), "B7" (the
 * active sheet). Names go through ...OrNullObject (ExcelApi 1.4), so a missing name fails the sync.
 */
function rangeOf(ctx: Excel.RequestContext, ref: string): Excel.Range {
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
export async function selectReference(run: ExcelRun, ref: string): Promise<void> {
  try {
    await run(async (ctx) => {
      const range = rangeOf(ctx, ref);
      range.worksheet.activate();
      range.select();
      await ctx.sync();
    });
  } catch (e) {
    const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
    if (code === "InvalidOperationInCellEditMode") throw e;
    throw new WorkbookError(`Không chọn được ${ref} trong Excel — tên hoặc ô này không còn (đã xóa, đổi tên, hoặc trỏ tới #REF!). Bấm “Đọc lại sổ tính” rồi thử lại.`, "not-found");
  }
}

/** The selected cell as the mapping writes it ("'Số liệu'!B7"); a block of cells is refused. */
export async function selectedReference(run: ExcelRun): Promise<string> {
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
