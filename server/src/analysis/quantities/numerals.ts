// Numbers at a position of normalised text: Arabic (1,234.56) and Chinese numerals (一百零五, 九十九点三), with exact
// values. A scan leaves its result in a NumScan value owned by the caller (no allocation for the many numbers that
// turn out not to be quantities, and no state shared between callers).
import { CN_DIGIT_VAL, CN_SMALL_UNIT, C_BAI, C_COMMA, C_DIAN, C_DOT, C_LING, C_LING2, C_QIAN, C_SHI, C_WAN, C_YI, digitAt } from './chars';
import { pow10, type Rational } from './rational';
import type { NumberForm } from './types';

/**
 * The result of the last scan: the end, the decimals, and the exact value as a plain integer numerator over
 * 10^decimals while it is below 2^53 (num), else as a rational (big).
 */
export interface NumScan {
  end: number;
  dec: number;
  num: number;
  big: Rational | undefined;
}

const newNumScan = (): NumScan => ({ end: 0, dec: 0, num: 0, big: undefined });

/**
 * Shared values of small whole numbers (0–4095) and of small decimals: rationals are never mutated, and most
 * figures of a report are small, so most quantities need no value of their own (fewer objects to keep).
 */
const SMALL_LIMIT = 4096;
const smallValues: (Rational | undefined)[][] = [[], [], []];

/** The exact value of the last scan. */
export function scannedValue(s: NumScan): Rational {
  if (s.big) return s.big;
  if (s.num < SMALL_LIMIT && s.dec <= 2) {
    const row = smallValues[s.dec]!;
    return (row[s.num] ??= { n: BigInt(s.num), d: pow10(s.dec) });
  }
  return { n: BigInt(s.num), d: pow10(s.dec) };
}

export function scanArabic(s: NumScan, norm: string, i: number, end: number): boolean {
  let j = i;
  let v = 0;
  let c = 0;
  while (j < end && (c = norm.charCodeAt(j)) >= 48 && c <= 57) {
    v = v * 10 + (c - 48);
    j++;
  }
  // thousands separators: ",ddd" groups after a first group of one to three digits (1,286 / １，２０５);
  // a comma followed by anything but exactly three digits is a list separator
  const firstGroup = j - i;
  let intDigits = firstGroup;
  while (firstGroup <= 3 && j + 3 < end && norm.charCodeAt(j) === C_COMMA && digitAt(norm, j + 1) && digitAt(norm, j + 2) && digitAt(norm, j + 3) && !digitAt(norm, j + 4)) {
    v = v * 1000 + (norm.charCodeAt(j + 1) - 48) * 100 + (norm.charCodeAt(j + 2) - 48) * 10 + (norm.charCodeAt(j + 3) - 48);
    intDigits += 3;
    j += 4;
  }
  let decimals = 0;
  if (norm.charCodeAt(j) === C_DOT && digitAt(norm, j + 1) && j + 1 < end) {
    j++;
    const f0 = j;
    while (j < end && (c = norm.charCodeAt(j)) >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      j++;
    }
    decimals = j - f0;
    // 2023.12.31, 1.2.3: a date or version, not a number
    if (norm.charCodeAt(j) === C_DOT && digitAt(norm, j + 1)) return false;
  }
  if (intDigits > 15) return false;
  s.end = j;
  s.dec = decimals;
  if (intDigits + decimals <= 15) {
    s.num = v;
    s.big = undefined;
  } else {
    // too many digits for a double: the digits without separators, as a bigint
    let digits = '';
    for (let k = i; k < j; k++) {
      const ch = norm.charCodeAt(k);
      if (ch !== C_COMMA && ch !== C_DOT) digits += norm[k];
    }
    s.big = { n: BigInt(digits), d: pow10(decimals) };
  }
  return true;
}

/** Above this a Chinese numeral is evaluated with bigints (exact doubles go to 2^53). */
const SAFE_CN = 2 ** 50;

