import { Body1, Button, Caption1, Field, Input, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { UnitsResult } from "../../core/evaluate/result";
import type { VillageRow } from "../state/villages";
import { T } from "../strings";
import { VerdictBadge } from "./VerdictBadge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  input: { flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The commune rule's result of a per-village group, or of a village on it: badge and text. */
function Verdicts({ items }: { items: Array<{ key: string; label: string; verdict: UnitsResult["verdict"]; text: string }> }) {
  const styles = useStyles();
  return (
    <>
      {items.map((x) => (
        <div key={x.key} className={styles.line}>
          <Caption1>{x.label}</Caption1>
          <VerdictBadge verdict={x.verdict} size="small" />
          <Caption1>{x.text}</Caption1>
        </div>
      ))}
    </>
  );
}

/** A village's name field: an empty name is refused here, with a message, and nothing is stored. */
function VillageName({ row, onName, disabled }: { row: VillageRow; onName: (index: number, name: string) => void; disabled: boolean }) {
  const styles = useStyles();
  const n = row.index + 1;
  const [text, setText] = useState(row.name ?? "");
  const [refused, setRefused] = useState(false);
  useEffect(() => setText(row.name ?? ""), [row.name]);
  const save = () => {
    if (text.trim() === "") return setRefused(true);
    setRefused(false);
    if (text.trim() !== row.name) onName(row.index, text);
  };
  return (
    <Field
      label={T.villageNameLabel(n)}
      validationState={refused ? "error" : "none"}
      validationMessage={refused ? T.villageNameEmpty(n) : null}
    >
      <div className={styles.line}>
        <Input
          className={styles.input}
          value={text}
          disabled={disabled}
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => e.key === "Enter" && save()}
        />
        <Button aria-label={T.villageSave(n)} disabled={disabled} onClick={save}>
          {T.villageSaveShort}
        </Button>
      </div>
    </Field>
  );
}

/**
 * "Thôn": the villages of the groups judged per village, as the workbook gives them, each with its
 * verdicts after Đánh giá, and the commune rule's result; a name given here goes to the mapping.
 */
export function VillagesPanel({
  rows,
  communes,
  stale,
  onName,
  disabled,
}: {
  rows: VillageRow[];
  communes: UnitsResult[];
  stale: boolean;
  onName: (index: number, name: string) => void;
  disabled?: boolean | undefined;
}) {
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <section className={styles.root} aria-label={T.villagesTitle}>
      <Subtitle2 as="h3">{T.villagesTitle}</Subtitle2>
      <Caption1 className={styles.muted}>{T.villagesIntro}</Caption1>
      <Verdicts
        items={communes.map((u) => ({ key: u.groupCode, label: T.villageCommune(u.groupCode, u.rule), verdict: u.verdict, text: u.text }))}
      />
      {stale && communes.length > 0 && <Caption1 className={styles.muted}>{T.villageStale}</Caption1>}
      <ul className={styles.list}>
        {rows.map((row) => (
          <li key={row.index} className={styles.item} data-village={row.index}>
            <Body1>{T.villageHeading(row.index + 1, row.name)}</Body1>
            {row.name === undefined && (
              <Caption1 className={styles.muted}>{row.where ? T.villageWhere(row.where) : T.villageNoWhere}</Caption1>
            )}
            <Verdicts
              items={row.verdicts.map((v) => ({ key: v.group, label: T.villageGroup(v.group), verdict: v.verdict, text: v.text }))}
            />
            <VillageName row={row} onName={onName} disabled={disabled === true} />
          </li>
        ))}
      </ul>
    </section>
  );
}
