/*
 * One production build of the task pane for the tests that need it (the browser end-to-end test and
 * the manifest check), shared across jest workers and concurrent runs: a lock directory serialises
 * the builds, and each build goes to a folder named by a hash of its inputs (sizes and times), so a
 * second test file or a re-run with nothing changed reuses it, and a rebuild after an edit never
 * removes a folder another run is still serving.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");
export const BUILDS = join(ROOT, "test-output", "web-build");
const LOCK = join(ROOT, "test-output", "web-build.lock");
/** Older builds are removed once this old (no run lasts that long). */
const KEEP_MS = 30 * 60_000;

/** The base URL the production manifest gets in this build (the documented default). */
export const BUILD_BASE_URL = "https://chitieuxa.example.invalid/";

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

function inputsHash(): string {
  const files: string[] = [];
  for (const d of ["src", "rulesets", "assets"]) walk(join(ROOT, d), files);
  for (const f of ["manifest.xml", "webpack.config.js", "package-lock.json", "tsconfig.json"]) files.push(join(ROOT, f));
  const h = createHash("sha256");
  h.update(BUILD_BASE_URL);
  for (const f of files.sort()) {
    if (!existsSync(f)) continue;
    const st = statSync(f);
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest("hex");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function lock(): Promise<() => void> {
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // A lock older than the deadline belongs to a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("timed out waiting for another production build");
      await sleep(500);
    }
  }
}

function runWebpack(outDir: string): Promise<{ stdout: string; ms: number }> {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production", "--output-path", outDir],
      { cwd: ROOT, env: { ...process.env, CHITIEUXA_BASE_URL: BUILD_BASE_URL }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`webpack failed:\n${stdout}\n${stderr}`));
        else resolve({ stdout, ms: Date.now() - started });
      },
    );
  });
}

/** The production build's folder, built now or reused when its inputs have not changed. */
export async function productionBuild(): Promise<{ dir: string; built: boolean; ms: number }> {
  const unlock = await lock();
  try {
    const hash = inputsHash().slice(0, 16);
    const dir = join(BUILDS, hash);
    const done = join(dir, ".complete");
    if (existsSync(done)) return { dir, built: false, ms: 0 };
    for (const old of existsSync(BUILDS) ? readdirSync(BUILDS) : []) {
      const p = join(BUILDS, old);
      if (old !== hash && Date.now() - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
    const { ms } = await runWebpack(dir);
    writeFileSync(done, new Date().toISOString());
    return { dir, built: true, ms };
  } finally {
    unlock();
  }
}
