import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { T } from "../strings";

const useStyles = makeStyles({ root: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" } });

export function EvaluateBar({
  onEvaluate,
  onReload,
  disabled,
}: {
  onEvaluate: () => void;
  onReload?: (() => void) | undefined;
  disabled?: boolean | undefined;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Button appearance="primary" onClick={onEvaluate} disabledFocusable={disabled === true}>
        {T.evaluate}
      </Button>
      {onReload && (
        <Button onClick={onReload} disabledFocusable={disabled === true}>
          {T.reload}
        </Button>
      )}
    </div>
  );
}
