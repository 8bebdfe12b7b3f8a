/*
 * rulesets/reports/*.json bundled by webpack as text (webpack.config.js: asset/source for rulesets/),
 * so a broken file becomes a message in the pane rather than a failed build.
 */
import type { Ruleset } from "../core/ruleset/schema";
import { wordingsFrom, type Wordings } from "./report-wordings";

type WebpackContext = { keys(): string[]; (key: string): unknown };
declare const require: { context(dir: string, deep: boolean, filter: RegExp): WebpackContext };

export function bundledWordings(rulesets: ReadonlyMap<string, Ruleset>): Wordings {
  const ctx = require.context("../../rulesets/reports", false, /\.json$/);
  const files = ctx.keys().map((key) => {
    const mod = ctx(key);
    const text =
      typeof mod === "string"
        ? mod
        : typeof (mod as { default?: unknown }).default === "string"
          ? (mod as { default: string }).default
          : JSON.stringify(mod);
    return { file: `rulesets/reports/${key.replace(/^\.\//, "")}`, text };
  });
  return wordingsFrom(rulesets, files);
}
