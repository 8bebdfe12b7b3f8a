import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatIsoDate, parseTypedDate } from "../state/dates";
import { T } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(160px, 1fr))",
    gap: tokens.spacingHorizontalM,
    alignItems: "start",
  },
});

export type ReportDetailsProps = {
  commune: string;
  /** ISO (YYYY-MM-DD) or empty. */
  asOf: string;
  onCommune: (text: string) => void;
  onAsOf: (date: string) => void;
  disabled?: boolean | undefined;
};

/**
 * The report date typed day first (30/6/2024) and shown dd/mm/yyyy whatever the browser's locale —
 * a browser date field follows the locale (09/30/2024 in en-US). Taken as soon as it is a whole date.
 */
function DateField({ asOf, onAsOf, disabled }: { asOf: string; onAsOf: (date: string) => void; disabled?: boolean | undefined }) {
  // What the clerk is typing, until it is a whole date (then the field shows the date as stored).
  const [draft, setDraft] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const text = draft ?? (asOf ? formatIsoDate(asOf) : "");
  const read = (typed: string, final: boolean) => {
    const d = parseTypedDate(typed);
    if (d.kind === "invalid") {
      if (final) setError(`${d.reason}.`);
      return;
    }
    setError(undefined);
    setDraft(undefined);
    const iso = d.kind === "date" ? d.iso : "";
    if (iso !== asOf) onAsOf(iso);
  };
  return (
    <Field label={T.asOf} hint={T.asOfHint} validationState={error ? "error" : "none"} validationMessage={error ?? null}>
      <Input
        value={text}
        placeholder={T.asOfPlaceholder}
        inputMode="numeric"
        autoComplete="off"
        onChange={(_, d) => {
          setDraft(d.value);
          read(d.value, false);
        }}
        onBlur={() => read(text, true)}
        onKeyDown={(e) => e.key === "Enter" && read(text, true)}
        disabled={disabled === true}
      />
    </Field>
  );
}

/** The commune's name and the report date: inputs of the report, written at the top of the sheets. */
export function ReportDetails({ commune, asOf, onCommune, onAsOf, disabled }: ReportDetailsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={T.commune}>
        <Input value={commune} placeholder={T.communePlaceholder} onChange={(_, d) => onCommune(d.value)} disabled={disabled === true} />
      </Field>
      <DateField asOf={asOf} onAsOf={onAsOf} disabled={disabled} />
    </div>
  );
}
