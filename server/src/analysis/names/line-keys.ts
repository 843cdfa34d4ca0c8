// The matching key of every line of a document at once, as key characters only (no source ranges): the fast path of
// the scan, which only has to find the lines that contain a name. Each key equals toKey of its line (tested). Pass 2
// is key.ts's YEAR_TOKEN_RE written out by hand, tried only where a match can start: at 《, at the first digit of a
// run (1 or 2), and four digits before a 年.
import * as key from './key';

// Local copies: where imports stay live bindings (the tsx loader of the tests and benchmarks), every read of an
// imported constant in the loops below would be a property look-up, which doubles the cost of the fast path.
const { C_BAN, C_DAO, C_DASH, C_NIAN, C_TITLE_OPEN, C_ZHI, PRC, keyMap } = key;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** (?:19|20)\d{2} at k[i] (before hi). */
function yearAt(k: Uint16Array, i: number, hi: number): boolean {
  if (i + 4 > hi) return false;
  const a = k[i]!;
  const b = k[i + 1]!;
  return ((a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30)) && isDigit(k[i + 2]!) && isDigit(k[i + 3]!);
}

function yearValue(k: Uint16Array, i: number): number {
  return (k[i]! - 0x30) * 1000 + (k[i + 1]! - 0x30) * 100 + (k[i + 2]! - 0x30) * 10 + (k[i + 3]! - 0x30);
}

/** Keys of the spans [spanStart[i], spanEnd[i]) of s: key i is codes[from[i], to[i]), equal to toKey of the span. */
export interface SpanKeyCodes {
  codes: Uint16Array;
  from: Int32Array;
  to: Int32Array;
}

/**
 * Buffers kept between calls up to a size (the result of spanKeyCodes is valid until the next call): one line's
 * pass-1 key, the candidate positions of pass 2 on it, and the keys of all lines.
 */
const SCRATCH_MAX = 1 << 20;
const scratch = { line: new Uint16Array(256), cand: new Int32Array(256), keys: new Uint16Array(0) };

/** Copies k1[a, b) to k2 at n; returns the new end. */
function copyCodes(k1: Uint16Array, a: number, b: number, k2: Uint16Array, n: number): number {
  if (b - a > 64) {
    k2.set(k1.subarray(a, b), n);
    return n + b - a;
  }
  for (let j = a; j < b; j++) k2[n++] = k1[j]!;
  return n;
}

/** Pass 1 of one line: what pass1 wrote (k1[0, n)) and where pass 2 may match (cand[0, nc)). */
interface Pass1 {
  n: number;
  nc: number;
}

/**
 * Pass 1 of s[start, end): character classes into k1 from 0 (a run of dashes is one dash), noting in cand where
 * pass 2 may match.
 */
function pass1(s: string, start: number, end: number, map: Int32Array, k1: Uint16Array, cand: Int32Array, r: Pass1): void {
  let n = 0;
  let nc = 0;
  let dashEnd = -1; // source end of the dash just written, while it is the last key character
  let digit = false; // the last key character is a digit
  for (let i = start; i < end; i++) {
    const out = map[s.charCodeAt(i)]!;
    if (out < 0) continue;
    if (out === C_DASH) {
      // A run of dashes (—— or --) is one dash.
      if (dashEnd === i) {
        dashEnd = i + 1;
        continue;
      }
      dashEnd = i + 1;
    } else dashEnd = -1;
    if (out >= 0x30 && out <= 0x39) {
      if (!digit && (out === 0x31 || out === 0x32)) cand[nc++] = n;
      digit = true;
    } else {
      digit = false;
      if (out === C_TITLE_OPEN) cand[nc++] = n;
      else if (out === C_NIAN && n >= 4 && isDigit(k1[n - 4]!) && isDigit(k1[n - 3]!) && isDigit(k1[n - 2]!) && isDigit(k1[n - 1]!)) cand[nc++] = n - 4;
    }
    k1[n++] = out;
  }
  r.n = n;
  r.nc = nc;
}

/**
 * Where a year range (?<!\d)YYYY年?(-|至|到)?YYYY年?(?!\d) starting at k1[at] ends in k1, or -1; `r` receives the
 * start of the second year and whether a separator was written.
 */
