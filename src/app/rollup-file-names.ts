/** Excel's lock files (~$…) and hidden files are not communes' workbooks, as in a folder on the command line. */
export function skippedName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.startsWith("~$") || base.startsWith(".");
}
