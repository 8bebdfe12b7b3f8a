import type { Inputs } from "../core/evaluate/inputs";
import { evaluate } from "../core/evaluate/evaluate";
import { STATUS_KEY } from "../core/layout/status";
import type { Mapping } from "../core/mapping/schema";
import { formatRange, type RangeAddress } from "../core/ref/a1";
import type { Ruleset } from "../core/ruleset/schema";
import type { RawCell } from "../core/text/cell";
import type { FigureContext, ListCount, SheetGrid, SheetsContext } from "../core/check/context";
import { runChecks, type CheckResult } from "../core/check/run";
import type { CheckRuleFile } from "../core/check/schema";
import { problem, type CheckProblem } from "../core/check/types";
import type { SheetInfo, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { indicatorsOf } from "../core/ruleset/walk";
import type { JobRequest } from "./catalog";
import { mappedCells } from "./mapped-cells";
import { openJob, readJobInputs, type JobInputs, type JobRefusal, type OpenedJob } from "./open-job";
import { fingerprintProblems } from "./fingerprint";
import { readVillages, villageFingerprintFigures } from "./villages";
import { evaluateVillages } from "../core/evaluate/units";
import { villageSlots, withoutVillageGroups } from "../core/mapping/villages";
import { adultAgeFromCell, withClerkAdultAge } from "./adult-age";
import { listsForCheck } from "./check-lists";
import type { ListsForEvaluation } from "./lists-build";

export type CheckRequest = JobRequest & {
  /** The data rules of a ruleset (rulesets/checks/<id>.json), already validated; undefined when it has none. */
  checkRules?: ((ruleset: Ruleset) => CheckRuleFile | undefined) | undefined;
  /** The lists evaluate just built on the same workbook with the same request (the roll-up): not built again. */
  listsBuilt?: ListsForEvaluation | undefined;
  /** Indicator code → how many entries its appendix list holds (from the lists module). */
  listCounts?: Readonly<Record<string, ListCount>> | undefined;
};

export type CheckReport = CheckResult & {
  ruleset?: string;
  asOf?: string;
  /** The sheets looked at, ours included: for the clerk's "what was checked". */
  sheets: string[];
};

/** A port whose reads of the sheets already read are served from memory: no round trip for the mapped cells. */
function cachedPort(port: WorkbookPort, grids: ReadonlyMap<string, SheetGrid>): WorkbookPort {
  const key = (s: string) => s.toLocaleLowerCase("vi");
  const slice = (grid: SheetGrid, r: RangeAddress): RawCell[][] =>
    Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
      Array.from({ length: r.right - r.left + 1 }, (_, j) => grid.rows[r.top - 1 + i]?.[r.left - 1 + j] ?? null),
    );
  return {
    snapshot: () => port.snapshot(),
    readSheet: async (name) => grids.get(key(name))?.rows ?? (await port.readSheet(name)),
    writeSheets: (sheets, text) => port.writeSheets(sheets, text),
    async readRanges(ranges) {
      const missing = ranges.filter((r) => !grids.has(key(r.sheet)));
      const fetched = missing.length > 0 ? await port.readRanges(missing) : [];
      let k = 0;
      return ranges.map((r) => {
        const grid = grids.get(key(r.sheet));
        return grid ? slice(grid, r) : (fetched[k++] ?? []);
      });
    },
  };
}

function withoutSlots(mapping: Mapping, broken: ReadonlySet<string>): Mapping {
  const indicators: Mapping["indicators"] = {};
  for (const [code, bySlot] of Object.entries(mapping.indicators)) {
    indicators[code] = Object.fromEntries(Object.entries(bySlot).filter(([slot]) => !broken.has(`${code} ${slot}`)));
  }
  return { ...mapping, indicators };
}

/**
 * The counts of the appendix lists attached to the workbook (our Phụ lục sheets), by the indicator each
 * backs: what the receiving level compares with the figures. Read from each sheet's "Tổng cộng: n" line.
 */
