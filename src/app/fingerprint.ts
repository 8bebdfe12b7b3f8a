/*
 * The fingerprint on a workbook port: written beside the status sheet, read back by the check, which
 * says what changed since (a figure, the mapping, the ruleset, the date) and which of our verdict
 * formulas now hold a typed value.
 */
import {
  compareFingerprints,
  FINGERPRINT_KEY,
  FINGERPRINT_SHEET,
  makeFingerprint,
  parseFingerprint,
  showValue,
  type Fingerprint,
} from "../core/fingerprint/fingerprint";
import { hiddenTextSheet, mappingTextFromColumn } from "../core/layout/mapping-sheet";
import type { SheetLayout } from "../core/layout/sheet";
import type { Mapping } from "../core/mapping/schema";
import type { Ruleset } from "../core/ruleset/schema";
import type { RawCell } from "../core/text/cell";
import { problem, type CheckProblem } from "../core/check/types";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";

type Figures = {
  ruleset: Ruleset;
  mapping: Mapping;
  /** Code → slot → where it is read (mappedCells of the check). */
  cells: Readonly<Record<string, Readonly<Record<string, { ref: string }>>>>;
  /** Code → slot → value read from its cell. */
  raw: Readonly<Record<string, Readonly<Record<string, RawCell>>>>;
};

function cellsOf(cells: Figures["cells"]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [code, bySlot] of Object.entries(cells))
    out[code] = Object.fromEntries(Object.entries(bySlot).map(([slot, c]) => [slot, c.ref]));
  return out;
}

/** The very hidden sheet written with the status sheet. */
export function fingerprintLayout(
  f: Figures & { lists?: Readonly<Record<string, Readonly<Record<string, RawCell>>>> | undefined; status: SheetLayout },
): SheetLayout {
  const fp = makeFingerprint({
    ruleset: f.ruleset,
    asOf: f.mapping.asOf,
    raw: f.raw,
    cells: cellsOf(f.cells),
    lists: f.lists,
    status: f.status,
  });
  return hiddenTextSheet(
    FINGERPRINT_KEY,
    FINGERPRINT_SHEET,
    "Dấu vết số liệu của trang trạng thái (Chỉ tiêu xã) — do phần mềm quản lý, không sửa tay",
    JSON.stringify(fp),
  );
}

export async function readFingerprint(port: WorkbookPort, snap: WorkbookSnapshot): Promise<Fingerprint | undefined> {
  const sheet = snap.sheets.find((s) => s.owner === FINGERPRINT_KEY);
  if (!sheet) return undefined;
  const rows = await port.readSheet(sheet.name);
  // A damaged copy (a length or checksum that does not match) is no fingerprint to compare against.
  const stored = mappingTextFromColumn(rows.map((r) => r[0] ?? null));
  return stored?.ok ? parseFingerprint(stored.text) : undefined;
}

const RERUN = "Hãy bấm “Ghi trang Trạng thái chỉ tiêu” để trang trạng thái và số liệu gửi đi khớp nhau.";

/**
 * What changed since the status sheet was written, as check problems naming the cell; nothing when
 * the workbook has no fingerprint (written before there were fingerprints, or no status sheet).
 */
export async function fingerprintProblems(
  port: WorkbookPort,
  snap: WorkbookSnapshot,
  f: Figures,
  statusRows?: readonly RawCell[][],
): Promise<CheckProblem[]> {
  const stored = await readFingerprint(port, snap);
  if (!stored) return [];
  const now = makeFingerprint({ ruleset: f.ruleset, asOf: f.mapping.asOf, raw: f.raw, cells: cellsOf(f.cells) });
  const out = compareFingerprints(stored, now).map((c) =>
    problem("status-changed", `${c.message}. ${RERUN}`, { ref: c.ref, code: c.code }),
  );
  const statusSheet = snap.sheets.find((s) => s.name === stored.status.sheet);
  if (statusSheet && port.formulaCells) {
    const formulas = await port.formulaCells(statusSheet.name);
    for (const { cell, code } of stored.status.formulas) {
      if (formulas.has(cell)) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const col = m[1]!.charCodeAt(0) - 64;
      const shown = showValue(statusRows?.[Number(m[2]) - 1]?.[col - 1] ?? null);
      out.push(
        problem(
          "typed-over-verdict",
          `Ô ${cell} của trang "${statusSheet.name}" (chỉ tiêu ${code}) là công thức khi ghi nhưng nay là giá trị gõ tay ${shown} — đánh giá không còn theo số liệu. Hãy xóa giá trị gõ tay và chạy lại Đánh giá để ghi lại công thức.`,
          { ref: `'${statusSheet.name.replace(/'/g, "''")}'!${cell}`, code: code || undefined },
        ),
      );
    }
  }
  return out;
}
