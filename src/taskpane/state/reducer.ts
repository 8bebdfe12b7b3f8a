/*
 * The pane's state as a pure reducer: every change is an action, and the next state depends only on
 * the state and the action. Effects (reading and writing the workbook) live in ./runners; they
 * dispatch what they found.
 */
import type { CheckReport } from "../../app/check";
import type { ListSummary } from "../../app/lists";
import type { Evaluation, Finding as CoreProblem } from "../../core/evaluate/result";
import { applyProposals, type Proposal } from "../../core/mapping/propose";
import type { Mapping } from "../../core/mapping/schema";
import type { ConfigProblem as Problem } from "../../core/ruleset/problems";
import type { Ruleset } from "../../core/ruleset/schema";
import type { WorkbookSession } from "../host/types";
import { withLists, withSlot, type NameOption } from "./view";
import { withSituation, type Situation } from "./situation";
import { withVillageName } from "./villages";
import { T } from "../strings";

export type Filter = "all" | "khong-dat" | "thieu-so-lieu" | "loi-so-lieu";
export type Tab = "mapping" | "results" | "lists" | "check" | "report";
/** Which button a message or the progress belongs to, so it is shown beside that button. */
export type Place = "top" | "mapping" | "results" | "lists" | "check";
export type Message = { intent: "success" | "error" | "warning" | "info"; text: string; place?: Place | undefined };
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
  /** The report date, ISO (YYYY-MM-DD) or empty. */
  asOf: string;
  /** The mapping being edited, for rulesetId. */
  mapping?: Mapping | undefined;
  proposals: Proposal[];
  /** Why the last evaluation could not run (a name the workbook lacks, a bad mapping). */
  requestProblems: Problem[];
  evaluated?: Evaluated | undefined;
  lists?: ListsDone | undefined;
  checked?: Checked | undefined;
  /** The answers given in the pane to the questions that choose a case, by question key (kept on our sheet). */
  answers: Record<string, boolean>;
  /** What is typed in each village's name cell (mapping.villages order), read on opening ("" for none). */
  villageNames: string[];
  /** The sheets written, and those a change since has made out of date ("Tải sổ tính về" rewrites them first). */
  written?: { sheets: string[]; stale: string[] } | undefined;
  busy?: string | undefined;
  /** Where the busy job's progress is shown (beside the button pressed). */
  busyPlace?: Place | undefined;
  /** How far the busy job is (0–1), when it says so; else the bar just moves. */
  progress?: number | undefined;
  message?: Message | undefined;
  tab: Tab;
  filter: Filter;
};

export type Loaded = {
  session: WorkbookSession;
  names: NameOption[];
  stored?: Mapping | undefined;
  rulesetId?: string | undefined;
  mapping?: Mapping | undefined;
  proposals: Proposal[];
  commune: string;
  asOf: string;
  answers: Record<string, boolean>;
  villageNames: string[];
  message?: Message | undefined;
};

export type Action =
  | { type: "started"; label: string; place: Place }
  | { type: "progressed"; label: string; value: number }
  | { type: "finished" }
  | { type: "said"; message: Message; tab?: Tab | undefined }
  | { type: "messageDismissed" }
  | { type: "loaded"; loaded: Loaded }
  | { type: "rulesetChosen"; id: string; mapping: Mapping; proposals: Proposal[] }
  | { type: "namesRead"; names: NameOption[]; proposals: Proposal[] }
  | { type: "communeSet"; text: string }
  | { type: "asOfSet"; date: string }
  | { type: "refSet"; code: string; slot: string; ref: string }
  | { type: "proposalAccepted"; proposal: Proposal }
  | { type: "allAccepted" }
  | { type: "proposalsTaken"; mapping: Mapping; taken: Proposal[]; names: NameOption[] }
  | { type: "situationSet"; code: string; situation: Situation }
  | { type: "villagesRead"; typed: string[] }
  | { type: "villageNamed"; index: number; name: string }
  | {
      type: "answered";
      answers: Record<string, boolean>;
      refs: Array<{ code: string; slot: string; ref: string }>;
      sheets: string[];
    }
  | { type: "requestRefused"; problems: Problem[] }
  | {
      type: "evaluated";
      ruleset: Ruleset;
      evaluation: Evaluation;
      statusSheet?: string | undefined;
      write?: { mapping: Mapping; sheets: string[]; message: Message } | undefined;
    }
  | { type: "listsRefused"; problems: Problem[] }
  | {
      type: "listsMade";
      lists: ListSummary[];
      problems: CoreProblem[];
      mapping?: Mapping | undefined;
      sheets: string[];
      message: Message;
    }
  | { type: "checked"; report: CheckReport }
  | { type: "reportStored"; report: Mapping["report"] }
  | { type: "tabSet"; tab: Tab }
  | { type: "filterSet"; filter: Filter };

