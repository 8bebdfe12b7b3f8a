/*
 * The pane's state and actions. The actions call the app layer (proposeForWorkbook,
 * evaluateWorkbook, makeLists, checkWorkbook) and the host's session; the components only show
 * state and call actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { checkWorkbook, type CheckReport } from "../../app/check";
import { evaluateWorkbook } from "../../app/evaluate-workbook";
import { makeLists, type ListSummary } from "../../app/lists";
import { proposeForWorkbook } from "../../app/propose";
import { MAPPING_KEY } from "../../core/layout/mapping-sheet";
import { STATUS_KEY } from "../../core/layout/status";
import type { Evaluation, Finding as CoreProblem } from "../../core/evaluate/result";
import { applyProposals, type Proposal } from "../../core/mapping/propose";
import { mappingToText, parseMappingText, type Mapping } from "../../core/mapping/schema";
import type { ConfigProblem as Problem } from "../../core/ruleset/load";
import type { Ruleset } from "../../core/ruleset/schema";
import { describeError } from "../host/errors";
import { templateFileName } from "../host/template";
import type { Shell, WorkbookSession } from "../host/types";
import type { Catalog } from "../rulesets";
import { T } from "../strings";
import { listsProgressView, nameOptions, withDetails, withLists, withSlot, type NameOption } from "./view";

export type Filter = "all" | "khong-dat" | "thieu-so-lieu" | "loi-so-lieu";
export type Tab = "mapping" | "results" | "lists" | "check" | "report";
export type Message = { intent: "success" | "error" | "warning" | "info"; text: string };
export type Evaluated = { ruleset: Ruleset; evaluation: Evaluation; stale: boolean; statusSheet?: string | undefined };
/** The last "Tạo phụ lục": the lists written and the rosters' problems, or why nothing was made. */
export type ListsDone = { ok: true; lists: ListSummary[]; problems: CoreProblem[]; written: boolean } | { ok: false; problems: Problem[] };
/** The last "Kiểm tra trước khi gửi"; stale once the workbook or the mapping changed after it. */
export type Checked = { report: CheckReport; stale: boolean };

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
  lists?: ListsDone | undefined;
  checked?: Checked | undefined;
  busy?: string | undefined;
  /** How far the busy job is (0–1), when it says so (the lists do); else the bar just moves. */
  progress?: number | undefined;
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
  makeLists: () => Promise<void>;
  check: () => Promise<void>;
  download: () => Promise<void>;
  select: (ref: string) => Promise<void>;
  makeTemplate: () => Promise<void>;
  setTab: (tab: Tab) => void;
  /** The Word report stored its details (number, date, signer) in the workbook's mapping: keep the pane's copy the same. */
  reportStored: (report: Mapping["report"]) => void;
  setFilter: (filter: Filter) => void;
  dismissMessage: () => void;
};

const SOURCE = "ánh xạ trên ngăn tác vụ";

