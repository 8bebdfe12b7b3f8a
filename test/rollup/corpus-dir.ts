import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeCorpus, type CorpusFile } from "../../src/sample/corpus";

export type CorpusDir = { dir: string; files: Array<Omit<CorpusFile, "bytes"> & { path: string }> };

/** A small corpus on disk (small communes, so the tests stay quick): every mistake kind and every bad-file kind. */
export async function writeCorpus(communes: number, opts: { minResidents?: number; maxResidents?: number } = {}): Promise<CorpusDir> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-rollup-"));
  const files: CorpusDir["files"] = [];
  for await (const f of makeCorpus(loadRulesetDir().rulesets, {
    communes,
    minResidents: opts.minResidents ?? 300,
    maxResidents: opts.maxResidents ?? 700,
  })) {
    const p = path.join(dir, f.name);
    writeFileSync(p, f.bytes);
    const { bytes: _bytes, ...rest } = f;
    files.push({ ...rest, path: p });
  }
  return { dir, files };
}
