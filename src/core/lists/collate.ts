/*
 * Vietnamese order for lists: by village, then by name the way Vietnamese lists are alphabetised —
 * the given name (the last word) first, then the family name, then the middle names ("Nguyễn Văn An"
 * before "Lê Thị Bình": An before Bình). Names of establishments sort word by word as written.
 *
 * Intl.Collator("vi") orders the letters (a ă â b c d đ e ê … with the tones); comparing every pair of
 * names through it is slow on 100 000 residents, so each distinct word and village is ranked once and
 * names compare as arrays of ranks.
 */

/** Made on first use: loading ICU's Vietnamese collation costs a command that sorts no list (evaluate, the check) several milliseconds. */
let viCollator: Intl.Collator | undefined;
const collator = (): Intl.Collator => (viCollator ??= new Intl.Collator("vi"));

/** Distinct strings ranked in Vietnamese order; ties (same under the collator) by code points, so the order is total. */
function rankAll(values: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(values)];
  const vi = collator();
  distinct.sort((a, b) => vi.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(distinct.map((v, i) => [v, i]));
}

export function compareVietnamese(a: string, b: string): number {
  return collator().compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export type SortItem = { name: string; village: string; row: number };

/** Ranks of the villages, blank last. */
function villageKeys(items: readonly SortItem[]): { key: Int32Array; size: number } {
  const rank = rankAll(items.map((i) => i.village).filter((v) => v !== ""));
  const key = new Int32Array(items.length);
  items.forEach((item, i) => (key[i] = item.village === "" ? rank.size : rank.get(item.village)!));
  return { key, size: rank.size + 1 };
}

/**
 * Personal names: given name, family name, then the middle names taken together. Each part is ranked
 * among its own distinct values (a few hundred), and the ranks with the village make one exact number.
 */
function personKeys(items: readonly SortItem[]): Float64Array | undefined {
  const n = items.length;
  const given: string[] = new Array<string>(n);
  const family: string[] = new Array<string>(n);
  const middle: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const name = items[i]!.name;
    const first = name.indexOf(" ");
    const last = name.lastIndexOf(" ");
    if (first < 0) {
      given[i] = name;
      family[i] = "";
      middle[i] = "";
    } else {
      given[i] = name.slice(last + 1);
      family[i] = name.slice(0, first);
      middle[i] = first === last ? "" : name.slice(first + 1, last);
    }
  }
  const g = rankAll(given);
  const f = rankAll(family);
  const m = rankAll(middle);
  const v = villageKeys(items);
  if (v.size * g.size * f.size * m.size * n >= Number.MAX_SAFE_INTEGER) return undefined;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++)
    keys[i] = (((v.key[i]! * g.size + g.get(given[i]!)!) * f.size + f.get(family[i]!)!) * m.size + m.get(middle[i]!)!) * n + i;
  return keys;
}

/**
 * Sorts by village (blank village last), then name in Vietnamese order, then roster row (the order
 * the items come in); returns a new array. `person` chooses personal-name order.
 */
export function sortForList<T extends SortItem>(items: readonly T[], person: boolean): T[] {
  const order = Array.from({ length: items.length }, (_, i) => i);
  const keys = person ? personKeys(items) : undefined;
  if (keys) {
    order.sort((a, b) => keys[a]! - keys[b]!);
    return order.map((i) => items[i]!);
  }
  // Word by word as written (names of establishments; people only if the ranks overflow one number).
  const words = items.map((i) => {
    const w = i.name.split(" ");
    return person && w.length > 1 ? [w[w.length - 1]!, w[0]!, w.slice(1, -1).join(" ")] : w;
  });
  const wordRank = rankAll(words.flat());
  const ranks = words.map((w) => w.map((x) => wordRank.get(x)!));
  const v = villageKeys(items).key;
  order.sort((a, b) => {
    if (v[a] !== v[b]) return v[a]! - v[b]!;
    const ra = ranks[a]!;
    const rb = ranks[b]!;
    const n = Math.min(ra.length, rb.length);
    for (let k = 0; k < n; k++) if (ra[k] !== rb[k]) return ra[k]! - rb[k]!;
    return ra.length - rb.length || a - b;
  });
  return order.map((i) => items[i]!);
}
