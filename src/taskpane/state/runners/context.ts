import type { Mapping } from "../../../core/mapping/schema";
import type { Shell } from "../../host/types";
import type { Catalog } from "../../rulesets";
import type { Action, TaskpaneState } from "../reducer";
import { withDetails } from "../view";

/** What a runner works with: the state now, a way to change it, and where the pane runs. */
export type RunContext = {
  get: () => TaskpaneState;
  dispatch: (a: Action) => void;
  shell: Shell;
  catalog: Catalog;
};

/** Where the pane's mapping comes from, as problems name it. */
export const SOURCE = "ánh xạ trên ngăn tác vụ";

/** The mapping as the app layer gets it: the edited one with the report's commune and date. */
export function mappingForJob(s: TaskpaneState): Mapping | undefined {
  return s.mapping ? withDetails(s.mapping, s.commune, s.asOf) : undefined;
}
