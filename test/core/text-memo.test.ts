import { memoized } from "../../src/core/text/memo";

describe("memoized", () => {
  it("works a string out once and gives the same answer after, undefined answers included", () => {
    const calls: string[] = [];
    const f = memoized((s: string) => {
      calls.push(s);
      return s === "" ? undefined : s.length;
    });
    expect([f("an"), f("an"), f(""), f(""), f("bình")]).toEqual([2, 2, undefined, undefined, 4]);
    expect(calls).toEqual(["an", "", "bình"]);
  });

  it("keeps at most `limit` strings: past it, the table starts again (a thread reading many files stays small)", () => {
    const calls: string[] = [];
    const f = memoized((s: string) => {
      calls.push(s);
      return s.toUpperCase();
    }, 2);
    ["a", "b", "a", "c", "a"].forEach((s) => f(s));
    // "c" arrives with two remembered: they are forgotten, so "a" is worked out again.
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
