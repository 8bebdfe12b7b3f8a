/*
 * The shape of a case of the check's corpus, and the small builders the case lists share.
 */
import type { CheckRequest } from "../../src/app/check";
import type { CheckId } from "../../src/core/check/types";
import { cleanThanhHoa, memoryBook, NAMES, withFigures, xlsxBook, type BookSpec, type Built } from "./builders";

export type Expectation = {
  id: CheckId;
  /** The cell (or reference) the problem must point at; a function of the built workbook's cells. */
  ref?: string | RegExp | ((cells: Record<string, string>) => string);
  code?: string;
  /** Words the message must contain (what to do, the figures). */
  says?: RegExp;
  /** How many problems of this id (default: at least one). */
  count?: number;
};

export type Case = {
  name: string;
  /** Built as a real .xlsx through our adapter. */
  xlsx: boolean;
  build: () => Promise<Built>;
  request?: Partial<CheckRequest>;
  expect: Expectation[];
  /** Ids that may also appear (incidental, not the point of the case). */
  alsoAllowed?: CheckId[];
};

export const TH = "thanh-hoa-cds-xa-2024";
export const PT = "phu-tho-xa-thong-minh-2024";
export const HT = "ha-tinh-xa-ntm-2022";

export const book = (xlsx: boolean, spec: BookSpec) => () => (xlsx ? xlsxBook(spec) : memoryBook(spec));
export const th = (changes: Record<string, string | number | null | undefined> = {}) => withFigures(cleanThanhHoa(), changes);
export const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: NAMES[i % NAMES.length]! }));
