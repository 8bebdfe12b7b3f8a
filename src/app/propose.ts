import { applyProposals, proposeMapping, type Candidate, type Proposal } from "../core/mapping/propose";
import { nameFromLabel } from "../core/mapping/propose-words";
import type { Mapping } from "../core/mapping/schema";
import { formatRange, quoteSheet, type RangeAddress } from "../core/ref/a1";
import type { Ruleset } from "../core/ruleset/schema";
import type { RawCell } from "../core/text/cell";
import { parseYesNoText } from "../core/text/yesno";
import { findName } from "../workbook/names";
import { WorkbookError, type DefinedName, type WorkbookPort, type WorkbookSnapshot } from "../workbook/port";

/** How far labels beside numbers are looked for on each sheet: a data sheet's figures sit near its top, a roster below is not read whole. */
const SCAN = { rows: 300, columns: 26 } as const;

function holds(v: RawCell): Candidate["holds"] {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return "blank";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "yes-no";
  if (typeof v === "string") return parseYesNoText(v) !== undefined ? "yes-no" : "text";
  return undefined;
}

const isLabel = (v: RawCell): v is string =>
  typeof v === "string" && v.trim() !== "" && parseYesNoText(v) === undefined && !/^[\d\s.,%]+$/.test(v.trim());

const singleCell = (n: DefinedName): RangeAddress | undefined =>
  !n.hidden && n.target.kind === "range" && n.target.range.top === n.target.range.bottom && n.target.range.left === n.target.range.right
    ? n.target.range
    : undefined;

const at = (sheet: string, row: number, col: number) => formatRange({ sheet, top: row, left: col, bottom: row, right: col });

type NamedCell = { n: DefinedName; r: RangeAddress };

/** The block read around a named cell: the cell, the one left of it and the one above. */
const around = ({ r }: NamedCell): RangeAddress => ({
  sheet: r.sheet,
  top: Math.max(1, r.top - 1),
  left: Math.max(1, r.left - 1),
  bottom: r.top,
  right: r.left,
});

/** A named single cell, with the text left of it (or above it) as its label. */
function namedCandidate({ n, r }: NamedCell, block: readonly RawCell[][]): Candidate {
  const last = block[block.length - 1] ?? [];
  const self = last[last.length - 1] ?? null;
  const left = r.left > 1 ? last[0] : undefined;
  const above = r.top > 1 ? block[0]?.[block[0].length - 1] : undefined;
  const ref = n.scope === null ? n.name : `${quoteSheet(n.scope)}!${n.name}`;
  const pick = isLabel(left)
    ? { label: left.trim(), labelCell: at(r.sheet, r.top, r.left - 1) }
    : isLabel(above)
      ? { label: above.trim(), labelCell: at(r.sheet, r.top - 1, r.left) }
      : {};
  const kind = holds(self);
  return { ref, name: n.name, cell: at(r.sheet, r.top, r.left), ...pick, ...(kind !== undefined ? { holds: kind } : {}) };
}

/**
 * Cells without a name that hold a number or a yes/no answer (or are blank in a column of such
 * figures) with a label left of them, or above them when the cell is not the top of a column of
 * figures (a roster's header labels its column, not one cell).
 */
function labelledCells(sheet: string, grid: readonly RawCell[][], namedCells: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const figureColumns = new Set<number>();
  grid.forEach((row) =>
    row.forEach((v, c) => {
      const h = holds(v);
      if (h === "number" || h === "yes-no") figureColumns.add(c);
    }),
  );
  grid.forEach((row, r) => {
    row.forEach((v, c) => {
      const h = holds(v);
      if (h !== "number" && h !== "yes-no" && !(h === "blank" && figureColumns.has(c))) return;
      const cell = at(sheet, r + 1, c + 1);
      if (namedCells.has(cell)) return;
      let left: number | undefined;
      for (let k = c - 1; k >= 0 && k >= c - 3; k--) {
        if (holds(row[k] ?? null) !== "blank") {
          left = k;
          break;
        }
      }
      const leftValue = left === undefined ? null : (row[left] ?? null);
      if (left !== undefined && isLabel(leftValue)) {
        out.push({ ref: cell, cell, label: leftValue.trim(), labelCell: at(sheet, r + 1, left + 1), holds: h });
        return;
      }
      if (h === "blank" || r === 0) return;
      const above = grid[r - 1]?.[c] ?? null;
      const below = holds(grid[r + 1]?.[c] ?? null);
      if (isLabel(above) && below !== h) out.push({ ref: cell, cell, label: above.trim(), labelCell: at(sheet, r, c + 1), holds: h });
    });
  });
  return out;
}

