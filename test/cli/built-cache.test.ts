/*
 * What the build leaves beside the bundle so the command line starts quickly: V8's code cache
 * (build/cli/main.js.cache, read by bin/cached-bundle.js) and the ruleset catalogue
 * (build/cli/rulesets.json). Neither may change what a command does: a cache that is damaged, made
 * for another bundle or refused by V8 is passed over silently, and an edited or broken ruleset is
 * seen exactly as when every file was validated at each start.
 */
import { spawnSync } from "child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "fs";
import path from "path";
import { validateRulesetDir } from "../../src/node/rulesets";
import * as h from "./helpers";

const BUILT = path.join(h.REPO, "build", "cli");
const LOADER = path.join(h.REPO, "bin", "cached-bundle.js");

let dir: string;
beforeAll(() => {
  dir = h.makeTmpDir("chitieu-built-cache-");
});
afterAll(() => h.removeDir(dir));

type CachedRun = { cache: string; code: number; out: string[]; err: string[] };

/** `chitieu rulesets --json` from `bundle` through the code cache (node started with `flags`), and what became of the cache. */
function runCached(bundle: string, flags: string[] = []): CachedRun {
  const script = `
    const { loadBundle } = require(${JSON.stringify(LOADER)});
    const { exports, cache } = loadBundle(${JSON.stringify(bundle)});
    const out = [], err = [];
    exports.main(["rulesets", "--json"], { out: (s) => out.push(s), err: (s) => err.push(s) })
      .then((code) => process.stdout.write(JSON.stringify({ cache, code, out, err })));`;
  const r = spawnSync(process.execPath, [...flags, "-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as CachedRun;
}

/** A copy of build/cli/ two folders below its own root, with links to rulesets/ and node_modules, so its cache can be damaged. */
function copyOfBuild(name: string): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, "build"), { recursive: true });
  cpSync(BUILT, path.join(root, "build", "cli"), { recursive: true });
  symlinkSync(path.join(h.REPO, "rulesets"), path.join(root, "rulesets"));
  symlinkSync(path.join(h.REPO, "node_modules"), path.join(root, "node_modules"));
  return path.join(root, "build", "cli", "main.js");
}

describe("the code cache", () => {
  let expected: CachedRun;
  beforeAll(() => {
    expected = runCached(path.join(BUILT, "main.js"));
  });

  it("is made by the build and used", () => {
    expect(expected.cache).toBe("used");
    expect(expected.code).toBe(0);
    expect(expected.err).toEqual([]);
    expect(JSON.parse(expected.out.join("\n"))).toContainEqual(expect.objectContaining({ id: h.RULESET }));
  });

  // Each case gives its flags, none mostly: jest takes a missing last one for a `done` callback.
  const cases: [string, string, (bundle: string) => void, string[]][] = [
    ["absent", "absent", (bundle) => rmSync(`${bundle}.cache`), []],
    [
      "with damaged bytes (V8 would abort on them)",
      "stale",
      (bundle) => {
        const cache = readFileSync(`${bundle}.cache`);
        for (let i = cache.length >> 1; i < cache.length; i += 97) cache[i] = cache[i]! ^ 0xff;
        writeFileSync(`${bundle}.cache`, cache);
      },
      [],
    ],
    ["cut short", "stale", (bundle) => writeFileSync(`${bundle}.cache`, readFileSync(`${bundle}.cache`).subarray(0, 4000)), []],
    [
      "made for another bundle of the same length (V8 would take it)",
      "stale",
      (bundle) => {
        const source = readFileSync(bundle, "latin1");
        const at = source.indexOf("// src/cli/main.ts");
        expect(at).toBeGreaterThan(0);
        writeFileSync(bundle, `${source.slice(0, at)}// src/cli/main.tz${source.slice(at + 18)}`, "latin1");
      },
      [],
    ],
    ["made under other V8 flags", "rejected", () => undefined, ["--no-opt"]],
  ];
  test.each(cases)("%s: passed over silently, the same output (%s)", (name, state, damage, flags) => {
    const bundle = copyOfBuild(name.replace(/\W+/g, "-"));
    if (flags.length > 0) {
      // A cache made by a warm-up under those flags, whole by its own checks.
      const make = `const { loadForCaching } = require(${JSON.stringify(LOADER)}); loadForCaching(${JSON.stringify(bundle)}).save();`;
      expect(spawnSync(process.execPath, [...flags, "-e", make], { env: { ...process.env, NODE_OPTIONS: "" } }).status).toBe(0);
    }
    damage(bundle);
    const run = runCached(bundle);
    expect(run.cache).toBe(state);
    expect(run).toEqual({ ...expected, cache: state });
  });
});

