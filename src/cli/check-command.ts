import { existsSync, readFileSync } from "fs";
import { checkOutputPaths } from "../node/outputs";
import { join } from "path";
import { parseArgs } from "util";
import type { CheckReport } from "../app/check";
import type { CheckRuleFile } from "../core/check/schema";
import type { CheckProblem } from "../core/check/types";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import { readWorkbookFile, writeFileAtomic } from "../node/files";
import { loadRulesetDir, RULESETS_DIR } from "../node/rulesets";
import { WorkbookError } from "../workbook/port";
import type { Io } from "./io";
import { withCliHint } from "./hints";

/** 0: nothing is lỗi (cảnh báo may remain); 1: wrong usage; 2: the file (or --mapping) cannot be read; 3: something is lỗi. */
export const CHECK_EXIT = { ok: 0, usage: 1, unreadable: 2, problems: 3 } as const;

export const CHECK_HELP = `  chitieu check FILE.xlsx [--mapping MAP.json] [--ruleset ID] [--as-of YYYY-MM-DD] [--json REPORT.json]
    kiểm tra trước khi gửi: mọi lỗi cấp trên sẽ trả lại (thiếu số liệu, tử số lớn hơn mẫu số, cùng
    một dân số ghi khác nhau, tổng hợp gõ tay không khớp, trang trạng thái cũ, số CCCD / số tài khoản,
    chữ TCVN3 / VNI…)
    Mã thoát: 0 không có lỗi (có thể còn cảnh báo); 3 có lỗi; 2 không đọc được tệp; 1 sai cú pháp lệnh.`;

/** The data rules beside the rulesets: rulesets/checks/<ruleset-id>.json. */
export const CHECKS_DIR = join(RULESETS_DIR, "checks");

/** A ruleset's rule file, validated against it; none when the file does not exist. */
export function loadCheckRuleFile(ruleset: Ruleset, dir: string = CHECKS_DIR): { rules?: CheckRuleFile; problems: ConfigProblem[] } {
  const path = join(dir, `${ruleset.id}.json`);
  if (!existsSync(path)) return { problems: [] };
  // Loaded when a rule file is read: building its zod schemas was 2 ms of every command's start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; esbuild bundles it as a module initialised on first call
  const { parseCheckRulesText } = require("../core/check/schema") as typeof import("../core/check/schema");
  const parsed = parseCheckRulesText(`rulesets/checks/${ruleset.id}.json`, readFileSync(path, "utf8"), ruleset);
  return parsed.ok ? { rules: parsed.rules, problems: [] } : { problems: parsed.problems };
}

export type CheckDeps = {
  loadRulesets: () => { rulesets: ReadonlyMap<string, Ruleset>; problems: ConfigProblem[] };
  loadCheckRules: (ruleset: Ruleset) => { rules?: CheckRuleFile; problems: ConfigProblem[] };
  readFile: (path: string) => Uint8Array;
  writeFile: (path: string, text: string) => void;
};

export const defaultCheckDeps: CheckDeps = {
  loadRulesets: () => loadRulesetDir(),
  loadCheckRules: (ruleset) => loadCheckRuleFile(ruleset),
  readFile: readWorkbookFile,
  writeFile: (path, text) => writeFileAtomic(path, text),
};

/** The --json report. */
export type CheckJson = {
  file: string;
  ruleset: string | null;
  asOf: string | null;
  sheets: string[];
  counts: { loi: number; canhBao: number };
  problems: CheckProblem[];
};

export function checkJson(file: string, report: CheckReport): CheckJson {
  return {
    file,
    ruleset: report.ruleset ?? null,
    asOf: report.asOf ?? null,
    sheets: report.sheets,
    counts: report.counts,
    problems: report.problems,
  };
}

