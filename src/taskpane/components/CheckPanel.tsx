import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useId } from "react";
import type { CheckPanelView, ProblemItem } from "../state/view";
import { T } from "../strings";
import { Notice } from "./Notice";
import { ProblemList } from "./ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type CheckPanelProps = {
  /** The last check, laid out by the core's checkView (lỗi first). */
  result?: CheckPanelView | undefined;
  /** The workbook or mapping changed after that check. */
  stale?: boolean | undefined;
  /** Check rule files that did not validate (the check ran without them). */
  ruleProblems?: readonly ProblemItem[] | undefined;
  onCheck: () => void;
  /** Inside Excel: select the cell a problem names. */
  onSelect?: ((ref: string) => void) | undefined;
  disabled?: boolean | undefined;
  /** Progress and the message of the job started here, beside its button. */
  feedback?: ReactNode;
};

/** "Kiểm tra trước khi gửi": the verdict line, then lỗi and cảnh báo, each item with the cell it concerns. */
export function CheckPanel({ result, stale, ruleProblems = [], onCheck, onSelect, disabled, feedback }: CheckPanelProps) {
  const styles = useStyles();
  const id = useId();
  const intent = !result ? "info" : !result.canSend ? "error" : result.sections.length > 0 ? "warning" : "success";
  return (
    <section className={styles.root} aria-label={T.tabCheck}>
      <Body1>
        {T.checkIntro}
        {onSelect ? ` ${T.checkIntroSelect}` : ""}
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onCheck} disabledFocusable={disabled === true}>
          {result ? T.checkAgain : T.runCheck}
        </Button>
      </div>
      {feedback}
      {ruleProblems.length > 0 && (
        <Notice intent="warning" title={T.checkRuleProblems}>
          <ProblemList problems={ruleProblems} />
        </Notice>
      )}
      {result && (
        <>
          {stale && <Notice intent="warning">{T.checkStale}</Notice>}
          <div data-testid="check-summary" data-can-send={String(result.canSend)}>
            <Notice intent={intent}>{result.summary}</Notice>
          </div>
          {result.sections.map((s) => (
            <div key={s.severity} className={styles.group} data-severity={s.severity} role="group" aria-labelledby={`${id}-${s.severity}`}>
              <Subtitle2 as="h2" id={`${id}-${s.severity}`}>
                {s.title}
              </Subtitle2>
              <ProblemList problems={s.items} onSelect={onSelect} />
            </div>
          ))}
          <Caption1 className={styles.muted}>{T.checkedSheets(result.sheets)}</Caption1>
        </>
      )}
    </section>
  );
}