/** Chinese numeral at i: 一百零五, 二十六, 两万, 九十九点三. Digit strings without units (二〇二三, 七五) are rejected. */
export function scanChinese(s: NumScan, norm: string, i: number, end: number): boolean {
  let j = i;
  let total = 0;
  let section = 0;
  let num = -1; // pending digit, -1 = none
  let sawUnit = false;
  let lastWasDigit = false;
  let count = 0;
  while (j < end) {
    const c = norm.charCodeAt(j);
    const dv = CN_DIGIT_VAL[c]!;
    if (dv) {
      const d = dv - 1;
      if (lastWasDigit && !(num === 0) && d !== 0) {
        // two digits in a row (七五, 二〇二三): not a quantity numeral
        const p = norm.charCodeAt(j - 1);
        if (!(p === C_LING || p === C_LING2)) return false;
      }
      num = d;
      lastWasDigit = true;
    } else if (c === C_SHI || c === C_BAI || c === C_QIAN) {
      const u = c === C_SHI ? 10 : c === C_BAI ? 100 : 1000;
      if (num < 0 && c !== C_SHI) return false;
      section += (num < 0 ? 1 : num) * u;
      num = -1;
      sawUnit = true;
      lastWasDigit = false;
    } else if (c === C_WAN || c === C_YI) {
      if (count === 0) return false;
      const v = section + (num < 0 ? 0 : num);
      if (c === C_YI) total = (total + v) * 100000000;
      else total += v * 10000;
      if (total > SAFE_CN || section > SAFE_CN) return scanChineseBig(s, norm, i, end);
      section = 0;
      num = -1;
      sawUnit = true;
      lastWasDigit = false;
    } else break;
    j++;
    count++;
  }
  if (count === 0) return false;
  if (section > SAFE_CN) return scanChineseBig(s, norm, i, end);
  const intVal = total + section + (num < 0 ? 0 : num);
  if (!sawUnit && count > 1) return false;
  // a trailing 万/亿 that is really a multiplier of a unit (两万元) is fine: value already scaled
  s.dec = 0;
  s.num = intVal;
  s.big = undefined;
  const frac = cnFraction(norm, j, end);
  j = frac.end;
  if (frac.digits) {
    const decimals = frac.digits.length;
    s.dec = decimals;
    s.big = { n: BigInt(intVal) * pow10(decimals) + BigInt(frac.digits), d: pow10(decimals) };
  }
  s.end = j;
  return true;
}

/** The decimal part of a Chinese numeral at j (点 followed by digits: 三点五 → "5"), and where it ends. */
function cnFraction(norm: string, j: number, end: number): { end: number; digits: string } {
  if (norm.charCodeAt(j) !== C_DIAN || !CN_DIGIT_VAL[norm.charCodeAt(j + 1)]) return { end: j, digits: '' };
  let k = j + 1;
  let digits = '';
  while (k < end && CN_DIGIT_VAL[norm.charCodeAt(k)]) digits += String(CN_DIGIT_VAL[norm.charCodeAt(k)]! - 1), k++;
  return { end: k, digits };
}

/** scanChinese with bigint arithmetic throughout, for numerals beyond the exact range of a double (九千亿亿). */
function scanChineseBig(s: NumScan, norm: string, i: number, end: number): boolean {
  let j = i;
  let total = 0n;
  let section = 0n;
  let num = -1n; // pending digit, -1 = none
  let sawUnit = false;
  let lastWasDigit = false;
  let count = 0;
  while (j < end) {
    const c = norm[j]!;
    const dv = CN_DIGIT_VAL[norm.charCodeAt(j)]!;
    if (dv) {
      const d = BigInt(dv - 1);
      if (lastWasDigit && !(num === 0n) && d !== 0n) {
        if (!(norm[j - 1] === '零' || norm[j - 1] === '〇')) return false;
      }
      num = d;
      lastWasDigit = true;
    } else if (c === '十' || c === '百' || c === '千') {
      const u = CN_SMALL_UNIT[c]!;
      section += (num < 0n ? (c === '十' ? 1n : -1n) : num) * u;
      if (num < 0n && c !== '十') return false;
      num = -1n;
      sawUnit = true;
      lastWasDigit = false;
    } else if (c === '万' || c === '亿') {
      if (count === 0) return false;
      const u = c === '万' ? 10000n : 100000000n;
      const v = section + (num < 0n ? 0n : num);
      if (c === '亿') {
        total = (total + v) * u;
      } else {
        total += v * u;
      }
      section = 0n;
      num = -1n;
      sawUnit = true;
      lastWasDigit = false;
    } else break;
    j++;
    count++;
  }
  if (count === 0) return false;
  const intVal = total + section + (num < 0n ? 0n : num);
  if (!sawUnit && count > 1) return false;
  const frac = cnFraction(norm, j, end);
  const decimals = frac.digits.length;
  s.end = frac.end;
  s.dec = decimals;
  s.big = decimals ? { n: intVal * pow10(decimals) + BigInt(frac.digits), d: pow10(decimals) } : { n: intVal, d: 1n };
  return true;
}

/** A number parsed on its own (a table cell). */
export interface NumParse {
  end: number;
  value: Rational;
  decimals: number;
  form: NumberForm;
}

/** Arabic number at i in norm (see scanArabic). */
export function parseArabic(norm: string, i: number, end: number): NumParse | undefined {
  const s = newNumScan();
  if (!scanArabic(s, norm, i, end)) return undefined;
  return { end: s.end, value: scannedValue(s), decimals: s.dec, form: 'arabic' };
}

/** Chinese numeral at i in norm (see scanChinese). */
export function parseChinese(norm: string, i: number, end: number): NumParse | undefined {
  const s = newNumScan();
  if (!scanChinese(s, norm, i, end)) return undefined;
  return { end: s.end, value: scannedValue(s), decimals: s.dec, form: 'chinese' };
}
