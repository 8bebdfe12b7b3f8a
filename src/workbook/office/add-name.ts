/*
 * names.add for an accepted proposal (ExcelApi 1.4, the adapter's minimum). The name and cell are
 * checked here first, as the other adapters check them; a name the workbook already has is left to
 * Excel, which refuses it with ItemAlreadyExists, said in words.
 */
import { parseRangeRef } from "../../core/ref/a1";
import { newNameFormula } from "../common/new-name";
import { WorkbookError } from "../port";
import { officeErrorCode } from "./errors";
import type { XlContext } from "./types";

export async function addNameIn(ctx: XlContext, name: string, ref: string): Promise<void> {
  const sheet = parseRangeRef(ref)?.sheet;
  const formula = newNameFormula(name, ref, sheet === undefined ? [] : [sheet], undefined);
  ctx.workbook.names.add(name, `=${formula}`);
  try {
    await ctx.sync();
  } catch (e) {
    const code = officeErrorCode(e);
    if (code === "ItemAlreadyExists")
      throw new WorkbookError(`Sổ tính đã có tên "${name}" — hãy chọn tên khác hoặc dùng tên đã có`, "other");
    if (code === "InvalidArgument" || code === "ItemNotFound")
      throw new WorkbookError(
        `Không đặt được tên "${name}" cho ô ${ref}: Excel không nhận tên hoặc ô này — hãy kiểm tra trang tính còn đó và chọn tên khác`,
        "other",
      );
    throw e;
  }
}
