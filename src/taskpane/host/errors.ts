import { toWorkbookError } from "../../workbook/office/errors";
import { WorkbookError } from "../../workbook/port";

/**
 * Any failure as one Vietnamese sentence that says what to do — never a stack trace. Office.js error
 * codes get the adapter's own messages (src/workbook/office/errors.ts), so the pane and the adapter
 * never say two different things about the same error.
 */
export function describeError(e: unknown): string {
  const mapped = toWorkbookError(e);
  if (mapped instanceof WorkbookError) return mapped.message;
  return `Không thực hiện được: ${e instanceof Error ? e.message : String(e)}`;
}
