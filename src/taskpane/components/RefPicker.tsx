import { Caption1, Combobox, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { filterNames, type NameOption } from "../state/view";
import { T } from "../strings";

const useStyles = makeStyles({
  box: { minWidth: "0", width: "100%" },
  option: { display: "flex", flexDirection: "column", minWidth: 0 },
  where: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis" },
});

export type RefPickerProps = {
  /** The input's wording, as the accessible name. */
  label: string;
  value?: string | undefined;
  names: readonly NameOption[];
  onCommit: (ref: string) => void;
  disabled?: boolean | undefined;
};

/**
 * A searchable list of the workbook's names; a reference typed by hand ('Số liệu'!B7) is kept as
 * typed when the field loses focus or Enter is pressed.
 */
export function RefPicker({ label, value, names, onCommit, disabled }: RefPickerProps) {
  const styles = useStyles();
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  const shown = useMemo(() => filterNames(names, text === (value ?? "") ? "" : text), [names, text, value]);
  const commit = (ref: string) => {
    if (ref.trim() !== (value ?? "")) onCommit(ref.trim());
  };
  return (
    <Combobox
      className={styles.box}
      aria-label={label}
      freeform
      clearable
      placeholder={T.refPlaceholder}
      value={text}
      selectedOptions={value ? [value] : []}
      onChange={(e) => setText(e.target.value)}
      onOptionSelect={(_, d) => {
        const ref = d.optionValue ?? "";
        setText(ref);
        commit(ref);
      }}
      onBlur={() => commit(text)}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit(text);
      }}
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
  );
}
