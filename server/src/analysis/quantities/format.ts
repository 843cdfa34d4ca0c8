// Writing a figure back in the writer's form: Chinese numerals stay Chinese, full-width digits stay full-width.
import { scaledToString } from './rational';
import type { NumberForm } from './types';
import { fullWidthDigits } from '../text/width';

const CN_DIGITS_STR = '零一二三四五六七八九';

/** Chinese numeral for a non-negative integer (105 → 一百零五, 26 → 二十六). */
export function toChineseInteger(n: bigint): string {
  if (n === 0n) return '零';
  const units = ['', '十', '百', '千'];
  const section = (v: number): string => {
    let s = '';
    let zero = false;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(v / 10 ** p) % 10;
      if (d === 0) {
        if (s) zero = true;
        continue;
      }
      if (zero) s += '零';
      zero = false;
      s += CN_DIGITS_STR[d]! + units[p]!;
    }
    return s;
  };
  const parts: string[] = [];
  const bigUnits = ['', '万', '亿'];
  let v = n;
  let idx = 0;
  const groups: number[] = [];
  while (v > 0n) {
    groups.push(Number(v % 10000n));
    v /= 10000n;
    idx++;
  }
  for (let g = groups.length - 1; g >= 0; g--) {
    const val = groups[g]!;
    if (val === 0) {
      if (parts.length && !parts[parts.length - 1]!.endsWith('零')) parts.push('零');
      continue;
    }
    let s = section(val);
    if (parts.length && val < 1000 && !parts[parts.length - 1]!.endsWith('零')) s = '零' + s;
    parts.push(s + bigUnits[g]!);
  }
  let out = parts.join('').replace(/零+$/, '');
  if (out.startsWith('一十')) out = out.slice(1);
  return out;
}

/**
 * The replacement text for a figure's number (numStart..numEnd) holding `scaled`/10^decimals, in the same form as
 * the original: full-width digits stay full-width, Chinese numerals stay Chinese.
 */
export function formatLike(q: { form: NumberForm; fullWidth: boolean; decimals: number }, scaled: bigint): string {
  const s = scaledToString(scaled, q.decimals);
  if (q.form === 'chinese') {
    const [ip, fp] = s.split('.');
    let out = toChineseInteger(BigInt(ip!));
    if (fp) out += '点' + [...fp].map((d) => CN_DIGITS_STR[Number(d)]).join('');
    return out;
  }
  if (q.fullWidth) return fullWidthDigits(s);
  return s;
}
