/*
 * Adding a defined name for a cell, the same refusals in every adapter: what Excel itself refuses
 * (a name that is not a name, one the workbook has) is refused before anything is changed.
 */
import { formatRange, parseRangeRef } from "../../core/ref/a1";
import { findName, isNameSyntax } from "../names";
import { WorkbookError, type DefinedName } from "../port";

/** Excel's limit on a name's length. */
const MAX_NAME_LENGTH = 255;

/**
 * The formula ('Số liệu'!$B$6) of a new workbook-scoped name for `ref`, or a WorkbookError the clerk
 * can act on. `sheets` are the workbook's sheets (their own spelling is used); `names` its names, or
 * undefined where the host checks duplicates itself.
 */
export function newNameFormula(name: string, ref: string, sheets: readonly string[], names: readonly DefinedName[] | undefined): string {
  if (name.length > MAX_NAME_LENGTH || !isNameSyntax(name)) {
    throw new WorkbookError(
      `Không đặt được tên "${name}": tên phải bắt đầu bằng chữ cái, không có dấu cách và không giống địa chỉ ô như B6 — hãy chọn tên khác`,
      "other",
    );
  }
  if (names && findName(names, name, null) !== undefined) {
    throw new WorkbookError(`Sổ tính đã có tên "${name}" — hãy chọn tên khác hoặc dùng tên đã có`, "other");
  }
  const range = parseRangeRef(ref);
  const sheet = range ? sheets.find((s) => s.toLocaleLowerCase("vi") === range.sheet.toLocaleLowerCase("vi")) : undefined;
  if (!range || sheet === undefined) {
    throw new WorkbookError(`Không đặt được tên "${name}": ô ${ref} không thuộc trang tính nào của sổ tính`, "not-found");
  }
  return formatRange({ ...range, sheet }, true);
}
