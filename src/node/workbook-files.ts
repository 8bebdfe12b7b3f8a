import { existsSync, readdirSync, statSync } from "fs";
import { extname, join, resolve } from "path";

/** In folders, spreadsheet-like files are taken (the non-.xlsx ones to be listed as such); others are not ours to judge. */
const TAKEN = new Set([".xlsx", ".xlsm", ".xls", ".ods", ".csv"]);

/**
 * The files of a roll-up, in a stable order: each path given as is (a missing one is reported by the
 * reader), folders walked recursively. Excel's lock files (~$…), hidden files and the output are skipped.
 */
export function collectWorkbookFiles(paths: readonly string[], skip: readonly string[] = []): string[] {
  const skipped = new Set(skip.map((p) => resolve(p)));
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, "vi"));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const path = join(dir, e.name);
      // A symbolic link counts as what it points to (a folder of links to the communes' files).
      const kind = e.isSymbolicLink() && existsSync(path) ? statSync(path) : e;
      if (kind.isDirectory()) walk(path);
      else if (kind.isFile() && TAKEN.has(extname(e.name).toLowerCase()) && !skipped.has(resolve(path))) out.push(path);
    }
  };
  for (const p of paths) {
    if (existsSync(p) && statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return [...new Set(out)];
}
