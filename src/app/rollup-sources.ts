/*
 * The roll-up over files that are not paths: the page's chosen or dropped files (a browser File read
 * in a Web Worker), or anything else that can hand over its bytes when asked. Each file's bytes are
 * read only when its turn comes and dropped with its workbook, so one workbook is in memory at a time
 * whatever the number of files. Nothing here touches Node (no fs, no worker threads): the page's
 * worker bundle is built from it.
 */
import type { Rollup } from "../core/rollup/aggregate";
import type { FileOutcome } from "../core/rollup/types";
import { reportFile, type RollupOptions } from "./rollup";
import { writeRollup } from "./rollup-workbook";

/** One file of the roll-up: its name (the row's "file") and how to get its bytes. */
export type RollupSource = { name: string; read: () => Promise<Uint8Array> };

export type RollupStep =
  /** `done` files finished of `total`; `file` is the one being read now. */
  | { kind: "file"; done: number; total: number; file: string }
  /** Every file read: the roll-up workbook is being written. */
  | { kind: "writing"; total: number };

export type SourcesRollup = { rollup: Rollup; bytes: Uint8Array; outcomes: FileOutcome[] };

/**
 * The roll-up workbook of the sources, in their order. A file that cannot even be read becomes its
 * row, as every other bad file does; only a failure to write the roll-up itself throws.
 */
export async function rollupSources(
  sources: readonly RollupSource[],
  opts: RollupOptions & { only?: string | undefined },
  onStep: (step: RollupStep) => void = () => undefined,
): Promise<SourcesRollup> {
  const outcomes: FileOutcome[] = [];
  const total = sources.length;
  for (const [i, source] of sources.entries()) {
    onStep({ kind: "file", done: i, total, file: source.name });
    let bytes: Uint8Array;
    try {
      bytes = await source.read();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      outcomes.push({
        kind: "bad",
        file: source.name,
        why: "unreadable",
        message: `Không đọc được tệp (${why}) — hãy chép tệp vào máy rồi chọn lại (unreadable file)`,
      });
      continue;
    }
    outcomes.push(await reportFile(source.name, bytes, opts));
  }
  onStep({ kind: "file", done: total, total, file: sources[total - 1]?.name ?? "" });
  onStep({ kind: "writing", total });
  const { rollup, bytes } = await writeRollup(outcomes, opts.rulesets, opts.only);
  return { rollup, bytes, outcomes };
}
