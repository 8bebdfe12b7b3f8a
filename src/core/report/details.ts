import { z } from "zod";
import { isIsoDate } from "../text/date";

/**
 * The commune's details for the report, kept in the workbook's mapping under "report" so the next
 * report starts from them. Every field is optional: what is missing is left as a marked place to
 * write ("Số: ……/BC-UBND"), never guessed.
 */
export const ReportDetails = z
  .object({
    /** The report's number, "15" → "Số: 15/BC-UBND". */
    number: z.string().trim().min(1).optional(),
    /** The date the report is signed, YYYY-MM-DD; the report date (asOf) when absent. */
    date: z.string().refine(isIsoDate, "ngày ký phải là một ngày có thật, dạng YYYY-MM-DD").optional(),
    /** The place before the date ("Hà Tân, ngày …"); the commune's name when absent. */
    place: z.string().trim().min(1).optional(),
    /** "Kính gửi: …", where the report is addressed to someone. */
    recipient: z.string().trim().min(1).optional(),
    signer: z.string().trim().min(1).optional(),
    /** Chủ tịch signs for the committee; a vice-chairman signs "KT. CHỦ TỊCH". */
    signerTitle: z.enum(["chu-tich", "pho-chu-tich"]).optional(),
  })
  .strict();
export type ReportDetails = z.infer<typeof ReportDetails>;

/** Details typed later win over stored ones; a blank typed value clears the stored one. */
export function mergeDetails(
  stored: ReportDetails | undefined,
  typed: Partial<Record<keyof ReportDetails, string | undefined>>,
): ReportDetails {
  const out: Record<string, string | undefined> = { ...(stored ?? {}) };
  for (const [k, v] of Object.entries(typed)) {
    if (v === undefined) continue;
    if (v.trim() === "") delete out[k];
    else out[k] = v.trim();
  }
  return out as ReportDetails;
}
