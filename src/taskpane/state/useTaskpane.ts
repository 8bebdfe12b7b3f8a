/*
 * The pane's state and actions in React: the pure reducer (./reducer) holds the state, one runner per
 * action (./runners) does the reading and writing. The components only show state and call actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Proposal } from "../../core/mapping/propose";
import type { Mapping } from "../../core/mapping/schema";
import { describeError } from "../host/errors";
import type { Shell } from "../host/types";
import type { Catalog } from "../rulesets";
import { T } from "../strings";
import { initialState, reduce, type Action, type Filter, type Place, type TaskpaneState, type Tab } from "./reducer";
import { needNames, runAccept } from "./runners/accept";
import { runAnswer } from "./runners/answers";
import { runCheck } from "./runners/check";
import type { RunContext } from "./runners/context";
import { runDownload } from "./runners/download";
import { runEvaluate } from "./runners/evaluate";
import { runMakeLists } from "./runners/lists";
import { runChooseRuleset, runLoad, runOpenFile, runReload, runUseSelectedCell } from "./runners/load";
import { runMakeTemplate } from "./runners/template";
import type { Situation } from "./situation";

export type { Checked, Evaluated, Filter, ListsDone, Message, Place, TaskpaneState, Tab } from "./reducer";

export type TaskpaneActions = {
  openFile: (file: File) => Promise<void>;
  chooseRuleset: (id: string) => Promise<void>;
  setCommune: (text: string) => void;
  setAsOf: (date: string) => void;
  setRef: (code: string, slot: string, ref: string) => void;
  acceptProposal: (p: Proposal) => void;
  acceptAll: () => void;
  setSituation: (code: string, situation: Situation) => void;
  /** A village's name given in the pane (mapping.villages[index].name); an empty one is refused with a message. */
  nameVillage: (index: number, name: string) => void;
  /** The answer to a question that chooses a case (undefined: not answered). */
  answer: (key: string, answer: boolean | undefined) => Promise<void>;
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

/** The state kept where runners read it at once (a ref) and React renders it (a state). */
function useStore(shell: Shell): { state: TaskpaneState; get: () => TaskpaneState; dispatch: (a: Action) => void } {
  const [state, setState] = useState<TaskpaneState>(() => initialState(shell.initial));
  const ref = useRef(state);
  const get = useCallback(() => ref.current, []);
  const dispatch = useCallback((a: Action) => {
    ref.current = reduce(ref.current, a);
    setState(ref.current);
  }, []);
  return { state, get, dispatch };
}

export function useTaskpane(shell: Shell, catalog: Catalog): { state: TaskpaneState; actions: TaskpaneActions } {
  const { state, get, dispatch } = useStore(shell);
  const ctx = useMemo<RunContext>(() => ({ get, dispatch, shell, catalog }), [get, dispatch, shell, catalog]);

  /** Runs a runner with its progress label beside its button; any failure becomes one Vietnamese message. */
  const running = useRef(false);
  const busy = useCallback(
    async (label: string, place: Place, fn: () => Promise<void>) => {
      // One action at a time: a second click while Excel works is ignored, not queued.
      if (running.current) return;
      running.current = true;
      dispatch({ type: "started", label, place });
      try {
        await fn();
      } catch (e) {
        dispatch({ type: "said", message: { intent: "error", text: describeError(e), place } });
      } finally {
        running.current = false;
        dispatch({ type: "finished" });
      }
    },
    [dispatch],
  );

  // In Excel the workbook is there from the start: read its names once.
  useEffect(() => {
    const session = shell.initial;
    if (session) void busy(T.readingNames, "top", () => runLoad(ctx, session));
  }, [shell, busy, ctx]);

  const actions = useMemo<TaskpaneActions>(
    () => ({
      openFile: (file) => busy(T.opening, "top", () => runOpenFile(ctx, file)),
      chooseRuleset: (id) => busy(T.proposing, "top", () => runChooseRuleset(ctx, id)),
      setCommune: (text) => dispatch({ type: "communeSet", text }),
      setAsOf: (date) => dispatch({ type: "asOfSet", date }),
      setRef: (code, slot, ref) => dispatch({ type: "refSet", code, slot, ref }),
      // A labelled cell without a name gets one in the workbook first (a write); else the mapping alone changes.
      acceptProposal: (proposal) =>
        needNames([proposal])
          ? void busy(T.accepting, "mapping", () => runAccept(ctx, [proposal]))
          : dispatch({ type: "proposalAccepted", proposal }),
      acceptAll: () =>
        needNames(get().proposals)
          ? void busy(T.accepting, "mapping", () => runAccept(ctx, get().proposals))
          : dispatch({ type: "allAccepted" }),
      setSituation: (code, situation) => dispatch({ type: "situationSet", code, situation }),
      nameVillage: (index, name) => dispatch({ type: "villageNamed", index, name }),
      answer: (key, answer) => busy(T.answering, "mapping", () => runAnswer(ctx, key, answer)),
      useSelectedCell: (code, slot) => busy(T.selecting, "mapping", () => runUseSelectedCell(ctx, code, slot)),
      reload: () => busy(T.readingNames, "mapping", () => runReload(ctx)),
      evaluate: () => busy(T.evaluating, "mapping", () => runEvaluate(ctx, false)),
      write: () => busy(T.writing, "results", () => runEvaluate(ctx, true)),
      makeLists: () => busy(T.makingLists, "lists", () => runMakeLists(ctx)),
      check: () => busy(T.checking, "check", () => runCheck(ctx)),
      download: () => busy(T.saving, get().tab === "lists" ? "lists" : "results", () => runDownload(ctx)),
      select: async (target) => {
        const session = get().session;
        if (!session?.select) return;
        try {
          await session.select(target);
        } catch (e) {
          dispatch({ type: "said", message: { intent: "error", text: describeError(e) } });
        }
      },
      makeTemplate: () => busy(T.makingTemplate, "top", () => runMakeTemplate(ctx)),
      setTab: (tab) => dispatch({ type: "tabSet", tab }),
      reportStored: (report) => dispatch({ type: "reportStored", report }),
      setFilter: (filter) => dispatch({ type: "filterSet", filter }),
      dismissMessage: () => dispatch({ type: "messageDismissed" }),
    }),
    [busy, ctx, dispatch, get],
  );

  return { state, actions };
}
