import { Button } from "@fluentui/react-components";
import { T } from "../strings";

export type MakeTemplateButtonProps = { canMakeTemplate: boolean; onMakeTemplate: () => void; disabled?: boolean | undefined };

/** "Make the template": kept in the tab order when it cannot act yet, with the reason (no programme chosen) as its title. */
export function MakeTemplateButton({ canMakeTemplate, onMakeTemplate, disabled }: MakeTemplateButtonProps) {
  return (
    <Button
      appearance="primary"
      size="small"
      onClick={onMakeTemplate}
      disabledFocusable={disabled === true || !canMakeTemplate}
      title={canMakeTemplate ? undefined : T.makeTemplateNeedsProgramme}
    >
      {T.makeTemplate}
    </Button>
  );
}
