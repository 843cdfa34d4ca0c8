// Quantities in running text: numbers with their unit, label and form, with exact values.
// Pure and linear: one left-to-right scan per line; values are exact rationals (bigint), never floats.
import type { ReportModel, Span } from './types';
import { normalise } from './normalise';

// ---- exact arithmetic ----------------------------------------------------------------------------

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

// ---- quantities ----------------------------------------------------------------------------------

export type NumberForm = 'arabic' | 'chinese' | 'fraction';

/** A counted or percent figure in running text; start..end is the whole figure (4.68万件, 97.3%, 百分之九十). */
export interface Quantity extends Span {
  /** The digits (or Chinese numerals) of the number only; a fix replaces exactly this range. */
  numStart: number;
  numEnd: number;
  /** Exact value in the base unit (万/亿 applied); for percentages the percent value (99.28). */
  value: Rational;
  /** Digits after the decimal point as written (the precision of a stated rate). */
  decimals: number;
  percent: boolean;
  /** Normalised unit: '%', 'pp' (个百分点), '件', '元' (万元/亿元 scaled) …. */
  unit: string;
  /** Units that count the same things share a class (人/名/位, 件/宗/起/例). */
  unitClass: string;
  /** The unit as written, with its multiplier (万元, 人次, ％). */
  unitRaw: string;
  /** 余 多 近 约 超 左右 以上 …: never checked exactly. */
  approx: boolean;
  form: NumberForm;
  /** The number was written with full-width digits (３８９). */
  fullWidth: boolean;
  /** Normalised words before the figure that say what it counts (受理, 办结率 …), verbs like 达/为 kept. */
  label: string;
  labelStart: number;
  /** The label without trailing linking verbs and approximation words (办结率达 → 办结率). */
  key: string;
  /** Inside parentheses (（含上年结转176件）). */
  paren: boolean;
  /** Index of the TextLine in model.lines (-1 for a plain string). */
  line: number;
}

const UNITS: [string, string][] = [
  // [unit as written, class]
  ['个百分点', 'pp'],
  ['百分点', 'pp'],
  ['平方公里', '平方公里'],
  ['平方米', '平方米'],
  ['人次', '人次'],
  ['场次', '场'],
  ['家次', '家次'],
  ['户次', '户次'],
  ['批次', '批'],
  ['件次', '件次'],
  ['车次', '车次'],
  ['公里', '公里'],
  ['公顷', '公顷'],
  ['元', '元'],
  ['件', '件'],
  ['宗', '件'],
  ['起', '件'],
  ['例', '件'],
  ['项', '项'],
  ['人', '人'],
  ['名', '人'],
  ['位', '人'],
  ['次', '次'],
  ['个', '个'],
  ['户', '户'],
  ['场', '场'],
  ['亩', '亩'],
  ['家', '家'],
  ['条', '条'],
  ['份', '份'],
  ['部', '部'],
  ['处', '处'],
  ['期', '期'],
  ['批', '批'],
  ['篇', '篇'],
  ['册', '册'],
  ['张', '张'],
  ['台', '台'],
  ['套', '套'],
  ['辆', '辆'],
  ['座', '座'],
  ['类', '类'],
  ['支', '支'],
  ['所', '所'],
  ['吨', '吨'],
  ['卷', '卷'],
  ['单', '单'],
  ['轮', '轮'],
  ['节', '节'],
];

/** Words that, right after a unit character, show it is not a unit ("3部门" is fine, "统一部署" is not). */
const UNIT_NOT_BEFORE: Record<string, string> = {
  部: '署门分',
  起: '诉草来点步到',
  名: '单录称义列',
  次: '日年要',
  处: '理罚置分',
  期: '间限满末',
  场: '所景',
  所: '有属在以',
  户: '籍口',
  批: '准复示转',
  台: '账帐',
  例: '如',
  座: '谈',
  支: '持付撑',
  条: '例',
  人: '民大',
  元: '旦',
  个: '人性体',
  类: '似型',
  单: '位元独一纯',
  节: '约日点能',
  卷: '入宗',
  轮: '流换训',
};

