/*
 * The pane's state and actions. The actions call the app layer (proposeForWorkbook,
 * evaluateWorkbook) and the host's session; the components only show state and call actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { evaluateWorkbook } from "../../app/evaluate-workbook";
import { proposeForWorkbook } from "../../app/propose";
import type { Evaluation } from "../../core/evaluate/result";
import { applyProposals, type Proposal } from "../../core/mapping/propose";
import { mappingToText, parseMappingText, type Mapping } from "../../core/mapping/schema";
import type { Problem } from "../../core/ruleset/load";
import type { Ruleset } from "../../core/ruleset/schema";
import { describeError } from "../host/errors";
import { templateFileName } from "../host/template";
import type { Shell, WorkbookSession } from "../host/types";
import type { Catalog } from "../rulesets";
import { T } from "../strings";
import { nameOptions, withDetails, withSlot, type NameOption } from "./view";

export type Filter = "all" | "khong-dat" | "thieu-so-lieu" | "loi-so-lieu";
export type Tab = "mapping" | "results";
export type Message = { intent: "success" | "error" | "warning" | "info"; text: string };
export type Evaluated = { ruleset: Ruleset; evaluation: Evaluation; stale: boolean; statusSheet?: string | undefined };

export type TaskpaneState = {
  session?: WorkbookSession | undefined;
  /** The workbook's names as the pickers offer them; undefined until read. */
  names?: NameOption[] | undefined;
  /** The mapping stored in the workbook, when it parsed. */
  stored?: Mapping | undefined;
  rulesetId?: string | undefined;
  commune: string;
  asOf: string;
  /** The mapping being edited, for rulesetId. */
  mapping?: Mapping | undefined;
  proposals: Proposal[];
  /** Why the last evaluation could not run (a name the workbook lacks, a bad mapping). */
  requestProblems: Problem[];
  evaluated?: Evaluated | undefined;
  busy?: string | undefined;
  message?: Message | undefined;
  tab: Tab;
  filter: Filter;
};

export type TaskpaneActions = {
  openFile: (file: File) => Promise<void>;
  chooseRuleset: (id: string) => Promise<void>;
  setCommune: (text: string) => void;
  setAsOf: (date: string) => void;
  setRef: (code: string, slot: string, ref: string) => void;
  acceptProposal: (p: Proposal) => void;
  acceptAll: () => void;
  useSelectedCell: (code: string, slot: string) => Promise<void>;
  reload: () => Promise<void>;
  evaluate: () => Promise<void>;
  write: () => Promise<void>;
  download: () => Promise<void>;
  select: (ref: string) => Promise<void>;
  makeTemplate: () => Promise<void>;
  setTab: (tab: Tab) => void;
  setFilter: (filter: Filter) => void;
  dismissMessage: () => void;
};

const SOURCE = "ánh xạ trên ngăn tác vụ";

/** Written: where, and anything the host could not do (then a warning rather than a success). */
function writtenMessage(session: WorkbookSession, sheet: string): Message {
  const text = session.download ? T.writtenStandalone(sheet) : T.written(sheet);
  const notes = session.notes?.() ?? [];
  return notes.length > 0 ? { intent: "warning", text: [text, ...notes].join(" ") } : { intent: "success", text };
}

