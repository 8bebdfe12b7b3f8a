/*
 * The pane: wires the state hook's actions into the components. Same page inside Excel and
 * standalone; the shell says which abilities exist (select in Excel, open a file, download).
 */
import { Button, FluentProvider, makeStyles, Tab, TabList, tokens, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import { AppHeader } from "./components/AppHeader";
import { BusyBar } from "./components/BusyBar";
import { CheckPanel } from "./components/CheckPanel";
import { ListsPanel, type ListsResult } from "./components/ListsPanel";
import { EvaluateBar } from "./components/EvaluateBar";
import { MappingTable } from "./components/MappingTable";
import { NoNames } from "./components/NoNames";
import { Notice } from "./components/Notice";
import { OpenWorkbook } from "./components/OpenWorkbook";
import { ProblemList } from "./components/ProblemList";
import { ProgrammePicker } from "./components/ProgrammePicker";
import { ReportDetails } from "./components/ReportDetails";
import { Results } from "./components/Results";
import type { Shell } from "./host/types";
import type { Catalog } from "./rulesets";
import { useTaskpane, type Tab as PaneTab } from "./state/useTaskpane";
import { bySeverity, checkPanelView, hasLists, listRows, mappingProgress, mappingRows, programmeGroups } from "./state/view";
import { T } from "./strings";
import { WordReportPanel } from "./components/WordReportPanel";
import { R } from "./report-strings";
import type { Wordings } from "./report-wordings";
import { useWordReport } from "./state/useWordReport";
import { withDetails } from "./state/view";
import { RollupPanel } from "./components/RollupPanel";

/** The report's wording files and how the .docx reaches the clerk; index.tsx gives the bundled ones and a download. */
export type ReportDeps = { wordings?: Wordings | undefined; save?: ((bytes: Uint8Array, fileName: string) => void) | undefined };

const useStyles = makeStyles({
  page: { maxWidth: "920px", margin: "0 auto", padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, boxSizing: "border-box" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Four tabs do not fit a 320 px task pane on one line: they wrap rather than scroll out of sight.
  tabs: { flexWrap: "wrap" },
});

export function App({ shell, catalog, report }: { shell: Shell; catalog: Catalog; report?: ReportDeps }) {
  return (
    <FluentProvider theme={webLightTheme} lang="vi">
      <Pane shell={shell} catalog={catalog} report={report ?? {}} />
    </FluentProvider>
  );
}

function Pane({ shell, catalog, report }: { shell: Shell; catalog: Catalog; report: ReportDeps }) {
  const styles = useStyles();
  const { state, actions } = useTaskpane(shell, catalog);
  const word = useWordReport({
    session: state.session,
    catalog,
    wordings: report.wordings,
    rulesetId: state.rulesetId,
    mapping: state.mapping ? withDetails(state.mapping, state.commune, state.asOf) : undefined,
    stored: state.stored?.report,
    save: report.save,
    onStored: (m) => actions.reportStored(m.report),
  });
  const groups = useMemo(() => programmeGroups(catalog.rulesets.values()), [catalog]);
  const ruleset = state.rulesetId ? catalog.rulesets.get(state.rulesetId) : undefined;
  const rows = useMemo(() => (ruleset && state.mapping ? mappingRows(ruleset, state.mapping, state.proposals) : []), [ruleset, state.mapping, state.proposals]);
  const progress = useMemo(() => mappingProgress(rows), [rows]);
  const busy = state.busy !== undefined;
  const session = state.session;
  const select = session?.select ? (ref: string) => void actions.select(ref) : undefined;
  const withLists = ruleset !== undefined && hasLists(ruleset);
  const listsResult = useMemo((): ListsResult | undefined => {
    const l = state.lists;
    if (!l) return undefined;
    return l.ok ? { ok: true, rows: listRows(l.lists), ...bySeverity(l.problems), written: l.written } : { ok: false, problems: l.problems };
  }, [state.lists]);
  const checkResult = useMemo(() => (state.checked ? checkPanelView(state.checked.report) : undefined), [state.checked]);

  return (
    <main className={styles.page} lang="vi">
      <AppHeader
        mode={shell.mode}
        workbookTitle={session?.title}
        actions={session && shell.openFile ? <OpenWorkbook compact onOpenFile={(f) => void actions.openFile(f)} disabled={busy} /> : undefined}
      />
      {shell.notice && (shell.mode === "office" || !session) && <Notice intent={shell.notice.intent}>{shell.notice.text}</Notice>}
      <BusyBar label={state.busy} value={state.progress} />
      {state.message && (
        <Notice intent={state.message.intent} onDismiss={actions.dismissMessage}>
          {state.message.text}
        </Notice>
      )}

      {!session && shell.openFile && <OpenWorkbook onOpenFile={(f) => void actions.openFile(f)} disabled={busy} />}

      <section className={styles.section}>
        <ProgrammePicker groups={groups} value={state.rulesetId} onChange={(id) => void actions.chooseRuleset(id)} problems={catalog.problems} />
        <ReportDetails commune={state.commune} asOf={state.asOf} onCommune={actions.setCommune} onAsOf={actions.setAsOf} />
      </section>

      {!session && (
        <Notice intent="info" title={T.noWorkbookTitle}>
          {T.noWorkbookIntro}{" "}
          <Button size="small" appearance="primary" onClick={() => void actions.makeTemplate()} disabledFocusable={busy || !ruleset}>
            {T.makeTemplate}
          </Button>
        </Notice>
      )}

      {session && state.names !== undefined && state.names.length === 0 && (
        <NoNames canMakeTemplate={ruleset !== undefined} onMakeTemplate={() => void actions.makeTemplate()} onReload={() => void actions.reload()} disabled={busy} />
      )}

      {session && ruleset && state.mapping && (
        <>
          <TabList className={styles.tabs} selectedValue={state.tab} onTabSelect={(_, d) => actions.setTab(d.value as PaneTab)}>
            <Tab value="mapping">
              {T.tabMapping} ({progress.mapped}/{progress.total})
            </Tab>
            <Tab value="results" disabled={!state.evaluated}>
              {T.tabResults}
            </Tab>
            {withLists && <Tab value="lists">{T.tabLists}</Tab>}
            <Tab value="check">{T.tabCheck}</Tab>
            <Tab value="report">{R.tab}</Tab>
          </TabList>

          {state.tab === "mapping" && (
            <section className={styles.section} aria-label={T.tabMapping}>
              {state.requestProblems.length > 0 && (
                <Notice intent="error" title={T.requestProblems}>
                  <ProblemList problems={state.requestProblems} />
                </Notice>
              )}
              <EvaluateBar onEvaluate={() => void actions.evaluate()} onReload={() => void actions.reload()} disabled={busy} />
              <MappingTable
                groups={rows}
                names={state.names ?? []}
                progress={progress}
                onSetRef={actions.setRef}
                onAccept={actions.acceptProposal}
                onAcceptAll={actions.acceptAll}
                onUseSelected={session.selectedCell ? (code, slot) => void actions.useSelectedCell(code, slot) : undefined}
                disabled={busy}
              />
              <EvaluateBar onEvaluate={() => void actions.evaluate()} disabled={busy} />
            </section>
          )}

          {state.tab === "results" && state.evaluated && (
            <Results
              heading={`${state.evaluated.ruleset.title} — ${state.evaluated.ruleset.province}${state.commune ? ` · ${state.commune}` : ""}${state.asOf ? ` · ${state.asOf.split("-").reverse().join("/")}` : ""}`}
              evaluation={state.evaluated.evaluation}
              filter={state.filter}
              onFilter={actions.setFilter}
              stale={state.evaluated.stale}
              onWrite={() => void actions.write()}
              onDownload={session.download ? () => void actions.download() : undefined}
              statusSheet={state.evaluated.statusSheet}
              onSelect={select}
              disabled={busy}
            />
          )}

          {state.tab === "lists" && withLists && (
            <ListsPanel
              result={listsResult}
              onMake={() => void actions.makeLists()}
              onDownload={session.download ? () => void actions.download() : undefined}
              onSelect={select}
              disabled={busy}
            />
          )}

          {state.tab === "check" && (
            <CheckPanel
              result={checkResult}
              stale={state.checked?.stale}
              ruleProblems={catalog.checks.problems}
              onCheck={() => void actions.check()}
              onSelect={select}
              disabled={busy}
            />
          )}

          {state.tab === "report" && (
            <WordReportPanel state={word.state} onField={word.setField} onMake={() => void word.make()} wordingProblems={report.wordings?.problems ?? []} disabled={busy} />
          )}
        </>
      )}
      <RollupPanel catalog={catalog} />
    </main>
  );
}
