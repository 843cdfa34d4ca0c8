// The quantity scanner: one left-to-right pass over a line of normalised text finds the counted and percent figures
// (437件, 4.68万元, 97.3%, 百分之九十, 三分之一) with their unit, label and form, skipping years, ordinals, ranges,
// document numbers and titles. All the state of a scan lives in a QuantityScanner value owned by the caller.
import { BRACKET, BRACKET_STACK_MAX, closeBracketIn, inRanges, protectedRanges } from './brackets';
import {
  CHAR_CLASS,
  CH_CN,
  CH_DIGIT,
  CH_LATIN,
  C_BAI,
  C_COMMA,
  C_DI,
  C_DOT,
  C_DUO,
  C_FEN,
  C_FU,
  C_JU,
  C_PERCENT,
  C_PERMILLE,
  C_QI,
  C_QIAN,
  C_SPACE,
  C_WAN,
  C_XING,
  C_YI,
  C_YU,
  C_ZHOU,
  C_ZUI,
  clsAt,
  codeSet,
  digitAt,
} from './chars';
import { MARK_OF, type MarkRecorder } from './marks';
import { scanArabic, scanChinese, scannedValue, type NumScan } from './numerals';
import { HUNDRED, R, rdiv, rmul, type Rational } from './rational';
import type { NumberForm, Quantity } from './types';
import { matchUnit } from './units';
import { PREFIX_APPROX, PREFIX_LAST, stripTrailingVerbs, SUFFIX_APPROX, SUFFIX_FIRST } from './words';
import { normalise } from '../normalise';
import { isFullWidthDigit } from '../text/width';

/** Strong punctuation that ends a label scan. */
const LABEL_STOP = codeSet(',，。;；:：!！?？\n《》|');
const RANGE_MARK = codeSet(['-', '~', '—', '–', '至', '到', '－', '～']);
/** Characters before which a lone numeral is part of a word (统一, 唯一, 同一 …). */
const WORD_BEFORE_NUMERAL = codeSet('统唯同逐单之万专划合归任每另');

/** How far back an unclosed parenthesis still puts a figure inside it (within the sentence). */
const PAREN_REACH = 120;

// The main scan reads one table per character: the character classes (below EV_OPEN), the characters that change
// the state of brackets (protected ranges) and parentheses (figures in parentheses), and the marked characters
// (marks.ts), which are recorded as text marks.
const EV_OPEN = 8;
const EV_CLOSE = 9;
const EV_PAREN_OPEN = 10;
const EV_PAREN_CLOSE = 11;
/** 。: a sentence end that also closes the parentheses of its sentence. */
const EV_JU = 12;
/** Any other marked character. */
const EV_MARK = 13;
const SCAN = Uint8Array.from(CHAR_CLASS);
for (let c = 0; c < 0x10000; c++) {
  if (BRACKET[c]) SCAN[c] = BRACKET[c] === 1 ? EV_OPEN : EV_CLOSE;
  else if (MARK_OF[c]) SCAN[c] = EV_MARK;
}
SCAN[40] = SCAN[0xff08] = EV_PAREN_OPEN;
SCAN[41] = SCAN[0xff09] = EV_PAREN_CLOSE;
SCAN[C_JU] = EV_JU;

/**
 * The state of a scan: the number just read (NumScan), the figure being read around it, and the stacks of pending
 * brackets and parentheses of the line. One value per caller, reused from line to line; nothing is module-level, so
 * scans may interleave.
 */
export class QuantityScanner implements NumScan {
  // the number just read (numerals.ts)
  end = 0;
  dec = 0;
  num = 0;
  big: Rational | undefined = undefined;
  // the figure being read: its form, the start of 百分之, the value of X分之Y
  form: NumberForm = 'arabic';
  pctPrefix = -1;
  fraction: Rational | undefined = undefined;
  // what follows the number
  approx = false;
  mult = 1n;
  unitRaw = '';
  unit = '';
  uclass = '';
  decimals = 0;
  permille = false;
  percent = false;
  /** Pending brackets (pairs: opener code, position) and unclosed parentheses (positions), used up to a count. */
  readonly brackets: number[] = [];
  readonly parens: number[] = [];
  /** Where the text marks go (getQuantities), or nowhere. */
  marks: MarkRecorder | undefined;

