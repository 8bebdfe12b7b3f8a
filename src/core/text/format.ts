import { fromFraction, fromNumber, mul, rat, roundHalfUpScaled, type Rational } from "../evaluate/rational";

/** 3986 → "3.986": Vietnamese groups thousands with a dot. */
export function formatInteger(n: bigint | number): string {
  const s = BigInt(n).toString();
  const neg = s.startsWith("-");
  const digits = neg ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return neg ? `-${grouped}` : grouped;
}

/** Rounded half-up to `decimals` places with a decimal comma: 45.25 → "45,3" (1 place). */
export function formatDecimal(r: Rational, decimals = 1, keepZeros = true): string {
  const scaled = roundHalfUpScaled(r, decimals);
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const scale = 10n ** BigInt(decimals);
  const whole = formatInteger(abs / scale);
  let frac = decimals > 0 ? (abs % scale).toString().padStart(decimals, "0") : "";
  if (!keepZeros) frac = frac.replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `,${frac}` : ""}`;
}

/** A share as a percentage, one decimal, half-up: 2335/3986 → "58,6%". */
export function formatPercent(share: Rational, decimals = 1): string {
  return `${formatDecimal(mul(share, rat(100n)), decimals)}%`;
}

/** A quantity: integers as such, other values to one decimal ("45,2"), never a misleading ",0". */
export function formatQuantity(r: Rational): string {
  return r.d === 1n ? formatInteger(r.n) : formatDecimal(r, 1);
}

export const COMPARATOR_TEXT = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" } as const;

/** A share threshold as the clerk reads it: "≥ 85%", "≥ 2/3", "= 100%". */
export function formatShareThreshold(req: {
  comparator: keyof typeof COMPARATOR_TEXT;
  percent?: number | undefined;
  fraction?: string | undefined;
}): string {
  const sym = COMPARATOR_TEXT[req.comparator];
  if (req.fraction !== undefined) return `${sym} ${req.fraction}`;
  return `${sym} ${String(req.percent).replace(".", ",")}%`;
}

/** The fraction a share threshold stands for: 85 → 17/20, "2/3" → 2/3. */
export function shareThresholdValue(req: { percent?: number | undefined; fraction?: string | undefined }): Rational {
  if (req.fraction !== undefined) return fromFraction(req.fraction);
  return mul(rat(1n, 100n), fromNumber(req.percent ?? 0));
}
