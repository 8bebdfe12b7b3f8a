/*
 * The table of ExcelApi requirement sets (../shared/office/excel-api-sets.json beside the project, as
 * the seeds are: every member of the Excel namespace → the earliest set that declares it), for the
 * API contract test and for the recording fake, so both judge a member by the same facts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const API_SETS: Readonly<Record<string, string>> = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "..", "shared", "office", "excel-api-sets.json"), "utf8"),
) as Record<string, string>;

/** "1.12" → 12: ExcelApi sets are 1.x. */
export function minor(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}

/** The set a member needs ("Range.values" or "Excel.Range.values"), or undefined when the table has no such member. */
export function setOf(member: string): string | undefined {
  return API_SETS[member.startsWith("Excel.") ? member : `Excel.${member}`];
}
