import { Button, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import type { ConfigProblem as Problem } from "../../core/ruleset/problems";
import { R } from "../report-strings";
import type { ReportFields, WordReportState } from "../state/useWordReport";
import { Notice } from "./Notice";
import { ProblemList } from "./ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))",
    gap: tokens.spacingHorizontalM,
    alignItems: "start",
  },
  // Fluent's Input keeps a minimum width of its own, wider than a narrow column: let it shrink to the column.
  input: { minWidth: 0, width: "100%" },
});

export type WordReportPanelProps = {
  state: WordReportState;
  onField: (k: keyof ReportFields, v: string) => void;
  onMake: () => void;
  /** Wording files that did not validate, shown rather than hidden. */
  wordingProblems: readonly Problem[];
  disabled?: boolean | undefined;
};

/** "Tạo báo cáo": the report's details and the button that downloads the Word draft. */
export function WordReportPanel({ state, onField, onMake, wordingProblems, disabled }: WordReportPanelProps) {
  const styles = useStyles();
  const off = disabled === true || state.busy;
  const text = (k: Exclude<keyof ReportFields, "signerTitle">, label: string, hint?: string, type?: "date") => (
    <Field label={label} {...(hint ? { hint } : {})}>
      <Input
        className={styles.input}
        value={state.fields[k]}
        {...(type ? { type } : {})}
        onChange={(_, d) => onField(k, d.value)}
        disabled={off}
      />
    </Field>
  );
  return (
    <section className={styles.root} aria-label={R.tab}>
      <Text>{R.intro}</Text>
      {wordingProblems.length > 0 && (
        <Notice intent="warning" title={R.wordingProblems}>
          <ProblemList problems={wordingProblems} />
        </Notice>
      )}
      <div className={styles.grid}>
        {text("number", R.number, R.numberHint)}
        {text("date", R.date, R.dateHint, "date")}
        {text("place", R.place, R.placeHint)}
        {text("recipient", R.recipient)}
        {text("signer", R.signer)}
        <Field label={R.signerTitle}>
          <RadioGroup value={state.fields.signerTitle} onChange={(_, d) => onField("signerTitle", d.value)} disabled={off}>
            <Radio value="chu-tich" label={R.chairman} />
            <Radio value="pho-chu-tich" label={R.viceChairman} />
          </RadioGroup>
        </Field>
      </div>
      <div>
        <Button appearance="primary" onClick={onMake} disabledFocusable={off}>
          {state.busy ? R.making : R.make}
        </Button>
      </div>
      {state.problems.length > 0 && (
        <Notice intent="error" title={R.cannotMake}>
          <ProblemList problems={state.problems} />
        </Notice>
      )}
      {state.message && <Notice intent={state.message.intent}>{state.message.text}</Notice>}
    </section>
  );
}
