import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { T } from "../strings";
import { MakeTemplateButton } from "./MakeTemplateButton";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

export type NoNamesProps = {
  canMakeTemplate: boolean;
  onMakeTemplate: () => void;
  onReload?: (() => void) | undefined;
  disabled?: boolean | undefined;
};

/** The workbook has no names yet: say what that means and offer the template. */
export function NoNames({ canMakeTemplate, onMakeTemplate, onReload, disabled }: NoNamesProps) {
  const styles = useStyles();
  return (
    <Notice intent="info" title={T.noNamesTitle}>
      {T.noNamesText}
      <div className={styles.actions}>
        <MakeTemplateButton canMakeTemplate={canMakeTemplate} onMakeTemplate={onMakeTemplate} disabled={disabled} />
        {!canMakeTemplate && <Caption1>{T.makeTemplateNeedsProgramme}</Caption1>}
        {onReload && (
          <Button size="small" onClick={onReload} disabledFocusable={disabled === true}>
            {T.reload}
          </Button>
        )}
      </div>
    </Notice>
  );
}