/** 个 + these words is a duration, not a count (3个工作日, 6个月). */
const DURATION_AFTER_GE = ['工作日', '月', '小时', '星期', '季度', '年度', '自然日', '周'];

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNIT: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n };

// Character classes by code unit (one table lookup per character in the scan).
const CH_DIGIT = 1;
const CH_CN = 2;
const CH_LATIN = 4;
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = CH_DIGIT;
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = CH_LATIN;
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = CH_LATIN;
for (const ch of '零〇一二两三四五六七八九十百千万亿') CHAR_CLASS[ch.charCodeAt(0)] = CH_CN;
/** Value + 1 of a Chinese digit character (0 = not a digit). */
const CN_DIGIT_VAL = new Int8Array(0x10000);
for (const [ch, v] of Object.entries(CN_DIGIT)) CN_DIGIT_VAL[ch.charCodeAt(0)] = v + 1;
const cls = (c: string | undefined) => (c === undefined ? 0 : CHAR_CLASS[c.charCodeAt(0)]!);
const isDigit = (c: string | undefined) => cls(c) === CH_DIGIT;
const isCnNumChar = (c: string | undefined) => cls(c) === CH_CN;
const isLatin = (c: string | undefined) => cls(c) === CH_LATIN;

/** Strong punctuation that ends a label scan. */
const LABEL_STOP = new Uint8Array(0x10000);
for (const ch of ',，。;；:：!！?？\n《》|') LABEL_STOP[ch.charCodeAt(0)] = 1;
const RANGE_MARK = new Set(['-', '~', '—', '–', '至', '到', '－', '～']);

const PREFIX_APPROX = ['将近', '接近', '大约', '不到', '不足', '不少于', '不低于', '不超过', '至少', '最高', '最多', '高于', '低于', '超过', '多达', '约', '近', '超', '逾'];
const PREFIX_LAST = new Set(PREFIX_APPROX.map((w) => w[w.length - 1]!));
const SUFFIX_APPROX = ['左右', '以上', '以下', '以内', '上下', '之多', '有余', '许'];

/** Trailing linking words stripped from a label to get its key (办结率达到 → 办结率). */
const TRAILING_VERBS = ['达到了', '达到', '提升至', '提升到', '提高至', '提高到', '稳定在', '保持在', '保持', '分别为', '分别是', '分别', '均为', '均达', '高达', '共计', '合计', '总计', '累计', '约为', '大约', '实现', '已达', '达', '为', '是', '约', '近', '超过', '超', '逾', '共', '计', '均', '有', '在', '了', '的', '已', '将近', '接近', '不到', '不足', '至少', '不低于', '高于', '低于'];

const TRAILING_LAST = new Set(TRAILING_VERBS.map((v) => v[v.length - 1]!));

export function stripTrailingVerbs(label: string): string {
  let s = label.trim();
  for (let guard = 0; guard < 6; guard++) {
    const before = s;
    if (!TRAILING_LAST.has(s[s.length - 1] ?? '')) break;
    for (const v of TRAILING_VERBS) {
      if (s.length > v.length && s.endsWith(v)) {
        s = s.slice(0, s.length - v.length).trimEnd();
        break;
      }
    }
    if (s === before) break;
  }
  return s;
}

interface NumParse {
  end: number;
  value: Rational;
  decimals: number;
  form: NumberForm;
}

