import { z } from "zod";
import { isIsoDate } from "../text/date";
import { formatPath, type ConfigProblem } from "../ruleset/problems";
import type { Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";
import { slotsOf } from "../evaluate/slots";
import { ReportDetails } from "../report/details";
import { checkVillagesAgainst, VillageMapping } from "./villages";

/**
 * The mapping from indicator inputs to the workbook, as the command line reads and writes it and the
 * workbook stores it: { "ruleset", "asOf"?, "indicators": { "3.2": { "numerator": "tk_thanh_toan" } } }.
 * A reference is a workbook-scoped name, 'Sheet'!name for a sheet-scoped one, or an A1 reference.
 */
export const Mapping = z
  .object({
    ruleset: z.string().min(1),
    asOf: z.string().refine(isIsoDate, "ngày báo cáo phải là một ngày có thật, dạng YYYY-MM-DD").optional(),
    /** The cell holding the report date ("Ngày báo cáo" of the template), read when asOf is not given. */
    asOfRef: z.string().trim().min(1).optional(),
    /** The adult age the clerk chose where the document leaves it open (Phú Thọ "độ tuổi trưởng thành"), and its cell. */
    adultAge: z.number().int().min(10).max(25).optional(),
    adultAgeRef: z.string().trim().min(1).optional(),
    /** Shown at the top of the sheets we write. */
    commune: z.string().optional(),
    indicators: z.record(z.string(), z.record(z.string(), z.string().trim().min(1, "tham chiếu trống"))),
    /** Indicators the clerk marks not applicable, with the reason shown as tạm dừng. */
    suspended: z.record(z.string(), z.string().min(1)).optional(),
    /** Villages of the groups judged per village (thôn thông minh): each its name (or the cell the clerk types it in) and its own inputs (villages.ts). */
    villages: z.array(VillageMapping).optional(),
    /** Roster column mappings for the appendix lists (validated in full by src/core/lists/mapping.ts). */
    lists: z.record(z.string(), z.unknown()).optional(),
    /** The commune's details for the Word report (number, date, signer), remembered between reports. */
    report: ReportDetails.optional(),
  })
  .strict();
export type Mapping = z.infer<typeof Mapping>;

const vietnamese = z.locales.vi().localeError;

export type MappingParse = { ok: true; mapping: Mapping } | { ok: false; problems: ConfigProblem[] };

function pathProblem(source: string, path: ReadonlyArray<PropertyKey>, message: string): ConfigProblem {
  const ref = `${source}: ${formatPath(path)}`;
  return { ref, message: `${ref}: ${message}` };
}

/** Parses mapping JSON text; every error names the JSON path. */
export function parseMappingText(source: string, text: string): MappingParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : String(e));
    return {
      ok: false,
      problems: [{ ref: source, message: `${source}: không phải JSON hợp lệ${at ? ` — lỗi gần ký tự thứ ${Number(at[1]) + 1}` : ""}` }],
    };
  }
  const parsed = Mapping.safeParse(data, { error: vietnamese });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => pathProblem(source, i.path, i.message)) };
  return { ok: true, mapping: parsed.data };
}

/** Codes and slots the ruleset does not have are errors in the mapping: said in words, the JSON path kept as the ref. */
export function checkMappingAgainst(ruleset: Ruleset, mapping: Mapping, source: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const pathProblem = (src: string, path: ReadonlyArray<PropertyKey>, message: string): ConfigProblem => ({
    ref: `${src}: ${formatPath(path)}`,
    message: `${src}: ${message}`,
  });
  if (mapping.ruleset !== ruleset.id) {
    problems.push(pathProblem(source, ["ruleset"], `ánh xạ dành cho bộ tiêu chí "${mapping.ruleset}", không phải "${ruleset.id}"`));
  }
  const slots = new Map(indicatorsOf(ruleset).map(({ item }) => [item.code, slotsOf(item).map((s) => s.slot)]));
  for (const [code, bySlot] of Object.entries(mapping.indicators)) {
    const known = slots.get(code);
    if (!known) {
      problems.push(pathProblem(source, ["indicators", code], `bộ tiêu chí ${ruleset.id} không có chỉ tiêu mã "${code}"`));
      continue;
    }
    for (const slot of Object.keys(bySlot)) {
      if (!known.includes(slot)) {
        problems.push(
          pathProblem(
            source,
            ["indicators", code, slot],
            `chỉ tiêu ${code} không có ô nhập "${slot}" (có: ${known.map((k) => `"${k}"`).join(", ")})`,
          ),
        );
      }
    }
  }
  problems.push(...checkVillagesAgainst(ruleset, mapping.villages ?? [], (path, message) => pathProblem(source, path, message)));
  for (const code of Object.keys(mapping.suspended ?? {})) {
    if (!slots.has(code))
      problems.push(pathProblem(source, ["suspended", code], `bộ tiêu chí ${ruleset.id} không có chỉ tiêu mã "${code}"`));
  }
  return problems;
}

/** Stable JSON for storing and comparing: keys in document order of the ruleset are not needed, sorted is enough. */
export function mappingToText(mapping: Mapping): string {
  return JSON.stringify(mapping, null, 2);
}
