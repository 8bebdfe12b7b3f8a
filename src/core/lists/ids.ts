/*
 * The one list of each: appendix lists, roster kinds, roster column roles. Every type, zod schema and
 * table keyed by them is derived from these arrays, so adding one here makes the compiler name each
 * table (Record<…>) that must say something about it.
 */

/** The appendix lists (Phụ lục 03–07) of Hướng dẫn 08/HD-STTTT. */
export const LIST_IDS = ["PL03", "PL04", "PL05", "PL06", "PL07"] as const;
export type ListId = (typeof LIST_IDS)[number];

/** The rosters a clerk keeps, each on its own sheet. */
export const ROSTER_KINDS = ["residents", "officials", "businesses", "cooperatives"] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

/** The yes/no columns of a roster. */
export const FLAG_ROLES = ["smartphone", "paymentAccount", "registered", "onlinePayment", "digitalTech"] as const;
export type FlagRole = (typeof FLAG_ROLES)[number];

/** What a roster column means to the lists. */
export const COLUMN_ROLES = ["name", "birthDate", "sex", "village", "position", ...FLAG_ROLES] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** An object with the same value under each key: the shape of a zod object keyed by one of the lists above. */
export function keyedBy<K extends string, V>(keys: readonly K[], value: V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>;
}
