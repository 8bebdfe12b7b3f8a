import { spawnSync } from "child_process";
import { join } from "path";

const root = join(__dirname, "..", "..");

/** The size rules that fire on source text linted as the file at `path`, with the project's configuration. */
function sizeRules(path: string, text: string): string[] {
  const run = spawnSync(
    process.execPath,
    [join(root, "node_modules", "eslint", "bin", "eslint.js"), "--stdin", "--stdin-filename", path, "--format", "json"],
    {
      cwd: root,
      input: text,
      encoding: "utf8",
    },
  );
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
  return (result?.messages ?? []).map((m) => m.ruleId ?? "").filter((id) => /max-lines/.test(id));
}

const statements = (n: number) => Array.from({ length: n }, (_, i) => `  total += ${i};`).join("\n");
const fn = (n: number) => `export function f(): number {\n  let total = 0;\n${statements(n)}\n  return total;\n}\n`;
const comments = (n: number) => Array.from({ length: n }, (_, i) => `// why ${i}`).join("\n");

describe("npm run lint limits files to 400 lines and functions to 80", () => {
  test("a function over 80 lines fails in src and in a test helper; blank lines and comments do not count", () => {
    expect(sizeRules("src/app/probe.ts", fn(80))).toEqual(["max-lines-per-function"]);
    expect(sizeRules("test/check/probe.ts", fn(80))).toEqual(["max-lines-per-function"]);
    expect(sizeRules("src/app/probe.ts", fn(70))).toEqual([]);
    expect(
      sizeRules("src/app/probe.ts", `${comments(300)}\n${fn(70).replace("let total = 0;", `let total = 0;\n${"\n".repeat(40)}`)}`),
    ).toEqual([]);
  });

  test("a file over 400 lines fails; the same file of small functions under 400 passes", () => {
    const small = (k: number) => `export const f${k} = (): number => {\n  return ${k};\n};\n`;
    expect(sizeRules("src/core/probe.ts", Array.from({ length: 140 }, (_, k) => small(k)).join(""))).toEqual(["max-lines"]);
    expect(sizeRules("src/core/probe.ts", Array.from({ length: 130 }, (_, k) => small(k)).join(""))).toEqual([]);
  });

  test("in a test file a describe callback may be long, but not a test callback", () => {
    const cases = Array.from({ length: 90 }, (_, i) => `  test("case ${i}", () => {\n    expect(${i}).toBe(${i});\n  });`).join("\n");
    expect(sizeRules("test/app/probe.test.ts", `describe("many cases", () => {\n${cases}\n});\n`)).toEqual([]);
    const longCase = `test("one long case", () => {\n  let total = 0;\n${statements(85)}\n  expect(total).toBeGreaterThan(0);\n});\n`;
    expect(sizeRules("test/app/probe.test.ts", longCase)).toEqual(["local/max-lines-per-function-but-describe"]);
  });
});
