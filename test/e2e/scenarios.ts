/*
 * Input scenarios for the end-to-end tests: what a clerk types into the template of a ruleset, chosen
 * so that across a few variants every path of the engine and of the status-sheet formulas is taken
 * (pass, fail with a shortfall, exactly on the threshold, the rounding trap, blank, impossible figures,
 * counts typed as text, yes/no words, both branches of a condition, by-year thresholds, two-part
 * indicators). Deterministic per (ruleset, variant): no randomness, no clock.
 *
 * The filled workbook is the template's own bytes with the input cells edited in the sheet XML
 * (JSZip), never re-saved through ExcelJS, which would drop the sheet-scoped ownership marker of the
 * very-hidden mapping sheet.
 */
export * from "./scenario-plan";
export * from "./workbook-edits";
export * from "./every-kind-ruleset";
