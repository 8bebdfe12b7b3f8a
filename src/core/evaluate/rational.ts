/*
 * Exact rationals on BigInt. Verdicts compare these, never floats: 3388/3986 against ≥ 85% must
 * fail although a float display shows 85,0%.
 */

export type Rational = { readonly n: bigint; readonly d: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError("denominator 0");
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

/**
 * The exact value of a decimal as written: 6.5 → 13/2, 0.586 → 293/500. A JS number is read through
 * its shortest round-trip decimal (what Excel and JSON wrote), so 0.1 is 1/10, not the binary double.
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  return fromDecimalString(String(x));
}

/** "-12.5e-3" style decimal text (ASCII, '.' decimal point) to an exact rational. */
export function fromDecimalString(s: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal: ${s}`);
  const sign = m[1] === "-" ? -1n : 1n;
  const intPart = m[2] ?? "";
  const frac = m[3] ?? "";
  const exp = Number(m[4] ?? "0") - frac.length;
  let n = BigInt((intPart + frac).replace(/^0+(?=\d)/, "") || "0") * sign;
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  return rat(n, d);
}

/** "2/3" → 2/3. */
export function fromFraction(s: string): Rational {
  const [a, b] = s.split("/");
  return rat(BigInt(a ?? "0"), BigInt(b ?? "1"));
}

export const ZERO = rat(0n);
export const ONE = rat(1n);

export function add(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}
export function sub(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}
export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("division by zero");
  return rat(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isInteger(a: Rational): boolean {
  return a.d === 1n;
}
export function isNegative(a: Rational): boolean {
  return a.n < 0n;
}

export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}
export function ceil(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n > 0n && q * a.d !== a.n ? q + 1n : q;
}

/** Rounds half away from zero to `decimals` places, as a scaled integer (58.58…, 1 → 586n). */
export function roundHalfUpScaled(a: Rational, decimals: number): bigint {
  const scale = 10n ** BigInt(decimals);
  const x = a.n * scale;
  const abs = x < 0n ? -x : x;
  const q = (2n * abs + a.d) / (2n * a.d);
  return x < 0n ? -q : q;
}

export function toNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}

/** "2335/3986" — the exact value as a reader can check it. */
export function toExactString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}
