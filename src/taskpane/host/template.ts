import type { Ruleset } from "../../core/ruleset/schema";
import type { TemplateOptions } from "./types";

/**
 * The template workbook is made by ExcelJS, which is large: it is imported on first use, so webpack
 * puts it in its own chunk and the pane starts without it.
 */
export async function makeTemplateLazily(ruleset: Ruleset, opts: TemplateOptions): Promise<Uint8Array> {
  const { makeTemplate } = await import(/* webpackChunkName: "template" */ "../../workbook/xlsx/template");
  return makeTemplate(ruleset, opts);
}

export function templateFileName(ruleset: Ruleset): string {
  return `so-mau-${ruleset.id}.xlsx`;
}
