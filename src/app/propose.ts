import { proposeMapping, type Candidate, type Proposal } from "../core/mapping/propose";
import type { Mapping } from "../core/mapping/schema";
import { formatRange, quoteSheet, type RangeAddress } from "../core/ref/a1";
import type { Ruleset } from "../core/ruleset/schema";
import type { WorkbookPort } from "../workbook/port";

/**
 * Proposals for a workbook: every single-cell name is a candidate, with the text left of its cell
 * (or above it) as its label. Two round trips: the names, then all label cells at once.
 */
export async function proposeForWorkbook(port: WorkbookPort, ruleset: Ruleset, existing?: Mapping): Promise<Proposal[]> {
  const snap = await port.snapshot();
  const named = snap.names.filter((n) => !n.hidden && n.target.kind === "range" && n.target.range.top === n.target.range.bottom && n.target.range.left === n.target.range.right);
  const around: RangeAddress[] = named.map((n) => {
    const r = (n.target as { range: RangeAddress }).range;
    return { sheet: r.sheet, top: Math.max(1, r.top - 1), left: Math.max(1, r.left - 1), bottom: r.top, right: r.left };
  });
  const values = around.length > 0 ? await port.readRanges(around) : [];
  const candidates: Candidate[] = named.map((n, i) => {
    const r = (n.target as { range: RangeAddress }).range;
    const block = values[i] ?? [];
    const left = r.left > 1 ? block[block.length - 1]?.[0] : undefined;
    const above = r.top > 1 ? block[0]?.[block[0].length - 1] : undefined;
    const ref = n.scope === null ? n.name : `${quoteSheet(n.scope)}!${n.name}`;
    const pick = typeof left === "string" && left.trim() ? { label: left, labelCell: formatRange({ ...r, left: r.left - 1, right: r.left - 1 }) } : typeof above === "string" && above.trim() ? { label: above, labelCell: formatRange({ ...r, top: r.top - 1, bottom: r.top - 1 }) } : {};
    return { ref, name: n.name, ...pick };
  });
  return proposeMapping(ruleset, candidates, existing);
}
