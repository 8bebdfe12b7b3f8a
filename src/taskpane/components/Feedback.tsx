import type { Message, Place } from "../state/reducer";
import { BusyBar } from "./BusyBar";
import { Notice } from "./Notice";

export type FeedbackProps = {
  place: Place;
  busy?: { label: string; place: Place | undefined; value?: number | undefined } | undefined;
  message?: Message | undefined;
  onDismiss: () => void;
};

/**
 * Progress and the last message, shown beside the button that started the job (at 350 px a bar at
 * the top of the pane is out of sight). The top one also takes anything not tied to a button.
 */
export function Feedback({ place, busy, message, onDismiss }: FeedbackProps) {
  const here = (p: Place | undefined) => (p ?? "top") === place;
  const showBusy = busy !== undefined && here(busy.place);
  return (
    <>
      {(showBusy || (place === "top" && busy === undefined)) && <BusyBar label={busy?.label} value={busy?.value} />}
      {message && here(message.place) && (
        <Notice intent={message.intent} onDismiss={onDismiss}>
          {message.text}
        </Notice>
      )}
    </>
  );
}
