import { acceptProposals } from "../../../app/propose";
import type { Proposal } from "../../../core/mapping/propose";
import type { NameOption } from "../picker";
import type { RunContext } from "./context";

/**
 * Accepting proposals of cells that have no name yet: each gets its readable name in the workbook
 * (`acceptProposals`, a defined name as the clerk would add it), then the mapping refers to the name,
 * and the pickers list it.
 */
export async function runAccept(ctx: RunContext, which: readonly Proposal[]): Promise<void> {
  const s = ctx.get();
  if (!s.session || !s.mapping || which.length === 0) return;
  const mapping = await acceptProposals(s.session.port, s.mapping, which);
  const added = new Map<string, NameOption>();
  for (const p of which) if (p.newName !== undefined && p.cell !== undefined) added.set(p.newName, { ref: p.newName, where: p.cell });
  const names = [...(s.names ?? []).filter((n) => !added.has(n.ref)), ...added.values()].sort((a, b) => a.ref.localeCompare(b.ref, "vi"));
  ctx.dispatch({ type: "proposalsTaken", mapping, taken: [...which], names });
}

/** Do these proposals need a name created in the workbook (a labelled cell without one)? */
export function needNames(which: readonly Proposal[]): boolean {
  return which.some((p) => p.newName !== undefined && p.cell !== undefined);
}
