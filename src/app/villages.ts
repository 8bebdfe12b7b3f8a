import type { Finding } from "../core/evaluate/result";
import type { Village } from "../core/evaluate/units";
import { villageGroups } from "../core/evaluate/units";
import type { Mapping } from "../core/mapping/schema";
import type { ConfigProblem } from "../core/ruleset/problems";
import type { Ruleset } from "../core/ruleset/schema";
import type { RawCell } from "../core/text/cell";
import { isBlankText } from "../core/text/vocabulary";
import type { DefinedName, WorkbookPort } from "../workbook/port";
import { formatRange, parseRangeRef, type RangeAddress } from "../core/ref/a1";
import { readInputs } from "./read-inputs";
import { chooseSheetName, type SheetLayout } from "../core/layout/sheet";
import { villageSheetKey, villageSheetName, VILLAGES_KEY, VILLAGES_SHEET_NAME } from "../core/layout/villages";

/** The villages of the mapping as read: each with its inputs, and the refs and values the sheets need. */
export type ReadVillages = {
  villages: Array<Village & { refs: Record<string, Record<string, string>>; raw: Record<string, Record<string, RawCell>> }>;
  problems: Finding[];
  /** References the workbook does not have: the mapping must be fixed first. */
  fatal: ConfigProblem[];
};

const nameText = (raw: RawCell): string =>
  raw === null || raw === undefined
    ? ""
    : typeof raw === "string"
      ? raw.trim()
      : raw instanceof Date || typeof raw === "object"
        ? ""
        : String(raw);

/**
 * The port with its readRanges calls made in the same turn joined into one request: readInputs for
 * each village, started together, then costs one round trip, not one per village.
 */
function batchReads(port: WorkbookPort): WorkbookPort {
  let pending: Array<{ ranges: readonly RangeAddress[]; resolve: (v: RawCell[][][]) => void; reject: (e: unknown) => void }> = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    port.readRanges(batch.flatMap((b) => b.ranges)).then(
      (values) => {
        let at = 0;
        for (const b of batch) {
          b.resolve(values.slice(at, at + b.ranges.length));
          at += b.ranges.length;
        }
      },
      (e: unknown) => batch.forEach((b) => b.reject(e)),
    );
  };
  return {
    snapshot: () => port.snapshot(),
    readSheet: (sheet) => port.readSheet(sheet),
    writeSheets: (sheets, mappingText) => port.writeSheets(sheets, mappingText),
    readRanges: (ranges) =>
      new Promise((resolve, reject) => {
        if (pending.length === 0) queueMicrotask(flush);
        pending.push({ ranges, resolve, reject });
      }),
  };
}

/**
 * Reads every village of mapping.villages (one request each: its name cell and its inputs). A column
 * with neither a name nor a figure is an unused template column and is left out; figures without a
 * name are kept (nothing typed is dropped) under the name cell's address, with a problem asking for it.
 */
