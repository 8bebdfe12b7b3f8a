import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { COLUMN_ROLES, LIST_IDS, ROSTER_KINDS } from "../../src/core/lists/ids";
import { parseListsMapping } from "../../src/core/lists/mapping";
import { makeRuleset, yesNo } from "../builders";

const SRC = join(__dirname, "..", "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The files under src that spell out `words` in a row, as a list. */
function listing(words: readonly string[]): string[] {
  const pattern = new RegExp(words.map((w) => `["']${w}["']`).join("\\s*,\\s*"));
  return sources(SRC)
    .filter((f) => pattern.test(readFileSync(f, "utf8")))
    .map((f) => relative(SRC, f));
}

describe("one source each for list ids, roster kinds and column roles (issue 14)", () => {
  test("each is spelled out as a list in src/core/lists/ids.ts and nowhere else", () => {
    expect(listing(LIST_IDS)).toEqual(["core/lists/ids.ts"]);
    expect(listing(ROSTER_KINDS)).toEqual(["core/lists/ids.ts"]);
    expect(listing(COLUMN_ROLES.slice(0, 5))).toEqual(["core/lists/ids.ts"]);
  });

  test("the lists mapping accepts every roster kind with every role, and nothing else", () => {
    const columns = Object.fromEntries(COLUMN_ROLES.map((r) => [r, `Cột ${r}`]));
    const rosters = Object.fromEntries(ROSTER_KINDS.map((k) => [k, { sheet: k, columns }]));
    expect(parseListsMapping({ rosters }, "m.json").ok).toBe(true);
    expect(parseListsMapping({ rosters: { visitors: { sheet: "x", columns: { name: "Tên" } } } }, "m.json").ok).toBe(false);
    expect(parseListsMapping({ rosters: { residents: { sheet: "x", columns: { name: "Tên", shoeSize: "Cỡ giày" } } } }, "m.json").ok).toBe(
      false,
    );
  });

  test("a ruleset may back an indicator with each list id, and with no other", () => {
    for (const list of LIST_IDS) expect(makeRuleset({ items: [yesNo("1.1", { list })] }).groups[0]).toBeDefined();
    expect(() => makeRuleset({ items: [yesNo("1.1", { list: "PL08" })] })).toThrow();
  });
});
