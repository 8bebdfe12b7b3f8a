/**
 * Test harness around the real LibreOffice Calc (headless) and poppler-utils.
 *
 * LibreOffice recalculates on load only the formula cells that carry no stored result, unless the
 * user profile sets `/org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode` to 0 (DESIGN.md,
 * "Reading .xlsx files"). Every conversion here therefore runs in a throwaway profile that forces
 * recalculation, so a test compares our stored results with what Calc computes — not with themselves.
 *
 * Each call is independent (own profile, own staging directory, own soffice process), so jest
 * workers may run conversions in parallel. Missing tools make the call throw, never skip.
 */
import { spawn } from "node:child_process";
import { accessSync, constants as fsConstants } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const INSTALL_HINT = "apt-get install -y libreoffice-calc poppler-utils";

/** How long one soffice conversion may take before it is killed. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** Throws a Vietnamese message telling how to install `name` when it is not on PATH. */
export function requireTool(name: string): void {
  if (!findOnPath(name)) {
    throw new Error(`${name} không có trên máy này — cài bằng: ${INSTALL_HINT}`);
  }
}

function findOnPath(name: string): string | undefined {
  const candidates = name.includes("/")
    ? [name]
    : (process.env["PATH"] ?? "")
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

export interface ConvertOptions {
  /** Force recalculation on load (default true). `false` keeps Calc's default: stored results are trusted. */
  recalc?: boolean;
  /** Kill soffice and fail after this many milliseconds (default 120 s). */
  timeoutMs?: number;
}

/**
 * Opens `xlsxPath` in LibreOffice Calc with recalculation forced and saves it as .xlsx into `outDir`.
 * Returns the output path, `<outDir>/<base>.recalc.xlsx` (never the input itself).
 */
export async function recalculate(xlsxPath: string, outDir: string, options: ConvertOptions = {}): Promise<string> {
  const base = path.basename(xlsxPath, path.extname(xlsxPath));
  return convert(xlsxPath, outDir, "xlsx:Calc MS Excel 2007 XML", "xlsx", `${base}.recalc.xlsx`, options);
}

/** Prints `xlsxPath` to PDF through LibreOffice Calc (recalculation forced); returns `<outDir>/<base>.pdf`. */
export async function toPdf(xlsxPath: string, outDir: string, options: ConvertOptions = {}): Promise<string> {
  const base = path.basename(xlsxPath, path.extname(xlsxPath));
  return convert(xlsxPath, outDir, "pdf:calc_pdf_Export", "pdf", `${base}.pdf`, options);
}

/** Renders every page of a PDF to PNG (`<outPrefix>-<n>.png`); returns the paths in page order. */
export async function pdfToPngs(pdfPath: string, outPrefix: string, dpi = 60): Promise<string[]> {
  requireTool("pdftoppm");
  const dir = path.dirname(path.resolve(outPrefix));
  const stem = path.basename(outPrefix);
  await mkdir(dir, { recursive: true });
  await run("pdftoppm", ["-png", "-r", String(dpi), pdfPath, path.join(dir, stem)], { timeoutMs: DEFAULT_TIMEOUT_MS });
  // pdftoppm pads page numbers to the width of the page count: x-1.png, or x-01.png … x-12.png.
  const pattern = new RegExp(`^${escapeRegExp(stem)}-(\\d+)\\.png$`);
  const pages: { page: number; file: string }[] = [];
  for (const entry of await readdir(dir)) {
    const match = pattern.exec(entry);
    if (match?.[1] !== undefined) pages.push({ page: Number(match[1]), file: path.join(dir, entry) });
  }
  if (pages.length === 0) throw new Error(`pdftoppm không tạo ra trang PNG nào từ ${pdfPath}`);
  return pages.sort((a, b) => a.page - b.page).map((p) => p.file);
}

/** Number of pages of a PDF (pdfinfo). */
export async function pdfPageCount(pdfPath: string): Promise<number> {
  requireTool("pdfinfo");
  const { stdout } = await run("pdfinfo", [pdfPath], { timeoutMs: DEFAULT_TIMEOUT_MS });
  const match = /^Pages:\s+(\d+)\s*$/m.exec(stdout);
  if (match?.[1] === undefined) throw new Error(`pdfinfo không cho biết số trang của ${pdfPath}:\n${stdout}`);
  return Number(match[1]);
}

/** The text of a PDF, laid out as printed (pdftotext -layout, UTF-8). */
export async function pdfText(pdfPath: string): Promise<string> {
  requireTool("pdftotext");
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", pdfPath, "-"], { timeoutMs: DEFAULT_TIMEOUT_MS });
  return stdout;
}

// ---------------------------------------------------------------------------------------------

/** Registry items of a profile that makes Calc recalculate every formula on load (0 = always). */
function registryModifications(recalc: boolean): string {
  const items = recalc
    ? ["OOXMLRecalcMode", "ODFRecalcMode"].map(
        (prop) =>
          `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${prop}" oor:op="fuse"><value>0</value></prop></item>`,
      )
    : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...items,
    "</oor:items>",
    "",
  ].join("\n");
}

async function convert(
  sourcePath: string,
  outDir: string,
  convertTo: string,
  producedExt: string,
  outName: string,
  options: ConvertOptions,
): Promise<string> {
  requireTool("soffice");
  await stat(sourcePath); // a clear ENOENT for a wrong path, before starting soffice
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), "chitieu-lo-"));
  try {
    const profile = path.join(work, "profile");
    await mkdir(path.join(profile, "user"), { recursive: true });
    await writeFile(path.join(profile, "user", "registrymodifications.xcu"), registryModifications(options.recalc ?? true), "utf8");

    // Copy the source under a plain ASCII name so the command line never depends on the locale.
    const inDir = path.join(work, "in");
    const producedDir = path.join(work, "out");
    await mkdir(inDir);
    await mkdir(producedDir);
    const ext = path.extname(sourcePath) || ".xlsx";
    const input = path.join(inDir, `source${ext}`);
    await copyFile(sourcePath, input);

    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--nologo",
      "--convert-to",
      convertTo,
      "--outdir",
      producedDir,
      input,
    ];
    const result = await run("soffice", args, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    const produced = path.join(producedDir, `source.${producedExt}`);
    try {
      await stat(produced);
    } catch {
      throw new Error(`soffice không tạo ra ${producedExt} từ ${sourcePath}.\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
    }
    const target = path.join(outDir, outName);
    await moveFile(produced, target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await copyFile(from, to);
  }
}

interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in its own process group; on timeout the whole group is killed (soffice starts
 * oosplash, which starts soffice.bin) and the call fails with what the tool printed.
 */
function run(command: string, args: string[], { timeoutMs }: { timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    const text = (): RunResult => ({ stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`Không chạy được ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = text();
      if (timedOut) {
        reject(new Error(`${command} quá ${timeoutMs / 1000} s nên đã bị dừng.\nstderr:\n${result.stderr}\nstdout:\n${result.stdout}`));
      } else if (code !== 0) {
        reject(new Error(`${command} thoát với mã ${code ?? signal ?? "?"}.\nstderr:\n${result.stderr}\nstdout:\n${result.stdout}`));
      } else {
        resolve(result);
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // the group is already gone
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
