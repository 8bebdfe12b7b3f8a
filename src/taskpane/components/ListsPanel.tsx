import { Body1, Body1Strong, Button, Caption1, Link, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ListRow, ProblemItem } from "../state/view";
import { T } from "../strings";
import { Notice } from "./Notice";
import { ProblemList } from "./ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** What the last "Tạo phụ lục" gave: the lists written and the rosters' problems, or why nothing was made. */
export type ListsResult =
  | { ok: true; rows: readonly ListRow[]; mustFix: readonly ProblemItem[]; shouldSee: readonly ProblemItem[]; written: boolean }
  | { ok: false; problems: readonly ProblemItem[] };

export type ListsPanelProps = {
  result?: ListsResult | undefined;
  onMake: () => void;
  /** Standalone: save the workbook with the list sheets. */
  onDownload?: (() => void) | undefined;
  /** Inside Excel: select a roster cell, or a list sheet. */
  onSelect?: ((ref: string) => void) | undefined;
  disabled?: boolean | undefined;
  /** Progress and the message of the job started here, beside its button. */
  feedback?: ReactNode;
};

/** "Tạo phụ lục": the appendix lists (Phụ lục 03–07) written from the rosters, each with its count, and what the rosters need fixing. */
export function ListsPanel({ result, onMake, onDownload, onSelect, disabled, feedback }: ListsPanelProps) {
  const styles = useStyles();
  const written = result?.ok === true && result.written;
  return (
    <section className={styles.root} aria-label={T.tabLists}>
      <Body1>{T.listsIntro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onMake} disabledFocusable={disabled === true}>
          {T.makeLists}
        </Button>
        {onDownload && (
          <Button onClick={onDownload} disabledFocusable={disabled === true || !written}>
            {T.download}
          </Button>
        )}
      </div>

      {feedback}

      {result?.ok === false && (
        <Notice intent="error" title={T.listsFailed}>
          <ProblemList problems={result.problems} onSelect={onSelect} />
        </Notice>
      )}

      {result?.ok === true && (
        <>
          <div className={styles.group}>
            <Subtitle2 as="h2">{T.listsHeading}</Subtitle2>
            {result.rows.length === 0 ? (
              <Text className={styles.muted}>{T.listsNone}</Text>
            ) : (
              <ul className={styles.list}>
                {result.rows.map((r) => (
                  <li key={r.id} className={styles.item} data-list={r.id}>
                    <div className={styles.line}>
                      <Body1Strong>{r.appendix}</Body1Strong>
                      <Text>
                        {onSelect ? (
                          <Link as="button" inline title={`${T.listsOpenSheet} “${r.sheetName}”`} onClick={() => onSelect(r.sheetRef)}>
                            {r.title}
                          </Link>
                        ) : (
                          r.title
                        )}
                      </Text>
                      <Text weight="semibold" data-testid="list-count">
                        {r.count}
                      </Text>
                    </div>
                    <Caption1 className={styles.muted}>{r.population}</Caption1>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {result.mustFix.length === 0 && result.shouldSee.length === 0 ? (
            <Notice intent="success">{T.listsClean}</Notice>
          ) : (
            <>
              {result.mustFix.length > 0 && (
                <div className={styles.group} data-severity="loi">
                  <Subtitle2 as="h3">{T.listsMustFix(result.mustFix.length)}</Subtitle2>
                  <ProblemList problems={result.mustFix} onSelect={onSelect} />
                </div>
              )}
              {result.shouldSee.length > 0 && (
                <div className={styles.group} data-severity="canh-bao">
                  <Subtitle2 as="h3">{T.listsShouldSee(result.shouldSee.length)}</Subtitle2>
                  <ProblemList problems={result.shouldSee} onSelect={onSelect} />
                </div>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
