import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { problemTarget, type ProblemItem } from "../state/view";
import { T } from "../strings";

export type { ProblemItem } from "../state/view";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  ref: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  suggestion: { color: tokens.colorNeutralForeground2 },
});

/**
 * Problems, each with its cell: a link that selects it in Excel when onSelect is given, the address
 * as plain text otherwise (standalone: there is no Excel to select in).
 */
export function ProblemList({ problems, onSelect }: { problems: readonly ProblemItem[]; onSelect?: ((ref: string) => void) | undefined }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <ul className={styles.list}>
      {problems.map((p, i) => {
        const target = problemTarget(p);
        return (
          <li key={i} {...(target !== undefined ? { "data-ref": target } : {})}>
            {p.title !== undefined && <strong>{p.title}: </strong>}
            {p.message}
            {target !== undefined &&
              (onSelect ? (
                <>
                  {" "}
                  <Link as="button" inline title={T.selectHint} onClick={() => onSelect(target)}>
                    {target}
                  </Link>
                </>
              ) : (
                <>
                  {" "}
                  <span className={styles.ref}>{target}</span>
                </>
              ))}
            {p.suggestion !== undefined && (
              <div className={styles.suggestion}>
                {T.suggestion}: “{p.suggestion}”
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
