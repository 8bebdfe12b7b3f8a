import type { Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";
import { slotsOf } from "../evaluate/slots";
import { foldLoose } from "../text/fold";
import type { Mapping } from "./schema";

const SLOT_WORDS: Record<string, string> = { numerator: "tu_so", denominator: "mau_so", value: "gia_tri", condition: "dieu_kien", question: "cau_hoi", reference: "muc_tham_chieu" };

/** The defined name the template gives a slot's input cell: ct_3_2_tu_so, ct_17_1_a_mau_so. */
export function templateName(code: string, slot: string): string {
  const parts = slot.split(".");
  const last = parts.pop()!;
  return ["ct", ...code.split("."), ...parts, SLOT_WORDS[last] ?? last].join("_");
}

/** A name the workbook has that could feed a slot, with the text beside its cell when there is one. */
export type Candidate = {
  /** The reference as the mapping would write it: dan_so or 'Số liệu'!dan_so. */
  ref: string;
  name: string;
  /** The label next to the named cell (left of it, or above), and where it stands. */
  label?: string;
  labelCell?: string;
};

export type Proposal = { code: string; slot: string; ref: string; reason: string; score: number };

const tokens = (s: string) => new Set(foldLoose(s.replace(/_/g, " ")).split(" ").filter((t) => t.length > 0));

/** Dice similarity of two token sets: 1 for the same words, 0 for none in common. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

// Below this, labels that share only "số người từ 15 tuổi trở lên" would pair a numerator with a denominator.
const MIN_SCORE = 0.7;

/**
 * Proposes a reference for every slot the mapping leaves empty, each with its reason. A name of the
 * template's pattern is certain; otherwise the label beside the named cell (or the name's own words)
 * must share most of its words with the slot's label. Nothing already mapped is proposed over.
 */
export function proposeMapping(ruleset: Ruleset, candidates: readonly Candidate[], existing?: Mapping): Proposal[] {
  const wanted: Array<{ code: string; slot: string; label: string; words: Set<string> }> = [];
  for (const { item } of indicatorsOf(ruleset)) {
    for (const s of slotsOf(item)) {
      if (s.alternative || existing?.indicators[item.code]?.[s.slot] !== undefined) continue;
      wanted.push({ code: item.code, slot: s.slot, label: s.label, words: tokens(s.label) });
    }
  }
  const scored: Proposal[] = [];
  for (const w of wanted) {
    const exact = templateName(w.code, w.slot).toLowerCase();
    for (const c of candidates) {
      if (c.name.toLowerCase() === exact) {
        scored.push({ code: w.code, slot: w.slot, ref: c.ref, score: 1, reason: `Tên "${c.name}" theo mẫu của Chỉ tiêu xã cho chỉ tiêu ${w.code}` });
        continue;
      }
      const byLabel = c.label ? dice(tokens(c.label), w.words) : 0;
      const byName = dice(tokens(c.name), w.words);
      const score = Math.max(byLabel, byName);
      if (score < MIN_SCORE) continue;
      const reason =
        byLabel >= byName
          ? `Nhãn "${c.label}"${c.labelCell ? ` (ô ${c.labelCell})` : ""} bên cạnh tên "${c.name}" giống "${w.label}" (${Math.round(score * 100)}%)`
          : `Tên "${c.name}" giống "${w.label}" (${Math.round(score * 100)}%)`;
      scored.push({ code: w.code, slot: w.slot, ref: c.ref, score, reason });
    }
  }
  // Each slot gets its best name; one name may feed many slots (the same population divides many ratios).
  scored.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code, "vi") || a.ref.localeCompare(b.ref));
  const taken = new Set<string>();
  const out: Proposal[] = [];
  for (const p of scored) {
    const key = `${p.code}|${p.slot}`;
    if (taken.has(key)) continue;
    taken.add(key);
    out.push(p);
  }
  return out;
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
