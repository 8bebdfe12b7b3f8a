/*
 * Text typed in the legacy Vietnamese encodings still turns up in commune workbooks. A font such as
 * .VnTime (TCVN3, "ABC") or VNI-Times draws its own glyphs over Windows-1252 codes, so Excel stores
 * "Ninh Bình" typed in .VnTime as "Ninh B×nh", and "Hà Nội" typed in VNI-Times as "Haø Noäi".
 * Here: both tables, a converter for each, and a detector that only calls text legacy when the
 * conversion turns words that are not Vietnamese syllables into words that are.
 */
import { nfc } from "./fold";
import { memoized } from "./memo";

export type LegacyEncoding = "tcvn3" | "vni";

export const LEGACY_ENCODING_NAME: Record<LegacyEncoding, string> = {
  tcvn3: "TCVN3 (phông .VnTime)",
  vni: "VNI (phông VNI-Times)",
};

/**
 * TCVN3 (TCVN 5712:1993, VN3 "ABC"): one code per lower-case letter; upper-case toned letters are drawn
 * by the .VnTimeH fonts from the same codes, so only Ă Â Ê Ô Ơ Ư Đ have codes of their own.
 * Written as pairs "code → letter", the code being the Windows-1252 character Excel stores.
 */
const TCVN3_PAIRS =
  "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ " +
  "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ " +
  "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị " +
  "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ " +
  "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ";

const TCVN3_TABLE: ReadonlyMap<string, string> = new Map(
  TCVN3_PAIRS.split(" ")
    .filter((p) => p.length === 2)
    .map((p) => [p[0]!, p[1]!] as const),
);

/**
 * VNI Windows: a base letter followed by a mark character. Tone marks after a plain vowel (or ơ, ư):
 * ù acute, ø grave, û hook, õ tilde, ï dot; after a, e, o the circumflex is â and its toned forms
 * á à å ã ä; the breve (a only) is ê and its toned forms é è ú ü ë. Upper case uses the upper-case marks.
 * Letters with one code of their own: ô ơ, ö ư, ñ đ, í ì æ ó ò for í ì ỉ ĩ ị, î ỵ.
 */
const TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const; // acute, grave, hook, tilde, dot
const VNI_TONE_MARKS = ["ù", "ø", "û", "õ", "ï"];
const VNI_CIRCUMFLEX = ["â", "á", "à", "å", "ã", "ä"]; // plain, then the five tones
const VNI_BREVE = ["ê", "é", "è", "ú", "ü", "ë"];

function buildVniTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (code: string, letter: string) => {
    const lower = nfc(letter);
    const upper = lower.toLocaleUpperCase("vi");
    table.set(code, lower);
    table.set(code.toUpperCase(), upper);
    // A capital typed before a lower-case mark ("Aø" at the start of a sentence) is still that capital.
    if (code.length === 2) table.set(code[0]!.toUpperCase() + code[1], upper);
  };
  for (const base of ["a", "e", "o", "u", "y"]) {
    TONES.forEach((t, i) => add(base + VNI_TONE_MARKS[i], base + t));
  }
  for (const base of ["a", "e", "o"]) {
    add(base + VNI_CIRCUMFLEX[0], base + "\u0302");
    TONES.forEach((t, i) => add(base + VNI_CIRCUMFLEX[i + 1], base + "\u0302" + t));
  }
  add("a" + VNI_BREVE[0], "a\u0306");
  TONES.forEach((t, i) => add("a" + VNI_BREVE[i + 1], "a\u0306" + t));
  for (const [code, base] of [
    ["ô", "ơ"],
    ["ö", "ư"],
  ] as const) {
    add(code, base);
    TONES.forEach((t, i) => add(code + VNI_TONE_MARKS[i], base + t));
  }
  // Single codes; "í" and "ì" stand for themselves.
  add("ñ", "đ");
  add("æ", "ỉ");
  add("ó", "ĩ");
  add("ò", "ị");
  add("î", "ỵ");
  return table;
}

const VNI_TABLE: ReadonlyMap<string, string> = buildVniTable();
// Longest codes first, so "oâ" (ô) wins over "o" and "ôù" (ớ) over "ô" (ơ).
const VNI_PATTERN = new RegExp(
  [...VNI_TABLE.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g",
);

/** ASCII letters of a word all upper case (at least two): the word was typed in capitals. */
function typedInCapitals(word: string): boolean {
  const letters = word.replace(/[^A-Za-z]/g, "");
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** TCVN3 text as Unicode (NFC): "Ninh B×nh" → "Ninh Bình", "Hµ Néi" → "Hà Nội". */
export function tcvn3ToUnicode(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      const converted = [...word].map((ch) => TCVN3_TABLE.get(ch) ?? ch).join("");
      // .VnTimeH draws capitals from the lower-case codes: "NINH B×NH" was typed meaning "NINH BÌNH".
      return converted !== word && typedInCapitals(word) ? converted.toLocaleUpperCase("vi") : converted;
    })
    .join("")
    .normalize("NFC");
}

