// Exact non-negative rationals over bigint: the arithmetic under every number check (never floats).

/** An exact non-negative rational n/d (d > 0), not necessarily reduced. */
export interface Rational {
  n: bigint;
  d: bigint;
}

export const R = (n: bigint | number, d: bigint | number = 1n): Rational => ({ n: BigInt(n), d: BigInt(d) });
export const ZERO: Rational = { n: 0n, d: 1n };
export const HUNDRED: Rational = { n: 100n, d: 1n };

export const radd = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const rsub = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const rmul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });
export function rdiv(a: Rational, b: Rational): Rational {
  const n = a.n * b.d;
  const d = a.d * b.n;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}
/** Compare: -1, 0, 1. */
export function rcmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const req = (a: Rational, b: Rational) => rcmp(a, b) === 0;
const POW10: bigint[] = Array.from({ length: 40 }, (_, k) => 10n ** BigInt(k));
export const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return (n % d !== 0n && (n < 0n) !== (d < 0n)) ? q - 1n : q;
}

/** value × 10^decimals rounded half-up (away from zero for .5), as an integer. */
export function roundScaled(v: Rational, decimals: number): bigint {
  const n = v.n * pow10(decimals);
  if (n >= 0n) return floorDiv(2n * n + v.d, 2n * v.d);
  return -floorDiv(-2n * n + v.d, 2n * v.d);
}
/** value × 10^decimals truncated toward zero, as an integer. */
export function truncScaled(v: Rational, decimals: number): bigint {
  const n = v.n * pow10(decimals);
  return n >= 0n ? n / v.d : -(-n / v.d);
}
/** Integer part (floor for non-negative values). */
export const rfloor = (v: Rational): bigint => floorDiv(v.n, v.d);
export const rceil = (v: Rational): bigint => -floorDiv(-v.n, v.d);

/** Scaled integer → "12.34" with exactly `decimals` digits after the point. */
export function scaledToString(s: bigint, decimals: number): string {
  const neg = s < 0n;
  let str = (neg ? -s : s).toString();
  if (decimals > 0) {
    str = str.padStart(decimals + 1, '0');
    str = str.slice(0, str.length - decimals) + '.' + str.slice(str.length - decimals);
  }
  return (neg ? '-' : '') + str;
}

/** Rounded half-up decimal string of a rational. */
export const rToFixed = (v: Rational, decimals: number): string => scaledToString(roundScaled(v, decimals), decimals);

/** Shortest exact-ish display: integers plainly, otherwise up to `maxDecimals` (trailing zeros dropped). */
export function rToString(v: Rational, maxDecimals = 4): string {
  if (v.n % v.d === 0n) return (v.n / v.d).toString();
  let s = rToFixed(v, maxDecimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** Decimal string ("99.28", "1234") → rational. */
export function parseDecimal(s: string): Rational {
  const dot = s.indexOf('.');
  if (dot < 0) return { n: BigInt(s), d: 1n };
  const frac = s.slice(dot + 1);
  return { n: BigInt(s.slice(0, dot) + frac), d: pow10(frac.length) };
}