/** Arabic number at i in norm: 1,234.56 (thousands separators only where the original has an ASCII comma). */
function parseArabic(norm: string, i: number, end: number, orig: string): NumParse | undefined {
  let j = i;
  while (j < end && CHAR_CLASS[norm.charCodeAt(j)] === CH_DIGIT) j++;
  let digits = norm.slice(i, j);
  // thousands separators: ",ddd" groups after a first group of one to three digits (1,286 / １，２０５);
  // a comma followed by anything but exactly three digits is a list separator
  const firstGroup = j - i;
  while (firstGroup <= 3 && j + 3 < end && norm[j] === ',' && isDigit(norm[j + 1]) && isDigit(norm[j + 2]) && isDigit(norm[j + 3]) && !isDigit(norm[j + 4])) {
    digits += norm.slice(j + 1, j + 4);
    j += 4;
  }
  let decimals = 0;
  let frac = '';
  if (norm[j] === '.' && isDigit(norm[j + 1]) && j + 1 < end) {
    j++;
    const f0 = j;
    while (j < end && CHAR_CLASS[norm.charCodeAt(j)] === CH_DIGIT) j++;
    frac = norm.slice(f0, j);
    decimals = frac.length;
    // 2023.12.31, 1.2.3: a date or version, not a number
    if (norm[j] === '.' && isDigit(norm[j + 1])) return undefined;
  }
  if (digits.length > 15) return undefined;
  return { end: j, value: { n: BigInt(digits + frac), d: pow10(decimals) }, decimals, form: 'arabic' };
}

/** Chinese numeral at i: 一百零五, 二十六, 两万, 九十九点三. Digit strings without units (二〇二三, 七五) are rejected. */
function parseChinese(norm: string, i: number, end: number): NumParse | undefined {
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
        // two digits in a row (七五, 二〇二三): not a quantity numeral
        if (!(norm[j - 1] === '零' || norm[j - 1] === '〇')) return undefined;
      }
      num = d;
      lastWasDigit = true;
    } else if (c === '十' || c === '百' || c === '千') {
      const u = CN_SMALL_UNIT[c]!;
      section += (num < 0n ? (c === '十' ? 1n : -1n) : num) * u;
      if (num < 0n && c !== '十') return undefined;
      num = -1n;
      sawUnit = true;
      lastWasDigit = false;
    } else if (c === '万' || c === '亿') {
      if (count === 0) return undefined;
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
  if (count === 0) return undefined;
  let intVal = total + section + (num < 0n ? 0n : num);
  if (!sawUnit && count > 1) return undefined;
  // a trailing 万/亿 that is really a multiplier of a unit (两万元) is fine: value already scaled
  let decimals = 0;
  let fracDigits = '';
  if (norm[j] === '点' && norm[j + 1] !== undefined && norm[j + 1]! in CN_DIGIT) {
    let k = j + 1;
    while (k < end && norm[k]! in CN_DIGIT) fracDigits += String(CN_DIGIT[norm[k]!]), k++;
    decimals = fracDigits.length;
    j = k;
  }
  const value: Rational = decimals ? { n: intVal * pow10(decimals) + BigInt(fracDigits), d: pow10(decimals) } : { n: intVal, d: 1n };
  return { end: j, value, decimals, form: 'chinese' };
}

const UNITS_BY_FIRST = new Map<string, [string, string][]>();
for (const u of UNITS) {
  const k = u[0][0]!;
  let l = UNITS_BY_FIRST.get(k);
  if (!l) UNITS_BY_FIRST.set(k, (l = []));
  l.push(u);
}

function matchUnit(norm: string, j: number, end: number): { unit: string; cls: string; len: number } | undefined {
  const list = UNITS_BY_FIRST.get(norm[j] ?? '');
  if (!list) return undefined;
  for (const [u, cls] of list) {
    if (j + u.length > end) continue;
    if (norm.startsWith(u, j)) {
      const next = norm[j + u.length];
      const bad = UNIT_NOT_BEFORE[u];
      if (bad && next !== undefined && bad.includes(next)) return undefined;
      if (u === '个') {
        for (const w of DURATION_AFTER_GE) if (norm.startsWith(w, j + 1)) return undefined;
      }
      return { unit: u, cls, len: u.length };
    }
  }
  return undefined;
}

const OPENERS: Record<number, number> = { 0x300a: 0x300b, 0x3014: 0x3015, 0x3010: 0x3011, 91: 93, 0x201c: 0x201d, 0x300c: 0x300d, 0x2018: 0x2019, 0x3008: 0x3009 };
const CLOSERS = new Map<number, number>(Object.entries(OPENERS).map(([o, c]) => [c, Number(o)]));
/** 1 = opener, 2 = closer. */
const BRACKET = new Uint8Array(0x10000);
for (const [o, c] of Object.entries(OPENERS)) (BRACKET[Number(o)] = 1), (BRACKET[c] = 2);
const QUOTE_OPENERS = new Set([0x201c, 0x300c, 0x2018]);

