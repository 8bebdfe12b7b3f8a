import { rollupCommand } from "../../src/cli/rollup-command";
import { progressLine } from "../../src/cli/progress";
import { loadRulesetDir } from "../../src/node/rulesets";

test("the progress line shows files done of total, the rate, the time left and the current file", () => {
  const line = progressLine(30, 300, 60_000, "/du-lieu/xa-tan-loc.xlsx", 10);
  expect(line).toBe("\r[#---------] 30/300 tệp · 0.5 tệp/giây · còn 09:00 · /du-lieu/xa-tan-loc.xlsx\u001b[K");
  expect(progressLine(0, 3, 0, "a.xlsx", 4)).toContain("còn --:--");
});

describe("the progress bar goes to a terminal only, and never with --quiet", () => {
  const run = async (quiet: boolean) => {
    const shown: string[] = [];
    const files = new Map<string, Uint8Array>([["a.xlsx", new TextEncoder().encode("not a workbook")]]);
    const code = await rollupCommand(
      ["a.xlsx", "--out", "t.xlsx", "--jobs", "1", ...(quiet ? ["--quiet"] : [])],
      { out: () => undefined, err: () => undefined },
      {
        loadRulesets: () => loadRulesetDir(),
        readFile: (p) => files.get(p)!,
        writeFile: () => undefined,
        progress: (l) => shown.push(l),
      },
    );
    return { code, shown };
  };
  test("on a terminal", async () => {
    const { code, shown } = await run(false);
    expect(code).toBe(0);
    expect(shown[0]).toContain("1/1 tệp");
  });
  test("quiet", async () => {
    const { code, shown } = await run(true);
    expect(code).toBe(0);
    expect(shown).toEqual([]);
  });
});
