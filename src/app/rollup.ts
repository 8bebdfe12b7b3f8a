/*
 * The receiving level's roll-up on workbook bytes: each file through the same path as `evaluate`
 * and `check` (stored mapping, lists where the programme has them), kept as a small report — the
 * workbook itself is dropped. The roll-up workbook is made in rollup-workbook.ts: the worker threads
 * import this file only, and so never load ExcelJS.
 */
import type { BadFile, CommuneReport, FileOutcome, IndicatorEntry, StatusState } from "../core/rollup/types";
import { villageIndicatorEntries } from "../core/rollup/villages";
import type { CheckRuleFile } from "../core/check/schema";
import { STATUS_KEY } from "../core/layout/status";
import { parseMappingText } from "../core/mapping/schema";
import type { Ruleset } from "../core/ruleset/schema";
import { findIndicator } from "../core/ruleset/walk";
import { WorkbookError, type WorkbookPort } from "../workbook/port";
import { XlsxWorkbook } from "../workbook/xlsx/adapter";
import { checkWorkbook } from "./check";
import { evaluateWorkbook, type RulesetCatalog } from "./evaluate-workbook";
import { kindOf } from "../core/kinds/registry";

export type RollupOptions = {
  rulesets: RulesetCatalog;
  /** The date every commune is evaluated on; else each one's own report date. */
  asOf?: string | undefined;
  checkRules?: ((ruleset: Ruleset) => CheckRuleFile | undefined) | undefined;
};

/** Check ids that say the commune's status sheet no longer matches its figures, by the state they mean. */
const STATUS_CHECKS: Readonly<Record<string, StatusState>> = {
  "stale-status": "stale",
  "status-changed": "stale",
  "typed-over-verdict": "typed-over",
};

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.xlsx$/i, "");
}

/** A count ratio's figures are what the province sums; other kinds keep their verdict only. */
function countRatio(ruleset: Ruleset, code: string): boolean {
  const ind = findIndicator(ruleset, code);
  return ind !== undefined && kindOf(ind).countRatio(ind);
}

const bad = (file: string, why: BadFile["why"], message: string): BadFile => ({ kind: "bad", file, why, message });

/**
 * A read-only view of a port whose snapshot and whole-sheet reads are made once: evaluate (its lists
 * read the rosters) and the check (it reads every sheet) then share them. The roll-up writes nothing.
 */
function readOnce(port: WorkbookPort): WorkbookPort {
  let snap: ReturnType<WorkbookPort["snapshot"]> | undefined;
  const sheets = new Map<string, ReturnType<WorkbookPort["readSheet"]>>();
  const view: WorkbookPort = {
    snapshot: () => (snap ??= port.snapshot()),
    readRanges: (ranges) => port.readRanges(ranges),
    readSheet: (name) => {
      const key = name.toLocaleLowerCase("vi");
      let rows = sheets.get(key);
      if (!rows) sheets.set(key, (rows = port.readSheet(name)));
      return rows;
    },
    writeSheets: () => Promise.reject(new WorkbookError("Tổng hợp không ghi vào sổ tính của xã", "read-only")),
  };
  if (port.formulaCells) view.formulaCells = (name) => port.formulaCells!(name);
  return view;
}

/** One workbook's report on an open port; what cannot be evaluated becomes a bad-file row. */
export async function reportPort(file: string, opened: WorkbookPort, opts: RollupOptions): Promise<FileOutcome> {
  const port = readOnce(opened);
  const snap = await port.snapshot();
  const stored = snap.mappingText === undefined ? undefined : parseMappingText("ánh xạ lưu trong sổ tính", snap.mappingText);
  if (stored === undefined) {
    return bad(
      file,
      "unmapped",
      "Sổ tính chưa có ánh xạ chỉ tiêu — xã cần gán ánh xạ (nút Đánh giá trong Excel, hoặc chitieu evaluate … --out) rồi gửi lại.",
    );
  }
  const evaluated = await evaluateWorkbook(port, { rulesets: opts.rulesets, asOf: opts.asOf, lists: true });
  if (!evaluated.ok) return bad(file, "unmapped", `Không đánh giá được: ${evaluated.problems.map((p) => p.message).join("; ")}`);
  const { ruleset, mapping, evaluation } = evaluated;
  const check = await checkWorkbook(port, {
    rulesets: opts.rulesets,
    asOf: opts.asOf,
    checkRules: opts.checkRules,
    listsBuilt: evaluated.listsBuilt,
  });
  const indicators: IndicatorEntry[] = evaluation.indicators.map((r) => {
    const e: IndicatorEntry = { code: r.code, verdict: r.verdict };
    if (r.display !== undefined) e.display = r.display;
    if (r.numerator !== undefined && r.denominator !== undefined && countRatio(ruleset, r.code)) {
      e.numerator = r.numerator;
      e.denominator = r.denominator;
    }
    return e;
  });
  // Judged per village, the ruleset's own indicators have no commune figure: how many villages meet each.
  indicators.push(...villageIndicatorEntries(ruleset, evaluation));
  const hasStatus = snap.sheets.some((s) => s.owner === STATUS_KEY);
  const statusProblem =
    check.problems.find((p) => STATUS_CHECKS[p.checkId] === "typed-over") ??
    check.problems.find((p) => STATUS_CHECKS[p.checkId] !== undefined);
  const state: StatusState = !hasStatus ? "none" : statusProblem ? STATUS_CHECKS[statusProblem.checkId]! : "current";
  const reportDate = stored.ok ? stored.mapping.asOf : undefined;
  const o = evaluation.overall;
  const report: CommuneReport = {
    kind: "commune",
    file,
    commune: mapping.commune?.trim() || baseName(file),
    ruleset: ruleset.id,
    overall: { verdict: o.verdict, text: o.text, passed: o.passed, counted: o.counted },
    indicators,
    check: {
      loi: check.counts.loi,
      canhBao: check.counts.canhBao,
      errors: check.problems
        .filter((p) => p.severity === "loi")
        .map((p) => ({
          message: p.message,
          ...(p.ref !== undefined ? { ref: p.ref } : {}),
          ...(p.code !== undefined ? { code: p.code } : {}),
        })),
    },
    status: statusProblem ? { state, detail: statusProblem.message } : { state },
  };
  if (reportDate !== undefined) report.reportDate = reportDate;
  if (evaluation.asOf !== undefined) report.asOf = evaluation.asOf;
  return report;
}

/** One file's report from its bytes. Never throws: whatever stops it is the reason on its row. */
export async function reportFile(file: string, bytes: Uint8Array, opts: RollupOptions): Promise<FileOutcome> {
  try {
    // The reader says what a file is when it is no .xlsx (file-kind.ts): .xls, password, cut zip, HTML…
    return await reportPort(file, await XlsxWorkbook.open(bytes), opts);
  } catch (e) {
    if (e instanceof WorkbookError) {
      const why: BadFile["why"] =
        e.code === "protected"
          ? "protected"
          : e.code === "not-xlsx"
            ? "not-xlsx"
            : e.code === "not-found"
              ? "not-found"
              : e.code === "corrupt"
                ? "corrupt"
                : "unreadable";
      return bad(file, why, e.message);
    }
    // A damaged zip entry or sheet surfaces from the libraries as a plain Error: still a row, never a stop.
    return bad(
      file,
      "corrupt",
      `Tệp .xlsx bị hỏng, không đọc được (${e instanceof Error ? e.message : String(e)}) — hãy mở trong Excel, lưu lại rồi gửi lại`,
    );
  }
}