/** Regions where numbers are not quantities: titles 《》, document numbers 〔〕【】[], short quotes (slogans). */
function protectedRanges(norm: string, start: number, end: number): number[] {
  const ranges: number[] = [];
  const stack: number[] = []; // pairs: opener code, position
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    const kind = BRACKET[c];
    if (!kind) continue;
    if (kind === 1) {
      if (stack.length < 64) stack.push(c, i);
      continue;
    }
    const open = CLOSERS.get(c);
    if (open === undefined) continue;
    let k = stack.length - 2;
    while (k >= 0 && stack[k] !== open) k -= 2;
    if (k < 0) continue;
    const s = stack[k + 1]!;
    stack.length = k;
    // quotes protect slogans (“最多跑一次”, “12345”), not long quoted passages
    if (!QUOTE_OPENERS.has(open) || i - s <= 16) ranges.push(s, i + 1);
  }
  return ranges;
}

function inRanges(ranges: number[], pos: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (pos >= ranges[k]! && pos < ranges[k + 1]!) return true;
  return false;
}

function parenDepthBefore(norm: string, lineStart: number, pos: number): boolean {
  // Is pos inside an unclosed ( on this line? (scan back to the sentence start, bounded)
  let depth = 0;
  for (let k = pos - 1; k >= lineStart && k >= pos - 120; k--) {
    const c = norm.charCodeAt(k);
    if (c === 41 || c === 0xff09) depth++;
    else if (c === 40 || c === 0xff08) {
      if (depth === 0) return true;
      depth--;
    } else if (c === 0x3002) return false;
  }
  return false;
}

function isFullWidthDigit(code: number): boolean {
  return code >= 0xff10 && code <= 0xff19;
}

/**
 * Extracts quantities from norm[start, end) (one line of text). `orig` is the original text (same offsets) for
 * the digit width and the thousands separators; for plain strings it may be omitted.
 */