/** Written: where, and anything the host could not do (then a warning rather than a success). */
function writtenMessage(session: WorkbookSession, text: string): Message {
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
        patch({ busy: undefined, progress: undefined });
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
      } else if (snap.mappingDamaged !== undefined) {
        message = { intent: "warning", text: `Ánh xạ lưu trong sổ tính bị hỏng nên không dùng (${snap.mappingDamaged}) — đã đề xuất lại từ tên và nhãn trong sổ tính; hãy xem lại rồi bấm Đánh giá.` };
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
        lists: undefined,
        checked: undefined,
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

  /** The workbook changed (something was written): the last check is out of date. */
  const staleCheck = (s: TaskpaneState): Partial<TaskpaneState> => (s.checked ? { checked: { ...s.checked, stale: true } } : {});
  /** Edits that make an evaluation and a check out of date. */
  const edited = (s: TaskpaneState): Partial<TaskpaneState> => ({ ...(s.evaluated ? { evaluated: { ...s.evaluated, stale: true } } : {}), ...staleCheck(s) });

  const evaluate = useCallback(
    async (write: boolean) => {
      const s = ref.current;
      if (!s.session || !s.rulesetId || !s.mapping) return;
      const session = s.session;
      const mapping = withDetails(s.mapping, s.commune, s.asOf);
      const outcome = await evaluateWorkbook(session.port, {
        rulesets: catalog.rulesets,
        rulesetId: s.rulesetId,
        mapping: { text: mappingToText(mapping), source: SOURCE },
        write,
        // Writing builds the appendix lists too (their counts fill the figures, their sheets are written
        // beside the status sheet). It reads the roster sheets — one round trip each in Excel — so
        // "Đánh giá" alone leaves it out and stays at two.
        lists: write,
      });
      if (!outcome.ok) {
        patch({ requestProblems: outcome.problems, tab: "mapping" });
        return;
      }
      const statusSheet = outcome.statusSheet;
      const listSheets = (outcome.written?.written ?? []).filter((w) => w.key !== STATUS_KEY && w.key !== MAPPING_KEY).map((w) => w.name);
      const text = statusSheet === undefined ? "" : `${session.download ? T.writtenStandalone(statusSheet) : T.written(statusSheet)}${listSheets.length > 0 ? ` ${T.alsoWritten(listSheets)}` : ""}`;
      patch((now) => ({
        requestProblems: [],
        evaluated: { ruleset: outcome.ruleset, evaluation: outcome.evaluation, stale: false, ...(statusSheet !== undefined ? { statusSheet } : {}) },
        tab: "results",
        ...(write ? { stored: outcome.mapping, ...staleCheck(now), ...(now.mapping ? { mapping: withLists(now.mapping, outcome.mapping.lists) } : {}) } : {}),
        ...(write && statusSheet !== undefined ? { message: writtenMessage(session, text) } : {}),
      }));
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
          patch({ rulesetId: id, mapping, proposals, requestProblems: [], evaluated: undefined, lists: undefined, checked: undefined, tab: "mapping", filter: "all" });
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
      makeLists: () =>
        busy(T.makingLists, async () => {
          const s = ref.current;
          if (!s.session || !s.rulesetId || !s.mapping) return;
          // Ages are counted to the report date, never to today's clock: ask for it here, in the pane's words.
          if (!s.asOf) {
            patch({ message: { intent: "warning", text: T.listsNeedAsOf }, tab: "lists" });
            return;
          }
          const session = s.session;
          const mapping = withDetails(s.mapping, s.commune, s.asOf);
          const outcome = await makeLists(session.port, {
            rulesets: catalog.rulesets,
            rulesetId: s.rulesetId,
            mapping: { text: mappingToText(mapping), source: SOURCE },
            asOf: s.asOf,
            write: true,
            progress: (step) => {
              const shown = listsProgressView(step);
              patch({ busy: shown.label, progress: shown.value });
            },
          });
          if (!outcome.ok) {
            patch({ lists: { ok: false, problems: outcome.problems }, tab: "lists" });
            return;
          }
          const n = outcome.lists.length;
          patch((now) => ({
            lists: { ok: true, lists: outcome.lists, problems: outcome.problems, written: outcome.written !== undefined },
            stored: outcome.mapping,
            ...(now.mapping ? { mapping: withLists(now.mapping, outcome.mapping.lists) } : {}),
            ...staleCheck(now),
            tab: "lists",
            message: n === 0 ? { intent: "warning", text: T.listsNone } : writtenMessage(session, session.download ? T.listsWrittenStandalone(n) : T.listsWritten(n)),
          }));
        }),
      check: () =>
        busy(T.checking, async () => {
          const s = ref.current;
          if (!s.session || !s.rulesetId || !s.mapping) return;
          const mapping = withDetails(s.mapping, s.commune, s.asOf);
          const report = await checkWorkbook(s.session.port, {
            rulesets: catalog.rulesets,
            rulesetId: s.rulesetId,
            mapping: { text: mappingToText(mapping), source: SOURCE },
            ...(s.asOf ? { asOf: s.asOf } : {}),
            checkRules: (ruleset) => catalog.checks.byRuleset.get(ruleset.id),
          });
          patch({ checked: { report, stale: false }, tab: "check" });
        }),
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
      reportStored: (report) => {
        const withReport = (m: Mapping): Mapping => {
          const { report: _old, ...rest } = m;
          return report ? { ...rest, report } : rest;
        };
        patch((s) => ({ ...(s.mapping ? { mapping: withReport(s.mapping) } : {}), ...(s.stored ? { stored: withReport(s.stored) } : {}), ...staleCheck(s) }));
      },
      setFilter: (filter) => patch({ filter }),
      dismissMessage: () => patch({ message: undefined }),
    }),
    [busy, catalog, evaluate, load, patch, proposalsFor, shell],
  );

  return { state, actions };
}
