import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useRef, type ChangeEvent } from "react";
import { T } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

/** Standalone: the clerk picks an .xlsx from disk; it is read in the page and never sent anywhere. */
export function OpenWorkbook({
  onOpenFile,
  disabled,
  compact,
}: {
  onOpenFile: (file: File) => void;
  disabled?: boolean | undefined;
  compact?: boolean | undefined;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const changed = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) onOpenFile(file);
  };
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`}>
      {!compact && (
        <>
          <Subtitle2 as="h2" id={`${id}-title`}>
            {T.openTitle}
          </Subtitle2>
          <Body1>{T.openIntro}</Body1>
        </>
      )}
      {/* The visible button below is the control; the input stays out of the tab order and the accessibility tree. */}
      <input
        ref={input}
        id={`${id}-file`}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        tabIndex={-1}
        aria-hidden="true"
        onChange={changed}
        disabled={disabled === true}
        data-testid="xlsx-file-input"
      />
      <Button appearance={compact ? "secondary" : "primary"} onClick={() => input.current?.click()} disabledFocusable={disabled === true}>
        {compact ? T.openAnother : T.openButton}
      </Button>
    </section>
  );
}