/** The report a clerk reads in a terminal: lỗi, then cảnh báo, each with where, then the outcome. */
export function checkText(file: string, report: CheckReport): string {
  const lines = [
    `Kiểm tra trước khi gửi: ${file}${report.ruleset ? ` — bộ tiêu chí ${report.ruleset}` : ""}${report.asOf ? `, ngày báo cáo ${report.asOf}` : ""}`,
  ];
  const section = (title: string, list: CheckProblem[]) => {
    if (list.length === 0) return;
    lines.push("", `${title} (${list.length}):`);
    list.forEach((p, i) => lines.push(`  ${i + 1}. ${p.ref !== undefined ? `[${p.ref}] ` : ""}${withCliHint(p.message)}`));
  };
  section(
    "Lỗi",
    report.problems.filter((p) => p.severity === "loi"),
  );
  section(
    "Cảnh báo",
    report.problems.filter((p) => p.severity !== "loi"),
  );
  const { loi, canhBao } = report.counts;
  lines.push(
    "",
    loi > 0
      ? `Kết quả: ${loi} lỗi, ${canhBao} cảnh báo — cần sửa các lỗi trước khi gửi.`
      : `Kết quả: không có lỗi${canhBao > 0 ? `, ${canhBao} cảnh báo nên xem` : ""} — có thể gửi.`,
  );
  return lines.join("\n");
}

/** `chitieu check FILE.xlsx [--mapping M.json] [--json R.json]`; returns the exit code. */
export async function checkCommand(args: string[], io: Io, deps: CheckDeps = defaultCheckDeps): Promise<number> {
  let values: { mapping?: string | undefined; json?: string | undefined; ruleset?: string | undefined; "as-of"?: string | undefined };
  let file: string | undefined;
  try {
    const parsed = parseArgs({
      args,
      options: { mapping: { type: "string" }, json: { type: "string" }, ruleset: { type: "string" }, "as-of": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values;
    if (parsed.positionals.length > 1) throw new Error(`thừa tham số: ${parsed.positionals.slice(1).join(" ")}`);
    file = parsed.positionals[0];
    if (!file) throw new Error("cần tên tệp .xlsx");
  } catch (e) {
    io.err(`Lỗi cú pháp: ${e instanceof Error ? e.message : String(e)}\n\n${CHECK_HELP}`);
    return CHECK_EXIT.usage;
  }
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    io.err(`Lỗi cú pháp: --as-of "${asOf}" phải dạng YYYY-MM-DD, ví dụ 2024-06-30 (bad date)\n\n${CHECK_HELP}`);
    return CHECK_EXIT.usage;
  }
  try {
    if (values.json !== undefined) checkOutputPaths([{ flag: "--json", path: values.json }]);
    let mapping: { text: string; source: string } | undefined;
    if (values.mapping !== undefined) {
      try {
        mapping = { text: new TextDecoder().decode(deps.readFile(values.mapping)), source: values.mapping };
      } catch (e) {
        io.err(`Lỗi: ${e instanceof Error ? e.message.replace("tệp .xlsx", "tệp") : String(e)}`);
        return CHECK_EXIT.unreadable;
      }
    }
    const { rulesets, problems } = deps.loadRulesets();
    for (const p of problems) io.err(`Cảnh báo: bộ tiêu chí không hợp lệ, bỏ qua — ${p.message}`);
    // Loaded here, not at the top: main.ts imports this file for CHECK_HELP on every start.
    const [{ XlsxWorkbook }, { checkWorkbook }] = await Promise.all([import("../workbook/xlsx/adapter"), import("../app/check")]);
    const port = await XlsxWorkbook.open(deps.readFile(file));
    const report = await checkWorkbook(port, {
      rulesets,
      rulesetId: values.ruleset,
      mapping,
      asOf,
      checkRules: (ruleset) => {
        const loaded = deps.loadCheckRules(ruleset);
        // A broken rule file is the product's fault, not the clerk's: say so, and check without it.
        for (const p of loaded.problems) io.err(`Cảnh báo: tệp quy tắc kiểm tra không hợp lệ, bỏ qua — ${p.message}`);
        return loaded.rules;
      },
    });
    io.out(checkText(file, report));
    if (values.json !== undefined) {
      deps.writeFile(values.json, `${JSON.stringify(checkJson(file, report), null, 2)}\n`);
      io.out(`Đã ghi báo cáo JSON ${values.json}`);
    }
    return report.counts.loi > 0 ? CHECK_EXIT.problems : CHECK_EXIT.ok;
  } catch (e) {
    if (e instanceof WorkbookError) {
      io.err(`Lỗi: ${e.message}`);
      return CHECK_EXIT.unreadable;
    }
    io.err(
      `Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)} — hãy gửi tệp và lệnh đã chạy cho người bảo trì (unexpected error)`,
    );
    return CHECK_EXIT.unreadable;
  }
}