export async function readVillages(
  port: WorkbookPort,
  names: readonly DefinedName[],
  ruleset: Ruleset,
  mapping: Mapping,
): Promise<ReadVillages> {
  const out: ReadVillages = { villages: [], problems: [], fatal: [] };
  if (!mapping.villages?.length || villageGroups(ruleset).length === 0) return out;
  const seen = new Map<string, number>();
  // The name cell is read as readInputs reads the report date cell; every village's cells in one request (one sync in Excel).
  const batched = batchReads(port);
  const reads = await Promise.all(
    mapping.villages.map((v) =>
      readInputs(batched, names, ruleset, {
        ruleset: mapping.ruleset,
        indicators: v.indicators,
        ...(v.nameRef !== undefined ? { asOfRef: v.nameRef } : {}),
      }),
    ),
  );
  for (const [i, v] of mapping.villages.entries()) {
    const read = reads[i]!;
    if (read.fatal.length > 0) {
      out.fatal.push(...read.fatal.map((p) => ({ ...p, message: `ánh xạ villages[${i}]: ${p.message}` })));
      continue;
    }
    const typed = nameText(read.asOfCell?.raw ?? null);
    const any = Object.values(read.inputs).some((slots) => Object.values(slots).some((x) => x.kind !== "missing"));
    let name = v.name ?? typed;
    if (name === "" || isBlankText(name)) {
      if (!any) continue;
      const where = read.asOfCell?.source ?? v.nameRef ?? `villages[${i}]`;
      name = `Thôn chưa có tên (${where})`;
      out.problems.push({
        severity: "loi",
        ref: where,
        message: `Cột thôn có số liệu nhưng chưa có tên thôn — hãy gõ tên thôn vào ô ${where}`,
      });
    }
    const prior = seen.get(name.toLocaleLowerCase("vi"));
    if (prior !== undefined)
      out.problems.push({
        severity: "canh-bao",
        message: `Tên thôn "${name}" ghi hai lần (cột thứ ${prior + 1} và ${i + 1}) — mỗi thôn một cột`,
      });
    seen.set(name.toLocaleLowerCase("vi"), i);
    const nameSource = read.asOfCell?.source;
    out.villages.push({ name, ...(nameSource !== undefined ? { nameSource } : {}), inputs: read.inputs, refs: read.refs, raw: read.raw });
  }
  return out;
}

/** Names for "Theo thôn" and each village's detail sheet: ours kept across runs, a clerk's sheet never taken, no two alike. */
export function villageSheetNames(
  sheets: ReadonlyArray<{ name: string; owner?: string | undefined }>,
  villages: readonly { name: string }[],
): { summary: string; villages: string[] } {
  const taken = [...sheets];
  const pick = (wanted: string, key: string) => {
    const { name } = chooseSheetName(wanted, key, taken);
    taken.push({ name, owner: key });
    return name;
  };
  const summary = pick(VILLAGES_SHEET_NAME, VILLAGES_KEY);
  return { summary, villages: villages.map((v, i) => pick(villageSheetName(v.name), villageSheetKey(i))) };
}

/**
 * Our village sheets left from an earlier run with more villages (or with villages, now none): we
 * cannot delete a sheet, so each is overwritten with a note saying it is no longer used.
 */
export function staleVillageSheets(sheets: ReadonlyArray<{ name: string; owner?: string | undefined }>, villages: number): SheetLayout[] {
  return sheets
    .filter(
      (s) =>
        (s.owner === VILLAGES_KEY && villages === 0) ||
        (s.owner?.startsWith("village:") === true && Number(s.owner.slice("village:".length)) > villages),
    )
    .map((s) => ({
      key: s.owner!,
      name: s.name,
      rows: [
        [
          {
            value:
              "Trang này không còn được dùng: thôn của nó không còn trong trang Số liệu theo thôn (hoặc không còn thôn nào được ghi tên). Có thể xóa trang này.",
            style: "note" as const,
          },
        ],
      ],
      columns: [120],
      merges: [],
      visibility: "visible" as const,
    }));
}

/**
 * The villages' figures for the fingerprint, keyed "code, village" → slot so one code read in several
 * villages stays apart: `evaluate` stores them, the check compares them, so a village figure changed
 * after the status sheet was written is said like any other.
 */
export function villageFingerprintFigures(villages: ReadVillages["villages"]): {
  raw: Record<string, Record<string, RawCell>>;
  cells: Record<string, Record<string, { ref: string }>>;
} {
  const raw: Record<string, Record<string, RawCell>> = {};
  const cells: Record<string, Record<string, { ref: string }>> = {};
  for (const v of villages) {
    for (const [code, bySlot] of Object.entries(v.raw)) {
      for (const [slot, value] of Object.entries(bySlot)) {
        const ref = v.refs[code]?.[slot];
        const range = ref === undefined ? undefined : parseRangeRef(ref);
        if (ref === undefined) continue;
        const key = `${code}, ${v.name}`;
        (raw[key] ??= {})[slot] = value;
        (cells[key] ??= {})[slot] = { ref: range ? formatRange(range) : ref };
      }
    }
  }
  return { raw, cells };
}
