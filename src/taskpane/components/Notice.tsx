import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { T } from "../strings";

export type NoticeProps = {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
};

export function Notice({ intent, title, children, onDismiss }: NoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline" politeness={intent === "error" ? "assertive" : "polite"}>
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {T.dismiss}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
