import { existsSync } from "fs";
import { parseArgs } from "util";
import { rollupJson, rollupText } from "../app/rollup-report";
import type { RollupOptions } from "../app/rollup";
import type { FileOutcome } from "../core/rollup/types";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import { readWorkbookFile, writeFileAtomic } from "../node/files";
import { collectWorkbookFiles } from "../node/workbook-files";
import { WorkbookError } from "../workbook/port";
import { loadCheckRuleFile } from "./check-command";
import type { Io } from "./io";
import { progressLine } from "./progress";
import { availableParallelism } from "os";

/** 0: the roll-up was written, whatever it found; 1: wrong usage; 2: nothing could be written. */
export const ROLLUP_EXIT = { ok: 0, usage: 1, nothing: 2 } as const;

export const ROLLUP_HELP = `  chitieu rollup TỆP.xlsx|THƯ-MỤC… --out tong-hop.xlsx [--ruleset ID] [--as-of YYYY-MM-DD]
                 [--json R.json] [--jobs N] [--quiet]
    tổng hợp sổ tính của nhiều xã: Tổng hợp theo xã, Theo chỉ tiêu, Cần gửi lại; tệp hỏng, có mật
    khẩu, chưa ánh xạ hoặc bản cũ của cùng một xã thành dòng ghi lý do
    Mã thoát: 0 đã ghi bảng tổng hợp; 2 không ghi được (không có tệp nào, bộ tiêu chí không có);
    1 sai cú pháp lệnh.`;

export type RollupDeps = {
  loadRulesets: () => { rulesets: ReadonlyMap<string, Ruleset>; problems: ConfigProblem[] };
  readFile: (path: string) => Uint8Array;
  writeFile: (path: string, data: Uint8Array | string) => void;
  /** Where the progress bar goes; undefined: none (not a terminal). */
  progress?: ((line: string) => void) | undefined;
  now?: () => number;
};

export type RollupArgs = {
  files: string[];
  out: string;
  ruleset?: string | undefined;
  asOf?: string | undefined;
  json?: string | undefined;
  quiet: boolean;
  jobs: number;
};

export function parseRollupArgs(args: string[]): RollupArgs {
  const parsed = parseArgs({
    args,
    options: {
      out: { type: "string" },
      ruleset: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "string" },
      quiet: { type: "boolean" },
      jobs: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const v = parsed.values;
  if (parsed.positionals.length === 0) throw new Error("cần ít nhất một tệp .xlsx hoặc thư mục");
  if (!v.out) throw new Error("cần --out tong-hop.xlsx");
  if (v["as-of"] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v["as-of"]))
    throw new Error(`--as-of "${v["as-of"]}" phải dạng YYYY-MM-DD, ví dụ 2025-06-30`);
  // One thread per core by default; 1 reads in this thread (no worker at all).
  const jobs = v.jobs === undefined ? Math.max(1, availableParallelism()) : Number(v.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new Error(`--jobs "${v.jobs}" phải là số nguyên từ 1 đến 64`);
  return { files: parsed.positionals, out: v.out, ruleset: v.ruleset, asOf: v["as-of"], json: v.json, quiet: v.quiet === true, jobs };
}

export const defaultRollupDeps = (): Omit<RollupDeps, "loadRulesets"> => ({
  readFile: readWorkbookFile,
  writeFile: writeFileAtomic,
  progress: process.stderr.isTTY ? (line) => process.stderr.write(line) : undefined,
});

/** Reads the files one after another; each workbook is dropped once its report is made. */
export async function reportFiles(
  files: readonly string[],
  opts: RollupOptions,
  readFile: (p: string) => Uint8Array,
  onDone: (done: number, file: string) => void,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFile(file);
    } catch (e) {
      out.push({
        kind: "bad",
        file,
        why: e instanceof WorkbookError && e.code === "not-found" ? "not-found" : "unreadable",
        message: e instanceof Error ? e.message : String(e),
      });
      onDone(out.length, file);
      continue;
    }
    // Loaded on first use, like every command's heavy modules: main.ts imports this file on every start.
    const { reportFile } = await import("../app/rollup");
    out.push(await reportFile(file, bytes, opts));
    onDone(out.length, file);
  }
  return out;
}

/**
 * The roll-up replaces its output whole, so an existing --out must be a roll-up we wrote: every sheet
 * ours. A commune's workbook named there by mistake is refused, never overwritten.
 */