async function listCountsFromSheets(
  port: WorkbookPort,
  sheets: readonly SheetInfo[],
  ruleset: Ruleset,
): Promise<Record<string, ListCount>> {
  const out: Record<string, ListCount> = {};
  for (const { item } of indicatorsOf(ruleset)) {
    const sheet = item.list ? sheets.find((s) => s.owner === item.list) : undefined;
    if (!sheet) continue;
    const rows = await port.readSheet(sheet.name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const m = typeof cell === "string" ? /^Tổng cộng:\s*([\d.]+)/.exec(cell) : null;
        if (m)
          out[item.code] = {
            count: Number(m[1]!.replace(/\./g, "")),
            ref: formatRange({ sheet: sheet.name, top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 }),
            label: sheet.name,
          };
      }),
    );
  }
  return out;
}

/** What the check says when a job cannot be opened: the sheet checks still run. */
function refusalProblems(refusal: JobRefusal): [CheckProblem[], string?] {
  switch (refusal.reason) {
    case "damaged-mapping":
      return [refusal.problems.map((p) => problem("mapping-invalid", p.message))];
    case "invalid-mapping":
      return [refusal.problems.map((p) => problem("mapping-invalid", `${p.message} — hãy sửa ánh xạ.`, { ref: p.ref }))];
    case "no-mapping":
      return [
        [
          problem(
            "no-mapping",
            "Sổ tính chưa có ánh xạ chỉ tiêu nên chưa kiểm tra được số liệu (chỉ kiểm tra dữ liệu cá nhân, bảng mã và tỷ lệ ghi bằng chữ) — hãy chọn bộ tiêu chí và gán ô cho các số liệu cần nhập.",
          ),
        ],
      ];
    case "unknown-ruleset": {
      const message = `Không có bộ tiêu chí "${refusal.rulesetId}" — hãy chọn một bộ tiêu chí trong danh sách rồi sửa "ruleset" trong ánh xạ.`;
      return [[problem("unknown-ruleset", message, { ref: "ruleset" })], refusal.rulesetId];
    }
  }
}

/** One read per sheet the check looks at (the clerk's and our status sheet): every later read is served from these. */
async function readCheckedSheets(
  port: WorkbookPort,
  snap: WorkbookSnapshot,
): Promise<{ toRead: SheetInfo[]; grids: Map<string, SheetGrid>; sheets: SheetsContext }> {
  const toRead = snap.sheets.filter((s) => s.owner === undefined || s.owner === STATUS_KEY);
  const grids = new Map<string, SheetGrid>();
  for (const s of toRead)
    grids.set(s.name.toLocaleLowerCase("vi"), { name: s.name, visibility: s.visibility, rows: await port.readSheet(s.name) });
  const status = snap.sheets.find((s) => s.owner === STATUS_KEY);
  const sheets: SheetsContext = {
    sheets: toRead.filter((s) => s.owner === undefined).map((s) => grids.get(s.name.toLocaleLowerCase("vi"))!),
    status: status ? grids.get(status.name.toLocaleLowerCase("vi")) : undefined,
  };
  return { toRead, grids, sheets };
}

/**
 * Reads the mapped cells; a slot whose cell cannot be read becomes a problem (pushed on `early`) and the
 * cells are read again without it, so the rest of the check still runs.
 */
async function readSkippingBrokenSlots(
  port: WorkbookPort,
  opened: OpenedJob,
  req: CheckRequest,
  early: CheckProblem[],
): Promise<{ job: JobInputs; broken: Set<string> }> {
  const mapping = opened.mapping;
  const broken = new Set<string>();
  let job = await readJobInputs(port, opened, req);
  if (job.read.fatal.length > 0) {
    const pairs = Object.entries(mapping.indicators).flatMap(([code, bySlot]) =>
      Object.keys(bySlot).map((slot) => ({ code, slot, path: `indicators.${code}.${slot}` })),
    );
    for (const p of job.read.fatal) {
      const pair = pairs.find((x) => x.path === p.ref);
      if (pair) broken.add(`${pair.code} ${pair.slot}`);
      early.push(problem("mapping-invalid", `${p.message}.`, { ref: p.ref, code: pair?.code }));
    }
    job = await readJobInputs(port, opened, req, { mapping: withoutSlots(mapping, broken) });
  }
  return { job, broken };
}

/**
 * The pre-submission check on any workbook port: one snapshot, one read per sheet (the mapped cells
 * are served from those), then every check. What cannot be checked (no mapping, an unknown ruleset)
 * is itself a problem; the sheet checks (personal data, encodings, typed ratios) run regardless.
 */