export function initialState(session?: WorkbookSession): TaskpaneState {
  return {
    ...(session ? { session } : {}),
    commune: "",
    asOf: "",
    answers: {},
    villageNames: [],
    proposals: [],
    requestProblems: [],
    tab: "mapping",
    filter: "all",
  };
}

/** The workbook changed (something was written): the last check is out of date. */
function staleCheck(s: TaskpaneState): Partial<TaskpaneState> {
  return s.checked ? { checked: { ...s.checked, stale: true } } : {};
}

/** Edits that make an evaluation, a check and the written sheets out of date. */
function edited(s: TaskpaneState): Partial<TaskpaneState> {
  return {
    ...(s.evaluated ? { evaluated: { ...s.evaluated, stale: true } } : {}),
    ...(s.written ? { written: { sheets: s.written.sheets, stale: s.written.sheets } } : {}),
    ...staleCheck(s),
  };
}

/** The mapping changed by `change` (when there is one), with the proposals left and what it makes stale. */
function editMapping(s: TaskpaneState, change: (m: Mapping) => Mapping, proposals = s.proposals): Partial<TaskpaneState> {
  return s.mapping ? { mapping: change(s.mapping), proposals, ...edited(s) } : {};
}

/** A new workbook or programme: everything worked out for the old one goes. */
function fresh(): Partial<TaskpaneState> {
  return {
    requestProblems: [],
    evaluated: undefined,
    lists: undefined,
    checked: undefined,
    written: undefined,
    tab: "mapping",
  };
}

function withReport(m: Mapping, report: Mapping["report"]): Mapping {
  const { report: _old, ...rest } = m;
  return report ? { ...rest, report } : rest;
}

/** Sheets written now joined to those written before; only those written now are up to date again. */
function writtenAfter(s: TaskpaneState, sheets: readonly string[]): TaskpaneState["written"] {
  const before = s.written ?? { sheets: [], stale: [] };
  return {
    sheets: [...new Set([...before.sheets, ...sheets])],
    stale: before.stale.filter((x) => !sheets.includes(x)),
  };
}

function onResult(
  s: TaskpaneState,
  a: Extract<Action, { type: "evaluated" | "listsMade" | "listsRefused" | "checked" | "requestRefused" }>,
): Partial<TaskpaneState> {
  switch (a.type) {
    case "requestRefused":
      return { requestProblems: a.problems, tab: "mapping" };
    case "evaluated": {
      const evaluated = {
        ruleset: a.ruleset,
        evaluation: a.evaluation,
        stale: false,
        ...(a.statusSheet !== undefined ? { statusSheet: a.statusSheet } : {}),
      };
      const w = a.write;
      if (!w) return { requestProblems: [], evaluated, tab: "results" };
      const mapping = s.mapping ? withLists(s.mapping, w.mapping.lists) : undefined;
      return {
        requestProblems: [],
        evaluated,
        tab: "results",
        stored: w.mapping,
        mapping,
        ...staleCheck(s),
        written: writtenAfter(s, w.sheets),
        message: w.message,
      };
    }
    case "listsRefused":
      return { lists: { ok: false, problems: a.problems }, tab: "lists" };
    case "listsMade": {
      const mapping = a.mapping && s.mapping ? withLists(s.mapping, a.mapping.lists) : s.mapping;
      return {
        lists: { ok: true, lists: a.lists, problems: a.problems, written: a.sheets.length > 0 },
        ...(a.mapping ? { stored: a.mapping } : {}),
        mapping,
        ...staleCheck(s),
        ...(a.sheets.length > 0 ? { written: writtenAfter(s, a.sheets) } : {}),
        tab: "lists",
        message: a.message,
      };
    }
    case "checked":
      return { checked: { report: a.report, stale: false }, tab: "check" };
  }
}