  constructor(marks?: MarkRecorder) {
    this.marks = marks;
  }
}

/** Skips a run of digits and points from i (a token that is not a number). */
function skipDigits(norm: string, i: number, end: number): number {
  while (i < end && (digitAt(norm, i) || norm.charCodeAt(i) === C_DOT)) i++;
  return i;
}

/**
 * Reads the number that may start at i (cc: its scan class): -1 when one was read (sc holds it, with its form, the
 * start of 百分之 and the value of a fraction), else the position to go on from.
 */
function readNumber(sc: QuantityScanner, norm: string, orig: string, i: number, start: number, end: number, cc: number, code: number): number {
  sc.pctPrefix = -1;
  sc.fraction = undefined;
  if (cc === CH_DIGIT) {
    // part of a bigger token (V2.0, 0398-…, a malformed 1234,567)
    if (i > start) {
      const p = norm.charCodeAt(i - 1);
      const pc = CHAR_CLASS[p];
      if (pc === CH_DIGIT || pc === CH_LATIN || p === C_DOT || p === 95 /* _ */ || p === 47 /* / */ || p === 35 /* # */ || p === 64 /* @ */ || (orig.charCodeAt(i - 1) === C_COMMA && digitAt(norm, i - 2))) {
        return skipDigits(norm, i, end);
      }
    }
    if (!scanArabic(sc, norm, i, end)) return skipDigits(norm, i, end);
    sc.form = 'arabic';
    return -1;
  }
  if (code === C_BAI && norm.startsWith('百分之', i)) {
    sc.pctPrefix = i;
    const k = i + 3;
    let ok: boolean;
    if (digitAt(norm, k)) {
      ok = scanArabic(sc, norm, k, end);
      sc.form = 'arabic';
    } else if (norm.charCodeAt(k) === C_BAI && clsAt(norm, k + 1) !== CH_CN) {
      (sc.end = k + 1), (sc.dec = 0), (sc.num = 100), (sc.big = undefined);
      ok = true;
      sc.form = 'chinese';
    } else {
      ok = scanChinese(sc, norm, k, end);
      sc.form = 'chinese';
    }
    return ok ? -1 : i + 3;
  }
  if (cc === CH_CN && clsAt(norm, i - 1) !== CH_CN) {
    if (!scanChinese(sc, norm, i, end)) {
      while (i < end && clsAt(norm, i) === CH_CN) i++;
      return i;
    }
    sc.form = 'chinese';
    // X分之Y: a fraction (三分之一)
    if (norm.charCodeAt(sc.end) === C_FEN && norm.startsWith('分之', sc.end)) {
      const positive = sc.big ? sc.big.n > 0n : sc.num > 0;
      if (positive) {
        const den = scannedValue(sc);
        const x = { end: sc.end, dec: sc.dec, num: sc.num, big: sc.big };
        if (scanChinese(sc, norm, x.end + 2, end)) {
          sc.fraction = rmul(rdiv(scannedValue(sc), den), HUNDRED);
          sc.form = 'fraction';
          sc.dec = 0;
        } else (sc.end = x.end), (sc.dec = x.dec), (sc.num = x.num), (sc.big = x.big);
      }
    }
    return -1;
  }
  return i + 1;
}

/** A number that is not a count: an ordinal (第一, 第3), a weekday, a numeral inside a word, an end of a range. */
function notACount(sc: QuantityScanner, norm: string, start: number, figStart: number, nStart: number, nEnd: number): boolean {
  // ordinal 第一 / 第3, weekday, 一是
  const before = norm.charCodeAt(figStart - 1);
  if (before === C_DI || before === C_ZHOU || (before === C_QI && norm.charCodeAt(figStart - 2) === C_XING)) return true;
  if (sc.form === 'chinese' && sc.pctPrefix < 0 && nEnd - nStart === 1) {
    // 统一部署, 唯一, 同一: a numeral inside a word; a lone 一 is almost never a counted quantity
    if (sc.num === 1 && sc.dec === 0 && !sc.big) return true;
    if (WORD_BEFORE_NUMERAL[before]) return true;
  }
  // ranges 3-5个, 3至5个: neither end is a quantity
  let k = figStart - 1;
  while (k > start && norm.charCodeAt(k) === C_SPACE) k--;
  return k >= start && !!RANGE_MARK[norm.charCodeAt(k)] && (digitAt(norm, k - 1) || norm.charCodeAt(k - 1) === C_PERCENT || clsAt(norm, k - 1) === CH_CN);
}

