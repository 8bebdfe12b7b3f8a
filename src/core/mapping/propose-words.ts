import { foldLoose } from "../text/fold";

/*
 * The words a label is compared by. Clerks shorten what the documents spell out ("CNS", "TTHC",
 * "HTX", "ĐKKD") and say "từ 15 (or 18) tuổi trở lên" — the two adult ages the rulesets use — where the document says "độ tuổi trưởng thành":
 * both sides are brought to the same words before they are compared.
 */

/** Abbreviations a commune clerk writes, folded, and the words they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  cns: "cong nghe so",
  cds: "chuyen doi so",
  cntt: "cong nghe thong tin",
  tthc: "thu tuc hanh chinh",
  htx: "hop tac xa",
  dkkd: "dang ky kinh doanh",
  kd: "kinh doanh",
  dttm: "dien thoai thong minh",
  ttdt: "thong tin dien tu",
  tk: "tai khoan",
  kdc: "khu dan cu",
  ubnd: "uy ban nhan dan",
  hdnd: "hoi dong nhan dan",
  nsvs: "nuoc sach ve sinh",
  ocop: "ocop",
};

/** Phrases with the same meaning in a clerk's label and in a document, folded: the first is rewritten as the second. */
const SAME_MEANING: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:tu )?(?:du )?(?:15|18) tuoi tro len\b/g, "do tuoi truong thanh"],
  [/\bnguoi lon\b/g, "do tuoi truong thanh"],
  [/\bmot cua\b/g, "mot cua"],
];

/** Words that say nothing about which figure it is. */
const EMPTY = new Set([
  "va",
  "cua",
  "cac",
  "nhung",
  "o",
  "tai",
  "trong",
  "duoc",
  "la",
  "cho",
  "voi",
  "den",
  "tu",
  "theo",
  "nhu",
  "hoac",
  "khac",
  "viec",
]);

/** The folded words of a label or a name (underscores read as spaces), abbreviations spelled out. */
export function labelWords(text: string): string[] {
  let t = foldLoose(text.replace(/_/g, " "));
  t = t
    .split(" ")
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ");
  for (const [from, to] of SAME_MEANING) t = t.replace(from, to);
  return t.split(" ").filter((w) => w.length > 0 && !EMPTY.has(w));
}

/** How much each word tells apart: rare words among the labels compared weigh more (inverse document frequency). */
export function wordWeights(labels: ReadonlyArray<readonly string[]>): (word: string) => number {
  const df = new Map<string, number>();
  for (const words of labels) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = labels.length;
  return (w) => Math.log(1 + (n + 1) / ((df.get(w) ?? 0) + 1));
}

/**
 * Weighted likeness of a clerk's label to a slot's label, 0 to 1: half how much of the clerk's label
 * the slot explains, half the two-sided overlap (a short label wholly inside a long one scores well,
 * a long label sharing two words does not).
 */
export function likeness(clerk: readonly string[], slot: readonly string[], weight: (w: string) => number): number {
  const a = new Set(clerk);
  const b = new Set(slot);
  if (a.size === 0 || b.size === 0) return 0;
  const sum = (s: Iterable<string>) => {
    let t = 0;
    for (const w of s) t += weight(w);
    return t;
  };
  const common = sum([...a].filter((w) => b.has(w)));
  const wa = sum(a);
  const wb = sum(b);
  return 0.5 * (common / wa) + 0.5 * ((2 * common) / (wa + wb));
}

/**
 * A readable defined name for a cell from its label: folded words joined by "_", short enough to
 * type, and never one Excel would take for a cell (it starts with a letter).
 */
export function nameFromLabel(label: string, taken: (name: string) => boolean): string {
  const words = foldLoose(label)
    .split(" ")
    .filter((w) => w.length > 0);
  let base = "";
  for (const w of words) {
    if (base.length > 0 && base.length + 1 + w.length > 32) break;
    base = base ? `${base}_${w}` : w;
  }
  if (!/^[a-z]/.test(base)) base = `o_${base}`;
  // "ab12" is a cell in Excel; a trailing "_" makes any name of letters and digits a name.
  if (/^[a-z]{1,3}\d+$/.test(base) || /^(?:r\d*)?(?:c\d*)?$/.test(base)) base = `${base}_`;
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}_${i}`;
  return name;
}
