/*
 * Tells English, JSON paths and command-line options in a message meant for a commune clerk: the
 * detector of test/core/messages-vietnamese.test.ts, shared with the tests of single messages.
 */
/** Words a clerk meets in Vietnamese offices as they are: product names, file kinds, encodings, abbreviations. */
const ALLOWED = new Set(
  [
    "excel",
    "office",
    "word",
    "microsoft",
    "windows",
    "cccd",
    "cmnd",
    "tcvn3",
    "vni",
    "unicode",
    "xlsx",
    "xls",
    "docx",
    "pdf",
    "csv",
    "json",
    "zip",
    "zalo",
    "internet",
    "camera",
    "online",
    "email",
    "wifi",
    "viettel",
    "momo",
    "vnpt",
    "money",
    "smartphone",
    "web",
    "website",
    "macro",
    "ocop",
    "ok",
    "libreoffice",
    "opendocument",
    "powerpoint",
    "chrome",
    "edge",
    "firefox",
    "mail",
    "font",
    "byte",
    "km",
    "m",
    "ha",
    "kg",
    "mini",
  ].map((w) => w.toLowerCase()),
);

/** Short English words that look like Vietnamese syllables without marks ("not" could be a syllable). */
const ENGLISH_SHORT = new Set([
  "not",
  "the",
  "is",
  "it",
  "or",
  "by",
  "at",
  "if",
  "off",
  "one",
  "use",
  "see",
  "run",
  "new",
  "old",
  "bad",
  "and",
  "for",
  "of",
  "to",
  "on",
]);

const INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?";
const NUCLEUS = "(?:uye|uya|ươ|ieu|yeu|oai|oay|uoi|ươi|uy|oa|oe|ua|uo|ue|ia|ie|ye|ai|ao|au|ay|eo|eu|iu|oi|ui|ưu|[aeiouy])";
const FINAL = "(?:ch|nh|ng|[cmnpt]|[iouy])?";
const SYLLABLE = new RegExp(`^${INITIAL}${NUCLEUS}${FINAL}$`);

/** A word of plain letters that cannot be a Vietnamese syllable (written without its marks) nor an allowed word. */
function isEnglish(word: string): boolean {
  const w = word.toLowerCase();
  if (ALLOWED.has(w)) return false;
  if (ENGLISH_SHORT.has(w)) return true;
  if (word.length <= 6 && word === word.toUpperCase()) return false; // HTX, UBND, ĐKKD-like abbreviations
  return !SYLLABLE.test(w);
}

/**
 * What is the clerk's own text or a place, not our words: quoted text, sheet names, defined names
 * (letters with "_" or digits), cell addresses, file names.
 */
function ourWords(message: string): string {
  return message
    .replace(/"[^"]*"|“[^”]*”|'[^']*'|‘[^’]*’|«[^»]*»/g, " ")
    .replace(/\S*[_\d@\\/.]\S*/g, " ")
    .replace(/#\w+!?/g, " ")
    .replace(/--[a-z-]+/g, " ");
}

/** What in a message is not Vietnamese for a clerk: English words, a JSON path, a command-line option. */
export function faults(message: string): string[] {
  const out: string[] = [];
  if (/\bindicators\.[\w.]+/.test(message)) out.push("JSON path");
  if (/(^|[\s(])--[a-z]/.test(message)) out.push("command-line option");
  for (const word of ourWords(message)
    .normalize("NFC")
    .split(/[^\p{L}\p{M}]+/u)) {
    // Only words spelled wholly in plain letters: a Vietnamese word with marks is never English.
    if (/^[A-Za-z]+$/.test(word) && isEnglish(word)) out.push(word);
  }
  return out;
}
