import { attribute, markups } from "./xml-tokens";

/**
 * The cells of a worksheet part that hold a formula, as A1 addresses ("G7"), read with the tokenizer:
 * a <c> whose content has an <f> (look-alikes in comments or attribute values are not cells).
 */
export function formulaCellsOfXml(xml: string, part = "worksheet"): Set<string> {
  const out = new Set<string>();
  let cell: string | undefined;
  for (const m of markups(xml, part)) {
    if (m.kind === "open" && m.local === "c") cell = attribute(xml, m, "r");
    else if (m.kind === "close" && m.local === "c") cell = undefined;
    else if ((m.kind === "open" || m.kind === "empty") && m.local === "f" && cell !== undefined) out.add(cell);
  }
  return out;
}
