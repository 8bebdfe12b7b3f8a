/*
 * Request sizing. Excel on the web refuses a request or a response over 5 MB, sometimes with a
 * plain GeneralException. Every write is estimated from the cells it carries before it is sent, every
 * read from the cells it asks for (and, once some came back, from their measured size), and both aim
 * at a budget well below the limit: our estimate counts the values as JSON, not Office's envelope.
 * A request Excel still refuses as too large is sent again once, in two halves.
 */
import { WorkbookError } from "../port";
import { MESSAGES, officeErrorCode } from "./errors";
import type { XlContext } from "./types";

/** Excel on the web's limit on one request and on one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * What one request or response may carry by our estimate: the margin absorbs Office's envelope. The
 * estimate is high for formats (Hà Tĩnh's status sheet, estimated near 2 MB, went as 0.8 MB) and close
 * for values (a list chunk estimated at 2 MB went as 1.9 MB), so 3 MB keeps every request under the
 * 4 MB the payload tests hold it to and the status sheet of every ruleset in one request.
 */
export const CHUNK_BYTES = 3_000_000;
/** Rows per write chunk at most, whatever their size (DESIGN: "blocks of a few thousand rows"). */
export const ROWS_PER_CHUNK = 5_000;
/** Estimated bytes of the format commands of one rectangle of one layer (6 borders × 3 properties at most). */
export const FORMAT_RECT_BYTES = 2_500;
/** Estimated bytes of one sheet's set-up: add or clear, marker name, widths, page layout. */
export const SHEET_SETUP_BYTES = 8_000;
/** Estimated bytes of one conditional format (the rule, a fill, a font colour). */
export const CONDITIONAL_FORMAT_BYTES = 1_500;
/**
 * Bytes one cell is assumed to bring back before any was measured: its value, its type ("String")
 * and its number format, each as JSON — room for a text of about 60 Vietnamese characters.
 */
export const UNMEASURED_CELL_BYTES = 130;
/** Bytes one cell is assumed to cost at least, however short what came back was. */
export const MIN_CELL_BYTES = 24;
/** A measured size is stretched by this much before it plans the next read: rows further down may be longer. */
export const MEASURE_MARGIN = 1.25;

export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Bytes of a value as JSON, as it travels. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);

/** A refusal that may be about size: a payload code, or the GeneralException Excel on the web answers some with. */
export function isSizeRefusal(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code !== undefined && (PAYLOAD_CODES.has(code) || code === "GeneralException");
}

/** One piece of a request: what it queues, its estimated size, and how it splits when Excel refuses it. */
export type Part = {
  bytes: number;
  queue: () => void;
  split?: () => [Part, Part] | undefined;
};

/**
 * Parts are kept, not queued, until they are sent: a request Excel refuses as too large can then be
 * queued again as two halves (once; a half that is refused again becomes the clerk's message).
 * Parts must be safe to send twice: a refused request changed nothing.
 */
export class Batch {
  private parts: Part[] = [];
  private pending = 0;
  constructor(private readonly ctx: XlContext) {}

  /** Sends what is waiting first when this part would take the request over the budget. */
  async add(part: Part): Promise<void> {
    if (this.pending > 0 && this.pending + part.bytes > CHUNK_BYTES) await this.flush();
    this.parts.push(part);
    this.pending += part.bytes;
  }

  async flush(): Promise<void> {
    const parts = this.parts;
    this.parts = [];
    this.pending = 0;
    if (parts.length > 0) await sendParts(this.ctx, parts, true);
  }
}

async function sendParts(ctx: XlContext, parts: readonly Part[], mayRetry: boolean): Promise<void> {
  for (const p of parts) p.queue();
  try {
    await ctx.sync();
  } catch (e) {
    const halves = mayRetry && isSizeRefusal(e) ? halve(parts) : undefined;
    if (!halves) throw mayRetry ? e : tooLarge(e);
    await sendParts(ctx, halves[0], false);
    await sendParts(ctx, halves[1], false);
  }
}

/** A half refused again for its size: the clerk is told it is about size, not a generic Excel error. */
function tooLarge(e: unknown): unknown {
  return isSizeRefusal(e)
    ? Object.assign(new WorkbookError(MESSAGES.tooLarge(officeErrorCode(e) ?? "GeneralException"), "other"), { cause: e })
    : e;
}

function halve(parts: readonly Part[]): [Part[], Part[]] | undefined {
  if (parts.length > 1) {
    const mid = Math.ceil(parts.length / 2);
    return [parts.slice(0, mid), parts.slice(mid)];
  }
  const two = parts[0]?.split?.();
  return two ? [[two[0]], [two[1]]] : undefined;
}

/**
 * A read of one sync, retried once in halves when Excel refuses it as too large. `queue` loads what
 * it needs and returns how to collect it after the sync; `split` gives the two halves, or undefined
 * when there is nothing left to halve.
 */
export type ReadPlan<T> = {
  queue: () => () => T;
  split: () => [ReadPlan<T>, ReadPlan<T>] | undefined;
};

export async function readWithRetry<T>(ctx: XlContext, plan: ReadPlan<T>, combine: (a: T, b: T) => T): Promise<T> {
  const collect = plan.queue();
  try {
    await ctx.sync();
    return collect();
  } catch (e) {
    const halves = isSizeRefusal(e) ? plan.split() : undefined;
    if (!halves) throw e;
    try {
      const first = halves[0].queue();
      await ctx.sync();
      const a = first();
      const second = halves[1].queue();
      await ctx.sync();
      return combine(a, second());
    } catch (again) {
      throw tooLarge(again);
    }
  }
}
