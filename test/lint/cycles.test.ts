import { spawnSync } from "child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";

const root = join(__dirname, "..", "..");
const script = join(root, "scripts", "check-cycles.mjs");

/** Runs the lint's circle check on a folder of made-up modules. */
function check(files: Record<string, string>): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "cycles-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(process.execPath, [script, dir], { cwd: root, encoding: "utf8" });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("scripts/check-cycles.mjs (run by npm run lint)", () => {
  test("a circle made only of type imports fails and is listed module by module", () => {
    const r = check({
      "app/job.ts": 'import type { Io } from "../cli/main";\nexport type Job = { io: Io };\n',
      "cli/main.ts": 'import type { Job } from "../app/job";\nexport type Io = { job?: Job };\n',
      "core/pure.ts": "export const x = 1;\n",
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain("1 import circle(s)");
    expect(r.out).toContain("app/job.ts → cli/main.ts → app/job.ts");
    expect(r.out).not.toContain("pure.ts");
  });

  test("re-exports, import() types and lazy imports close a circle too; each group is listed once", () => {
    const r = check({
      "a.ts": 'export { b } from "./b";\nexport const a = 1;\n',
      "b.ts": 'export const b = 2;\nexport type C = import("./c").C;\n',
      "c.ts": 'export type C = number;\nexport const load = () => import("./a");\n',
      "d.ts": 'import { e } from "./e";\nexport const d = e;\n',
      "e.ts": 'import { d } from "./d";\nexport const e = () => d;\n',
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain("2 import circle(s)");
    expect(r.out).toContain("a.ts → b.ts → c.ts → a.ts");
    expect(r.out).toContain("d.ts → e.ts → d.ts");
  });

  test("modules that import each other one way only pass", () => {
    const r = check({
      "types.ts": "export type Io = { out: (s: string) => void };\n",
      "main.ts": 'import type { Io } from "./types";\nimport { run } from "./command";\nexport const main = (io: Io) => run(io);\n',
      "command.ts": 'import type { Io } from "./types";\nimport { x } from "node:fs";\nexport const run = (io: Io) => io.out(String(x));\n',
    });
    expect(r.out).toContain("No import circle");
    expect(r.status).toBe(0);
  });

  test("src itself has no import circle", () => {
    const run = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`).toContain("No import circle under src");
    expect(run.status).toBe(0);
  });
});