/* A scratch checkout with the real sources, rulesets, bin and build scripts: built by its own bin. */
describe("the ruleset catalogue, through bin/chitieu.js", () => {
  let project: string;
  const rulesetsDir = () => path.join(project, "rulesets");
  const catalogue = () => JSON.parse(readFileSync(path.join(project, "build", "cli", "rulesets.json"), "utf8")) as CatalogueFile;
  type CatalogueFile = { rulesets: { id: string; title: string }[]; problems: { message: string }[] };
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(project, "bin", "chitieu.js"), ...args], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  /** Dates every file and folder under `at` an hour back, so only what a test changes afterwards is newer than a build. */
  const ageTree = (at: string) => {
    const hourAgo = Date.now() / 1000 - 3600;
    for (const e of readdirSync(at, { withFileTypes: true })) if (e.isDirectory()) ageTree(path.join(at, e.name));
    utimesSync(at, hourAgo, hourAgo);
    for (const e of readdirSync(at, { withFileTypes: true })) if (e.isFile()) utimesSync(path.join(at, e.name), hourAgo, hourAgo);
  };

  beforeAll(() => {
    project = path.join(dir, "checkout");
    for (const sub of ["src", "rulesets", "bin"]) cpSync(path.join(h.REPO, sub), path.join(project, sub), { recursive: true });
    for (const file of ["package.json", "tsconfig.json", "scripts/build-cli.mjs", "scripts/cli-code-cache.mjs"])
      cpSync(path.join(h.REPO, file), path.join(project, file));
    for (const sub of ["src", "rulesets", "bin", "scripts"]) ageTree(path.join(project, sub));
    symlinkSync(path.join(h.REPO, "node_modules"), path.join(project, "node_modules"));
  });

  // Nothing but rulesets/ changes after the first build: a rebuild can only come from watching it.
  it("is built with the bundle; an edited ruleset rebuilds it; a broken one is reported as before, the others still listed", () => {
    const first = run("rulesets", "--json");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const ids = (JSON.parse(first.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual([...validateRulesetDir(rulesetsDir()).rulesets.keys()]);
    expect(catalogue().rulesets.map((r) => r.id)).toEqual(ids);

    const file = path.join(rulesetsDir(), `${h.RULESET}.json`);
    const edited = { ...(JSON.parse(readFileSync(file, "utf8")) as object), title: "Bộ tiêu chí đã sửa" };
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const second = run("rulesets", "--json");
    expect(JSON.parse(second.stdout)).toContainEqual(expect.objectContaining({ id: h.RULESET, title: "Bộ tiêu chí đã sửa" }));
    expect(catalogue().rulesets.find((r) => r.id === h.RULESET)?.title).toBe("Bộ tiêu chí đã sửa");

    writeFileSync(path.join(rulesetsDir(), "hong-2024.json"), JSON.stringify({ id: "hong-2024", title: "Hỏng", groups: [{}] }));
    const third = run("rulesets");
    const { problems } = validateRulesetDir(rulesetsDir());
    expect(problems.length).toBeGreaterThan(0);
    expect(third.code).toBe(0);
    expect(third.stderr.split("\n").filter((l) => l !== "")).toEqual(
      problems.map((p) => `Cảnh báo: bộ tiêu chí không hợp lệ, bỏ qua — ${p.message}`),
    );
    expect(third.stdout).toContain(h.RULESET);
    expect(catalogue().problems).toEqual(problems);

    // Removed: only the folder's own time tells.
    rmSync(path.join(rulesetsDir(), "hong-2024.json"));
    const fourth = run("rulesets");
    expect(fourth.stderr).toBe("");
    expect(catalogue().problems).toEqual([]);
  });
});
