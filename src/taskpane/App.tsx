/*
 * The pane: wires the state hook's actions into the components. Same page inside Excel and
 * standalone; the shell says which abilities exist (select in Excel, open a file, download).
 */
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import { AppHeader } from "./components/AppHeader";
import { Feedback } from "./components/Feedback";
import { NoNames } from "./components/NoNames";
import { MakeTemplateButton } from "./components/MakeTemplateButton";
import { Notice } from "./components/Notice";
import { OpenWorkbook } from "./components/OpenWorkbook";
import { ProgrammePicker } from "./components/ProgrammePicker";
import { ReportDetails } from "./components/ReportDetails";
import type { Shell } from "./host/types";
import type { Catalog } from "./rulesets";
import { nextStep } from "./state/next-step";
import { useTaskpane } from "./state/useTaskpane";
import { programmeGroups } from "./state/view";
import { T } from "./strings";
import { WordReportPanel } from "./components/WordReportPanel";
import type { Wordings } from "./report-wordings";
import { useWordReport } from "./state/useWordReport";
import { withDetails } from "./state/view";
import { Workspace } from "./Workspace";
import { RollupPanel } from "./components/RollupPanel";

/** The report's wording files and how the .docx reaches the clerk; index.tsx gives the bundled ones and a download. */
export type ReportDeps = { wordings?: Wordings | undefined; save?: ((bytes: Uint8Array, fileName: string) => void) | undefined };

const useStyles = makeStyles({
  page: {
    maxWidth: "920px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    boxSizing: "border-box",
    // Fluent shows a field's focus as a thin underline only: a clerk on the keyboard must see where she is.
    "& .fui-Input:focus-within, & .fui-Combobox:focus-within, & .fui-Dropdown:focus-within, & .fui-Textarea:focus-within": {
      outlineWidth: "2px",
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "1px",
    },
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function App({ shell, catalog, report }: { shell: Shell; catalog: Catalog; report?: ReportDeps }) {
  return (
    <FluentProvider theme={webLightTheme} lang="vi">
      <Pane shell={shell} catalog={catalog} report={report ?? {}} />
    </FluentProvider>
  );
}

/** What to do next, always in sight: the step the clerk is at. */
function NextStepLine({ text }: { text: string | undefined }) {
  return text === undefined ? null : <Notice intent="info">{`${T.nextStep}: ${text}`}</Notice>;
}

/** No workbook open (the web page): open one, or make the programme's template to fill in. */
function NoWorkbook({
  canMakeTemplate,
  onMakeTemplate,
  disabled,
}: {
  canMakeTemplate: boolean;
  onMakeTemplate: () => void;
  disabled: boolean;
}) {
  return (
    <Notice intent="info" title={T.noWorkbookTitle}>
      {T.noWorkbookIntro} <MakeTemplateButton canMakeTemplate={canMakeTemplate} onMakeTemplate={onMakeTemplate} disabled={disabled} />
    </Notice>
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
  const busy = state.busy !== undefined;
  const session = state.session;
  const noNames = session !== undefined && state.names !== undefined && state.names.length === 0;
  const wordPanel = (
    <WordReportPanel
      state={word.state}
      onField={word.setField}
      onMake={() => void word.make()}
      wordingProblems={report.wordings?.problems ?? []}
      disabled={busy}
    />
  );

  return (
    <main className={styles.page} lang="vi">
      <AppHeader
        mode={shell.mode}
        workbookTitle={session?.title}
        actions={
          session && shell.openFile ? <OpenWorkbook compact onOpenFile={(f) => void actions.openFile(f)} disabled={busy} /> : undefined
        }
      />
      {shell.notice && (shell.mode === "office" || !session) && <Notice intent={shell.notice.intent}>{shell.notice.text}</Notice>}
      <Feedback
        place="top"
        busy={busy ? { label: state.busy!, place: state.busyPlace, value: state.progress } : undefined}
        message={state.message}
        onDismiss={actions.dismissMessage}
      />

      {!session && shell.openFile && <OpenWorkbook onOpenFile={(f) => void actions.openFile(f)} disabled={busy} />}

      <section className={styles.section}>
        <ProgrammePicker
          groups={groups}
          value={state.rulesetId}
          onChange={(id) => void actions.chooseRuleset(id)}
          problems={catalog.problems}
        />
        <ReportDetails commune={state.commune} asOf={state.asOf} onCommune={actions.setCommune} onAsOf={actions.setAsOf} />
      </section>

      {!session && (
        <NoWorkbook canMakeTemplate={ruleset !== undefined} onMakeTemplate={() => void actions.makeTemplate()} disabled={busy} />
      )}

      {noNames && (
        <NoNames
          canMakeTemplate={ruleset !== undefined}
          onMakeTemplate={() => void actions.makeTemplate()}
          onReload={ruleset ? undefined : () => void actions.reload()}
          disabled={busy}
        />
      )}

      <NextStepLine text={nextStep(state, ruleset, shell)} />

      {session && ruleset && state.mapping && (
        <Workspace state={state} actions={actions} catalog={catalog} ruleset={ruleset} report={wordPanel} />
      )}
      <RollupPanel catalog={catalog} open={shell.openWorkbook} />
    </main>
  );
}
