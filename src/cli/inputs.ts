import { isIsoDate } from "../core/text/date";
import { readWorkbookFile } from "../node/files";

export type CommonInputs = { asOf?: string | undefined; mapping?: { text: string; source: string } | undefined };

/**
 * --as-of and --mapping, read the same way by every command: a date that does not exist or a mapping
 * file that cannot be read is a one-line Vietnamese message (returned as `error`), never a guess.
 */
export function readCommonInputs(values: {
  "as-of"?: string | undefined;
  mapping?: string | undefined;
}): { ok: true; inputs: CommonInputs } | { ok: false; error: string } {
  const asOf = values["as-of"];
  if (asOf !== undefined && !isIsoDate(asOf)) {
    return { ok: false, error: `Lỗi: --as-of "${asOf}" phải là một ngày có thật dạng YYYY-MM-DD, ví dụ 2024-06-30 (bad date)` };
  }
  if (values.mapping === undefined) return { ok: true, inputs: { asOf } };
  try {
    return {
      ok: true,
      inputs: { asOf, mapping: { text: new TextDecoder().decode(readWorkbookFile(values.mapping)), source: values.mapping } },
    };
  } catch (e) {
    return { ok: false, error: `Lỗi: ${e instanceof Error ? e.message.replace("tệp .xlsx", "tệp") : String(e)}` };
  }
}