/**
 * Reads what follows the number at nEnd — a multiplier (万/亿/千), 余/多, a unit, a percent or per-mille sign — into
 * sc: the end of the figure, or -1 when the number is not a quantity (a bare number, the first end of a range, a
 * number glued to Latin letters).
 */
function readAfter(sc: QuantityScanner, norm: string, orig: string, nEnd: number, end: number): number {
  let j = nEnd;
  sc.approx = sc.form === 'fraction';
  sc.mult = 1n;
  sc.unitRaw = '';
  sc.unit = '';
  sc.uclass = '';
  sc.decimals = sc.dec;
  sc.permille = false;
  sc.percent = sc.pctPrefix >= 0 || sc.form === 'fraction';
  while (j < end && norm.charCodeAt(j) === C_SPACE) j++;
  if (!sc.percent) {
    const jc = norm.charCodeAt(j);
    if (jc === C_PERCENT) {
      sc.percent = true;
      sc.unitRaw = orig.charCodeAt(j) === C_PERCENT ? '%' : orig[j]!;
      j++;
    } else if (jc === C_PERMILLE) {
      // per mille: keep as a percent value /10
      sc.percent = true;
      sc.unitRaw = '‰';
      sc.permille = true;
      sc.decimals++;
      j++;
    } else {
      const uStart = j;
      if (sc.form === 'arabic' && (jc === C_WAN || jc === C_YI || jc === C_QIAN)) {
        sc.mult = jc === C_WAN ? 10000n : jc === C_YI ? 100000000n : 1000n;
        j++;
      }
      const ac = norm.charCodeAt(j);
      if (ac === C_YU || ac === C_DUO) {
        sc.approx = true;
        j++;
      }
      const m = matchUnit(norm, j, end);
      // bare numbers are not quantities in running text (hotlines, years, versions, scores)
      if (!m) return -1;
      sc.unit = m.unit;
      sc.uclass = m.cls;
      j += m.len;
      // the unit as written: the same string as the unit in the common case (no multiplier, no 余, not traditional)
      sc.unitRaw = j - uStart === m.len && orig.startsWith(m.unit, uStart) ? m.unit : orig.slice(uStart, j);
    }
  }
  if (sc.percent && !sc.unit) {
    sc.unit = '%';
    sc.uclass = '%';
  }
  if (sc.uclass === 'pp') sc.unit = 'pp';
  // ranges after: 3-5个 handled above for the second; here the first (3-5个: the number is followed by -5)
  if (RANGE_MARK[norm.charCodeAt(nEnd)] && (digitAt(norm, nEnd + 1) || clsAt(norm, nEnd + 1) === CH_CN)) return -1;
  const after = norm.charCodeAt(j);
  if (RANGE_MARK[after] && (digitAt(norm, j + 1) || clsAt(norm, j + 1) === CH_CN)) return -1;
  // 年/月/日 after a counted unit never happens; a number directly followed by 年 etc. has no unit and was skipped
  if (CHAR_CLASS[after] === CH_LATIN && !sc.percent) return -1;
  return j;
}

/**
 * Approximation words around the figure [figStart, j) (约, 近, 超过 … before; 左右, 以上, 余, 多 … after) set
 * sc.approx; the start of the figure with the spaces before it skipped back (where its label ends).
 */
function readApprox(sc: QuantityScanner, norm: string, start: number, figStart: number, j: number): number {
  const after = norm.charCodeAt(j);
  if (SUFFIX_FIRST[after]) {
    for (const w of SUFFIX_APPROX) {
      if (norm.startsWith(w, j)) {
        sc.approx = true;
        break;
      }
    }
  }
  if (after === C_DUO || after === C_YU) sc.approx = true;
  let k = figStart;
  while (k > start && norm.charCodeAt(k - 1) === C_SPACE) k--;
  if (k > start && PREFIX_LAST[norm.charCodeAt(k - 1)]) for (const w of PREFIX_APPROX) {
    if (k - w.length >= start && norm.startsWith(w, k - w.length)) {
      // 最近 / 近年 are not approximations of this number: 近 must touch it
      if (w === '近' && (norm.charCodeAt(k - 2) === C_ZUI || norm.charCodeAt(k - 2) === C_FU)) continue;
      sc.approx = true;
      break;
    }
  }
  return k;
}

