/*
 * What the status sheet was computed from, stored beside it when it is written: the mapped inputs'
 * values (with the cell each was read from), the figures the lists supplied, the ruleset and a hash of
 * its content, the report date, the tool version, and which of our verdict cells were formulas. The
 * check and the roll-up compute it again and say precisely what changed since.
 */
import { z } from "zod";
import type { SheetLayout } from "../layout/sheet";
import type { Ruleset } from "../ruleset/schema";
import type { RawCell } from "../text/cell";
import { contentHash } from "./hash";
import { TOOL_VERSION } from "./version";
import { slotWords } from "../evaluate/slot-words";

export const FINGERPRINT_KEY = "fingerprint";
export const FINGERPRINT_SHEET = "ChiTieuXa_DauVet";

const Input = z.object({ code: z.string(), slot: z.string(), cell: z.string(), value: z.string() });
const FingerprintSchema = z.object({
  v: z.literal(1),
  tool: z.string(),
  ruleset: z.object({ id: z.string(), hash: z.string() }),
  asOf: z.string().nullable(),
  inputs: z.array(Input),
  lists: z.array(z.object({ code: z.string(), slot: z.string(), value: z.string() })),
  status: z.object({ sheet: z.string(), formulas: z.array(z.object({ cell: z.string(), code: z.string() })) }),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

/** A raw cell as the clerk would read it back: 519, "khoảng 500", (trống), #REF!. */
export function showValue(raw: RawCell | undefined): string {
  if (raw === null || raw === undefined || raw === "") return "(trống)";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === "object") return raw.error;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (typeof raw === "number") return String(raw);
  return `"${raw}"`;
}

export function rulesetHash(ruleset: Ruleset): string {
  return contentHash(JSON.stringify(ruleset));
}

export type FingerprintInput = {
  ruleset: Ruleset;
  asOf: string | undefined;
  /** Code → slot → the value read from its cell. */
  raw: Readonly<Record<string, Readonly<Record<string, RawCell>>>>;
  /** Code → slot → the cell (or name) it was read from, as the clerk reads it: 'Số liệu'!B19. */
  cells: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Code → slot → the figure the appendix lists supplied. */
  lists?: Readonly<Record<string, Readonly<Record<string, RawCell>>>> | undefined;
  /** The status sheet as written; absent when computing the fingerprint again to compare. */
  status?: SheetLayout | undefined;
};

const colName = (c: number) => String.fromCharCode(64 + c);

export function makeFingerprint(input: FingerprintInput): Fingerprint {
  const inputs: Fingerprint["inputs"] = [];
  for (const [code, bySlot] of Object.entries(input.raw)) {
    for (const [slot, raw] of Object.entries(bySlot)) {
      const cell = input.cells[code]?.[slot];
      if (cell !== undefined) inputs.push({ code, slot, cell, value: showValue(raw) });
    }
  }
  const lists: Fingerprint["lists"] = [];
  for (const [code, bySlot] of Object.entries(input.lists ?? {}))
    for (const [slot, raw] of Object.entries(bySlot)) lists.push({ code, slot, value: showValue(raw) });
  const formulas: Fingerprint["status"]["formulas"] = [];
  const rows = input.status?.rows ?? [];
  // The verdict column is found by its header ("Mã" … "Đánh giá"), as the check finds it.
  const header = rows.findIndex((r) => r[0]?.value === "Mã" && r.some((c) => c?.value === "Đánh giá"));
  const verdictCol = header >= 0 ? rows[header]!.findIndex((c) => c?.value === "Đánh giá") + 1 : 0;
  rows.forEach((row, i) => {
    if (i <= header || verdictCol === 0) return;
    const cell = row[verdictCol - 1];
    if (cell?.formula === undefined) return;
    const code = row[0]?.value;
    formulas.push({ cell: `${colName(verdictCol)}${i + 1}`, code: typeof code === "string" ? code : "" });
  });
  return {
    v: 1,
    tool: TOOL_VERSION,
    ruleset: { id: input.ruleset.id, hash: rulesetHash(input.ruleset) },
    asOf: input.asOf ?? null,
    inputs,
    lists,
    status: { sheet: input.status?.name ?? "", formulas },
  };
}

export function parseFingerprint(text: string): Fingerprint | undefined {
  try {
    const parsed = FingerprintSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** One thing that differs from what the status sheet was computed from. */
export type FingerprintChange = { kind: "input" | "cell" | "ruleset" | "as-of"; message: string; ref?: string; code?: string };

function dmy(iso: string | null | undefined): string {
  if (!iso) return "(chưa có)";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** What changed between the stored fingerprint and one computed now from the same workbook. */
export function compareFingerprints(stored: Fingerprint, now: Fingerprint): FingerprintChange[] {
  const out: FingerprintChange[] = [];
  const when = "sau khi ghi trang trạng thái";
  if (stored.ruleset.id !== now.ruleset.id) {
    out.push({ kind: "ruleset", message: `Bộ tiêu chí đổi từ "${stored.ruleset.id}" thành "${now.ruleset.id}" ${when}` });
  } else if (stored.ruleset.hash !== now.ruleset.hash) {
    out.push({ kind: "ruleset", message: `Nội dung bộ tiêu chí "${now.ruleset.id}" đã khác (bản cập nhật) ${when}` });
  }
  if ((stored.asOf ?? null) !== (now.asOf ?? null))
    out.push({ kind: "as-of", message: `Ngày báo cáo đổi từ ${dmy(stored.asOf)} thành ${dmy(now.asOf)} ${when}` });
  const nowBySlot = new Map(now.inputs.map((i) => [`${i.code} ${i.slot}`, i]));
  for (const s of stored.inputs) {
    const n = nowBySlot.get(`${s.code} ${s.slot}`);
    if (!n) {
      out.push({
        kind: "cell",
        code: s.code,
        ref: s.cell,
        message: `Chỉ tiêu ${s.code} (${slotWords(s.slot)}) không còn đọc từ ${s.cell} như lúc ghi trang trạng thái`,
      });
    } else if (n.cell !== s.cell) {
      out.push({
        kind: "cell",
        code: s.code,
        ref: n.cell,
        message: `Chỉ tiêu ${s.code} (${slotWords(s.slot)}) đổi ô nguồn từ ${s.cell} sang ${n.cell} ${when}`,
      });
    } else if (n.value !== s.value) {
      out.push({
        kind: "input",
        code: s.code,
        ref: s.cell,
        message: `${s.cell} đổi từ ${s.value} thành ${n.value} ${when} (chỉ tiêu ${s.code})`,
      });
    }
  }
  const storedSlots = new Set(stored.inputs.map((i) => `${i.code} ${i.slot}`));
  for (const n of now.inputs) {
    if (!storedSlots.has(`${n.code} ${n.slot}`))
      out.push({
        kind: "cell",
        code: n.code,
        ref: n.cell,
        message: `Chỉ tiêu ${n.code} (${slotWords(n.slot)}) nay đọc từ ${n.cell}, lúc ghi trang trạng thái chưa có ô này`,
      });
  }
  return out;
}
