/*
 * "Tổng hợp nhiều xã": the province officer's roll-up in the page and the pane. Many .xlsx chosen or
 * dropped at once, read in a Web Worker with the progress shown, and the roll-up workbook given back
 * as a download, or in Excel 2019+ opened as a new workbook. Nothing is uploaded: the files are read where the page runs.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from "react";
import type { Catalog } from "../rulesets";
import { droppedFiles, FOLDER_TAKES } from "../rollup/dropped-files";
import { workerRunner, type RollupRunner } from "../rollup/runner";
import { RU } from "../rollup/strings";
import type { RollupDelivery } from "../rollup/state";
import { useRollup } from "../rollup/useRollup";
import { describeError } from "../host/errors";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  drop: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "10em", overflowY: "auto", overflowWrap: "anywhere" },
  text: { overflowWrap: "anywhere" },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  options: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // A programme's title is long: the list is as wide as the pane, the chosen title cut with "…".
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  select: { minWidth: 0, maxWidth: "100%" },
  selectElement: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

export type RollupPanelProps = {
  catalog: Catalog;
  /** Tests give a fake job; the page runs it in a Web Worker. */
  runner?: RollupRunner | undefined;
  /** Tests record the download; the page saves through a Blob URL. */
  save?: ((bytes: Uint8Array, fileName: string) => void) | undefined;
  /** In Excel 2019+ the shell's openWorkbook: the roll-up opens as a new workbook rather than a download. */
  open?: ((bytes: Uint8Array) => Promise<void>) | undefined;
  now?: (() => Date) | undefined;
};

/** A Blob URL download; file-host is imported on use (the index has it already), as it brings the xlsx adapter. */
function downloadFile(bytes: Uint8Array, name: string): void {
  void import("../host/file-host").then(({ browserDeps, saveBytes }) => saveBytes(browserDeps(window), bytes, name));
}

type RollupState = ReturnType<typeof useRollup>["state"];
type RollupActions = ReturnType<typeof useRollup>["actions"];

/** The programme and the evaluation date, as --ruleset and --as-of on the command line. */
function RollupOptions({
  state,
  actions,
  programmes,
  running,
}: {
  state: RollupState;
  actions: RollupActions;
  programmes: ReadonlyArray<{ id: string; title: string }>;
  running: boolean;
}) {
  const styles = useStyles();
  return (
    <div className={styles.options}>
      <Field className={styles.field} label={RU.ruleset} hint={RU.rulesetHint}>
        <Select
          className={styles.select}
          select={{ className: styles.selectElement }}
          value={state.ruleset ?? ""}
          onChange={(_, d) => actions.setOptions({ ruleset: d.value, asOf: state.asOf })}
          disabled={running}
        >
          <option value="">{RU.allRulesets}</option>
          {programmes.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={RU.asOf} hint={RU.asOfHint}>
        <Input
          type="date"
          value={state.asOf ?? ""}
          onChange={(_, d) => actions.setOptions({ ruleset: state.ruleset, asOf: d.value })}
          disabled={running}
        />
      </Field>
    </div>
  );
}

/** Where the workbook went: downloaded, opened in Excel, or downloaded because Excel would not open it. */
function deliveryText(delivery: RollupDelivery | undefined): string {
  if (!delivery) return "";
  if (delivery.how === "opened") return RU.opened;
  return delivery.openFailed !== undefined ? RU.openFailed(delivery.openFailed) : RU.downloaded;
}

/** What the roll-up found, per programme, the files set apart, and the download (or Excel) again. */
function RollupResult({
  result,
  actions,
  canOpen,
}: {
  result: NonNullable<RollupState["result"]>;
  actions: RollupActions;
  canOpen: boolean;
}) {
  const styles = useStyles();
  return (
    <Notice intent="success" title={`${RU.done(result.summary.files)} ${deliveryText(result.delivery)}`.trim()}>
      {result.summary.programmes.map((p) => (
        <div key={p.ruleset} className={styles.text}>
          <Body1Strong>{p.title}</Body1Strong>: {RU.programme(p.communes, p.dat, p.withErrors, p.notCurrent)}
        </div>
      ))}
      {result.summary.apart.length > 0 && (
        <>
          <Body1>{RU.apart}</Body1>
          <ul className={styles.files} aria-label={RU.apart} data-testid="rollup-apart">
            {result.summary.apart.map((a) => (
              <li key={`${a.why}|${a.file}`} data-why={a.why}>
                <Caption1>
                  {a.file} — {a.text}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.actions}>
        {canOpen && (
          <Button appearance="primary" onClick={actions.open}>
            {RU.openAgain}
          </Button>
        )}
        <Button appearance={canOpen ? "secondary" : "primary"} onClick={actions.download}>
          {RU.download(result.fileName)}
        </Button>
      </div>
    </Notice>
  );
}

/** Files and folders, picked or dropped; the hidden inputs stay out of the tab order. */
function RollupDropZone({ running, actions }: { running: boolean; actions: RollupActions }) {
  const styles = useStyles();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const picked = (folder: boolean) => (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = "";
    actions.add(folder ? files.filter((f) => FOLDER_TAKES.test(f.name)) : files);
  };
  const dragOver = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = running ? "none" : "copy";
    setOver(true);
  };
  const dropped = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!running)
      droppedFiles(e.dataTransfer).then(actions.add, (err: unknown) =>
        actions.problem(RU.dropFailed(err instanceof Error ? err.message : String(err))),
      );
  };

  return (
    <div
      role="group"
      aria-label={RU.dropZone}
      className={mergeClasses(styles.drop, over && styles.dropActive)}
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={dropped}
      data-testid="rollup-drop"
    >
      <Body1 className={styles.text}>{over ? RU.dropActive : RU.dropHint}</Body1>
      {/* The buttons are the controls; the inputs stay out of the tab order and the accessibility tree. */}
      <input
        ref={filesInput}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,.xlsm,.xls"
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked(false)}
        data-testid="rollup-files"
      />
      <input
        ref={folderInput}
        className={styles.input}
        type="file"
        multiple
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked(true)}
        {...({ webkitdirectory: "" } as Record<string, string>)}
      />
      <Button onClick={() => filesInput.current?.click()} disabledFocusable={running}>
        {RU.choose}
      </Button>
      <Button onClick={() => folderInput.current?.click()} disabledFocusable={running}>
        {RU.chooseFolder}
      </Button>
    </div>
  );
}

