import type { Ruleset } from "../../core/ruleset/schema";
import type { Shell } from "../host/types";
import { T } from "../strings";
import type { TaskpaneState } from "./reducer";

/** The one thing to do next, named by the button that does it (always a button on screen). */
export function nextStep(s: TaskpaneState, ruleset: Ruleset | undefined, shell: Pick<Shell, "openFile">): string | undefined {
  if (s.busy !== undefined) return undefined;
  if (!s.session) return ruleset ? (shell.openFile ? T.nextOpenOrTemplate : T.nextTemplate) : T.nextChooseProgramme;
  if (!ruleset) return T.nextChooseProgramme;
  if (s.names?.length === 0 && Object.keys(s.mapping?.indicators ?? {}).length === 0) return T.nextTemplate;
  if (s.requestProblems.length > 0 || !s.evaluated) return T.nextEvaluate;
  if (s.evaluated.stale) return T.nextEvaluateAgain;
  if (!s.written) return T.nextWrite;
  if (s.written.stale.length > 0) return T.nextWriteAgain;
  if (!s.checked || s.checked.stale) return T.nextCheck;
  return s.session.download ? T.nextDownload : T.nextDone;
}