/** The start of the label that ends at k: back to strong punctuation, the previous quantity, or an unmatched (. */
function labelStart(norm: string, k: number, prevEnd: number, start: number, figStart: number): number {
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
  while (ls < k && norm.charCodeAt(ls) === C_SPACE) ls++;
  return ls;
}

/** The quantity read into sc: the figure [figStart, j), its number [nStart, nEnd) and its label. */
function figure(sc: QuantityScanner, orig: string, figStart: number, j: number, nStart: number, nEnd: number, label: string, ls: number, paren: boolean, line: number): Quantity {
  let value = sc.fraction ?? scannedValue(sc);
  if (sc.permille) value = rdiv(value, R(10));
  if (sc.mult !== 1n) value = rmul(value, R(sc.mult));
  return {
    start: figStart,
    end: j,
    numStart: nStart,
    numEnd: nEnd,
    value,
    decimals: sc.decimals,
    percent: sc.percent,
    unit: sc.unit,
    unitClass: sc.uclass,
    unitRaw: sc.unitRaw,
    approx: sc.approx,
    form: sc.form,
    fullWidth: isFullWidthDigit(orig.charCodeAt(nStart)),
    label,
    labelStart: ls,
    key: stripTrailingVerbs(label),
    paren,
    line,
  };
}

/**
 * Extracts quantities from norm[start, end) (one line of text). `orig` is the original text (same offsets) for
 * the digit width and the thousands separators; for plain strings it may be omitted. `sc` carries the state of the
 * scan (and the recorder of text marks); a fresh one by default.
 */
export function extractQuantities(norm: string, start = 0, end = norm.length, orig: string = norm, line = -1, sc = new QuantityScanner()): Quantity[] {
  const out: Quantity[] = [];
  // Brackets, read as the scan goes (as protectedRanges reads them): a figure can only be in a protected range
  // while an opener is pending, and only then are the ranges of the line worked out.
  const brackets = sc.brackets;
  let nb = 0;
  let prot: number[] | undefined;
  // Parentheses, read as the scan goes: the unclosed ( of the current sentence (reset at 。). A figure is in
  // parentheses when the innermost unclosed one is on its line, in its sentence and near enough. (The scan skips
  // only digits, numerals, units and signs, never a bracket or a parenthesis.)
  const parens = sc.parens;
  const marks = sc.marks;
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
      } else {
        if (cc === EV_JU) np = 0;
        if (marks) marks.add(i, MARK_OF[code]!);
      }
      i++;
      continue;
    }
    const numStart = i;
    const next = readNumber(sc, norm, orig, i, start, end, cc, code);
    if (next >= 0) {
      i = next;
      continue;
    }
    const pctPrefix = sc.pctPrefix;
    const nStart = pctPrefix >= 0 ? pctPrefix + 3 : numStart;
    const nEnd = sc.end;
    const figStart = pctPrefix >= 0 ? pctPrefix : numStart;
    i = Math.max(nEnd, i + 1);

    if (nb && inRanges((prot ??= protectedRanges(norm, start, end)), figStart)) continue;
    if (notACount(sc, norm, start, figStart, nStart, nEnd)) continue;
    const j = readAfter(sc, norm, orig, nEnd, end);
    if (j < 0) continue;
    const k = readApprox(sc, norm, start, figStart, j);
    const ls = labelStart(norm, k, prevEnd, start, figStart);
    // inside parentheses: an unclosed ( before the figure, on its line, in its sentence, at most PAREN_REACH back
    const paren = np > 0 && parens[np - 1]! >= figStart - PAREN_REACH;
    out.push(figure(sc, orig, figStart, j, nStart, nEnd, norm.slice(ls, k), ls, paren, line));
    prevEnd = j;
    i = j;
  }
  return out;
}

/** Quantities of a plain string (normalised first: traditional → simplified, full-width → half-width). */
export function quantitiesOf(text: string): Quantity[] {
  return extractQuantities(normalise(text).norm, 0, text.length, text);
}
