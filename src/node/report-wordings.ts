import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import { parseReportWordingText, type ReportWording } from "../core/report/wording";
import { RULESETS_DIR } from "./rulesets";

/** The wording of each programme's report: rulesets/reports/<ruleset-id>.json. */
export const REPORTS_DIR = join(RULESETS_DIR, "reports");

/** A ruleset's report wording, validated; a missing or broken file is a problem naming it. */
export function loadReportWording(ruleset: Ruleset, dir: string = REPORTS_DIR): { wording?: ReportWording; problems: ConfigProblem[] } {
  const file = `rulesets/reports/${ruleset.id}.json`;
  const path = join(dir, `${ruleset.id}.json`);
  if (!existsSync(path)) {
    return {
      problems: [
        {
          ref: file,
          message: `Chưa có lời văn báo cáo cho bộ tiêu chí "${ruleset.id}" — cần tệp ${file} (xem README, mục báo cáo) (no report wording)`,
        },
      ],
    };
  }
  const parsed = parseReportWordingText(file, readFileSync(path, "utf8"), ruleset);
  return parsed.ok ? { wording: parsed.wording, problems: [] } : { problems: parsed.problems };
}
