// Numbers in table cells: a cell that holds one number (437, 1,234, 99.3%, 4.68万, 约100) and nothing else.
import { isDigit } from './chars';
import { parseArabic, parseChinese } from './numerals';
import { R, rmul } from './rational';
import type { CellNumber } from './types';
import { matchUnit } from './units';
import { SUFFIX_APPROX } from './words';
import { isFullWidthDigit } from '../text/width';

/** A table cell holding one number (437, 1,234, 99.3%, 4.68万, 约100): its value; undefined for text cells. */
export function parseCellNumber(norm: string, start: number, end: number, orig: string = norm): CellNumber | undefined {
  let s = start;
  let e = end;
  while (s < e && (norm[s] === ' ' || norm[s] === '\t')) s++;
  while (e > s && (norm[e - 1] === ' ' || norm[e - 1] === '\t')) e--;
  if (s >= e) return undefined;
  let approx = false;
  for (const w of ['约', '近', '超过', '超', '逾', '不到', '不足']) {
    if (norm.startsWith(w, s)) {
      approx = true;
      s += w.length;
      break;
    }
  }
  // strip markdown emphasis
  while (s < e && norm[s] === '*') s++;
  while (e > s && norm[e - 1] === '*') e--;
  if (!isDigit(norm[s])) {
    const cn = parseChinese(norm, s, e);
    if (!cn || cn.end !== e) return undefined;
    return { numStart: s, numEnd: e, start: s, end: e, value: cn.value, decimals: cn.decimals, percent: false, approx, fullWidth: false, form: 'chinese' };
  }
  const p = parseArabic(norm, s, e);
  if (!p) return undefined;
  let j = p.end;
  let value = p.value;
  let percent = false;
  if (norm[j] === '万' || norm[j] === '亿') {
    value = rmul(value, R(norm[j] === '万' ? 10000n : 100000000n));
    j++;
  }
  if (norm[j] === '余' || norm[j] === '多') {
    approx = true;
    j++;
  }
  if (norm[j] === '%') {
    percent = true;
    j++;
  } else {
    const m = matchUnit(norm, j, e);
    if (m && m.cls !== 'pp') j += m.len;
  }
  for (const w of SUFFIX_APPROX) if (norm.startsWith(w, j)) (approx = true), (j += w.length);
  if (j !== e) return undefined;
  return { numStart: s, numEnd: p.end, start: s, end: e, value, decimals: p.decimals, percent, approx, fullWidth: isFullWidthDigit(orig.charCodeAt(s)), form: 'arabic' };
}
