/*
 * The rulesets/*.json files and the check rules beside them (rulesets/checks/*.json), bundled by
 * webpack as text (see webpack.config.js: asset/source), so a broken file becomes a message in the
 * pane rather than a failed build.
 */
import { catalogFrom, type Catalog, type SourceFile } from "./rulesets";

type WebpackContext = { keys(): string[]; (key: string): unknown };
declare const require: { context(dir: string, deep: boolean, filter: RegExp): WebpackContext };

function filesOf(ctx: WebpackContext, folder: string): SourceFile[] {
  return ctx.keys().map((key) => {
    const mod = ctx(key);
    const text =
      typeof mod === "string"
        ? mod
        : typeof (mod as { default?: unknown }).default === "string"
          ? (mod as { default: string }).default
          : JSON.stringify(mod);
    return { file: `${folder}/${key.replace(/^\.\//, "")}`, text };
  });
}

export function bundledCatalog(): Catalog {
  // Each call is its own context, not recursive: the rulesets, then their check rules.
  const rulesets = filesOf(require.context("../../rulesets", false, /\.json$/), "rulesets");
  const checks = filesOf(require.context("../../rulesets/checks", false, /\.json$/), "rulesets/checks");
  return catalogFrom(rulesets, checks);
}
