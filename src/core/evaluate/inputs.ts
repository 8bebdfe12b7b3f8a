import type { Rational } from "./rational";

/**
 * Where an input came from, as the clerk can find it: "'Số liệu'!B3", a defined name, a list.
 * Problems carry it so a click can select the cell.
 */
export type SourceRef = string;

/** One input value after parsing: a number, yes/no, missing (blank), not applicable, or invalid with the reason. */
export type Input =
  | { kind: "number"; value: Rational; source?: SourceRef }
  | { kind: "bool"; value: boolean; source?: SourceRef }
  | { kind: "missing"; source?: SourceRef }
  | { kind: "invalid"; reason: string; source?: SourceRef }
  /** The clerk typed "Không áp dụng" (or KAD, "không có", a dash), with the reason typed after it if any. */
  | { kind: "not-applicable"; reason?: string; source?: SourceRef };

/** Slot name ("numerator", "denominator", "value", "condition", "a.numerator") → input. */
export type IndicatorInputs = Readonly<Record<string, Input>>;

/** Indicator code → its inputs. An indicator absent here has every input missing. */
export type Inputs = Readonly<Record<string, IndicatorInputs>>;

/** What kind of value a slot expects; decides how a cell's text is read. */
export type ValueType = "count" | "number" | "ratio" | "yes-no";
