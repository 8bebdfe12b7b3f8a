/*
 * What the clerk says about an indicator in the pane: suspended (tạm dừng / không áp dụng) with its
 * reason. Stored in the mapping's `suspended`, which the command line reads too.
 */
import type { Mapping } from "../../core/mapping/schema";

export type Situation = { suspended?: string | undefined };

/** The mapping with an indicator's suspension set (a reason) or lifted (none). */
export function withSituation(mapping: Mapping, code: string, situation: Situation): Mapping {
  const { suspended: old, ...rest } = mapping;
  const suspended = { ...(old ?? {}) };
  const reason = situation.suspended?.trim();
  if (reason) suspended[code] = reason;
  else delete suspended[code];
  return Object.keys(suspended).length > 0 ? { ...rest, suspended } : rest;
}