async function refuseForeignOutput(out: string, readFile: (p: string) => Uint8Array): Promise<string | undefined> {
  if (!existsSync(out)) return undefined;
  const foreign = `Lỗi: "${out}" đã có và không phải bảng tổng hợp do Chỉ tiêu xã tạo — hãy chọn tên tệp khác cho --out để không ghi đè sổ tính này (output exists and is not a roll-up)`;
  try {
    const { XlsxWorkbook } = await import("../workbook/xlsx/adapter");
    const snap = await (await XlsxWorkbook.open(readFile(out))).snapshot();
    return snap.sheets.length > 0 && snap.sheets.every((s) => s.owner?.startsWith("rollup-")) ? undefined : foreign;
  } catch {
    return foreign;
  }
}

/** `chitieu rollup FILES|FOLDERS… --out OUT.xlsx`; returns the exit code. */
export async function rollupCommand(args: string[], io: Io, deps: RollupDeps): Promise<number> {
  let a: RollupArgs;
  try {
    a = parseRollupArgs(args);
  } catch (e) {
    io.err(`Lỗi cú pháp: ${e instanceof Error ? e.message : String(e)}\n\n${ROLLUP_HELP}`);
    return ROLLUP_EXIT.usage;
  }
  const { rulesets, problems } = deps.loadRulesets();
  for (const p of problems) io.err(`Cảnh báo: bộ tiêu chí không hợp lệ, bỏ qua — ${p.message}`);
  if (a.ruleset !== undefined && !rulesets.has(a.ruleset)) {
    io.err(`Lỗi: Không có bộ tiêu chí "${a.ruleset}" — xem danh sách bằng \`chitieu rulesets\` (unknown ruleset)`);
    return ROLLUP_EXIT.nothing;
  }
  const refusal = await refuseForeignOutput(a.out, deps.readFile);
  if (refusal) {
    io.err(refusal);
    return ROLLUP_EXIT.nothing;
  }
  const files = collectWorkbookFiles(a.files, [a.out, ...(a.json ? [a.json] : [])]);
  if (files.length === 0) {
    io.err(
      `Lỗi: Không có tệp .xlsx nào trong ${a.files.join(", ")} — hãy chỉ tệp hoặc thư mục chứa sổ tính của các xã (no workbook found)`,
    );
    return ROLLUP_EXIT.nothing;
  }
  const ruleFiles = new Map<string, ReturnType<typeof loadCheckRuleFile>>();
  const opts: RollupOptions = {
    rulesets,
    asOf: a.asOf,
    checkRules: (ruleset) => {
      let loaded = ruleFiles.get(ruleset.id);
      if (!loaded) {
        loaded = loadCheckRuleFile(ruleset);
        ruleFiles.set(ruleset.id, loaded);
        for (const p of loaded.problems) io.err(`Cảnh báo: tệp quy tắc kiểm tra không hợp lệ, bỏ qua — ${p.message}`);
      }
      return loaded.rules;
    },
  };
  const now = deps.now ?? Date.now;
  const started = now();
  const show = a.quiet ? undefined : deps.progress;
  const progress = (done: number, file: string) => show?.(progressLine(done, files.length, now() - started, file));
  const threads = Math.min(a.jobs, files.length);
  if (threads > 1) for (const r of rulesets.values()) opts.checkRules?.(r); // its warnings, once, here
  const outcomes =
    threads > 1
      ? // Loaded here: worker_threads at every start cost each command a few milliseconds.
        await (await import("../node/rollup-pool")).reportFilesInThreads(files, { jobs: threads, asOf: a.asOf }, progress)
      : await reportFiles(files, opts, deps.readFile, progress);
  show?.("\n");
  const { writeRollup } = await import("../app/rollup-workbook");
  const { rollup, bytes } = await writeRollup(outcomes, rulesets, a.ruleset);
  try {
    deps.writeFile(a.out, bytes);
    if (a.json) deps.writeFile(a.json, `${JSON.stringify(rollupJson(rollup), null, 2)}\n`);
  } catch (e) {
    io.err(
      `Lỗi: không ghi được ${a.out}: ${e instanceof Error ? e.message : String(e)} — hãy đóng tệp nếu đang mở trong Excel, hoặc chọn thư mục khác (cannot write)`,
    );
    return ROLLUP_EXIT.nothing;
  }
  io.out(rollupText(rollup));
  io.out(`\nĐã ghi ${a.out} (${files.length} tệp)${a.json ? ` và báo cáo JSON ${a.json}` : ""}`);
  return ROLLUP_EXIT.ok;
}