function rangeEnd(k1: Uint16Array, at: number, hi: number, r: { second: number; sep: boolean }): number {
  if (at !== 0 && isDigit(k1[at - 1]!)) return -1;
  let q = at + 4;
  if (q < hi && k1[q] === C_NIAN) q++;
  const sc = q < hi ? k1[q]! : -1;
  const sep = sc === C_DASH || sc === C_ZHI || sc === C_DAO;
  const second = sep ? q + 1 : q;
  if (!yearAt(k1, second, hi)) return -1;
  r.second = second;
  r.sep = sep;
  if (second + 4 < hi && k1[second + 4] === C_NIAN) return second + 5 < hi && isDigit(k1[second + 5]!) ? second + 4 : second + 5;
  return second + 4 < hi && isDigit(k1[second + 4]!) ? -1 : second + 4;
}

/** Pass 2 of one line: titles and year ranges, k1[0, hi) → k2 from n2; returns the new end of k2. */
function pass2(k1: Uint16Array, hi: number, cand: Int32Array, nc: number, k2: Uint16Array, n2: number): number {
  const range = { second: 0, sep: false };
  let last = 0;
  let p = 0; // where the expression goes on looking (its lastIndex)
  for (let ci = 0; ci < nc; ci++) {
    const at = cand[ci]!;
    if (at < p) continue;
    if (k1[at] === C_TITLE_OPEN) {
      // 《中华人民共和国 → 《
      let prc = at + 8 <= hi;
      for (let j = 0; prc && j < 7; j++) prc = k1[at + 1 + j] === PRC[j];
      if (prc) {
        n2 = copyCodes(k1, last, at + 1, k2, n2);
        last = p = at + 8;
      }
      continue;
    }
    if (!yearAt(k1, at, hi)) continue;
    const stop = rangeEnd(k1, at, hi, range);
    if (stop >= 0) {
      const y1 = yearValue(k1, at);
      const y2 = yearValue(k1, range.second);
      n2 = copyCodes(k1, last, at + 4, k2, n2);
      if (!range.sep && !(y2 > y1 && y2 - y1 <= 20)) {
        // Eight digits that are no period: the second year may start a range (only as YYYY年版, inside a run).
        last = p = at + 4;
        continue;
      }
      k2[n2++] = C_DASH;
      n2 = copyCodes(k1, range.second, range.second + 4, k2, n2);
      last = p = stop;
      continue;
    }
    // YYYY年版 → YYYY版
    if (at + 6 <= hi && k1[at + 4] === C_NIAN && k1[at + 5] === C_BAN) {
      n2 = copyCodes(k1, last, at + 4, k2, n2);
      last = p = at + 5;
    }
  }
  return copyCodes(k1, last, hi, k2, n2);
}

/**
 * The keys of the spans [spanStart[i], spanEnd[i]) of s (the lines of a document), each equal to toKey of the span,
 * without source offsets. The codes live in a buffer that the next call may reuse.
 */
export function spanKeyCodes(s: string, spanStart: ArrayLike<number>, spanEnd: ArrayLike<number>, count: number): SpanKeyCodes {
  const map = keyMap();
  let total = 0;
  let longest = 0;
  for (let i = 0; i < count; i++) {
    const len = Math.max(0, Math.min(spanEnd[i]!, s.length) - Math.max(spanStart[i]!, 0));
    total += len;
    if (len > longest) longest = len;
  }
  // A run of eight digits gains a dash: room for one more character per eight.
  const cap = total + (total >> 3) + 8;
  let k2 = scratch.keys;
  if (k2.length < cap) {
    k2 = new Uint16Array(cap);
    if (cap <= SCRATCH_MAX) scratch.keys = k2;
  }
  let k1 = scratch.line;
  let cand = scratch.cand;
  if (k1.length < longest) {
    k1 = new Uint16Array(longest);
    cand = new Int32Array(longest);
    if (longest <= SCRATCH_MAX) {
      scratch.line = k1;
      scratch.cand = cand;
    }
  }
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  const p1: Pass1 = { n: 0, nc: 0 };
  let n2 = 0;
  for (let li = 0; li < count; li++) {
    pass1(s, Math.max(spanStart[li]!, 0), Math.min(spanEnd[li]!, s.length), map, k1, cand, p1);
    from[li] = n2;
    n2 = pass2(k1, p1.n, cand, p1.nc, k2, n2);
    to[li] = n2;
  }
  return { codes: k2, from, to };
}
