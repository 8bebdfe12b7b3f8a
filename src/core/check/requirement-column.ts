import type { SheetGrid } from "./context";
import { gridValue } from "./context";
import { foldLoose } from "../text/fold";

/** How far up a column its header is looked for. */
const HEADER_ROWS = 60;

/** Headers of a column that holds what the document requires (our template's "Yêu cầu"), not the clerk's figures. */
const REQUIREMENT_HEADER = /^(?:muc )?(?:yeu cau|chi tieu yeu cau|muc dat|nguong)\b/;

/**
 * Whether the column holding (row, col) is headed as the requirement ("Yêu cầu"): its "100%" is the
 * threshold the document sets, never a figure the mapping missed by one cell.
 */
export function isRequirementColumn(grid: SheetGrid | undefined, row: number, col: number): boolean {
  for (let r = row - 1; r >= 1 && r >= row - HEADER_ROWS; r--) {
    const v = gridValue(grid, r, col);
    if (typeof v === "string" && REQUIREMENT_HEADER.test(foldLoose(v))) return true;
  }
  return false;
}
