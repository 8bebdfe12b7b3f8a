import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Body1Strong,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Proposal } from "../../core/mapping/propose";
import type { GroupRows, IndicatorRow, NameOption, SlotRow } from "../state/view";
import { T } from "../strings";
import type { Situation } from "../state/situation";
import { RefPicker } from "./RefPicker";
import { CaseControl, SuspendControl } from "./SituationControls";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  indicator: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  requirement: { color: tokens.colorNeutralForeground3 },
  slot: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingLeft: tokens.spacingHorizontalS },
  pickRow: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  proposal: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
  },
  reason: { color: tokens.colorNeutralForeground3 },
});

export type MappingTableProps = {
  groups: readonly GroupRows[];
  names: readonly NameOption[];
  progress: { mapped: number; total: number; proposed: number };
  onSetRef: (code: string, slot: string, ref: string) => void;
  onAccept: (p: Proposal) => void;
  onAcceptAll: () => void;
  /** Tạm dừng / không áp dụng with a reason, on an indicator. */
  onSituation: (code: string, situation: Situation) => void;
  /** The answers given in the pane to the questions that choose a case, by question key. */
  answers?: Readonly<Record<string, boolean>> | undefined;
  onAnswer?: ((key: string, answer: boolean | undefined) => void) | undefined;
  /** "Use the selected cell": only inside Excel. */
  onUseSelected?: ((code: string, slot: string) => void) | undefined;
  disabled?: boolean | undefined;
};

function SlotEditor({
  row,
  indicator,
  names,
  onSetRef,
  onAccept,
  onUseSelected,
  answers,
  onAnswer,
  disabled,
}: { row: SlotRow; indicator: IndicatorRow } & Omit<MappingTableProps, "groups" | "progress" | "onAcceptAll">) {
  const styles = useStyles();
  const label = `${indicator.code} — ${row.label}`;
  const key = row.questionKey;
  return (
    <div className={styles.slot} data-slot={`${row.code}|${row.slot}`}>
      {key !== undefined && onAnswer ? (
        <CaseControl
          label={T.caseLabel(indicator.code, row.label)}
          answer={answers?.[key]}
          onAnswer={(a) => onAnswer(key, a)}
          disabled={disabled}
        />
      ) : (
        <Caption1>{row.label}</Caption1>
      )}
      <div className={styles.pickRow}>
        <RefPicker label={label} value={row.ref} names={names} onCommit={(ref) => onSetRef(row.code, row.slot, ref)} />
        {onUseSelected && (
          <Button
            size="small"
            onClick={() => onUseSelected(row.code, row.slot)}
            disabledFocusable={disabled === true}
            title={`${T.useSelected}: ${label}`}
          >
            {T.useSelected}
          </Button>
        )}
      </div>
      {row.proposal && (
        <div className={styles.proposal}>
          <Badge appearance="tint" color="brand" size="small">
            {T.proposed}
          </Badge>
          <Text weight="semibold">{row.proposal.ref}</Text>
          <Caption1 className={styles.reason}>{row.proposal.reason}</Caption1>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => onAccept(row.proposal!)}
            disabledFocusable={disabled === true}
            aria-label={`${T.accept} ${row.proposal.ref} cho ${label}`}
          >
            {T.accept}
          </Button>
        </div>
      )}
    </div>
  );
}

/** Each indicator's inputs with a searchable list of the workbook's names, and the proposals with their reasons. */
export function MappingTable(props: MappingTableProps) {
  const { groups, progress, onAcceptAll, disabled } = props;
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text>{T.mappedCount(progress.mapped, progress.total)}</Text>
        {progress.proposed > 0 && (
          <>
            <Caption1>{T.proposalsSummary(progress.proposed)}</Caption1>
            <Button appearance="primary" size="small" onClick={onAcceptAll} disabledFocusable={disabled === true}>
              {T.acceptAll}
            </Button>
          </>
        )}
      </div>
      <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.code)}>
        {groups.map((g) => {
          const slots = g.indicators.flatMap((i) => i.slots.filter((s) => !s.alternative));
          const mapped = slots.filter((s) => s.ref !== undefined).length;
          return (
            <AccordionItem key={g.code} value={g.code}>
              <AccordionHeader size="small">
                {g.code} {g.name} ({mapped}/{slots.length})
              </AccordionHeader>
              <AccordionPanel>
                {g.indicators.map((ind) => (
                  <div key={ind.code} className={styles.indicator} data-indicator={ind.code}>
                    <Body1Strong>
                      {ind.code} {ind.name}
                    </Body1Strong>
                    {ind.requirement !== undefined && (
                      <Caption1 className={styles.requirement}>{`${T.requirement}: ${ind.requirement}`}</Caption1>
                    )}
                    {ind.slots.map((row) => (
                      <SlotEditor key={row.slot} row={row} indicator={ind} {...props} />
                    ))}
                    <SuspendControl indicator={ind} onSituation={props.onSituation} disabled={disabled} />
                  </div>
                ))}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}
