/*
 * The same person read twice from a roster: the same folded name, village and birth (residents), or
 * the same folded name and village (other rosters). Kept once; the second is a problem said by the roster.
 */
import type { Birth } from "../age/retirement";
import { foldWords } from "../text/fold";
import type { RosterKind } from "./ids";

/** What tells two rows of the same folded name apart: a roster entry. */
export type Person = { village: string; birth?: Birth | undefined };

/**
 * The spellings of one folded name: the folded text, and the entries kept under it so far (none until
 * the first, then an array made for it: an empty array's first push reserves room for 16, and most
 * names are kept once).
 */
export type SameName<T extends Person> = { folded: string; kept: T[] | undefined };

/**
 * Names repeat (Nguyễn Văn Hùng…): each distinct spelling is folded once and leads, in one lookup per
 * row, to the entries kept under its folded name (a name repeats a few times at most, so a short
 * search of them is cheaper than a key string per row).
 */
export function sameNames<T extends Person>(): (name: string) => SameName<T> {
  const byFold = new Map<string, SameName<T>>();
  const bySpelling = new Map<string, SameName<T>>();
  return (name) => {
    let same = bySpelling.get(name);
    if (same === undefined) {
      const folded = foldWords(name);
      same = byFold.get(folded);
      if (same === undefined) {
        same = { folded, kept: undefined };
        byFold.set(folded, same);
      }
      bySpelling.set(name, same);
    }
    return same;
  };
}

/** The entry kept before for the same person as `entry` among those of its folded name; undefined when there is none, and `entry` is then kept. */
export function keptBefore<T extends Person>(same: SameName<T>, kind: RosterKind, entry: T): T | undefined {
  const kept = same.kept;
  if (kept === undefined) {
    same.kept = [entry];
    return undefined;
  }
  for (let i = 0; i < kept.length; i++) if (samePerson(kind, kept[i]!, entry)) return kept[i];
  kept.push(entry);
  return undefined;
}

/** The same person twice, given the same folded name: the same birth date and village (residents); the same village otherwise. */
function samePerson(kind: RosterKind, a: Person, b: Person): boolean {
  // village is already one spelling per folded village.
  if (a.village !== b.village) return false;
  if (kind !== "residents") return true;
  const x = a.birth;
  const y = b.birth;
  if (!x || !y) return x === y;
  return x.precision === y.precision && x.year === y.year && birthMonth(x) === birthMonth(y) && birthDay(x) === birthDay(y);
}

const birthMonth = (b: Birth) => (b.precision === "year" ? 0 : b.month);
const birthDay = (b: Birth) => (b.precision === "day" ? b.day : 0);
