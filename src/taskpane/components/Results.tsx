import { Body1Strong, Button, Caption1, Link, makeStyles, Text, ToggleButton, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Evaluation, IndicatorResult, MeasureResult, Verdict } from "../../core/evaluate/result";
import { selectableRef, summaryCount } from "../state/view";
import type { Filter } from "../state/useTaskpane";
import { T } from "../strings";
import { Notice } from "./Notice";
import { ProblemList } from "./ProblemList";
import { VerdictBadge } from "./VerdictBadge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  line: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  grow: { flex: "1 1 0", minWidth: 0 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  figures: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  shortfall: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  part: { paddingLeft: tokens.spacingHorizontalM },
});

export type ResultsProps = {
  /** "Mô hình … — Phú Thọ": what was evaluated. */
  heading: string;
  evaluation: Evaluation;
  filter: Filter;
  onFilter: (f: Filter) => void;
  stale: boolean;
  onWrite: () => void;
  /** Evaluates again, from the out-of-date notice. */
  onEvaluate: () => void;
  /** Standalone: save the workbook with the written sheet. */
  onDownload?: (() => void) | undefined;
  /** A status sheet was written for this evaluation. */
  statusSheet?: string | undefined;
  /** Inside Excel: select a source or problem cell. */
  onSelect?: ((ref: string) => void) | undefined;
  disabled?: boolean | undefined;
  /** Progress and the message of the job started here, beside its button. */
  feedback?: ReactNode;
};

const FILTERS: ReadonlyArray<{ key: Filter; label: string; verdict?: Verdict }> = [
  { key: "all", label: T.filterAll },
  { key: "khong-dat", label: T.filterFailed, verdict: "khong-dat" },
  { key: "thieu-so-lieu", label: T.filterMissing, verdict: "thieu-so-lieu" },
  { key: "loi-so-lieu", label: T.filterErrors, verdict: "loi-so-lieu" },
];

function Figures({ r }: { r: MeasureResult }) {
  const styles = useStyles();
  return (
    <div className={styles.figures}>
      <Text>
        {T.result}: <strong>{r.display ?? "—"}</strong>
      </Text>
      <Text>
        {T.requirement}: {r.requirement}
      </Text>
      {r.shortfall && <Text className={styles.shortfall}>{r.shortfall.text}</Text>}
    </div>
  );
}

function Sources({ sources, onSelect }: { sources: readonly string[]; onSelect?: ((ref: string) => void) | undefined }) {
  const styles = useStyles();
  if (sources.length === 0) return null;
  return (
    <Caption1 className={styles.muted}>
      {T.sources}:{" "}
      {sources.map((s, i) => {
        const target = selectableRef(s);
        return (
          <span key={i}>
            {i > 0 && ", "}
            {target !== undefined && onSelect ? (
              <Link as="button" inline title={T.selectHint} onClick={() => onSelect(target)}>
                {s}
              </Link>
            ) : (
              s
            )}
          </span>
        );
      })}
    </Caption1>
  );
}

function IndicatorItem({ r, onSelect }: { r: IndicatorResult; onSelect?: ((ref: string) => void) | undefined }) {
  const styles = useStyles();
  return (
    <li className={styles.item} data-code={r.code} data-verdict={r.verdict}>
      <div className={styles.line}>
        <Body1Strong>{r.code}</Body1Strong>
        <VerdictBadge verdict={r.verdict} />
        <Text className={styles.grow}>{r.name}</Text>
      </div>
      <Figures r={r} />
      {r.parts?.map((p) => (
        <div key={p.id} className={styles.part}>
          <div className={styles.line}>
            <VerdictBadge verdict={p.verdict} size="small" />
            <Caption1 className={styles.grow}>{p.name}</Caption1>
          </div>
          <Figures r={p} />
        </div>
      ))}
      {r.notes.map((n, i) => (
        <Caption1 key={i} className={styles.muted}>
          {n}
        </Caption1>
      ))}
      <ProblemList problems={r.problems} onSelect={onSelect} />
      <Sources sources={r.sources} onSelect={onSelect} />
    </li>
  );
}

/** Verdicts, ratios, requirements and shortfalls, filterable; the status sheet written from here. */
export function Results({
  heading,
  evaluation,
  filter,
  onFilter,
  stale,
  onWrite,
  onEvaluate,
  onDownload,
  statusSheet,
  onSelect,
  disabled,
  feedback,
}: ResultsProps) {
  const styles = useStyles();
  const count = (v?: Verdict) =>
    v === undefined ? evaluation.indicators.length : evaluation.indicators.filter((r) => r.verdict === v).length;
  const shown = filter === "all" ? evaluation.indicators : evaluation.indicators.filter((r) => r.verdict === filter);
  return (
    <section className={styles.root} aria-label={T.tabResults}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onWrite} disabledFocusable={disabled === true}>
          {T.writeStatus}
        </Button>
        {onDownload && (
          <Button onClick={onDownload} disabledFocusable={disabled || statusSheet === undefined}>
            {T.download}
          </Button>
        )}
      </div>
      {feedback}
      {stale && (
        <Notice intent="warning">
          {T.stale}{" "}
          <Button size="small" onClick={onEvaluate} disabledFocusable={disabled === true}>
            {T.evaluateAgain}
          </Button>
        </Notice>
      )}
      <div className={styles.summary}>
        <Caption1 className={styles.muted}>{heading}</Caption1>
        <div className={styles.line} data-testid="overall">
          <Body1Strong>{T.overall}:</Body1Strong>
          <VerdictBadge verdict={evaluation.overall.verdict} />
          <Text className={styles.grow}>{summaryCount(evaluation.overall.text)}</Text>
        </div>
        {evaluation.groups.map((g) => (
          <div key={g.code} className={styles.line}>
            <VerdictBadge verdict={g.verdict} size="small" />
            <Text className={styles.grow}>
              {g.code} {g.name}: {summaryCount(g.text)}
            </Text>
          </div>
        ))}
      </div>
      <ProblemList problems={evaluation.problems} onSelect={onSelect} />
      <div className={styles.filters} role="group" aria-label="Lọc theo kết quả">
        {FILTERS.filter((f) => f.key !== "loi-so-lieu" || f.key === filter || count(f.verdict) > 0).map((f) => (
          <ToggleButton key={f.key} size="small" checked={filter === f.key} onClick={() => onFilter(f.key)}>
            {f.label} ({count(f.verdict)})
          </ToggleButton>
        ))}
      </div>
      {shown.length === 0 ? (
        <Text className={styles.muted}>{T.noneInFilter}</Text>
      ) : (
        <ul className={styles.list}>
          {shown.map((r) => (
            <IndicatorItem key={r.code} r={r} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </section>
  );
}