export function useTaskpane(shell: Shell, catalog: Catalog): { state: TaskpaneState; actions: TaskpaneActions } {
  const [state, setState] = useState<TaskpaneState>(() => ({
    ...(shell.initial ? { session: shell.initial } : {}),
    commune: "",
    asOf: "",
    proposals: [],
    requestProblems: [],
    tab: "mapping",
    filter: "all",
  }));
  const ref = useRef(state);
  ref.current = state;
  const patch = useCallback((p: Partial<TaskpaneState> | ((s: TaskpaneState) => Partial<TaskpaneState>)) => {
    setState((s) => {
      const next = { ...s, ...(typeof p === "function" ? p(s) : p) };
      ref.current = next;
      return next;
    });
  }, []);

  /** Runs an action with its progress label; any failure becomes one Vietnamese message. */
  const running = useRef(false);
  const busy = useCallback(
    async (label: string, fn: () => Promise<void>) => {
      // One action at a time: a second click while Excel works is ignored, not queued.
      if (running.current) return;
      running.current = true;
      patch({ busy: label, message: undefined });
      try {
        await fn();
      } catch (e) {
        patch({ message: { intent: "error", text: describeError(e) } });
      } finally {
        running.current = false;
        patch({ busy: undefined });
      }
    },
    [patch],
  );

  /** The mapping to edit for a ruleset: the stored one when it is for that ruleset, else empty. */
  const baseMapping = (id: string, stored: Mapping | undefined): Mapping => (stored?.ruleset === id ? stored : { ruleset: id, indicators: {} });

  const proposalsFor = useCallback(
    async (session: WorkbookSession, id: string, mapping: Mapping): Promise<Proposal[]> => {
      const ruleset = catalog.rulesets.get(id);
      return ruleset ? proposeForWorkbook(session.port, ruleset, mapping) : [];
    },
    [catalog],
  );

  /** Reads names and the stored mapping; picks the stored ruleset; proposes for empty inputs. */
  const load = useCallback(
    async (session: WorkbookSession) => {
      const snap = await session.port.snapshot();
      let stored: Mapping | undefined;
      let message: Message | undefined;
      if (snap.mappingText !== undefined) {
        const parsed = parseMappingText("ánh xạ lưu trong sổ tính", snap.mappingText);
        if (parsed.ok) stored = parsed.mapping;
        else message = { intent: "warning", text: `Ánh xạ lưu trong sổ tính bị lỗi nên không dùng: ${parsed.problems.map((p) => p.message).join("; ")}` };
      }
      const current = ref.current;
      const rulesetId = stored && catalog.rulesets.has(stored.ruleset) ? stored.ruleset : current.rulesetId;
      const mapping = rulesetId ? baseMapping(rulesetId, stored) : undefined;
      const proposals = rulesetId && mapping ? await proposalsFor(session, rulesetId, mapping) : [];
      patch({
        session,
        names: nameOptions(snap.names),
        stored,
        rulesetId,
        mapping,
        proposals,
        commune: stored?.commune ?? current.commune,
        asOf: stored?.asOf ?? current.asOf,
        requestProblems: [],
        evaluated: undefined,
        tab: "mapping",
        ...(message ? { message } : {}),
      });
    },
    [catalog, patch, proposalsFor],
  );

  // In Excel the workbook is there from the start: read its names once.
  useEffect(() => {
    const session = shell.initial;
    if (session) void busy(T.readingNames, () => load(session));
  }, [shell, busy, load]);

  /** Edits that make an evaluation out of date. */
  const edited = (s: TaskpaneState): Partial<TaskpaneState> => (s.evaluated ? { evaluated: { ...s.evaluated, stale: true } } : {});

  const evaluate = useCallback(
    async (write: boolean) => {
      const s = ref.current;
      if (!s.session || !s.rulesetId || !s.mapping) return;
      const mapping = withDetails(s.mapping, s.commune, s.asOf);
      const outcome = await evaluateWorkbook(s.session.port, {
        rulesets: catalog.rulesets,
        rulesetId: s.rulesetId,
        mapping: { text: mappingToText(mapping), source: SOURCE },
        write,
      });
      if (!outcome.ok) {
        patch({ requestProblems: outcome.problems, tab: "mapping" });
        return;
      }
      const statusSheet = outcome.statusSheet;
      patch({
        requestProblems: [],
        evaluated: { ruleset: outcome.ruleset, evaluation: outcome.evaluation, stale: false, ...(statusSheet !== undefined ? { statusSheet } : {}) },
        tab: "results",
        ...(write ? { stored: mapping } : {}),
        ...(write && statusSheet !== undefined ? { message: writtenMessage(s.session, statusSheet) } : {}),
      });
    },
    [catalog, patch],
  );

  const actions = useMemo<TaskpaneActions>(
    () => ({
      openFile: (file) =>
        busy(T.opening, async () => {
          if (!shell.openFile) return;
          const session = await shell.openFile(file);
          await load(session);
        }),
      chooseRuleset: (id) =>
        busy(T.proposing, async () => {
          const s = ref.current;
          if (!catalog.rulesets.has(id) || id === s.rulesetId) return;
          const mapping = baseMapping(id, s.stored);
          const proposals = s.session ? await proposalsFor(s.session, id, mapping) : [];
          patch({ rulesetId: id, mapping, proposals, requestProblems: [], evaluated: undefined, tab: "mapping", filter: "all" });
        }),
      setCommune: (text) => patch((s) => ({ commune: text, ...edited(s) })),
      setAsOf: (date) => patch((s) => ({ asOf: date, ...edited(s) })),
      setRef: (code, slot, value) =>
        patch((s) =>
          s.mapping
            ? { mapping: withSlot(s.mapping, code, slot, value), proposals: s.proposals.filter((p) => !(p.code === code && p.slot === slot)), ...edited(s) }
            : {},
        ),
      acceptProposal: (p) =>
        patch((s) => (s.mapping ? { mapping: applyProposals(s.mapping, [p]), proposals: s.proposals.filter((x) => x !== p), ...edited(s) } : {})),
      acceptAll: () => patch((s) => (s.mapping ? { mapping: applyProposals(s.mapping, s.proposals), proposals: [], ...edited(s) } : {})),
      useSelectedCell: (code, slot) =>
        busy(T.selecting, async () => {
          const s = ref.current;
          if (!s.session?.selectedCell || !s.mapping) return;
          const cell = await s.session.selectedCell();
          patch((now) => (now.mapping ? { mapping: withSlot(now.mapping, code, slot, cell), proposals: now.proposals.filter((p) => !(p.code === code && p.slot === slot)), ...edited(now) } : {}));
        }),
      reload: () =>
        busy(T.readingNames, async () => {
          const s = ref.current;
          if (!s.session) return;
          const snap = await s.session.port.snapshot();
          const proposals = s.rulesetId && s.mapping ? await proposalsFor(s.session, s.rulesetId, s.mapping) : [];
          patch({ names: nameOptions(snap.names), proposals });
        }),
      evaluate: () => busy(T.evaluating, () => evaluate(false)),
      write: () => busy(T.writing, () => evaluate(true)),
      download: () =>
        busy(T.saving, async () => {
          const s = ref.current;
          if (!s.session?.download) return;
          const name = await s.session.download();
          patch({ message: { intent: "success", text: T.downloaded(name) } });
        }),
      select: async (target) => {
        const s = ref.current;
        if (!s.session?.select) return;
        try {
          await s.session.select(target);
        } catch (e) {
          patch({ message: { intent: "error", text: describeError(e) } });
        }
      },
      makeTemplate: () =>
        busy(T.makingTemplate, async () => {
          const s = ref.current;
          const ruleset = s.rulesetId ? catalog.rulesets.get(s.rulesetId) : undefined;
          if (!ruleset) {
            patch({ message: { intent: "warning", text: T.makeTemplateNeedsProgramme } });
            return;
          }
          const bytes = await shell.makeTemplate(ruleset, { commune: s.commune || undefined, asOf: s.asOf || undefined });
          const fileName = templateFileName(ruleset);
          const outcome = await shell.offerTemplate(bytes, fileName);
          if (outcome.kind === "session") {
            await load(outcome.session);
            patch({ message: { intent: "success", text: T.templateSession(fileName) } });
          } else {
            patch({ message: { intent: "success", text: outcome.kind === "opened-in-excel" ? T.templateOpened : T.templateDownloaded(outcome.fileName) } });
          }
        }),
      setTab: (tab) => patch({ tab }),
      setFilter: (filter) => patch({ filter }),
      dismissMessage: () => patch({ message: undefined }),
    }),
    [busy, catalog, evaluate, load, patch, proposalsFor, shell],
  );

  return { state, actions };
}