export function extractQuantities(norm: string, start = 0, end = norm.length, orig: string = norm, line = -1): Quantity[] {
  const out: Quantity[] = [];
  const prot = protectedRanges(norm, start, end);
  let prevEnd = start;
  let i = start;
  while (i < end) {
    // fast skip of characters that cannot start a number
    const code = norm.charCodeAt(i);
    if (CHAR_CLASS[code] === 0 && code !== 0x767e /* 百 */) {
      i++;
      continue;
    }
    const c = norm[i]!;
    let parsed: NumParse | undefined;
    let pctPrefix = -1; // start of 百分之
    let fracDen: Rational | undefined;
    const numStart = i;
    if (isDigit(c)) {
      const p = norm[i - 1];
      // part of a bigger token (V2.0, 0398-…, a malformed 1234,567)
      if (i > start && (isDigit(p) || isLatin(p) || p === '.' || p === '_' || p === '/' || p === '#' || p === '@' || (orig[i - 1] === ',' && isDigit(norm[i - 2])))) {
        // part of a bigger token
        while (i < end && (isDigit(norm[i]) || norm[i] === '.')) i++;
        continue;
      }
      parsed = parseArabic(norm, i, end, orig);
      if (!parsed) {
        while (i < end && (isDigit(norm[i]) || norm[i] === '.')) i++;
        continue;
      }
    } else if (c === '百' && norm.startsWith('百分之', i)) {
      pctPrefix = i;
      const k = i + 3;
      parsed = isDigit(norm[k]) ? parseArabic(norm, k, end, orig) : norm[k] === '百' && !isCnNumChar(norm[k + 1]) ? { end: k + 1, value: R(100), decimals: 0, form: 'chinese' } : parseChinese(norm, k, end);
      if (!parsed) {
        i += 3;
        continue;
      }
    } else if (isCnNumChar(c) && !isCnNumChar(norm[i - 1])) {
      parsed = parseChinese(norm, i, end);
      if (!parsed) {
        while (i < end && isCnNumChar(norm[i])) i++;
        continue;
      }
      // X分之Y: a fraction (三分之一)
      if (norm.startsWith('分之', parsed.end)) {
        const y = parseChinese(norm, parsed.end + 2, end);
        if (y && parsed.value.n > 0n) {
          fracDen = parsed.value;
          parsed = { end: y.end, value: rmul(rdiv(y.value, fracDen), HUNDRED), decimals: 0, form: 'fraction' };
        }
      }
    } else {
      i++;
      continue;
    }

    const nStart = pctPrefix >= 0 ? pctPrefix + 3 : numStart;
    const nEnd = parsed.end;
    const figStart = pctPrefix >= 0 ? pctPrefix : numStart;
    i = Math.max(nEnd, i + 1);

    if (prot.length && inRanges(prot, figStart)) continue;
    // ordinal 第一 / 第3, weekday, 一是
    const before = norm[figStart - 1];
    if (before === '第' || before === '周' || (before === '期' && norm[figStart - 2] === '星')) continue;
    if (parsed.form === 'chinese' && pctPrefix < 0) {
      // 统一部署, 唯一, 同一: a numeral inside a word; a lone 一 is almost never a counted quantity
      if (parsed.value.n === parsed.value.d && nEnd - nStart === 1) continue;
      if (nEnd - nStart === 1 && before !== undefined && '统唯同逐单之万专划合归任每另'.includes(before)) continue;
    }
    // ranges 3-5个, 3至5个: neither end is a quantity
    {
      let k = figStart - 1;
      while (k > start && norm[k] === ' ') k--;
      if (k >= start && RANGE_MARK.has(norm[k]!) && (isDigit(norm[k - 1]) || norm[k - 1] === '%' || isCnNumChar(norm[k - 1]))) continue;
    }

    // after the number: multiplier, approximation, unit, percent sign
    let j = nEnd;
    let approx = false;
    let mult = 1n;
    let unitRaw = '';
    let unit = '';
    let uclass = '';
    let percent = pctPrefix >= 0 || parsed.form === 'fraction';
    if (parsed.form === 'fraction') approx = true;
    while (j < end && norm[j] === ' ') j++;
    if (!percent) {
      if (norm[j] === '%') {
        percent = true;
        unitRaw = orig[j]!;
        j++;
      } else if (norm[j] === '‰') {
        // per mille: keep as a percent value /10
        percent = true;
        unitRaw = '‰';
        parsed = { ...parsed, value: rdiv(parsed.value, R(10)), decimals: parsed.decimals + 1 };
        j++;
      } else {
        const uStart = j;
        if (parsed.form === 'arabic' && (norm[j] === '万' || norm[j] === '亿' || norm[j] === '千')) {
          mult = norm[j] === '万' ? 10000n : norm[j] === '亿' ? 100000000n : 1000n;
          j++;
        }
        if (norm[j] === '余' || norm[j] === '多') {
          approx = true;
          j++;
        }
        const m = matchUnit(norm, j, end);
        if (m) {
          unit = m.unit;
          uclass = m.cls;
          j += m.len;
          unitRaw = orig.slice(uStart, j);
        } else {
          // bare numbers are not quantities in running text (hotlines, years, versions, scores)
          continue;
        }
      }
    }
    if (percent && !unit) {
      unit = '%';
      uclass = '%';
    }
    if (uclass === 'pp') unit = 'pp';
    // ranges after: 3-5个 handled above for the second; here the first (3-5个: the number is followed by -5)
    if (RANGE_MARK.has(norm[nEnd] ?? '') && (isDigit(norm[nEnd + 1]) || isCnNumChar(norm[nEnd + 1]))) continue;
    if (RANGE_MARK.has(norm[j] ?? '') && (isDigit(norm[j + 1]) || isCnNumChar(norm[j + 1]))) continue;
    // 年/月/日 after a counted unit never happens; a number directly followed by 年 etc. has no unit and was skipped
    if (isLatin(norm[j]) && !percent) continue;

    // approximation words around the figure
    for (const w of SUFFIX_APPROX) {
      if (norm.startsWith(w, j)) {
        approx = true;
        break;
      }
    }
    if (norm[j] === '多' || norm[j] === '余') approx = true;
    let k = figStart;
    while (k > start && norm[k - 1] === ' ') k--;
    if (k > start && PREFIX_LAST.has(norm[k - 1]!)) for (const w of PREFIX_APPROX) {
      if (k - w.length >= start && norm.startsWith(w, k - w.length)) {
        // 最近 / 近年 are not approximations of this number: 近 must touch it
        if (w === '近' && (norm[k - 2] === '最' || norm[k - 2] === '附')) continue;
        approx = true;
        break;
      }
    }

    // label: back to strong punctuation, the previous quantity, or an unmatched opening parenthesis
    let ls = k;
    let depth = 0;
    let paren = false;
    while (ls > prevEnd && ls > start && figStart - ls < 48) {
      const ch = norm.charCodeAt(ls - 1);
      if (LABEL_STOP[ch]) break;
      if (ch === 41 || ch === 0xff09) depth++;
      else if (ch === 40 || ch === 0xff08) {
        if (depth === 0) {
          paren = true;
          break;
        }
        depth--;
      }
      ls--;
    }
    if (!paren) paren = parenDepthBefore(norm, start, figStart);
    while (ls < k && norm[ls] === ' ') ls++;
    const label = norm.slice(ls, k);

    let value = parsed.value;
    if (mult !== 1n) value = rmul(value, R(mult));
    const wcode = orig.charCodeAt(nStart);
    out.push({
      start: figStart,
      end: j,
      numStart: nStart,
      numEnd: nEnd,
      value,
      decimals: parsed.decimals,
      percent,
      unit,
      unitClass: uclass,
      unitRaw,
      approx,
      form: parsed.form,
      fullWidth: isFullWidthDigit(wcode),
      label,
      labelStart: ls,
      key: stripTrailingVerbs(label),
      paren,
      line,
    });
    prevEnd = j;
    i = j;
  }
  return out;
}

