import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import { VERDICT_TEXT, type Verdict } from "../../core/evaluate/result";

const COLOR: Record<Verdict, NonNullable<BadgeProps["color"]>> = {
  dat: "success",
  "khong-dat": "danger",
  "thieu-so-lieu": "warning",
  "loi-so-lieu": "severe",
  "tam-dung": "informative",
  "khong-ap-dung": "subtle",
};

const useStyles = makeStyles({ badge: { flexShrink: 0, whiteSpace: "nowrap" } });

/** The verdict as the core names it, coloured; the text is always there for readers without colour. */
export function VerdictBadge({ verdict, size = "medium" }: { verdict: Verdict; size?: NonNullable<BadgeProps["size"]> | undefined }) {
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="filled" color={COLOR[verdict]} size={size} data-verdict={verdict}>
      {VERDICT_TEXT[verdict]}
    </Badge>
  );
}
