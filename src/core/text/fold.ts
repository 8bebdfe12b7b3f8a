/*
 * Vietnamese text for matching. NFC for storage; for comparing labels, headers, names and yes/no words
 * also fold case, spacing and the placement of the tone mark (hòa / hoà, thúy / thuý), which Vietnamese
 * keyboards and fonts place differently for the same word.
 */
import { memoized } from "./memo";

/**
 * Text in NFC. Most text is already: every character below U+0300 (Latin letters, đ, ơ, ư, no combining
 * mark) or a precomposed letter of U+1E00–U+1EFF (ạ … ỹ) is NFC_Quick_Check=Yes with combining class 0,
 * so a string of only those is normalized (UAX #15 §9) and is returned without a call into ICU, which
 * copies the string each time: a roster's cells and names are a million calls.
 */
export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) return s.normalize("NFC");
  }
  return s;
}

// Tone marks: grave, acute, tilde, hook above, dot below. Vowel marks (circumflex, breve, horn) stay put.
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_ONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** One syllable: its tone mark moved to the end, so both placements compare equal. */
const foldSyllable = memoized((word: string): string => {
  const d = word.normalize("NFD");
  const tone = TONE_ONE.exec(d)?.[0] ?? "";
  return d.replace(TONE, "") + tone;
});

/** Case, spacing and tone placement folded; the letters and marks themselves are kept (đạt ≠ dat). */
export function fold(s: string): string {
  return nfc(s)
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .split(" ")
    .map(foldSyllable)
    .join(" ");
}

/**
 * fold() of a name whose words are separated by single spaces (as roster names are read): each word
 * is folded once however many names share it. NFC and lower case do not act across a space, so
 * folding word by word gives fold()'s result; anything else is left to fold().
 */
export function foldWords(s: string): string {
  if (!singleSpaced(s)) return fold(s);
  let out = "";
  let from = 0;
  for (;;) {
    const sp = s.indexOf(" ", from);
    out += foldWord(sp < 0 ? s.slice(from) : s.slice(from, sp));
    if (sp < 0) return out;
    out += " ";
    from = sp + 1;
  }
}

/** Words separated by single spaces, nothing before or after, no other white space: split on " " safely. */
export function singleSpaced(s: string): boolean {
  return (
    s !== "" &&
    s.charCodeAt(0) !== 32 &&
    s.charCodeAt(s.length - 1) !== 32 &&
    !s.includes("  ") &&
    !/[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(s)
  );
}

const foldWord = memoized((word: string): string => foldSyllable(nfc(word).toLowerCase()));

/** Everything folded away but the base letters: for loose proposals, never for verdicts. */
export function foldLoose(s: string): string {
  return nfc(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
