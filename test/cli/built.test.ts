/*
 * The built command line (scripts/build-cli.mjs → build/cli/main.js, run by bin/chitieu.js): it needs
 * only the runtime dependencies, a command loads only the packages it uses, a closed pipe ends quietly,
 * and a bundle older than the sources is rebuilt before it runs. jest's globalSetup built the bundle.
 * The code cache and the ruleset catalogue beside it have their own file, built-cache.test.ts.
 */
import { spawn, spawnSync } from "child_process";
import { builtinModules } from "module";
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "fs";
import path from "path";
import * as h from "./helpers";

const BUNDLE = path.join(h.REPO, "build", "cli", "main.js");
const pkg = JSON.parse(readFileSync(path.join(h.REPO, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

let dir: string;
beforeAll(() => {
  dir = h.makeTmpDir("chitieu-built-");
});
afterAll(() => h.removeDir(dir));

/** The packages under node_modules that `chitieu …args` has loaded by the time it finishes. */
function packagesLoadedBy(args: string[]): string[] {
  const script = `
    const m = require(${JSON.stringify(BUNDLE)});
    m.main(${JSON.stringify(args)}, { out() {}, err() {} }).then((code) => {
      const names = Object.keys(require.cache).filter((f) => f.includes("node_modules"))
        .map((f) => f.split("node_modules/").pop().split("/").slice(0, f.split("node_modules/").pop().startsWith("@") ? 2 : 1).join("/"));
      process.stdout.write(JSON.stringify({ code, names: [...new Set(names)].sort() }));
    });`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: h.REPO, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  expect(r.stderr).toBe("");
  const { code, names } = JSON.parse(r.stdout) as { code: number; names: string[] };
  expect(code).toBe(0);
  return names;
}

describe("the bundle", () => {
  it("requires nothing but Node's own modules and the runtime dependencies of package.json", () => {
    const required = [...readFileSync(BUNDLE, "utf8").matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
    const packages = new Set(
      required
        .filter((n) => !builtinModules.includes(n.replace(/^node:/, "")))
        .map((n) =>
          n
            .split("/")
            .slice(0, n.startsWith("@") ? 2 : 1)
            .join("/"),
        ),
    );
    expect([...packages].sort()).toEqual(expect.arrayContaining(["exceljs"]));
    // zod and saxes are inside the bundle, so that their compiled code is in the bundle's code cache.
    expect([...packages]).not.toContain("zod");
    expect([...packages]).not.toContain("saxes");
    for (const name of packages) expect(Object.keys(pkg.dependencies)).toContain(name);
    // Build-time packages are devDependencies: nothing at run time may need them.
    for (const dev of ["tsx", "react", "react-dom", "@fluentui/react-components", "esbuild"])
      expect(pkg.dependencies).not.toHaveProperty(dev);
  });

  it("holds no `import()` (bin/cached-bundle.js compiles it with vm.Script, which cannot load one), nor does the thread's", () => {
    for (const file of [BUNDLE, path.join(path.dirname(BUNDLE), "rollup-thread.js")]) {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/\bimport\(\s*["'`]/);
    }
  });

  it("`rulesets` loads no file library (ExcelJS, JSZip, saxes, docx): no package from node_modules at all", () => {
    const names = packagesLoadedBy(["rulesets", "--json"]);
    for (const heavy of ["exceljs", "jszip", "saxes", "docx"]) expect(names).not.toContain(heavy);
    expect(names).toEqual([]);
  });

  it("`evaluate` loads no package from node_modules: JSZip (inflating with Node's zlib), saxes and zod are inside the bundle", async () => {
    const file = await h.writeCustom(dir, "xa.xlsx");
    const mapping = h.writeMapping(dir, h.customMapping());
    const names = packagesLoadedBy(["evaluate", file, "--mapping", mapping]);
    expect(names).toEqual([]);
    expect(readFileSync(BUNDLE, "utf8")).toMatch(/class extends [\w$.]*GenericWorker[\s\S]{0,400}NativeInflateWorker/);
  });

  it("a workbook with a damaged part: exit 2, one line on stderr, no stack trace, nothing written", async () => {
    const bytes = Buffer.from(await h.buildCustomWorkbook());
    // The first data byte of the data sheet's compressed stream: 0xFF starts a block of the reserved type.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const localHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    let at = bytes.indexOf(localHeader);
    while (at >= 0 && !bytes.subarray(at + 30, at + 30 + name.length).equals(name)) at = bytes.indexOf(localHeader, at + 4);
    expect(at).toBeGreaterThanOrEqual(0);
    bytes[at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)] = 0xff;
    const d = h.makeTmpDir("damaged-", dir);
    const file = h.writeBytes(d, "hong.xlsx", bytes);
    const mapping = h.writeMapping(d, h.customMapping());
    const before = h.listDir(d);
    const r = h.spawnCli(["evaluate", file, "--mapping", mapping, "--out", path.join(d, "o.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual([expect.stringMatching(/^Lỗi/)]);
    expect(r.stderr).not.toMatch(h.STACK_LINE);
    expect(h.listDir(d)).toEqual(before);
  });
});

describe("when the bundle is built", () => {
  it("on install (prepare, so `npx chitieu` works right after `npm install`) and first thing in `npm test`", () => {
    expect(pkg.scripts["build:cli"]).toBe("node scripts/build-cli.mjs");
    expect(pkg.scripts["prepare"]).toBe("node scripts/build-cli.mjs");
    expect(pkg.scripts["test"]).toMatch(/^npm run build:cli && /);
    expect(pkg.scripts["bench"]).toMatch(/^npm run build:cli && /);
  });
});

describe("bin/chitieu.js", () => {
  it("a reader that closes the pipe at once: exit 0, nothing on stderr, no stack trace", async () => {
    const child = spawn(process.execPath, [h.BIN, "rulesets"], {
      cwd: h.REPO,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    // Closed before the command writes a line, so its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

/* A scratch project with the real bin and build script and a one-line command line of its own. */
describe("a bundle older than the sources", () => {
  let project: string;
  const main = path.join("src", "cli", "main.ts");
  const bundle = () => path.join(project, "build", "cli", "main.js");
  const writeMain = (source: string) => writeFileSync(path.join(project, main), source);
  /** Dates the bundle an hour back, as if built before the edit that follows. */
  const ageBundle = () => {
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(bundle(), hourAgo, hourAgo);
  };
  const run = () =>
    spawnSync(process.execPath, [path.join(project, "bin", "chitieu.js")], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
  const printing = (word: string) => `export async function main(): Promise<number> { process.stdout.write("${word}\\n"); return 0; }\n`;

  beforeAll(() => {
    project = path.join(dir, "scratch");
    for (const sub of ["bin", "scripts", path.join("src", "cli"), path.join("src", "node")])
      mkdirSync(path.join(project, sub), { recursive: true });
    // The build script also builds the roll-up's worker thread beside the bundle.
    writeFileSync(path.join(project, "src", "node", "rollup-thread.ts"), "export {};\n");
    cpSync(path.dirname(h.BIN), path.join(project, "bin"), { recursive: true });
    for (const script of ["build-cli.mjs", "cli-code-cache.mjs"])
      cpSync(path.join(h.REPO, "scripts", script), path.join(project, "scripts", script));
    cpSync(path.join(h.REPO, "package.json"), path.join(project, "package.json"));
    symlinkSync(path.join(h.REPO, "node_modules"), path.join(project, "node_modules"));
  });

  it("is built when missing, rebuilt when a source changes (and only then), and runs the new code", () => {
    writeMain(printing("mot"));
    expect(existsSync(bundle())).toBe(false);
    const first = run();
    expect(first.stdout).toBe("mot\n");
    expect(first.status).toBe(0);
    ageBundle();
    writeMain(printing("hai"));
    expect(run().stdout).toBe("hai\n");
    // Up to date: run as it is, not built again on every start.
    const built = statSync(bundle()).mtimeMs;
    expect(run().stdout).toBe("hai\n");
    expect(statSync(bundle()).mtimeMs).toBe(built);
  });

  it("a source that does not compile: exit 2, the compiler names the file, one Vietnamese line, no stack trace", () => {
    ageBundle();
    writeMain("export async function main( {\n");
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("main.ts");
    expect(r.stderr).toMatch(/^Lỗi: chưa dựng được chương trình dòng lệnh — chạy `npm install`.*\(command line not built\)$/m);
    expect(r.stderr).not.toMatch(h.STACK_LINE);
  });
});
