import type { Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";
import { slotsOf } from "../evaluate/slots";
import { labelWords, likeness, wordWeights } from "./propose-words";
import type { Mapping } from "./schema";

const SLOT_WORDS: Record<string, string> = {
  numerator: "tu_so",
  denominator: "mau_so",
  value: "gia_tri",
  condition: "dieu_kien",
  question: "cau_hoi",
  reference: "muc_tham_chieu",
};

/** The defined name the template gives a slot's input cell: ct_3_2_tu_so, ct_17_1_a_mau_so. */
export function templateName(code: string, slot: string): string {
  const parts = slot.split(".");
  const last = parts.pop()!;
  return ["ct", ...code.split("."), ...parts, SLOT_WORDS[last] ?? last].join("_");
}

/** A cell that could feed a slot: a name the workbook has, or a cell with a label beside it. */
export type Candidate = {
  /** The reference as the mapping would write it: dan_so, 'Số liệu'!dan_so, or the cell 'Số liệu'!B6 when it has no name. */
  ref: string;
  /** The defined name; absent for a cell without one (accepting it creates one). */
  name?: string;
  /** The cell itself, 'Số liệu'!B6, when known. */
  cell?: string;
  /** The label next to the cell (left of it, or above), and where it stands. */
  label?: string;
  labelCell?: string;
  /** What the cell holds now, when it was read: a number cannot answer a yes/no slot, a "Có" cannot be a count. */
  holds?: "number" | "yes-no" | "blank" | "text";
};

export type Proposal = {
  code: string;
  slot: string;
  /** What the slot asks for, in the ruleset's words. */
  slotLabel?: string;
  ref: string;
  reason: string;
  score: number;
  /** The clerk's label the proposal rests on, where it stands, and the cell proposed: shown with every proposal. */
  label?: string;
  labelCell?: string;
  cell?: string;
  /** For a cell without a name: the readable name accepting it creates (set by the app, which knows the names taken). */
  newName?: string;
};

// Below this a label shares too little with the slot's; the weights make shared common words
// ("số", "có", "người") count for little, so this is reached by the words that tell figures apart.
const MIN_SCORE = 0.45;

function fits(type: string, holds: Candidate["holds"]): boolean {
  if (holds === undefined || holds === "blank") return true;
  if (type === "yes-no") return holds === "yes-no" || holds === "text";
  return holds === "number";
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Proposes a cell for every slot the mapping leaves empty, each with its reason, the clerk's label
 * and the cell. A name of the template's pattern is certain; otherwise the label beside the cell (or
 * the name's own words) is compared with the slot's label, accents, case and abbreviations folded.
 * Each slot gets one cell and each cell one slot (unless the slots ask for the same figure), best
 * pairs first. Nothing already mapped is proposed over.
 */
export function proposeMapping(ruleset: Ruleset, candidates: readonly Candidate[], existing?: Mapping): Proposal[] {
  const wanted: Array<{ code: string; slot: string; label: string; type: string; words: string[]; same: string }> = [];
  for (const { item } of indicatorsOf(ruleset)) {
    for (const s of slotsOf(item)) {
      if (s.alternative || existing?.indicators[item.code]?.[s.slot] !== undefined) continue;
      const words = labelWords(s.label);
      wanted.push({ code: item.code, slot: s.slot, label: s.label, type: s.type, words, same: [...new Set(words)].sort().join(" ") });
    }
  }
  const sides = candidates.map((c) => ({ label: c.label ? labelWords(c.label) : [], name: c.name ? labelWords(c.name) : [] }));
  const weight = wordWeights([...wanted.map((w) => w.words), ...sides.map((s) => s.label)]);
  const scored: Array<Proposal & { candidate: number; same: string }> = [];
  for (const w of wanted) {
    const exact = templateName(w.code, w.slot).toLowerCase();
    candidates.forEach((c, i) => {
      const base = { code: w.code, slot: w.slot, slotLabel: w.label, ref: c.ref, candidate: i, same: w.same, ...shown(c) };
      if (c.name !== undefined && c.name.toLowerCase() === exact) {
        scored.push({ ...base, score: 1, reason: `Tên "${c.name}" theo mẫu của Chỉ tiêu xã cho chỉ tiêu ${w.code}` });
        return;
      }
      if (!fits(w.type, c.holds)) return;
      const byLabel = likeness(sides[i]!.label, w.words, weight);
      const byName = likeness(sides[i]!.name, w.words, weight);
      const score = Math.max(byLabel, byName);
      if (score < MIN_SCORE) return;
      const at = c.cell ? ` — ô ${c.cell}` : "";
      const reason =
        byLabel >= byName
          ? `Nhãn "${c.label}"${c.labelCell ? ` (ô ${c.labelCell})` : ""} giống "${w.label}" (${percent(score)})${at}`
          : `Tên "${c.name}" giống "${w.label}" (${percent(score)})${at}`;
      scored.push({ ...base, score, reason });
    });
  }
  scored.sort(
    (a, b) => b.score - a.score || a.code.localeCompare(b.code, "vi") || a.slot.localeCompare(b.slot) || a.ref.localeCompare(b.ref),
  );
  const slotTaken = new Set<string>();
  // A cell feeds one figure: the slots it may feed share the words of the first it was given.
  const cellFor = new Map<number, string>();
  const out: Proposal[] = [];
  for (const { candidate, same, ...p } of scored) {
    const key = `${p.code}|${p.slot}`;
    if (slotTaken.has(key)) continue;
    const first = cellFor.get(candidate);
    if (first !== undefined && first !== same) continue;
    slotTaken.add(key);
    cellFor.set(candidate, same);
    out.push(p);
  }
  return out;
}

function shown(c: Candidate): Pick<Proposal, "label" | "labelCell" | "cell"> {
  return {
    ...(c.label !== undefined ? { label: c.label } : {}),
    ...(c.labelCell !== undefined ? { labelCell: c.labelCell } : {}),
    ...(c.cell !== undefined ? { cell: c.cell } : {}),
  };
}

/** The mapping with the proposals the clerk accepted added; what was already mapped stays. */
export function applyProposals(mapping: Mapping, accepted: readonly Proposal[]): Mapping {
  const indicators: Mapping["indicators"] = Object.fromEntries(Object.entries(mapping.indicators).map(([k, v]) => [k, { ...v }]));
  for (const p of accepted) {
    const slots = (indicators[p.code] ??= {});
    if (slots[p.slot] === undefined) slots[p.slot] = p.ref;
  }
  return { ...mapping, indicators };
}
