import { Badge, Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { T } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, display: "flex", flexDirection: "column", minWidth: 0 },
  file: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorNeutralForeground3 },
});

export type AppHeaderProps = {
  mode: "office" | "standalone";
  workbookTitle?: string | undefined;
  /** Extra controls at the right (standalone: open another file). */
  actions?: ReactNode;
};

export function AppHeader({ mode, workbookTitle, actions }: AppHeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.title}>
        <Subtitle1 as="h1">{T.appName}</Subtitle1>
        {workbookTitle !== undefined && (
          <Caption1 className={styles.file} title={workbookTitle}>
            {workbookTitle}
          </Caption1>
        )}
      </div>
      <Badge appearance="tint" color={mode === "office" ? "brand" : "informative"}>
        {mode === "office" ? T.modeOffice : T.modeStandalone}
      </Badge>
      {actions}
    </header>
  );
}
