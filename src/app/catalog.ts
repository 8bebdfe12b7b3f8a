import type { Ruleset } from "../core/ruleset/schema";

/** The rulesets a job may use, by id. Its own module: every job and shell names it, none owns it. */
export type RulesetCatalog = ReadonlyMap<string, Ruleset>;

/** Mapping JSON and where it came from (a --mapping file, the workbook's stored copy), for messages. */
export type MappingSource = { text: string; source: string };

/** What every job is asked: which rulesets exist, and the clerk's overrides of the stored mapping. */
export type JobRequest = {
  rulesets: RulesetCatalog;
  /** Overrides the ruleset the mapping names. */
  rulesetId?: string | undefined;
  /** Mapping JSON given from outside (the command line's --mapping); else the one stored in the workbook. */
  mapping?: MappingSource | undefined;
  /** The report date, YYYY-MM-DD; overrides the mapping's and the workbook's "Ngày báo cáo" cell. */
  asOf?: string | undefined;
};
