import type { Mapping } from "../core/mapping/schema";
import type { Finding } from "../core/evaluate/result";
import { parseReportDate } from "../core/text/report-date";
import type { ReadInputs } from "./read-inputs";

/**
 * The report date the evaluation uses: --as-of when given, else the workbook's "Ngày báo cáo" cell,
 * else the date stored with the mapping. A cell that is not a date is reported with its cell and the
 * stored date (if any) is used instead.
 */
export function reportDateFromCell(
  mapping: Mapping,
  cell: ReadInputs["asOfCell"],
  overridden: boolean,
): { mapping: Mapping; problems: Finding[] } {
  if (overridden || !cell) return { mapping, problems: [] };
  const d = parseReportDate(cell.raw);
  if (d.kind === "date") return { mapping: { ...mapping, asOf: d.iso }, problems: [] };
  if (d.kind === "blank") return { mapping, problems: [] };
  return {
    mapping,
    problems: [
      {
        severity: "loi",
        ref: cell.source,
        message: `Ô Ngày báo cáo ${cell.source}: ${d.reason}${mapping.asOf ? ` — tạm dùng ngày ${mapping.asOf} đã lưu` : ""}`,
      },
    ],
  };
}
