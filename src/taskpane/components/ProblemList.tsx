import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { selectableRef } from "../state/view";
import { T } from "../strings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

export type ProblemItem = { message: string; ref?: string };

/** Problems, each with its cell: a link that selects it in Excel when onSelect is given. */
export function ProblemList({ problems, onSelect }: { problems: readonly ProblemItem[]; onSelect?: ((ref: string) => void) | undefined }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <ul className={styles.list}>
      {problems.map((p, i) => {
        const target = p.ref !== undefined ? selectableRef(p.ref) : undefined;
        return (
          <li key={i}>
            {p.message}
            {target !== undefined && onSelect && (
              <>
                {" "}
                <Link as="button" inline title={T.selectHint} onClick={() => onSelect(target)}>
                  {target}
                </Link>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
