/**
 * A pure function of a string remembered for the strings it has seen, up to `limit` of them (then
 * forgotten all at once and started again), so a worker thread that reads hundreds of workbooks
 * keeps a bounded table. Rosters repeat the same syllables, villages and yes/no words in thousands
 * of cells: each distinct one is worked out once.
 */
export function memoized<T>(fn: (s: string) => T, limit = 50_000): (s: string) => T {
  let seen = new Map<string, T>();
  return (s) => {
    const hit = seen.get(s);
    if (hit !== undefined || seen.has(s)) return hit as T;
    const v = fn(s);
    if (seen.size >= limit) seen = new Map();
    seen.set(s, v);
    return v;
  };
}
