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

// Character classes by code unit (one table lookup per character in the scan; no one-character strings).
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
/** Class of the code unit at i (0 outside the string). */
const clsAt = (s: string, i: number): number => CHAR_CLASS[s.charCodeAt(i)] ?? 0;
const digitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** A table of code units: 1 for each character of `chars`. */
function codeSet(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** Lists by code unit: a byte per code unit indexes the lists (0 = none). */
class CodeLists<T> {
  private readonly index = new Uint8Array(0x10000);
  private readonly lists: T[][] = [[]];
  add(code: number, item: T) {
    if (!this.index[code]) {
      if (this.lists.length > 255) throw new Error('CodeLists: too many lists');
      this.index[code] = this.lists.length;
      this.lists.push([]);
    }
    this.lists[this.index[code]!]!.push(item);
  }
  get(code: number): T[] | undefined {
    const k = this.index[code];
    return k ? this.lists[k] : undefined;
  }
}

const C_SPACE = 32;
const C_PERCENT = 37;
const C_COMMA = 44;
const C_DOT = 46;
const C_PERMILLE = 0x2030; // ‰
const C_BAI = 0x767e; // 百
const C_SHI = 0x5341; // 十
const C_QIAN = 0x5343; // 千
const C_WAN = 0x4e07; // 万
const C_YI = 0x4ebf; // 亿
const C_YU = 0x4f59; // 余
const C_DUO = 0x591a; // 多
const C_DIAN = 0x70b9; // 点
const C_FEN = 0x5206; // 分
const C_LING = 0x96f6; // 零
const C_LING2 = 0x3007; // 〇
const C_DI = 0x7b2c; // 第
const C_ZHOU = 0x5468; // 周
const C_QI = 0x671f; // 期
const C_XING = 0x661f; // 星
const C_ZUI = 0x6700; // 最
const C_FU = 0x9644; // 附
const C_JIN = 0x8fd1; // 近
const C_JU = 0x3002; // 。

/** Strong punctuation that ends a label scan. */
const LABEL_STOP = codeSet(',，。;；:：!！?？\n《》|');
const RANGE_MARK = codeSet(['-', '~', '—', '–', '至', '到', '－', '～']);
/** Characters before which a lone numeral is part of a word (统一, 唯一, 同一 …). */
const WORD_BEFORE_NUMERAL = codeSet('统唯同逐单之万专划合归任每另');

const PREFIX_APPROX = ['将近', '接近', '大约', '不到', '不足', '不少于', '不低于', '不超过', '至少', '最高', '最多', '高于', '低于', '超过', '多达', '约', '近', '超', '逾'];
const PREFIX_LAST = codeSet(PREFIX_APPROX.map((w) => w[w.length - 1]!));
const SUFFIX_APPROX = ['左右', '以上', '以下', '以内', '上下', '之多', '有余', '许'];
const SUFFIX_FIRST = codeSet(SUFFIX_APPROX.map((w) => w[0]!));

/** Trailing linking words stripped from a label to get its key (办结率达到 → 办结率). */
const TRAILING_VERBS = ['达到了', '达到', '提升至', '提升到', '提高至', '提高到', '稳定在', '保持在', '保持', '分别为', '分别是', '分别', '均为', '均达', '高达', '共计', '合计', '总计', '累计', '约为', '大约', '实现', '已达', '达', '为', '是', '约', '近', '超过', '超', '逾', '共', '计', '均', '有', '在', '了', '的', '已', '将近', '接近', '不到', '不足', '至少', '不低于', '高于', '低于'];

/** The trailing verbs by their last character, in list order (a word can only end a label that ends in its last character). */
const TRAILING_BY_LAST = new CodeLists<string>();
for (const v of TRAILING_VERBS) TRAILING_BY_LAST.add(v.charCodeAt(v.length - 1), v);

export function stripTrailingVerbs(label: string): string {
  let s = label.trim();
  for (let guard = 0; guard < 6; guard++) {
    if (!s) break;
    const list = TRAILING_BY_LAST.get(s.charCodeAt(s.length - 1));
    if (!list) break;
    let changed = false;
    for (const v of list) {
      if (s.length > v.length && s.endsWith(v)) {
        s = s.slice(0, s.length - v.length).trimEnd();
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return s;
}

interface NumParse {
  end: number;
  value: Rational;
  decimals: number;
  form: NumberForm;
}

// The number scanners leave their result here (no allocation for the many numbers that turn out not to be
// quantities): the end, the decimals, and the exact value as a plain integer numerator over 10^decimals while it is
// below 2^53 (sNum), else as a rational (sBig).
let sEnd = 0;
let sDec = 0;
let sNum = 0;
let sBig: Rational | undefined;

/**
 * Shared values of small whole numbers (0–4095) and of small decimals: rationals are never mutated, and most
 * figures of a report are small, so most quantities need no value of their own (fewer objects to keep).
 */
const SMALL_LIMIT = 4096;
const smallValues: (Rational | undefined)[][] = [[], [], []];

/** The exact value of the last scan. */
function scannedValue(): Rational {
  if (sBig) return sBig;
  if (sNum < SMALL_LIMIT && sDec <= 2) {
    const row = smallValues[sDec]!;
    return (row[sNum] ??= { n: BigInt(sNum), d: pow10(sDec) });
  }
  return { n: BigInt(sNum), d: pow10(sDec) };
}

/** Arabic number at i in norm: 1,234.56 (thousands separators: ",ddd" groups after a first group of 1–3 digits). */
function scanArabic(norm: string, i: number, end: number): boolean {
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
  sEnd = j;
  sDec = decimals;
  if (intDigits + decimals <= 15) {
    sNum = v;
    sBig = undefined;
  } else {
    // too many digits for a double: the digits without separators, as a bigint
    let digits = '';
    for (let k = i; k < j; k++) {
      const ch = norm.charCodeAt(k);
      if (ch !== C_COMMA && ch !== C_DOT) digits += norm[k];
    }
    sBig = { n: BigInt(digits), d: pow10(decimals) };
  }
  return true;
}

/** Above this a Chinese numeral is evaluated with bigints (exact doubles go to 2^53). */
const SAFE_CN = 2 ** 50;

/** Chinese numeral at i: 一百零五, 二十六, 两万, 九十九点三. Digit strings without units (二〇二三, 七五) are rejected. */
function scanChinese(norm: string, i: number, end: number): boolean {
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
      if (total > SAFE_CN || section > SAFE_CN) return scanChineseBig(norm, i, end);
      section = 0;
      num = -1;
      sawUnit = true;
      lastWasDigit = false;
    } else break;
    j++;
    count++;
  }
  if (count === 0) return false;
  if (section > SAFE_CN) return scanChineseBig(norm, i, end);
  const intVal = total + section + (num < 0 ? 0 : num);
  if (!sawUnit && count > 1) return false;
  // a trailing 万/亿 that is really a multiplier of a unit (两万元) is fine: value already scaled
  sDec = 0;
  sNum = intVal;
  sBig = undefined;
  if (norm.charCodeAt(j) === C_DIAN && CN_DIGIT_VAL[norm.charCodeAt(j + 1)]) {
    let k = j + 1;
    let fracDigits = '';
    while (k < end && CN_DIGIT_VAL[norm.charCodeAt(k)]) fracDigits += String(CN_DIGIT_VAL[norm.charCodeAt(k)]! - 1), k++;
    const decimals = fracDigits.length;
    j = k;
    if (decimals) {
      sDec = decimals;
      sBig = { n: BigInt(intVal) * pow10(decimals) + BigInt(fracDigits), d: pow10(decimals) };
    }
  }
  sEnd = j;
  return true;
}

/** scanChinese with bigint arithmetic throughout, for numerals beyond the exact range of a double (九千亿亿). */
function scanChineseBig(norm: string, i: number, end: number): boolean {
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
  let decimals = 0;
  let fracDigits = '';
  if (norm[j] === '点' && norm[j + 1] !== undefined && norm[j + 1]! in CN_DIGIT) {
    let k = j + 1;
    while (k < end && norm[k]! in CN_DIGIT) fracDigits += String(CN_DIGIT[norm[k]!]), k++;
    decimals = fracDigits.length;
    j = k;
  }
  sEnd = j;
  sDec = decimals;
  sBig = decimals ? { n: intVal * pow10(decimals) + BigInt(fracDigits), d: pow10(decimals) } : { n: intVal, d: 1n };
  return true;
}

/** Arabic number at i in norm (see scanArabic). */
function parseArabic(norm: string, i: number, end: number): NumParse | undefined {
  if (!scanArabic(norm, i, end)) return undefined;
  return { end: sEnd, value: scannedValue(), decimals: sDec, form: 'arabic' };
}

/** Chinese numeral at i in norm (see scanChinese). */
function parseChinese(norm: string, i: number, end: number): NumParse | undefined {
  if (!scanChinese(norm, i, end)) return undefined;
  return { end: sEnd, value: scannedValue(), decimals: sDec, form: 'chinese' };
}

interface UnitMatch {
  unit: string;
  cls: string;
  len: number;
  /** Characters that must not follow (UNIT_NOT_BEFORE), as code units. */
  bad: number[];
}

/** The units by the code of their first character, longest first where it matters (UNITS order). */
const UNITS_BY_FIRST = new CodeLists<UnitMatch>();
for (const [unit, ucls] of UNITS) {
  UNITS_BY_FIRST.add(unit.charCodeAt(0), { unit, cls: ucls, len: unit.length, bad: [...(UNIT_NOT_BEFORE[unit] ?? '')].map((ch) => ch.charCodeAt(0)) });
}
const C_GE = 0x4e2a; // 个
const DURATION_FIRST = codeSet(DURATION_AFTER_GE.map((w) => w[0]!));

function matchUnit(norm: string, j: number, end: number): UnitMatch | undefined {
  const list = UNITS_BY_FIRST.get(norm.charCodeAt(j));
  if (!list) return undefined;
  for (const m of list) {
    if (j + m.len > end) continue;
    if (m.len === 1 || norm.startsWith(m.unit, j)) {
      if (m.bad.length && m.bad.includes(norm.charCodeAt(j + m.len))) return undefined;
      if (m.len === 1 && norm.charCodeAt(j) === C_GE && DURATION_FIRST[norm.charCodeAt(j + 1)]) {
        for (const w of DURATION_AFTER_GE) if (norm.startsWith(w, j + 1)) return undefined;
      }
      return m;
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

/** Keeps at most this many openers (pairs of entries) on a bracket stack. */
const BRACKET_STACK_MAX = 64;

/**
 * Closes the innermost opener of a closer's kind on a bracket stack (pairs: opener code, position), dropping the
 * openers above it; the opener's position, or -1 when there is none.
 */
function closeBracket(stack: number[], c: number): number {
  const open = CLOSERS.get(c);
  if (open === undefined) return -1;
  let k = stack.length - 2;
  while (k >= 0 && stack[k] !== open) k -= 2;
  if (k < 0) return -1;
  const s = stack[k + 1]!;
  stack.length = k;
  return s;
}

/** Regions where numbers are not quantities: titles 《》, document numbers 〔〕【】[], short quotes (slogans). */
function protectedRanges(norm: string, start: number, end: number): number[] {
  const ranges: number[] = [];
  const stack: number[] = []; // pairs: opener code, position
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    const kind = BRACKET[c];
    if (!kind) continue;
    if (kind === 1) {
      if (stack.length < BRACKET_STACK_MAX) stack.push(c, i);
      continue;
    }
    const open = CLOSERS.get(c)!;
    const s = closeBracket(stack, c);
    if (s < 0) continue;
    // quotes protect slogans (“最多跑一次”, “12345”), not long quoted passages
    if (!QUOTE_OPENERS.has(open) || i - s <= 16) ranges.push(s, i + 1);
  }
  return ranges;
}

function inRanges(ranges: number[], pos: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (pos >= ranges[k]! && pos < ranges[k + 1]!) return true;
  return false;
}

/** How far back an unclosed parenthesis still puts a figure inside it (within the sentence). */
const PAREN_REACH = 120;

// The main scan reads one table per character: the character classes (below EV_OPEN), the characters that change
// the state of brackets (protected ranges) and parentheses (figures in parentheses), and the characters the number
// relations look for (sentence ends, 其中, colons, 分别), which are recorded as text marks.
const EV_OPEN = 8;
const EV_CLOSE = 9;
const EV_PAREN_OPEN = 10;
const EV_PAREN_CLOSE = 11;
const EV_JU = 12; // 。
const EV_STOP = 13; // ! ? ！ ？ (text mark 1, like 。)
const EV_QI = 14; // 其 (text mark 2)
const EV_COLON = 15; // : (text mark 3)
const EV_FEN = 16; // 分 (text mark 4)
const SCAN = Uint8Array.from(CHAR_CLASS);
for (let c = 0; c < 0x10000; c++) if (BRACKET[c]) SCAN[c] = BRACKET[c] === 1 ? EV_OPEN : EV_CLOSE;
SCAN[40] = SCAN[0xff08] = EV_PAREN_OPEN;
SCAN[41] = SCAN[0xff09] = EV_PAREN_CLOSE;
SCAN[C_JU] = EV_JU;
for (const ch of '!?！？') SCAN[ch.charCodeAt(0)] = EV_STOP;
SCAN[0x5176 /* 其 */] = EV_QI;
SCAN[58 /* : */] = EV_COLON;
SCAN[0x5206 /* 分 */] = EV_FEN;

/** closeBracket on a stack held in stack[0, n): the new n. */
function closeBracketIn(stack: number[], n: number, c: number): number {
  const open = CLOSERS.get(c);
  if (open === undefined) return n;
  let k = n - 2;
  while (k >= 0 && stack[k] !== open) k -= 2;
  return k < 0 ? n : k;
}

// Scratch state of the scan of one line (extraction is not re-entrant): stacks of pending brackets (pairs: opener
// code, position) and of unclosed parentheses (positions), used up to a count.
const bracketStack: number[] = [];
const parenStack: number[] = [];

/**
 * Marks of the running text, recorded while getQuantities scans the lines: the positions of the characters the
 * number relations look for (the scan skips only digits, numerals, units and signs, none of which is one of them).
 */
export interface TextMarks {
  /** Positions, in the order of model.lines. */
  pos: Int32Array;
  /** 1 sentence end (。 ! ? ！ ？), 2 其, 3 :, 4 分. */
  kind: Uint8Array;
  /** The marks of model.lines[i] are [lineStart[i], lineStart[i + 1]). */
  lineStart: Int32Array;
}

let recording = false;
let markPos = new Int32Array(1024);
let markKind = new Uint8Array(1024);
let nMarks = 0;

function addMark(pos: number, kind: number) {
  if (nMarks === markPos.length) {
    const p = new Int32Array(2 * nMarks);
    p.set(markPos);
    markPos = p;
    const k = new Uint8Array(2 * nMarks);
    k.set(markKind);
    markKind = k;
  }
  markPos[nMarks] = pos;
  markKind[nMarks++] = kind;
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
  // Brackets, read as the scan goes (as protectedRanges reads them): a figure can only be in a protected range
  // while an opener is pending, and only then are the ranges of the line worked out.
  const brackets = bracketStack;
  let nb = 0;
  let prot: number[] | undefined;
  // Parentheses, read as the scan goes: the unclosed ( of the current sentence (reset at 。). A figure is in
  // parentheses when the innermost unclosed one is on its line, in its sentence and near enough. (The scan skips
  // only digits, numerals, units and signs, never a bracket or a parenthesis.)
  const parens = parenStack;
  let np = 0;
  let prevEnd = start;
  let i = start;
  while (i < end) {
    // fast skip of characters that cannot start a number
    const code = norm.charCodeAt(i);
    const cc = SCAN[code]!;
    if (cc === 0) {
      i++;
      continue;
    }
    if (cc >= EV_OPEN) {
      if (cc === EV_OPEN) {
        if (nb < BRACKET_STACK_MAX) (brackets[nb++] = code), (brackets[nb++] = i);
      } else if (cc === EV_CLOSE) nb = closeBracketIn(brackets, nb, code);
      else if (cc === EV_PAREN_OPEN) parens[np++] = i;
      else if (cc === EV_PAREN_CLOSE) {
        if (np) np--;
      } else if (cc === EV_JU) {
        np = 0;
        if (recording) addMark(i, 1);
      } else if (recording) addMark(i, cc - EV_STOP + 1);
      i++;
      continue;
    }
    let form: NumberForm;
    let pctPrefix = -1; // start of 百分之
    let fraction: Rational | undefined;
    const numStart = i;
    if (cc === CH_DIGIT) {
      // part of a bigger token (V2.0, 0398-…, a malformed 1234,567)
      if (i > start) {
        const p = norm.charCodeAt(i - 1);
        const pc = CHAR_CLASS[p];
        if (pc === CH_DIGIT || pc === CH_LATIN || p === C_DOT || p === 95 /* _ */ || p === 47 /* / */ || p === 35 /* # */ || p === 64 /* @ */ || (orig.charCodeAt(i - 1) === C_COMMA && digitAt(norm, i - 2))) {
          while (i < end && (digitAt(norm, i) || norm.charCodeAt(i) === C_DOT)) i++;
          continue;
        }
      }
      if (!scanArabic(norm, i, end)) {
        while (i < end && (digitAt(norm, i) || norm.charCodeAt(i) === C_DOT)) i++;
        continue;
      }
      form = 'arabic';
    } else if (code === C_BAI && norm.startsWith('百分之', i)) {
      pctPrefix = i;
      const k = i + 3;
      let ok: boolean;
      if (digitAt(norm, k)) {
        ok = scanArabic(norm, k, end);
        form = 'arabic';
      } else if (norm.charCodeAt(k) === C_BAI && clsAt(norm, k + 1) !== CH_CN) {
        (sEnd = k + 1), (sDec = 0), (sNum = 100), (sBig = undefined);
        ok = true;
        form = 'chinese';
      } else {
        ok = scanChinese(norm, k, end);
        form = 'chinese';
      }
      if (!ok) {
        i += 3;
        continue;
      }
    } else if (cc === CH_CN && clsAt(norm, i - 1) !== CH_CN) {
      if (!scanChinese(norm, i, end)) {
        while (i < end && clsAt(norm, i) === CH_CN) i++;
        continue;
      }
      form = 'chinese';
      // X分之Y: a fraction (三分之一)
      if (norm.charCodeAt(sEnd) === C_FEN && norm.startsWith('分之', sEnd)) {
        const positive = sBig ? sBig.n > 0n : sNum > 0;
        if (positive) {
          const den = scannedValue();
          const x = { end: sEnd, dec: sDec, num: sNum, big: sBig };
          if (scanChinese(norm, x.end + 2, end)) {
            fraction = rmul(rdiv(scannedValue(), den), HUNDRED);
            form = 'fraction';
            sDec = 0;
          } else (sEnd = x.end), (sDec = x.dec), (sNum = x.num), (sBig = x.big);
        }
      }
    } else {
      i++;
      continue;
    }

    const nStart = pctPrefix >= 0 ? pctPrefix + 3 : numStart;
    const nEnd = sEnd;
    const figStart = pctPrefix >= 0 ? pctPrefix : numStart;
    i = Math.max(nEnd, i + 1);

    if (nb && inRanges((prot ??= protectedRanges(norm, start, end)), figStart)) continue;
    // ordinal 第一 / 第3, weekday, 一是
    const before = norm.charCodeAt(figStart - 1);
    if (before === C_DI || before === C_ZHOU || (before === C_QI && norm.charCodeAt(figStart - 2) === C_XING)) continue;
    if (form === 'chinese' && pctPrefix < 0 && nEnd - nStart === 1) {
      // 统一部署, 唯一, 同一: a numeral inside a word; a lone 一 is almost never a counted quantity
      if (sNum === 1 && sDec === 0 && !sBig) continue;
      if (WORD_BEFORE_NUMERAL[before]) continue;
    }
    // ranges 3-5个, 3至5个: neither end is a quantity
    {
      let k = figStart - 1;
      while (k > start && norm.charCodeAt(k) === C_SPACE) k--;
      if (k >= start && RANGE_MARK[norm.charCodeAt(k)] && (digitAt(norm, k - 1) || norm.charCodeAt(k - 1) === C_PERCENT || clsAt(norm, k - 1) === CH_CN)) continue;
    }

    // after the number: multiplier, approximation, unit, percent sign
    let j = nEnd;
    let approx = form === 'fraction';
    let mult = 1n;
    let unitRaw = '';
    let unit = '';
    let uclass = '';
    let decimals = sDec;
    let permille = false;
    let percent = pctPrefix >= 0 || form === 'fraction';
    while (j < end && norm.charCodeAt(j) === C_SPACE) j++;
    if (!percent) {
      const jc = norm.charCodeAt(j);
      if (jc === C_PERCENT) {
        percent = true;
        unitRaw = orig.charCodeAt(j) === C_PERCENT ? '%' : orig[j]!;
        j++;
      } else if (jc === C_PERMILLE) {
        // per mille: keep as a percent value /10
        percent = true;
        unitRaw = '‰';
        permille = true;
        decimals++;
        j++;
      } else {
        const uStart = j;
        if (form === 'arabic' && (jc === C_WAN || jc === C_YI || jc === C_QIAN)) {
          mult = jc === C_WAN ? 10000n : jc === C_YI ? 100000000n : 1000n;
          j++;
        }
        const ac = norm.charCodeAt(j);
        if (ac === C_YU || ac === C_DUO) {
          approx = true;
          j++;
        }
        const m = matchUnit(norm, j, end);
        // bare numbers are not quantities in running text (hotlines, years, versions, scores)
        if (!m) continue;
        unit = m.unit;
        uclass = m.cls;
        j += m.len;
        // the unit as written: the same string as the unit in the common case (no multiplier, no 余, not traditional)
        unitRaw = j - uStart === m.len && orig.startsWith(m.unit, uStart) ? m.unit : orig.slice(uStart, j);
      }
    }
    if (percent && !unit) {
      unit = '%';
      uclass = '%';
    }
    if (uclass === 'pp') unit = 'pp';
    // ranges after: 3-5个 handled above for the second; here the first (3-5个: the number is followed by -5)
    if (RANGE_MARK[norm.charCodeAt(nEnd)] && (digitAt(norm, nEnd + 1) || clsAt(norm, nEnd + 1) === CH_CN)) continue;
    const after = norm.charCodeAt(j);
    if (RANGE_MARK[after] && (digitAt(norm, j + 1) || clsAt(norm, j + 1) === CH_CN)) continue;
    // 年/月/日 after a counted unit never happens; a number directly followed by 年 etc. has no unit and was skipped
    if (CHAR_CLASS[after] === CH_LATIN && !percent) continue;

    // approximation words around the figure
    if (SUFFIX_FIRST[after]) {
      for (const w of SUFFIX_APPROX) {
        if (norm.startsWith(w, j)) {
          approx = true;
          break;
        }
      }
    }
    if (after === C_DUO || after === C_YU) approx = true;
    let k = figStart;
    while (k > start && norm.charCodeAt(k - 1) === C_SPACE) k--;
    if (k > start && PREFIX_LAST[norm.charCodeAt(k - 1)]) for (const w of PREFIX_APPROX) {
      if (k - w.length >= start && norm.startsWith(w, k - w.length)) {
        // 最近 / 近年 are not approximations of this number: 近 must touch it
        if (w === '近' && (norm.charCodeAt(k - 2) === C_ZUI || norm.charCodeAt(k - 2) === C_FU)) continue;
        approx = true;
        break;
      }
    }

    // label: back to strong punctuation, the previous quantity, or an unmatched opening parenthesis
    let ls = k;
    let depth = 0;
    while (ls > prevEnd && ls > start && figStart - ls < 48) {
      const ch = norm.charCodeAt(ls - 1);
      if (LABEL_STOP[ch]) break;
      if (ch === 41 || ch === 0xff09) depth++;
      else if (ch === 40 || ch === 0xff08) {
        if (depth === 0) break;
        depth--;
      }
      ls--;
    }
    // inside parentheses: an unclosed ( before the figure, on its line, in its sentence, at most PAREN_REACH back
    const paren = np > 0 && parens[np - 1]! >= figStart - PAREN_REACH;
    while (ls < k && norm.charCodeAt(ls) === C_SPACE) ls++;
    const label = norm.slice(ls, k);

    let value = fraction ?? scannedValue();
    if (permille) value = rdiv(value, R(10));
    if (mult !== 1n) value = rmul(value, R(mult));
    out.push({
      start: figStart,
      end: j,
      numStart: nStart,
      numEnd: nEnd,
      value,
      decimals,
      percent,
      unit,
      unitClass: uclass,
      unitRaw,
      approx,
      form,
      fullWidth: isFullWidthDigit(orig.charCodeAt(nStart)),
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
const marksCache = new WeakMap<ReportModel, TextMarks>();

/** Quantities of the running text (paragraphs and headings; table rows are read cell by cell elsewhere). */
export function getQuantities(model: ReportModel): ModelQuantities {
  let q = cache.get(model);
  if (q) return q;
  const all: Quantity[] = [];
  const byLine: Quantity[][] = [];
  const { lines, norm, text } = model;
  const lineStart = new Int32Array(lines.length + 1);
  nMarks = 0;
  recording = true;
  try {
    for (let idx = 0; idx < lines.length; idx++) {
      const ln = lines[idx]!;
      lineStart[idx] = nMarks;
      if (ln.kind === 'table-row') {
        byLine.push([]);
        continue;
      }
      const qs = extractQuantities(norm, ln.start, ln.end, text, idx);
      byLine.push(qs);
      for (const x of qs) all.push(x);
    }
  } finally {
    recording = false;
  }
  lineStart[lines.length] = nMarks;
  marksCache.set(model, { pos: markPos.slice(0, nMarks), kind: markKind.slice(0, nMarks), lineStart });
  // keep no large scratch after a large document
  if (markPos.length > 1 << 16) (markPos = new Int32Array(1024)), (markKind = new Uint8Array(1024));
  q = { all, byLine };
  cache.set(model, q);
  return q;
}

/** The text marks of the running text of a model (see TextMarks), recorded with its quantities. */
export function getTextMarks(model: ReportModel): TextMarks {
  getQuantities(model);
  return marksCache.get(model)!;
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
