import { Caption1, makeStyles, ProgressBar, Spinner, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * Progress for anything slow: a bar and what is being done, announced to screen readers. With a
 * value (0–1) the bar shows how far the job is and the step is plain text (one progress bar, not a
 * spinner beside it); without, the spinner says that something is happening.
 */
export function BusyBar({ label, value }: { label: string | undefined; value?: number | undefined }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.root}>
      {label !== undefined &&
        (value !== undefined ? (
          <>
            <ProgressBar thickness="medium" aria-label={label} value={value} max={1} />
            <Caption1>{label}</Caption1>
          </>
        ) : (
          <>
            <ProgressBar thickness="medium" aria-label={label} />
            <Spinner size="extra-tiny" label={label} labelPosition="after" />
          </>
        ))}
    </div>
  );
}
