import { proposeForWorkbook } from "../../../app/propose";
import type { Proposal } from "../../../core/mapping/propose";
import { parseMappingText, type Mapping } from "../../../core/mapping/schema";
import type { WorkbookSession } from "../../host/types";
import type { Message } from "../reducer";
import { nameOptions } from "../view";
import { readVillageNames } from "../villages";
import { readAnswers } from "./answers";
import type { RunContext } from "./context";

/** The mapping to edit for a ruleset: the stored one when it is for that ruleset, else empty. */
export function baseMapping(id: string, stored: Mapping | undefined): Mapping {
  return stored?.ruleset === id ? stored : { ruleset: id, indicators: {} };
}

export async function proposalsFor(ctx: RunContext, session: WorkbookSession, id: string, mapping: Mapping): Promise<Proposal[]> {
  const ruleset = ctx.catalog.rulesets.get(id);
  return ruleset ? proposeForWorkbook(session.port, ruleset, mapping) : [];
}

function storedMapping(snap: { mappingText?: string | undefined; mappingDamaged?: string | undefined }): {
  stored?: Mapping;
  message?: Message;
} {
  if (snap.mappingText !== undefined) {
    const parsed = parseMappingText("ánh xạ lưu trong sổ tính", snap.mappingText);
    if (parsed.ok) return { stored: parsed.mapping };
    return {
      message: {
        intent: "warning",
        text: `Ánh xạ lưu trong sổ tính bị lỗi nên không dùng: ${parsed.problems.map((p) => p.message).join("; ")}`,
      },
    };
  }
  if (snap.mappingDamaged !== undefined) {
    return {
      message: {
        intent: "warning",
        text: `Ánh xạ lưu trong sổ tính bị hỏng nên không dùng (${snap.mappingDamaged}) — đã đề xuất lại từ tên và nhãn trong sổ tính; hãy xem lại rồi bấm Đánh giá.`,
      },
    };
  }
  return {};
}

/** Reads names and the stored mapping; picks the stored ruleset; proposes for empty inputs. */
export async function runLoad(ctx: RunContext, session: WorkbookSession): Promise<void> {
  const snap = await session.port.snapshot();
  const { stored, message } = storedMapping(snap);
  const current = ctx.get();
  const rulesetId = stored && ctx.catalog.rulesets.has(stored.ruleset) ? stored.ruleset : current.rulesetId;
  const mapping = rulesetId ? baseMapping(rulesetId, stored) : undefined;
  const proposals = rulesetId && mapping ? await proposalsFor(ctx, session, rulesetId, mapping) : [];
  const answers = await readAnswers(session.port, snap.sheets);
  // One more read, only when the mapping has village name cells: the names the village list shows.
  const villageNames = await readVillageNames(session.port, snap.names, mapping);
  ctx.dispatch({
    type: "loaded",
    loaded: {
      session,
      names: nameOptions(snap.names),
      stored,
      rulesetId,
      mapping,
      proposals,
      commune: stored?.commune ?? current.commune,
      asOf: stored?.asOf ?? current.asOf,
      answers,
      villageNames,
      message,
    },
  });
}

/** Standalone: opens the .xlsx the clerk chose, then reads it. */
export async function runOpenFile(ctx: RunContext, file: File): Promise<void> {
  if (!ctx.shell.openFile) return;
  await runLoad(ctx, await ctx.shell.openFile(file));
}

/** Reads the names again (the clerk added some in Excel) and proposes for the inputs still empty. */
export async function runReload(ctx: RunContext): Promise<void> {
  const s = ctx.get();
  if (!s.session) return;
  const snap = await s.session.port.snapshot();
  const proposals = s.rulesetId && s.mapping ? await proposalsFor(ctx, s.session, s.rulesetId, s.mapping) : [];
  ctx.dispatch({ type: "namesRead", names: nameOptions(snap.names), proposals });
  // The village names typed in Excel since opening are shown too.
  if (s.mapping?.villages?.length)
    ctx.dispatch({ type: "villagesRead", typed: await readVillageNames(s.session.port, snap.names, s.mapping) });
}

/** Another programme: the stored mapping when it is for it, and proposals for its inputs. */
export async function runChooseRuleset(ctx: RunContext, id: string): Promise<void> {
  const s = ctx.get();
  if (!ctx.catalog.rulesets.has(id) || id === s.rulesetId) return;
  const mapping = baseMapping(id, s.stored);
  const proposals = s.session ? await proposalsFor(ctx, s.session, id, mapping) : [];
  ctx.dispatch({ type: "rulesetChosen", id, mapping, proposals });
  if (s.session && mapping.villages?.length) {
    const snap = await s.session.port.snapshot();
    ctx.dispatch({ type: "villagesRead", typed: await readVillageNames(s.session.port, snap.names, mapping) });
  }
}

/** In Excel: the input takes the cell selected there. */
export async function runUseSelectedCell(ctx: RunContext, code: string, slot: string): Promise<void> {
  const s = ctx.get();
  if (!s.session?.selectedCell || !s.mapping) return;
  const cell = await s.session.selectedCell();
  ctx.dispatch({ type: "refSet", code, slot, ref: cell });
}
