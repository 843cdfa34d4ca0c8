// Same-length normalisation for matching: every check matches against `norm` and reports offsets in the original.
import { simplifiedCode } from './text/simplify';
import { halfWidthCode } from './text/width';

const utf16 = new TextDecoder('utf-16le');

function fromCodes(out: Uint16Array): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < out.length; i += CHUNK) s += String.fromCharCode.apply(null, out.subarray(i, i + CHUNK) as unknown as number[]);
  return s;
}

export interface NormaliseResult {
  norm: string;
  /** Number of CJK characters that changed in traditional → simplified conversion. */
  converted: number;
  /** Number of CJK ideographs seen. */
  cjk: number;
}

/**
 * Returns a string of the same length as `text` where
 * - full-width ASCII forms (！ to ～, including digits, ％, （）, ：，) become ASCII,
 * - the ideographic space and no-break space become a plain space,
 * - traditional characters become simplified ones (character by character, so offsets stay aligned).
 */
export function normalise(text: string): NormaliseResult {
  const n = text.length;
  const out = new Uint16Array(n);
  let converted = 0;
  let cjk = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x3000) {
      if (c === 0x00a0) c = 0x20;
    } else if (c >= 0xff01) c = halfWidthCode(c);
    else if (c === 0x3000) c = 0x20;
    else {
      if (c >= 0x4e00 && c <= 0x9fff) cjk++;
      const s = simplifiedCode(c);
      if (s !== c) {
        converted++;
        c = s;
      }
    }
    out[i] = c;
  }
  // UTF-16 code units to a string natively. The decoder turns an unpaired surrogate into U+FFFD, one unit for one,
  // so offsets stay aligned (and a broken character matches nothing either way).
  const norm = utf16.decode(out);
  return { norm: norm.length === n ? norm : fromCodes(out), converted, cjk };
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a small Chinese numeral (一 … 九十九), or undefined. */
export function cnNumeralValue(s: string): number | undefined {
  if (!s) return undefined;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten >= 0) {
    const hi = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
    const loStr = s.slice(ten + 1);
    const lo = loStr === '' ? 0 : CN_DIGITS[loStr];
    if (hi === undefined || lo === undefined || ten > 1 || loStr.length > 1) return undefined;
    return hi * 10 + lo;
  }
  if (s.length === 1) {
    const v = CN_DIGITS[s];
    return v === undefined || v === 0 ? undefined : v;
  }
  return undefined;
}

/** Chinese numeral for 1 … 99 (一, 十, 十一, 二十三). */
export function cnNumeral(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return d[n]!;
  const hi = Math.floor(n / 10);
  const lo = n % 10;
  return (hi === 1 ? '' : d[hi]) + '十' + (lo ? d[lo] : '');
}

/** A year written as 二〇二一 / 二零二一 → 2021. */
export function cnYearValue(s: string): number | undefined {
  if (s.length !== 4) return undefined;
  let v = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return undefined;
    v = v * 10 + d;
  }
  return v;
}
