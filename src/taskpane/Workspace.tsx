/*
 * The tabs once a workbook and a programme are chosen: mapping, results, lists, check, report. Each
 * view gets its actions as props and shows its job's progress and message beside its button.
 */
import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useMemo, type ReactNode } from "react";
import type { Ruleset } from "../core/ruleset/schema";
import { CheckPanel } from "./components/CheckPanel";
import { EvaluateBar } from "./components/EvaluateBar";
import { Feedback } from "./components/Feedback";
import { ListsPanel, type ListsResult } from "./components/ListsPanel";
import { MappingTable } from "./components/MappingTable";
import { Notice } from "./components/Notice";
import { ProblemList } from "./components/ProblemList";
import { Results } from "./components/Results";
import { VillagesPanel } from "./components/VillagesPanel";
import type { Catalog } from "./rulesets";
import type { Place, TaskpaneState, Tab as PaneTab } from "./state/reducer";
import type { TaskpaneActions } from "./state/useTaskpane";
import { communeRows, villageRows } from "./state/villages";
import { bySeverity, checkPanelView, hasLists, listRows, mappingProgress, mappingRows } from "./state/view";
import { T } from "./strings";
import { R } from "./report-strings";
import { formatIsoDate } from "./state/dates";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Four tabs do not fit a 320 px task pane on one line: they wrap rather than scroll out of sight.
  tabs: { flexWrap: "wrap" },
});

export type WorkspaceProps = {
  state: TaskpaneState;
  actions: TaskpaneActions;
  catalog: Catalog;
  ruleset: Ruleset;
  report: ReactNode;
};

function useFeedback(state: TaskpaneState, actions: TaskpaneActions): (place: Place) => ReactNode {
  const busy = state.busy !== undefined ? { label: state.busy, place: state.busyPlace, value: state.progress } : undefined;
  return (place) => <Feedback place={place} busy={busy} message={state.message} onDismiss={actions.dismissMessage} />;
}

function MappingView({ state, actions, ruleset }: WorkspaceProps) {
  const styles = useStyles();
  const feedback = useFeedback(state, actions);
  const rows = useMemo(
    () => (state.mapping ? mappingRows(ruleset, state.mapping, state.proposals, state.names) : []),
    [ruleset, state.mapping, state.proposals, state.names],
  );
  const busy = state.busy !== undefined;
  const session = state.session;
  return (
    <section className={styles.section} aria-label={T.tabMapping}>
      {state.requestProblems.length > 0 && (
        <Notice intent="error" title={T.requestProblems}>
          <ProblemList problems={state.requestProblems} />
        </Notice>
      )}
      <EvaluateBar onEvaluate={() => void actions.evaluate()} onReload={() => void actions.reload()} disabled={busy} />
      {feedback("mapping")}
      <VillagesPanel
        rows={villageRows(state.mapping, state.villageNames, state.evaluated?.evaluation)}
        communes={communeRows(state.evaluated?.evaluation)}
        stale={state.evaluated?.stale === true}
        onName={actions.nameVillage}
        disabled={busy}
      />
      <MappingTable
        groups={rows}
        names={state.names ?? []}
        progress={mappingProgress(rows)}
        onSetRef={actions.setRef}
        onAccept={actions.acceptProposal}
        onAcceptAll={actions.acceptAll}
        onSituation={actions.setSituation}
        answers={state.answers}
        onAnswer={(key, answer) => void actions.answer(key, answer)}
        onUseSelected={session?.selectedCell ? (code, slot) => void actions.useSelectedCell(code, slot) : undefined}
        disabled={busy}
      />
    </section>
  );
}

function ResultsView({ state, actions }: WorkspaceProps) {
  const feedback = useFeedback(state, actions);
  const evaluated = state.evaluated;
  if (!evaluated) return null;
  const heading = `${evaluated.ruleset.title} — ${evaluated.ruleset.province}${state.commune ? ` · ${state.commune}` : ""}${state.asOf ? ` · ${formatIsoDate(state.asOf)}` : ""}`;
  const select = state.session?.select ? (ref: string) => void actions.select(ref) : undefined;
  return (
    <Results
      heading={heading}
      evaluation={evaluated.evaluation}
      filter={state.filter}
      onFilter={actions.setFilter}
      stale={evaluated.stale}
      onWrite={() => void actions.write()}
      onEvaluate={() => void actions.evaluate()}
      onDownload={state.session?.download ? () => void actions.download() : undefined}
      statusSheet={evaluated.statusSheet}
      onSelect={select}
      disabled={state.busy !== undefined}
      feedback={feedback("results")}
    />
  );
}

function ListsView({ state, actions }: WorkspaceProps) {
  const feedback = useFeedback(state, actions);
  const result = useMemo((): ListsResult | undefined => {
    const l = state.lists;
    if (!l) return undefined;
    return l.ok
      ? { ok: true, rows: listRows(l.lists), ...bySeverity(l.problems), written: l.written }
      : { ok: false, problems: l.problems };
  }, [state.lists]);
  const select = state.session?.select ? (ref: string) => void actions.select(ref) : undefined;
  return (
    <ListsPanel
      result={result}
      onMake={() => void actions.makeLists()}
      onDownload={state.session?.download ? () => void actions.download() : undefined}
      onSelect={select}
      disabled={state.busy !== undefined}
      feedback={feedback("lists")}
    />
  );
}

function CheckView({ state, actions, catalog }: WorkspaceProps) {
  const feedback = useFeedback(state, actions);
  const result = useMemo(() => (state.checked ? checkPanelView(state.checked.report) : undefined), [state.checked]);
  const select = state.session?.select ? (ref: string) => void actions.select(ref) : undefined;
  return (
    <CheckPanel
      result={result}
      stale={state.checked?.stale}
      ruleProblems={catalog.checks.problems}
      onCheck={() => void actions.check()}
      onSelect={select}
      disabled={state.busy !== undefined}
      feedback={feedback("check")}
    />
  );
}

/** The tab list and the view of the tab chosen. */
export function Workspace(props: WorkspaceProps) {
  const { state, actions, ruleset, report } = props;
  const styles = useStyles();
  const progress = useMemo(
    () => mappingProgress(state.mapping ? mappingRows(ruleset, state.mapping, state.proposals, state.names) : []),
    [ruleset, state.mapping, state.proposals, state.names],
  );
  return (
    <>
      <TabList className={styles.tabs} selectedValue={state.tab} onTabSelect={(_, d) => actions.setTab(d.value as PaneTab)}>
        <Tab value="mapping">
          {T.tabMapping} ({progress.mapped}/{progress.total})
        </Tab>
        <Tab value="results" disabled={!state.evaluated}>
          {T.tabResults}
        </Tab>
        {hasLists(ruleset) && <Tab value="lists">{T.tabLists}</Tab>}
        <Tab value="check">{T.tabCheck}</Tab>
        <Tab value="report">{R.tab}</Tab>
      </TabList>
      {state.tab === "mapping" && <MappingView {...props} />}
      {state.tab === "results" && <ResultsView {...props} />}
      {state.tab === "lists" && hasLists(ruleset) && <ListsView {...props} />}
      {state.tab === "check" && <CheckView {...props} />}
      {state.tab === "report" && report}
    </>
  );
}