export async function checkWorkbook(port: WorkbookPort, req: CheckRequest): Promise<CheckReport> {
  const snap = await port.snapshot();
  const { toRead, grids, sheets } = await readCheckedSheets(port, snap);
  const report = (result: CheckResult, extra: { ruleset?: string; asOf?: string | undefined } = {}): CheckReport => ({
    ...result,
    ...(extra.ruleset !== undefined ? { ruleset: extra.ruleset } : {}),
    ...(extra.asOf !== undefined ? { asOf: extra.asOf } : {}),
    sheets: toRead.map((s) => s.name),
  });
  const sheetsOnly = (p: CheckProblem[], ruleset?: string) =>
    report(runChecks(sheets, undefined, p), ruleset === undefined ? {} : { ruleset });

  const opened = await openJob(port, req, { snapshot: snap });
  if (!opened.ok) return sheetsOnly(...refusalProblems(opened.refusal));
  const { ruleset } = opened;
  let mapping = opened.mapping;
  const early: CheckProblem[] = opened.mappingProblems.map((p) =>
    problem("mapping-invalid", `${p.message} — hãy sửa ánh xạ.`, { ref: p.ref }),
  );

  const cached = cachedPort(port, grids);
  const { job, broken } = await readSkippingBrokenSlots(cached, opened, req, early);
  const read = job.read;
  // The template's "Ngày báo cáo" and "Độ tuổi trưởng thành" cells, as evaluate reads them (--as-of still overrides).
  const aged = adultAgeFromCell(job.mapping, read.adultAgeCell);
  mapping = { ...aged.mapping, indicators: mapping.indicators };
  early.push(...[...job.problems, ...aged.problems].map((p) => problem("invalid-input", p.message, { ref: p.ref })));
  // Judged per village (thôn thông minh): the villages' figures are checked as evaluate reads them, the commune cells of those groups are not asked for.
  const villages = await readVillages(cached, snap.names, ruleset, mapping);
  early.push(...villages.fatal.map((p) => problem("mapping-invalid", `${p.message}.`, { ref: p.ref })));
  if (villages.villages.length > 0) {
    const judged = evaluateVillages(ruleset, {}, villages.villages, { asOf: mapping.asOf, suspended: mapping.suspended });
    // Their indicators are judged village by village: not asked for on the commune sheet (as a suspended one is not).
    const perVillage = Object.fromEntries(
      [...villageSlots(ruleset).keys()].map((code) => [code, "đánh giá theo từng thôn (trang Số liệu theo thôn)"]),
    );
    mapping = { ...withoutVillageGroups(ruleset, mapping), suspended: { ...perVillage, ...mapping.suspended } };
    early.push(
      ...[...villages.problems, ...(judged?.evaluation.problems ?? [])].map((p) => problem("invalid-input", p.message, { ref: p.ref })),
    );
  }
  const lists = await listsForCheck(cached, {
    ruleset: withClerkAdultAge(ruleset, mapping),
    mapping,
    sheets: snap.sheets,
    inputs: read.inputs,
    source: opened.mapped ? opened.source : undefined,
    sheetCounts: req.listCounts ?? (await listCountsFromSheets(port, snap.sheets, ruleset)),
    built: req.listsBuilt,
  });
  early.push(...lists.problems);
  const inputs: Inputs = lists.inputs;
  const evaluation = evaluate(ruleset, inputs, { asOf: mapping.asOf, suspended: mapping.suspended });
  const villageFigures = villages.villages.length > 0 ? villageFingerprintFigures(villages.villages) : { raw: {}, cells: {} };
  early.push(
    ...(await fingerprintProblems(
      port,
      snap,
      {
        ruleset,
        mapping,
        raw: { ...read.raw, ...villageFigures.raw },
        cells: { ...mappedCells(snap.names, mapping), ...villageFigures.cells },
      },
      sheets.status?.rows,
    )),
  );
  const figures: FigureContext = {
    ruleset,
    mapping,
    inputs,
    raw: read.raw,
    cells: mappedCells(snap.names, mapping),
    evaluation,
    brokenSlots: broken,
    rules: req.checkRules?.(ruleset),
    listCounts: lists.listCounts,
  };
  return report(runChecks(sheets, figures, early), { ruleset: ruleset.id, asOf: evaluation.asOf });
}