function onEdit(
  s: TaskpaneState,
  a: Extract<
    Action,
    { type: "communeSet" | "asOfSet" | "refSet" | "proposalAccepted" | "allAccepted" | "situationSet" | "answered" | "villageNamed" }
  >,
): Partial<TaskpaneState> {
  switch (a.type) {
    case "answered": {
      const mapped = editMapping(s, (m) => a.refs.reduce((acc, r) => withSlot(acc, r.code, r.slot, r.ref), m));
      // The answers sheet was written: the check is out of date, the sheet is up to date.
      return { ...mapped, answers: a.answers, written: writtenAfter({ ...s, ...mapped }, a.sheets) };
    }
    case "communeSet":
      return { commune: a.text, ...edited(s) };
    case "asOfSet":
      return { asOf: a.date, ...edited(s) };
    case "refSet": {
      const rest = s.proposals.filter((p) => !(p.code === a.code && p.slot === a.slot));
      return editMapping(s, (m) => withSlot(m, a.code, a.slot, a.ref), rest);
    }
    case "proposalAccepted":
      return editMapping(
        s,
        (m) => applyProposals(m, [a.proposal]),
        s.proposals.filter((x) => x !== a.proposal),
      );
    case "allAccepted":
      return editMapping(s, (m) => applyProposals(m, s.proposals), []);
    case "situationSet":
      return editMapping(s, (m) => withSituation(m, a.code, a.situation));
    case "villageNamed": {
      if (!s.mapping?.villages?.[a.index]) return {};
      const named = withVillageName(s.mapping, a.index, a.name);
      if (!named) return { message: { intent: "error", text: T.villageNameEmpty(a.index + 1), place: "mapping" } };
      return editMapping(s, () => named);
    }
  }
}

function change(s: TaskpaneState, a: Action): Partial<TaskpaneState> {
  switch (a.type) {
    case "started":
      return { busy: a.label, busyPlace: a.place, progress: undefined, message: undefined };
    case "progressed":
      return { busy: a.label, progress: a.value };
    case "finished":
      return { busy: undefined, busyPlace: undefined, progress: undefined };
    case "said":
      return { message: a.message, ...(a.tab ? { tab: a.tab } : {}) };
    case "messageDismissed":
      return { message: undefined };
    case "loaded": {
      const l = a.loaded;
      const { message, ...rest } = l;
      return { ...rest, ...fresh(), ...(message ? { message } : {}) };
    }
    case "rulesetChosen":
      return { rulesetId: a.id, mapping: a.mapping, proposals: a.proposals, answers: {}, ...fresh(), filter: "all" };
    case "namesRead":
      return { names: a.names, proposals: a.proposals };
    case "villagesRead":
      return { villageNames: a.typed };
    case "proposalsTaken": {
      const left = s.proposals.filter((p) => !a.taken.some((t) => t.code === p.code && t.slot === p.slot));
      return { ...editMapping(s, () => a.mapping, left), names: a.names };
    }
    case "communeSet":
    case "asOfSet":
    case "refSet":
    case "proposalAccepted":
    case "allAccepted":
    case "situationSet":
    case "answered":
    case "villageNamed":
      return onEdit(s, a);
    case "requestRefused":
    case "evaluated":
    case "listsRefused":
    case "listsMade":
    case "checked":
      return onResult(s, a);
    case "reportStored":
      return {
        ...(s.mapping ? { mapping: withReport(s.mapping, a.report) } : {}),
        ...(s.stored ? { stored: withReport(s.stored, a.report) } : {}),
        ...staleCheck(s),
      };
    case "tabSet":
      return { tab: a.tab };
    case "filterSet":
      return { filter: a.filter };
  }
}

/** The next state: the state with what the action changes. Pure: no reads, no writes, no clock. */
export function reduce(s: TaskpaneState, a: Action): TaskpaneState {
  const next = { ...s, ...change(s, a) };
  // A message said by a job is shown beside the job's button.
  if (next.message && next.message.place === undefined) next.message = { ...next.message, place: s.busyPlace ?? "top" };
  return next;
}
