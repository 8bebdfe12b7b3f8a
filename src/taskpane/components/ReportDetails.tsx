import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { T } from "../strings";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(160px, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "start" },
});

export type ReportDetailsProps = {
  commune: string;
  asOf: string;
  onCommune: (text: string) => void;
  onAsOf: (date: string) => void;
  disabled?: boolean | undefined;
};

/** The commune's name and the report date: inputs of the report, written at the top of the sheets. */
export function ReportDetails({ commune, asOf, onCommune, onAsOf, disabled }: ReportDetailsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={T.commune}>
        <Input value={commune} placeholder={T.communePlaceholder} onChange={(_, d) => onCommune(d.value)} disabled={disabled === true} />
      </Field>
      <Field label={T.asOf} hint={T.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, d) => onAsOf(d.value)} disabled={disabled === true} />
      </Field>
    </div>
  );
}
