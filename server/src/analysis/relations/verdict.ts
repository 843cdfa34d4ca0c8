// Verdicts: does a stated figure agree with an exact value (rounded half-up or truncated to its decimals), and can
// any whole-number base give it? Exact rational arithmetic, with a safe-integer fast path that gives the same answers.
import type { Locale } from '../types';
import { R, radd, rceil, rcmp, rdiv, rfloor, rmul, roundScaled, truncScaled, ZERO, pow10, HUNDRED, rsub, type Rational } from '../quantities';
import type { Figure } from './types';

/** Scaled integer of a stated figure (99.28 with 2 decimals → 9928). */
export function statedScaled(f: Figure): bigint {
  return (f.value.n * pow10(f.decimals)) / f.value.d;
}

/** Does the exact value, rounded half-up or truncated to the stated decimals, give the stated figure? */
export function agrees(stated: Figure, exact: Rational): 'round' | 'trunc' | false {
  const s = statedScaled(stated);
  if (roundScaled(exact, stated.decimals) === s) return 'round';
  if (exact.n >= 0n && truncScaled(exact, stated.decimals) === s) return 'trunc';
  return false;
}

/** part ÷ base × 100 (the same rational as rmul(rdiv(part, base), HUNDRED), without the intermediate one). */
export function pct(part: Rational, base: Rational): Rational {
  const n = part.n * base.d;
  const d = part.d * base.n;
  return d < 0n ? { n: -n * 100n, d: -d } : { n: n * 100n, d };
}

/** The sum of the figures' values (the same rational as adding them to ZERO one by one with radd). */
export function sumValues(xs: readonly { value: Rational }[]): Rational {
  let n = 0n;
  for (const x of xs) {
    if (x.value.d !== 1n) return xs.reduce((a, y) => radd(a, y.value), ZERO);
    n += x.value.n;
  }
  return { n, d: 1n };
}

/** A bigint as a double when it is a non-negative safe integer, else -1. */
function small(n: bigint): number {
  const x = Number(n);
  return x >= 0 && x <= Number.MAX_SAFE_INTEGER ? x : -1;
}
/** The product of two non-negative safe integers when it is safe, else -1. */
function mulSafe(a: number, b: number): number {
  if (a < 0 || b < 0) return -1;
  const x = a * b;
  return x <= Number.MAX_SAFE_INTEGER ? x : -1;
}
/** ⌊x ÷ y⌋ of safe integers x ≥ 0, y > 0, exactly (x − x mod y is a multiple of y). */
const floorDivSafe = (x: number, y: number) => (x - (x % y)) / y;

/**
 * agrees(stated, pct(part, base)) for non-negative figures, in plain integers when every product stays below 2^53
 * (most figures), else with bigints; the answers are the same.
 */
export function agreesPct(stated: Figure, part: Rational, base: Rational): 'round' | 'trunc' | false {
  const p10 = stated.decimals <= 15 ? 10 ** stated.decimals : -1;
  // stated: ⌊n·10^d ÷ d⌋; exact percent: N ÷ D with N = 100·part.n·base.d, D = part.d·base.n
  const sn = mulSafe(small(stated.value.n), p10);
  const sd = small(stated.value.d);
  const n = mulSafe(mulSafe(mulSafe(small(part.n), small(base.d)), 100), p10);
  const d = mulSafe(small(part.d), small(base.n));
  if (sn >= 0 && sd > 0 && n >= 0 && d > 0 && 2 * n + d <= Number.MAX_SAFE_INTEGER && 2 * d <= Number.MAX_SAFE_INTEGER) {
    const s = floorDivSafe(sn, sd);
    if (floorDivSafe(2 * n + d, 2 * d) === s) return 'round';
    if (floorDivSafe(n, d) === s) return 'trunc';
    return false;
  }
  return agrees(stated, pct(part, base));
}

/** The precision of a stated figure in words: 保留2位小数 / 取整. */
export const precisionText = (f: Figure, locale: Locale) =>
  locale === 'en' ? (f.decimals ? `to ${f.decimals} decimal${f.decimals > 1 ? 's' : ''}` : 'to a whole number') : f.decimals ? `保留${f.decimals}位小数` : '取整';