/** VNI Windows text as Unicode (NFC): "Haø Noäi" → "Hà Nội", "Vieät Nam" → "Việt Nam". */
export function vniToUnicode(text: string): string {
  return text.replace(VNI_PATTERN, (code) => VNI_TABLE.get(code) ?? code).normalize("NFC");
}

export const LEGACY_CONVERTERS: Record<LegacyEncoding, (text: string) => string> = {
  tcvn3: tcvn3ToUnicode,
  vni: vniToUnicode,
};

/* ---------------------------------------------------------------- is it Vietnamese? */

const ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?";
// Vowel groups of Vietnamese rhymes, tone marks removed. Groups that end in a glide take no final
// consonant ("ai", "ươi"); some take one always ("ăn", "iêng"); the rest may or may not ("a", "an").
const CLOSED = [
  "iêu",
  "yêu",
  "oai",
  "oay",
  "oao",
  "oeo",
  "uây",
  "uôi",
  "ươi",
  "ươu",
  "uyu",
  "uya",
  "ai",
  "ao",
  "au",
  "ay",
  "âu",
  "ây",
  "eo",
  "êu",
  "ia",
  "iu",
  "oi",
  "ôi",
  "ơi",
  "ui",
  "ưi",
  "ưu",
  "ua",
  "ưa",
];
const NEEDS_CODA = ["uyê", "iê", "yê", "uô", "ươ", "oă", "uâ", "oo", "ă", "â"];
const OPEN = ["oa", "oe", "uê", "uy", "uơ", "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const CODA = "(?:ch|nh|ng|c|m|n|p|t)";
const SYLLABLE = new RegExp(`^${ONSET}(?:(?:${CLOSED.join("|")})|(?:${NEEDS_CODA.join("|")})${CODA}|(?:${OPEN.join("|")})${CODA}?)$`);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Whether a word is one Vietnamese syllable: onset, vowel group, coda, at most one tone mark. */
export const isVietnameseSyllable: (word: string) => boolean = memoized((word) => {
  const d = nfc(word).toLocaleLowerCase("vi").normalize("NFD");
  const tones = d.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(d.replace(TONE_MARKS, "").normalize("NFC"));
});

// Letters only Vietnamese Unicode text has (ă đ ĩ ũ ơ ư and the Latin Extended Additional block), or combining marks.
const VIETNAMESE_UNICODE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300-\u036f]/;
const NON_ASCII = /[^\t-~]/;
const ASCII_PUNCT_EDGES = /^[!-/:-@[-`{-~]+|[!-/:-@[-`{-~]+$/g;

/** Words that hold a non-ASCII character next to ASCII letters: where legacy text shows. */
function candidateWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(ASCII_PUNCT_EDGES, ""))
    .filter((w) => NON_ASCII.test(w) && /[A-Za-z]/.test(w));
}

function notVietnamese(words: readonly string[]): number {
  return words.filter((w) => !isVietnameseSyllable(w)).length;
}

export type LegacyText = { encoding: LegacyEncoding; converted: string };

/**
 * The legacy encoding a text was typed in, with the Unicode it stands for; undefined for text that is
 * already Unicode, plain ASCII, or foreign words ("café"). Decided by whether converting turns words
 * that are not Vietnamese syllables into syllables — never by one odd character.
 */
export function detectLegacy(text: string): LegacyText | undefined {
  if (!NON_ASCII.test(text) || VIETNAMESE_UNICODE.test(text)) return undefined;
  const words = candidateWords(text);
  if (words.length === 0) return undefined;
  const before = notVietnamese(words);
  if (before === 0) return undefined;
  let best: (LegacyText & { bad: number }) | undefined;
  // VNI first: its marks follow a vowel, so a tie (both conversions read as Vietnamese) is rarely TCVN3.
  for (const encoding of ["vni", "tcvn3"] as const) {
    const converted = LEGACY_CONVERTERS[encoding](text);
    if (converted === text) continue;
    const bad = notVietnamese(candidateWords(converted));
    if (!best || bad < best.bad) best = { encoding, converted, bad };
  }
  if (!best || best.bad >= before) return undefined;
  // Most of the words must come out as Vietnamese: a foreign phrase with one lucky word is not legacy text.
  if (best.bad * 5 > words.length) return undefined;
  return { encoding: best.encoding, converted: best.converted };
}
