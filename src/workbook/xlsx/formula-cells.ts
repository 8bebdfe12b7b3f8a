/** The cells of a worksheet part that hold a formula, as A1 addresses ("G7"). */
export function formulaCellsOfXml(xml: string): Set<string> {
  const out = new Set<string>();
  const cell = /<(?:\w+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (let m = cell.exec(xml); m; m = cell.exec(xml)) {
    const inner = m[3];
    if (inner === undefined || !/<(?:\w+:)?f\b/.test(inner)) continue;
    const r = /\br="([A-Z]+\d+)"/.exec(m[1]!);
    if (r) out.add(r[1]!);
  }
  return out;
}
