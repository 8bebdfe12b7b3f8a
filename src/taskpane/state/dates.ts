import { parseReportDate, type ReportDate } from "../../core/text/report-date";

/** "2024-09-30" → "30/09/2024": the pane shows dates day first whatever the browser's locale. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return d && m && y ? `${d}/${m}/${y}` : iso;
}

/** What the clerk typed in the date field ("30/6/2024", "30.06.2024", "2024-06-30"), read day first. */
export function parseTypedDate(text: string): ReportDate {
  return parseReportDate(text);
}
