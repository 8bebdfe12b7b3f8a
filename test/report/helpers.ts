/*
 * Reading a .docx back as a reader would (paragraph texts, the XML of page setup and runs), and
 * converting it with the real LibreOffice Writer in a throwaway profile.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
export { docxPart, docxText, paragraphTexts } from "./docx-text";

/**
 * Converts .docx files with LibreOffice Writer (one soffice process for all of them) to `format`
 * ("pdf", or "txt" as UTF-8 text); returns the produced files by input file. Throws with soffice's
 * output when a file is not produced.
 */
export function convertWithWriter(files: string[], format: "pdf" | "txt", outDir: string): Map<string, string> {
  const work = mkdtempSync(path.join(os.tmpdir(), "chitieu-writer-"));
  try {
    const inDir = path.join(work, "in");
    mkdirSync(inDir);
    mkdirSync(outDir, { recursive: true });
    const inputs = files.map((f, i) => {
      const p = path.join(inDir, `doc${i}.docx`);
      copyFileSync(f, p);
      return p;
    });
    const filter = format === "pdf" ? "pdf:writer_pdf_Export" : "txt:Text (encoded):UTF8";
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...inputs,
      ],
      { encoding: "utf8", timeout: 300_000 },
    );
    const out = new Map<string, string>();
    files.forEach((f, i) => {
      const produced = path.join(outDir, `doc${i}.${format}`);
      if (!existsSync(produced)) throw new Error(`soffice did not convert ${f} to ${format}:\n${r.stdout}\n${r.stderr}`);
      out.set(f, produced);
    });
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const readText = (file: string): string => readFileSync(file, "utf8").replace(/^\uFEFF/, "");
