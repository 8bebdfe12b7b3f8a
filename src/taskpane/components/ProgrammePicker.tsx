import { Caption1, Dropdown, Field, makeStyles, Option, OptionGroup, tokens } from "@fluentui/react-components";
import type { ProgrammeGroup } from "../state/view";
import { T } from "../strings";
import { ProblemList, type ProblemItem } from "./ProblemList";

const useStyles = makeStyles({
  option: { display: "flex", flexDirection: "column" },
  doc: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: "0", width: "100%" },
});

export type ProgrammePickerProps = {
  groups: readonly ProgrammeGroup[];
  value?: string | undefined;
  onChange: (id: string) => void;
  /** Ruleset files that did not validate. */
  problems?: readonly ProblemItem[];
  disabled?: boolean | undefined;
};

/** The programmes grouped by province, each with the document that issued it. */
export function ProgrammePicker({ groups, value, onChange, problems = [], disabled }: ProgrammePickerProps) {
  const styles = useStyles();
  const selected = groups.flatMap((g) => g.options).find((o) => o.id === value);
  return (
    <Field
      label={T.programme}
      {...(selected ? { hint: `${selected.province} · ${selected.document}` } : {})}
      {...(problems.length > 0
        ? {
            validationState: "warning" as const,
            validationMessage: (
              <>
                {T.programmeProblems}
                <ProblemList problems={problems} />
              </>
            ),
          }
        : {})}
    >
      <Dropdown
        className={styles.dropdown}
        placeholder={T.programmePlaceholder}
        value={selected?.title ?? ""}
        selectedOptions={value ? [value] : []}
        onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(d.optionValue)}
        disabled={disabled === true}
        positioning="below-start"
      >
        {groups.map((g) => (
          <OptionGroup key={g.province} label={g.province}>
            {g.options.map((o) => (
              <Option key={o.id} value={o.id} text={o.title}>
                <span className={styles.option}>
                  <span>{o.title}</span>
                  <Caption1 className={styles.doc}>{o.document}</Caption1>
                </span>
              </Option>
            ))}
          </OptionGroup>
        ))}
      </Dropdown>
    </Field>
  );
}
