/*
 * The `lists` value of the mapping JSON: which sheet holds each roster and which header each column
 * role reads, stored beside the indicator mapping (in the workbook and in the command line's file):
 *
 *   "lists": {
 *     "rosters": {
 *       "residents": { "sheet": "Dân cư", "headerRow": 1,
 *                      "columns": { "name": "Họ và tên", "birthDate": "Ngày sinh", "sex": "Giới tính",
 *                                   "village": "Thôn", "smartphone": "Có điện thoại thông minh",
 *                                   "paymentAccount": "Có tài khoản thanh toán điện tử" } },
 *       "officials": { … }, "businesses": { … }, "cooperatives": { … }
 *     },
 *     "groupByVillage": false
 *   }
 *
 * Columns are kept by header text, not letter, so a column the clerk inserts or moves is still found.
 */
import { z } from "zod";
import { formatPath, type ConfigProblem } from "../ruleset/problems";
import type { ProposedRoster } from "./columns";
import { COLUMN_ROLES, ROSTER_KINDS, keyedBy, type ColumnRole, type RosterKind } from "./ids";

const Header = z.string().trim().min(1, "tiêu đề cột trống");

/** Every role's header; only the name is required (each kind's own needs are checked when it is read). */
const Columns = z.object({ ...keyedBy(COLUMN_ROLES, Header.optional()), name: Header }).strict();

export const RosterMapping = z
  .object({
    sheet: z.string().min(1, "tên trang tính trống"),
    /** Where the headers were found; a hint, the headers are looked for nearby when rows were inserted. */
    headerRow: z.number().int().min(1).optional(),
    columns: Columns,
  })
  .strict();
export type RosterMapping = z.infer<typeof RosterMapping>;

export const ListsMapping = z
  .object({
    rosters: z.object(keyedBy(ROSTER_KINDS, RosterMapping.optional())).strict().default({}),
    /** Group each list by village (thôn, khu dân cư) with a subtotal per village. */
    groupByVillage: z.boolean().optional(),
  })
  .strict();
export type ListsMapping = z.infer<typeof ListsMapping>;

const vietnamese = z.locales.vi().localeError;

export type ListsMappingParse = { ok: true; lists: ListsMapping } | { ok: false; problems: ConfigProblem[] };

/** Validates the `lists` value of a mapping; every error names its JSON path under "lists". */
export function parseListsMapping(value: unknown, source: string): ListsMappingParse {
  const parsed = ListsMapping.safeParse(value ?? {}, { error: vietnamese });
  if (parsed.success) return { ok: true, lists: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => {
      const ref = `${source}: ${formatPath(["lists", ...i.path])}`;
      return { ref, message: `${ref}: ${i.message}` };
    }),
  };
}

/** A proposed roster as the mapping stores it. */
export function rosterMappingOf(p: ProposedRoster): RosterMapping {
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const [role, c] of Object.entries(p.columns) as Array<[ColumnRole, { header: string }]>) columns[role] = c.header;
  return { sheet: p.sheet, headerRow: p.headerRow, columns: { ...columns, name: p.columns.name!.header } };
}

/** The lists mapping with proposals filling the rosters it does not name; what the clerk set stays. */
export function withProposals(lists: ListsMapping, proposals: ReadonlyArray<ProposedRoster>): ListsMapping {
  const rosters: ListsMapping["rosters"] = { ...lists.rosters };
  for (const p of proposals) {
    const kind: RosterKind = p.kind;
    if (rosters[kind] === undefined) rosters[kind] = rosterMappingOf(p);
  }
  return { ...lists, rosters };
}
