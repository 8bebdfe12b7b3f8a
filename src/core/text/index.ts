export { fold, foldLoose, nfc } from "./fold";
export { parseYesNoText } from "./yesno";
export { parseNumberText, type NumberParse } from "./number";
export { parseCell, type RawCell } from "./cell";
export { COMPARATOR_TEXT, formatDecimal, formatInteger, formatPercent, formatQuantity, formatShareThreshold, shareThresholdValue } from "./format";
export { parseNotApplicableText } from "./not-applicable";
export { NOT_APPLICABLE_WORDS } from "./vocabulary";
