import { add, div, type Rational, ZERO } from "../evaluate/rational";
import { VERDICT_TEXT, type Verdict } from "../evaluate/result";
import { nfc } from "../text/fold";
import type { BadFile, CommuneReport, FileOutcome } from "./types";

export const VERDICTS = Object.keys(VERDICT_TEXT) as readonly Verdict[];

/** Per indicator over the communes of one programme: counts by verdict, and the province's exact ratio. */
export type IndicatorTally = {
  code: string;
  counts: Record<Verdict, number>;
  /** Sums over the communes that gave both a numerator and a denominator (count ratios only). */
  numerator?: Rational;
  denominator?: Rational;
  /** numerator / denominator, exact; absent when the denominators sum to 0. */
  ratio?: Rational;
  /** How many communes the sums are over. */
  summed: number;
};

/** A commune's report set aside, with the reason the officer reads. */
export type SetAside = { report: CommuneReport; reason: string };

export type ProgrammeRollup = {
  ruleset: string;
  /** The kept report of each commune, in Vietnamese order of commune name. */
  communes: CommuneReport[];
  /** Older versions of a commune already kept. */
  superseded: SetAside[];
  tallies: IndicatorTally[];
};

export type Rollup = {
  programmes: ProgrammeRollup[];
  /** Files that could not be used, in the order given. */
  bad: BadFile[];
  /** Communes of another programme than --ruleset. */
  otherProgramme: SetAside[];
};

const byName = (a: CommuneReport, b: CommuneReport) => a.commune.localeCompare(b.commune, "vi") || a.file.localeCompare(b.file, "vi");

function dmy(iso: string | undefined): string {
  if (!iso) return "không có ngày báo cáo";
  const [y, m, d] = iso.split("-");
  return `ngày báo cáo ${d}/${m}/${y}`;
}

/**
 * Two files of the same commune and programme: the later report date is kept; on the same date (or
 * none) the file named later, so a re-run over the same folder keeps the same one.
 */
function later(a: CommuneReport, b: CommuneReport): boolean {
  const da = a.reportDate ?? "";
  const db = b.reportDate ?? "";
  return da !== db ? da > db : a.file.localeCompare(b.file, "vi") > 0;
}

export function tally(codes: readonly string[], communes: readonly CommuneReport[]): IndicatorTally[] {
  return codes.map((code) => {
    const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    let numerator: Rational = ZERO;
    let denominator: Rational = ZERO;
    let summed = 0;
    let ratioKind = false;
    for (const c of communes) {
      const e = c.indicators.find((i) => i.code === code);
      if (!e) continue;
      counts[e.verdict]++;
      if (e.numerator !== undefined && e.denominator !== undefined) ratioKind = true;
      // Only figures the engine accepted are summed: a lỗi or missing figure would make the province's sum a guess.
      if (
        e.numerator === undefined ||
        e.denominator === undefined ||
        e.verdict === "loi-so-lieu" ||
        e.verdict === "thieu-so-lieu" ||
        e.verdict === "tam-dung" ||
        e.verdict === "khong-ap-dung"
      )
        continue;
      numerator = add(numerator, e.numerator);
      denominator = add(denominator, e.denominator);
      summed++;
    }
    const t: IndicatorTally = { code, counts, summed };
    if (ratioKind) {
      t.numerator = numerator;
      t.denominator = denominator;
      if (denominator.n !== 0n) t.ratio = div(numerator, denominator);
    }
    return t;
  });
}

/**
 * The roll-up of what was read: bad files apart, communes grouped by programme (those of another
 * programme than `only` apart), the later version of a commune kept. `indicatorCodes` gives each
 * programme's indicators in the ruleset's order.
 */
export function rollUp(outcomes: readonly FileOutcome[], indicatorCodes: (ruleset: string) => readonly string[], only?: string): Rollup {
  const bad: BadFile[] = [];
  const otherProgramme: SetAside[] = [];
  const byProgramme = new Map<string, Map<string, CommuneReport>>();
  const superseded = new Map<string, SetAside[]>();
  for (const o of outcomes) {
    if (o.kind === "bad") {
      bad.push(o);
      continue;
    }
    if (only !== undefined && o.ruleset !== only) {
      otherProgramme.push({ report: o, reason: `Bộ tiêu chí "${o.ruleset}", không phải "${only}" — không tính vào tổng hợp này.` });
      continue;
    }
    const communes = byProgramme.get(o.ruleset) ?? new Map<string, CommuneReport>();
    byProgramme.set(o.ruleset, communes);
    // Case and spacing only: "Tân" and "Tấn" are different communes.
    const key = nfc(o.commune).toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
    const kept = communes.get(key);
    if (!kept) {
      communes.set(key, o);
      continue;
    }
    const [keep, drop] = later(o, kept) ? [o, kept] : [kept, o];
    communes.set(key, keep);
    const list = superseded.get(o.ruleset) ?? [];
    list.push({
      report: drop,
      reason: `Bản cũ: cùng xã với tệp "${keep.file}" (${dmy(keep.reportDate)}); tệp này ${dmy(drop.reportDate)} nên không được tính.`,
    });
    superseded.set(o.ruleset, list);
  }
  // The programme with the most communes first; the order of ids breaks ties, so re-runs agree.
  const programmes = [...byProgramme.entries()]
    .sort(([ia, a], [ib, b]) => b.size - a.size || ia.localeCompare(ib))
    .map(([ruleset, map]) => {
      const communes = [...map.values()].sort(byName);
      return {
        ruleset,
        communes,
        superseded: (superseded.get(ruleset) ?? []).sort((a, b) => byName(a.report, b.report)),
        tallies: tally(indicatorCodes(ruleset), communes),
      };
    });
  return { programmes, bad, otherProgramme };
}