/** Digits shown in a formula: one more than stated, at least two. */
export const shownDecimals = (f: Figure) => Math.max(2, f.decimals + 1);

/** Interval of exact percent values that round or truncate to the stated figure: [lo, hi). */
function acceptInterval(stated: Figure): [Rational, Rational] {
  const s = statedScaled(stated);
  const d = pow10(stated.decimals);
  // rounding: [s-0.5, s+0.5), truncation: [s, s+1) → union [s-0.5, s+1), in units of 10^-decimals
  return [{ n: 2n * s - 1n, d: 2n * d }, { n: s + 1n, d }];
}

/** Is there a whole number n ≥ part with part/n agreeing with the stated rate? */
export function possibleAsPart(part: bigint, stated: Figure): { ok: boolean; nLow?: bigint } {
  const [lo, hi] = acceptInterval(stated);
  if (lo.n <= 0n) return { ok: true };
  const p100 = R(part * 100n);
  const nMax = rfloor(rdiv(p100, lo));
  const nMin = rfloor(rdiv(p100, hi)) + 1n;
  return { ok: nMin <= nMax && nMax >= 1n, nLow: nMin };
}

/** Is there a whole number k ≤ base with k/base agreeing with the stated rate? */
export function possibleAsBase(base: bigint, stated: Figure): { ok: boolean; kMin?: bigint } {
  if (base <= 0n) return { ok: false };
  const [lo, hi] = acceptInterval(stated);
  const kMin = lo.n <= 0n ? 0n : rceil(rmul(lo, R(base, 100n)));
  const hiK = rmul(hi, R(base, 100n));
  return { ok: rcmp(R(kMin), hiK) < 0 && kMin <= base, kMin };
}

export const isInt = (r: Rational) => r.n % r.d === 0n;

/** A double close to an exact rational, for a first test only (NaN when out of the range of doubles). */
export function approxValue(r: Rational): number {
  const n = Number(r.n);
  const d = Number(r.d);
  return Number.isFinite(n) && Number.isFinite(d) ? n / d : NaN;
}

/** a > b, exactly; without multiplying when the denominators are the same (whole counts). */
export const rgt = (a: Rational, b: Rational) => (a.d === b.d ? a.n > b.n : rcmp(a, b) > 0);

/**
 * Could part ÷ base (doubles) agree with a stated rate of scaled value s (scale = 100 × 10^decimals)? A quick test
 * before the exact one: false only when the quotient is clearly outside [s − ½, s + 1), the union of the rounding and
 * the truncation intervals; NaN and borderline quotients go on to the exact test.
 */
export function mayAgree(part: number, base: number, s: number, scale: number): boolean {
  const x = (part / base) * scale;
  const tol = 1e-9 * (scale + Math.abs(x));
  return !(x < s - 0.5 - tol || x >= s + 1 + tol);
}

/** The scaled stated figure and its scale as doubles for mayAgree (NaN, which admits everything, when out of range). */
export function statedApprox(stated: Figure): { s: number; scale: number } {
  const scale = 100 * 10 ** stated.decimals;
  const s = Number(statedScaled(stated));
  return Number.isFinite(scale) && Number.isFinite(s) ? { s, scale } : { s: NaN, scale: 1 };
}


/** The largest sum of rounding slips of these shares: half a last digit each (rounding up to the sum). */
const roundingUp = (xs: readonly Figure[]) => xs.reduce((a, x) => radd(a, R(1, 2n * pow10(x.decimals))), ZERO);
/** One last digit each (truncation, down from the sum). */
const roundingDown = (xs: readonly Figure[]) => xs.reduce((a, x) => radd(a, R(1, pow10(x.decimals))), ZERO);
/** Shares summing to more than 100% beyond rounding, or (under) less. */
export const overHundred = (sum: Rational, xs: readonly Figure[]) => rcmp(sum, radd(HUNDRED, roundingUp(xs))) > 0;
export const underHundred = (sum: Rational, xs: readonly Figure[]) => rcmp(sum, rsub(HUNDRED, roundingDown(xs))) < 0;