/** Quantities of a plain string (normalised first: traditional → simplified, full-width → half-width). */
export function quantitiesOf(text: string): Quantity[] {
  return extractQuantities(normalise(text).norm, 0, text.length, text);
}

// ---- per-model cache -----------------------------------------------------------------------------

export interface ModelQuantities {
  /** All quantities of paragraph and heading lines, in document order. */
  all: Quantity[];
  /** Quantities of each line (index = model.lines index). */
  byLine: Quantity[][];
}

const cache = new WeakMap<ReportModel, ModelQuantities>();

/** Quantities of the running text (paragraphs and headings; table rows are read cell by cell elsewhere). */
export function getQuantities(model: ReportModel): ModelQuantities {
  let q = cache.get(model);
  if (q) return q;
  const all: Quantity[] = [];
  const byLine: Quantity[][] = [];
  model.lines.forEach((ln, idx) => {
    if (ln.kind === 'table-row') {
      byLine.push([]);
      return;
    }
    const qs = extractQuantities(model.norm, ln.start, ln.end, model.text, idx);
    byLine.push(qs);
    for (const x of qs) all.push(x);
  });
  q = { all, byLine };
  cache.set(model, q);
  return q;
}

// ---- table cells ---------------------------------------------------------------------------------

export interface CellNumber {
  numStart: number;
  numEnd: number;
  start: number;
  end: number;
  value: Rational;
  decimals: number;
  percent: boolean;
  approx: boolean;
  fullWidth: boolean;
  form: NumberForm;
}

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
  const p = parseArabic(norm, s, e, orig);
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

// ---- writing a figure back in the writer's form --------------------------------------------------

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
  if (q.fullWidth) return [...s].map((ch) => (ch >= '0' && ch <= '9' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch === '.' ? '．' : ch)).join('');
  return s;
}
