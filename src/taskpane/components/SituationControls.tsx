import { Caption1, Checkbox, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Situation } from "../state/situation";
import type { IndicatorRow } from "../state/view";
import { T } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * "Tạm dừng / Không áp dụng" on an indicator, with its reason: stored in the mapping (`suspended`),
 * which the command line reads too. A suspension the document itself makes is shown, not editable.
 */
export function SuspendControl({
  indicator,
  onSituation,
  disabled,
}: {
  indicator: IndicatorRow;
  onSituation: (code: string, s: Situation) => void;
  disabled?: boolean | undefined;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(indicator.suspended !== undefined);
  const [reason, setReason] = useState(indicator.suspended ?? "");
  useEffect(() => {
    setReason(indicator.suspended ?? "");
    if (indicator.suspended !== undefined) setOpen(true);
  }, [indicator.suspended]);
  if (indicator.suspendedByRuleset) return <Caption1 className={styles.muted}>{T.suspendedByRuleset(indicator.suspended ?? "")}</Caption1>;
  const code = indicator.code;
  return (
    <div className={styles.root}>
      <Checkbox
        label={T.suspendLabel(code)}
        checked={open}
        disabled={disabled === true}
        onChange={(_, d) => {
          setOpen(d.checked === true);
          if (d.checked !== true) onSituation(code, {});
          else if (reason.trim()) onSituation(code, { suspended: reason });
        }}
      />
      {open && (
        <Field
          label={T.suspendReason(code)}
          validationState={reason.trim() ? "none" : "warning"}
          validationMessage={reason.trim() ? null : T.suspendNeedsReason}
        >
          <Input
            value={reason}
            placeholder={T.suspendReasonPlaceholder}
            disabled={disabled === true}
            onChange={(_, d) => setReason(d.value)}
            onBlur={() => reason.trim() !== (indicator.suspended ?? "") && onSituation(code, { suspended: reason })}
            onKeyDown={(e) => e.key === "Enter" && onSituation(code, { suspended: reason })}
          />
        </Field>
      )}
    </div>
  );
}

/** The either-or question's answer (the case chosen): Có, Không, or not answered yet. */
export function CaseControl({
  label,
  answer,
  onAnswer,
  disabled,
}: {
  label: string;
  answer: boolean | undefined;
  onAnswer: (a: boolean | undefined) => void;
  disabled?: boolean | undefined;
}) {
  const value = answer === undefined ? "" : answer ? "co" : "khong";
  const text = answer === undefined ? T.caseUnanswered : answer ? T.caseYes : T.caseNo;
  return (
    <Field label={label}>
      <Dropdown
        value={text}
        selectedOptions={[value]}
        disabled={disabled === true}
        onOptionSelect={(_, d) => onAnswer(d.optionValue === "co" ? true : d.optionValue === "khong" ? false : undefined)}
      >
        <Option value="">{T.caseUnanswered}</Option>
        <Option value="co">{T.caseYes}</Option>
        <Option value="khong">{T.caseNo}</Option>
      </Dropdown>
    </Field>
  );
}
