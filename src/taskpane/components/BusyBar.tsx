import { makeStyles, ProgressBar, Spinner, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** Progress for anything slow: a bar and what is being done, announced to screen readers. */
export function BusyBar({ label }: { label: string | undefined }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.root}>
      {label !== undefined && (
        <>
          <ProgressBar thickness="medium" aria-label={label} />
          <Spinner size="extra-tiny" label={label} labelPosition="after" />
        </>
      )}
    </div>
  );
}