/**
 * Proposals for a workbook: every single-cell name is a candidate with the text beside its cell as
 * its label, and so is every cell with a number or a yes/no answer and a label beside it, named or
 * not (a workbook with labels and no names still gets its proposals). Two round trips: the names,
 * then the cells beside them and the top of each of the clerk's sheets at once.
 */
export async function proposeForWorkbook(port: WorkbookPort, ruleset: Ruleset, existing?: Mapping): Promise<Proposal[]> {
  const snap = await port.snapshot();
  const named: NamedCell[] = snap.names.flatMap((n) => {
    const r = singleCell(n);
    return r ? [{ n, r }] : [];
  });
  const sheets = snap.sheets.filter((s) => s.owner === undefined && s.visibility === "visible");
  const ranges = [...named.map(around), ...sheets.map((s) => ({ sheet: s.name, top: 1, left: 1, bottom: SCAN.rows, right: SCAN.columns }))];
  const values = ranges.length > 0 ? await port.readRanges(ranges) : [];
  const fromNames = named.map((c, i) => namedCandidate(c, values[i] ?? []));
  const namedCells = new Set(fromNames.flatMap((c) => (c.cell ? [c.cell] : [])));
  const fromLabels = sheets.flatMap((s, i) => labelledCells(s.name, values[named.length + i] ?? [], namedCells));
  return withNewNames(proposeMapping(ruleset, [...fromNames, ...fromLabels], existing), snap);
}

/** A readable name for each proposed cell that has none, distinct from the workbook's names and from each other. */
function withNewNames(proposals: readonly Proposal[], snap: WorkbookSnapshot): Proposal[] {
  const given = new Set<string>();
  const taken = (name: string) => findName(snap.names, name, null) !== undefined || given.has(name.toLowerCase());
  const byCell = new Map<string, string>();
  return proposals.map((p) => {
    if (p.cell === undefined || p.ref !== p.cell) return p;
    let name = byCell.get(p.cell);
    if (name === undefined) {
      name = nameFromLabel(p.label ?? p.slotLabel ?? `${p.code}_${p.slot}`, taken);
      given.add(name.toLowerCase());
      byCell.set(p.cell, name);
    }
    return { ...p, newName: name };
  });
}

/**
 * What accepting proposals does: a proposed cell without a name first gets its readable name (a
 * workbook-scoped defined name, as the clerk would add it in Excel), then the mapping refers to the
 * name. Returns the mapping with the accepted proposals; what was already mapped stays.
 */
export async function acceptProposals(port: WorkbookPort, mapping: Mapping, accepted: readonly Proposal[]): Promise<Mapping> {
  const created = new Map<string, string>();
  for (const p of accepted) {
    if (p.newName === undefined || p.cell === undefined || created.has(p.cell)) continue;
    if (!port.addName)
      throw new WorkbookError(
        `Không thêm được tên "${p.newName}" cho ô ${p.cell} trong sổ tính này — hãy đặt tên cho ô trong Excel rồi chọn tên đó`,
        "unsupported",
      );
    await port.addName(p.newName, p.cell);
    created.set(p.cell, p.newName);
  }
  return applyProposals(
    mapping,
    accepted.map((p) => (p.cell !== undefined && created.has(p.cell) ? { ...p, ref: created.get(p.cell)! } : p)),
  );
}
