import { Button, Caption1, Combobox, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { checkRef, filterNames, type NameOption, type RefCheck } from "../state/picker";
import { T } from "../strings";

const useStyles = makeStyles({
  field: { minWidth: "0", width: "100%" },
  box: { minWidth: "0", width: "100%" },
  option: { display: "flex", flexDirection: "column", minWidth: 0 },
  where: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis" },
  nearest: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

export type RefPickerProps = {
  /** The input's wording, as the accessible name. */
  label: string;
  value?: string | undefined;
  names: readonly NameOption[];
  onCommit: (ref: string) => void;
  disabled?: boolean | undefined;
};

/** The refusal under the field: what was typed is not a name, and the nearest names as buttons. */
function Refusal({ refused, label, onPick }: { refused: Extract<RefCheck, { ok: false }>; label: string; onPick: (ref: string) => void }) {
  const styles = useStyles();
  return (
    <span className={styles.nearest}>
      <span>{T.notAName(refused.text)}</span>
      {refused.nearest.length > 0 && <span>{T.nearestNames}</span>}
      {refused.nearest.map((n) => (
        <Button key={n.ref} size="small" appearance="outline" onClick={() => onPick(n.ref)} aria-label={T.useName(n.ref, label)}>
          {n.ref}
        </Button>
      ))}
    </span>
  );
}

/**
 * A searchable list of the workbook's names. Enter takes the highlighted option; text typed by hand
 * is kept only when it is a name of the workbook or a cell address ('Số liệu'!B7) — anything else
 * is refused here, at once, with the nearest names offered, and the mapping keeps what it had.
 */
export function RefPicker({ label, value, names, onCommit, disabled }: RefPickerProps) {
  const styles = useStyles();
  const [text, setText] = useState(value ?? "");
  const [refused, setRefused] = useState<Extract<RefCheck, { ok: false }> | undefined>();
  useEffect(() => setText(value ?? ""), [value]);
  // A stored reference the workbook does not have (a name deleted since) is refused the same way.
  const storedBad = useMemo(() => {
    const c = value !== undefined && refused === undefined ? checkRef(names, value) : undefined;
    return c && !c.ok ? c : undefined;
  }, [names, value, refused]);
  const shown = useMemo(() => filterNames(names, text === (value ?? "") ? "" : text), [names, text, value]);
  const take = (ref: string) => {
    setRefused(undefined);
    setText(ref);
    if (ref !== (value ?? "")) onCommit(ref);
  };
  const commitTyped = () => {
    const typed = text.trim();
    if (typed === (value ?? "")) return setRefused(undefined);
    if (typed === "") return take("");
    const checked = checkRef(names, typed);
    if (checked.ok) take(checked.ref);
    else setRefused(checked);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    // An option highlighted with the arrows: the list takes it (onOptionSelect), not the typed text.
    const id = e.currentTarget.getAttribute("aria-activedescendant");
    const active = id ? document.getElementById(id) : null;
    if (active && active.getAttribute("aria-disabled") !== "true") return;
    commitTyped();
  };
  const bad = refused ?? storedBad;
  return (
    <Field
      className={styles.field}
      validationState={bad ? "error" : "none"}
      validationMessage={bad ? <Refusal refused={bad} label={label} onPick={take} /> : null}
    >
      <Combobox
        className={styles.box}
        aria-label={label}
        // Fluent names these "Open …" and "Clear selection": a screen reader hears Vietnamese.
        expandIcon={{ "aria-label": T.openNames(label) }}
        clearIcon={{ "aria-label": T.clearRef(label) }}
        freeform
        clearable
        placeholder={T.refPlaceholder}
        value={text}
        selectedOptions={value ? [value] : []}
        onChange={(e) => setText(e.target.value)}
        onOptionSelect={(_, d) => take(d.optionValue ?? "")}
        onBlur={commitTyped}
        onKeyDown={onKeyDown}
        disabled={disabled === true}
      >
        {shown.length === 0 ? (
          <Option disabled value="" text={T.noMatches}>
            {T.noMatches}
          </Option>
        ) : (
          shown.map((n) => (
            <Option key={n.ref} value={n.ref} text={n.ref}>
              <span className={styles.option}>
                <span>{n.ref}</span>
                <Caption1 className={styles.where}>{n.where}</Caption1>
              </span>
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