export function RollupPanel({ catalog, runner, save, open, now }: RollupPanelProps) {
  const styles = useStyles();
  const id = useId();
  const run = useMemo(() => runner ?? workerRunner(catalog), [runner, catalog]);
  const saveFile = useMemo(() => save ?? downloadFile, [save]);
  const { state, actions } = useRollup({ catalog, runner: run, save: saveFile, open, describe: describeError, now });
  const running = state.phase === "running";
  const programmes = useMemo(() => [...catalog.rulesets.values()].sort((a, b) => a.title.localeCompare(b.title, "vi")), [catalog]);

  return (
    <Accordion collapsible>
      <AccordionItem value="rollup">
        <AccordionHeader as="h2">{RU.title}</AccordionHeader>
        <AccordionPanel>
          <section className={styles.root} aria-label={RU.title} data-testid="rollup-panel">
            <Body1 className={styles.text}>{RU.intro}</Body1>
            <RollupDropZone running={running} actions={actions} />

            <RollupOptions state={state} actions={actions} programmes={programmes} running={running} />

            {state.files.length > 0 && (
              <>
                <Body1Strong id={`${id}-files`}>
                  {RU.chosen(state.files.length)}
                  {state.skipped > 0 ? ` (${RU.skipped(state.skipped)})` : ""}
                </Body1Strong>
                <ol className={styles.files} aria-labelledby={`${id}-files`} tabIndex={0}>
                  {state.files.map((f) => (
                    <li key={`${f.name}|${f.size}|${f.lastModified}`}>
                      <Caption1>{f.name}</Caption1>
                    </li>
                  ))}
                </ol>
              </>
            )}

            <div className={styles.actions}>
              <Button appearance="primary" onClick={actions.start} disabledFocusable={running || state.files.length === 0}>
                {RU.run}
              </Button>
              {running && <Button onClick={actions.cancel}>{RU.cancel}</Button>}
              {state.files.length > 0 && !running && (
                <Button appearance="subtle" onClick={actions.clear}>
                  {RU.clear}
                </Button>
              )}
            </div>

            <div role="status" aria-live="polite" className={styles.status} data-testid="rollup-status">
              {state.progress && (
                <>
                  <ProgressBar
                    thickness="medium"
                    aria-label={RU.progress}
                    {...(state.progress.value !== undefined ? { value: state.progress.value, max: 1 } : {})}
                  />
                  <Caption1 className={styles.text}>{state.progress.label}</Caption1>
                </>
              )}
            </div>

            {state.message && <Notice intent={state.message.intent}>{state.message.text}</Notice>}

            {state.result && <RollupResult result={state.result} actions={actions} canOpen={open !== undefined} />}
          </section>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
