/*
 * What the mapping picker accepts: a name the workbook has, or a cell address with its sheet
 * ('Số liệu'!B7). Anything else is refused in the row, with the nearest names offered.
 */
import { parseRangeRef, quoteSheet } from "../../core/ref/a1";
import { foldLoose } from "../../core/text/fold";
import type { DefinedName } from "../../workbook/port";

/** A name the clerk can pick for an input: the reference as the mapping writes it, and where it points. */
export type NameOption = { ref: string; where: string };

export function nameOptions(names: readonly DefinedName[]): NameOption[] {
  return names
    .filter((n) => !n.hidden)
    .map((n) => {
      const ref = n.scope === null ? n.name : `${quoteSheet(n.scope)}!${n.name}`;
      const where =
        n.target.kind === "ref-error" ? "#REF! (ô đã bị xóa)" : n.target.kind === "constant" ? `= ${String(n.target.value)}` : n.formula;
      return { ref, where };
    })
    .sort((a, b) => a.ref.localeCompare(b.ref, "vi"));
}

/** Names whose reference or target contains the typed words, loosely (no marks, any case). */
export function filterNames(options: readonly NameOption[], text: string, limit = 50): NameOption[] {
  const words = foldLoose(text)
    .split(/[\s_]+/)
    .filter((w) => w.length > 0);
  const hits =
    words.length === 0
      ? options
      : options.filter((o) => {
          // foldLoose turns "$B$2" into "b 2": the words joined up find "b2" too.
          const hay = foldLoose(`${o.ref} ${o.where}`);
          const joined = hay.replace(/ /g, "");
          return words.every((w) => hay.includes(w) || joined.includes(w));
        });
  return hits.slice(0, limit);
}

export type RefCheck = { ok: true; ref: string } | { ok: false; text: string; nearest: NameOption[] };

/** Letter pairs of a folded text, for a likeness that survives a typo ("dtmm" ~ "co_dttm"). */
function pairs(s: string): Set<string> {
  const t = foldLoose(s).replace(/[\s_]+/g, "");
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return out;
}

function likeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const p of a) if (b.has(p)) common++;
  return (2 * common) / (a.size + b.size);
}

/** The names most like the text: those containing its words first, then by shared letter pairs. */
export function nearestNames(options: readonly NameOption[], text: string, limit = 3): NameOption[] {
  const containing = filterNames(options, text, limit);
  if (containing.length > 0) return containing;
  const typed = pairs(text);
  return options
    .map((o) => ({ o, score: likeness(typed, pairs(o.ref)) }))
    .filter((x) => x.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.o);
}

/** The reference as the mapping stores it (a name in its own spelling), or why it is refused. */
export function checkRef(options: readonly NameOption[], text: string): RefCheck {
  const typed = text.trim();
  const named = options.find((o) => o.ref.toLowerCase() === typed.toLowerCase());
  if (named) return { ok: true, ref: named.ref };
  if (parseRangeRef(typed)) return { ok: true, ref: typed };
  return { ok: false, text: typed, nearest: nearestNames(options, typed) };
}
