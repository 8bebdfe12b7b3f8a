/*
 * The rulesets/*.json files, bundled by webpack as text (see webpack.config.js: asset/source), so a
 * broken file becomes a message in the pane rather than a failed build. Subfolders are not read.
 */
import { catalogFrom, type Catalog } from "./rulesets";

type WebpackContext = { keys(): string[]; (key: string): unknown };
declare const require: { context(dir: string, deep: boolean, filter: RegExp): WebpackContext };

export function bundledCatalog(): Catalog {
  const ctx = require.context("../../rulesets", false, /\.json$/);
  const files = ctx.keys().map((key) => {
    const mod = ctx(key);
    const text = typeof mod === "string" ? mod : typeof (mod as { default?: unknown }).default === "string" ? (mod as { default: string }).default : JSON.stringify(mod);
    return { file: `rulesets/${key.replace(/^\.\//, "")}`, text };
  });
  return catalogFrom(files);
}
