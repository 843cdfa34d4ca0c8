// The text structure a block's relations are read from: its sentences (with the quantities of each), the breakdown
// markers (其中, colon, 分别) and the small character tests on the normalised text.
import type { Span, TextLine } from '../types';
import { MARK_COLON, MARK_FEN, MARK_OF, MARK_QI, MARK_SENTENCE_END, type Quantity, type TextMarks } from '../quantities';
import { partitionPoint } from '../text/search';

export interface Sentence extends Span {
  /** Quantities [q0, q1) of the block. */
  q0: number;
  q1: number;
}

export interface BlockText {
  block: number;
  start: number;
  end: number;
  qs: Quantity[];
  /** The sentence of each quantity (index = index in qs; only the first qs.length entries are the block's). */
  sentOf: Int32Array;
  /** The sentences: the first ns entries (pooled objects, reused by the next block). */
  sentences: Sentence[];
  ns: number;
  /** Positions of the breakdown markers 其中, : and 分别 in the block, in order (the first nQizhong, nColons, nFenbie entries). */
  qizhong: number[];
  colons: number[];
  fenbie: number[];
  nQizhong: number;
  nColons: number;
  nFenbie: number;
  /** While splitting: the start of the current sentence and the next quantity. */
  sStart: number;
  qi: number;
}

// The blocks are read one at a time: the block, its arrays and its sentences are reused from block to block
// (nothing of them outlives the block: relations keep only quantities).
export const curBlock: BlockText = { block: 0, start: 0, end: 0, qs: [], sentOf: new Int32Array(64), sentences: [], ns: 0, qizhong: [], colons: [], fenbie: [], nQizhong: 0, nColons: 0, nFenbie: 0, sStart: 0, qi: 0 };
export const joinedQs: Quantity[] = [];

/**
 * One pass over a block (lines [first, last) of the model): its sentences (with the quantities of each) and its
 * breakdown markers. Within lines the characters looked for were marked when the quantities were extracted; the
 * characters between lines (line breaks, indentation, quote markers) are read here.
 */
export function splitSentences(norm: string, lines: TextLine[], marks: TextMarks, b: BlockText, first: number, last: number) {
  const nq = b.qs.length;
  if (b.sentOf.length < nq) b.sentOf = new Int32Array(Math.max(nq, 2 * b.sentOf.length));
  b.ns = b.nQizhong = b.nColons = b.nFenbie = 0;
  b.sStart = b.start;
  b.qi = 0;
  const { pos, kind, lineStart } = marks;
  let prevEnd = -1;
  for (let li = first; li < last; li++) {
    const ln = lines[li]!;
    if (ln.kind === 'table-row') continue;
    if (ln.start < prevEnd) {
      // lines out of order: read the whole block
      splitSentencesByChar(norm, b);
      return;
    }
    if (prevEnd >= 0) {
      for (let i = prevEnd; i < ln.start; i++) {
        const t = MARK_OF[norm.charCodeAt(i)]!;
        if (t) blockMark(norm, b, i, t);
      }
    }
    for (let m = lineStart[li]!, e = lineStart[li + 1]!; m < e; m++) blockMark(norm, b, pos[m]!, kind[m]!);
    prevEnd = ln.end;
  }
  endSentences(b);
}

/** splitSentences reading every character of the block. */
function splitSentencesByChar(norm: string, b: BlockText) {
  b.ns = b.nQizhong = b.nColons = b.nFenbie = 0;
  b.sStart = b.start;
  b.qi = 0;
  for (let i = b.start; i < b.end; i++) {
    const t = MARK_OF[norm.charCodeAt(i)]!;
    if (t) blockMark(norm, b, i, t);
  }
  endSentences(b);
}

/** A character of the block at i: t = its mark kind (sentence end, 其, colon, 分). */
function blockMark(norm: string, b: BlockText, i: number, t: number) {
  if (t === MARK_SENTENCE_END) {
    const { qs, sentOf } = b;
    const e = i + 1;
    const q0 = b.qi;
    let qi = q0;
    while (qi < qs.length && qs[qi]!.start < e) sentOf[qi++] = b.ns;
    b.qi = qi;
    addSentence(b, b.sStart, e, q0, qi);
    b.sStart = e;
  } else if (t === MARK_COLON) b.colons[b.nColons++] = i;
  else if (i + 1 < b.end) {
    const c2 = norm.charCodeAt(i + 1);
    if (t === MARK_QI && c2 === 0x4e2d /* 中 */) b.qizhong[b.nQizhong++] = i;
    else if (t === MARK_FEN && c2 === 0x522b /* 别 */) b.fenbie[b.nFenbie++] = i;
  }
}

/** The last sentence of a block, and the sentence of any quantity after it. */
function endSentences(b: BlockText) {
  const { qs, sentOf } = b;
  const nq = qs.length;
  let qi = b.qi;
  if (b.sStart < b.end || b.ns === 0) {
    const q0 = qi;
    while (qi < nq && qs[qi]!.start < b.end) sentOf[qi++] = b.ns;
    addSentence(b, b.sStart, b.end, q0, qi);
  }
  while (qi < nq) sentOf[qi++] = b.ns - 1;
}

/** The next sentence of a block (a pooled object, set to these values). */
function addSentence(b: BlockText, start: number, end: number, q0: number, q1: number) {
  const x = (b.sentences[b.ns] ??= { start: 0, end: 0, q0: 0, q1: 0 });
  x.start = start;
  x.end = end;
  x.q0 = q0;
  x.q1 = q1;
  b.ns++;
}

export const sameClass = (a: Quantity, b: Quantity) => a.unitClass === b.unitClass;
/** How many quantities before a figure are looked at as its operands. */
export const MAX_CANDIDATES = 16;
export const isCount = (q: Quantity) => !q.percent && q.unit !== 'pp';

/** Index of the first quantity in [lo, hi) that starts at or after pos (binary search). */
export function firstAtOrAfter(qs: Quantity[], pos: number, lo: number, hi: number): number {
  return partitionPoint(lo, hi, (i) => qs[i]!.start < pos);
}

/** Index of the sentence containing pos (binary search). */
export function sentenceAt(sentences: Sentence[], ns: number, pos: number): number {
  return partitionPoint(0, ns - 1, (i) => sentences[i]!.end <= pos);
}

/** White space, as /\s/, by code unit. */
const SPACE_CHARS = new Uint8Array(0x10000);
for (const c of [0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE_CHARS[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE_CHARS[c] = 1;
/** White space and the list punctuation , ， 、 : ：. */
const GAP_CHARS = Uint8Array.from(SPACE_CHARS);
for (const ch of ',，、:：') GAP_CHARS[ch.charCodeAt(0)] = 1;

export function isGapOnlyPunct(norm: string, s: number, e: number): boolean {
  let depth = 0;
  for (let k = s; k < e; k++) {
    const c = norm.charCodeAt(k);
    if (c === 40 || c === 0xff08) depth++;
    else if (c === 41 || c === 0xff09) depth = Math.max(0, depth - 1);
    else if (depth === 0 && !GAP_CHARS[c]) return false;
  }
  return true;
}

/** /^\s*[:：]/ on the three characters at pos: a colon right after the marker. */
export function colonAfter(norm: string, pos: number): boolean {
  const e = Math.min(pos + 3, norm.length);
  let k = pos;
  while (k < e && SPACE_CHARS[norm.charCodeAt(k)]) k++;
  return k < e && COLON(norm.charCodeAt(k));
}
const COLON = (c: number) => c === 58 || c === 0xff1a;

/** A ; or ； in [s, e). */
export function hasSemicolon(norm: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = norm.charCodeAt(k);
    if (c === 59 || c === 0xff1b) return true;
  }
  return false;
}

/** /分别(为|是|有|占)/ in [s, e). */
export function hasFenbie(norm: string, s: number, e: number): boolean {
  for (let k = s; k + 3 <= e; k++) {
    if (norm.charCodeAt(k) !== 0x5206 /* 分 */ || norm.charCodeAt(k + 1) !== 0x522b /* 别 */) continue;
    const c = norm.charCodeAt(k + 2);
    if (c === 0x4e3a /* 为 */ || c === 0x662f /* 是 */ || c === 0x6709 /* 有 */ || c === 0x5360 /* 占 */) return true;
  }
  return false;
}

/** The first 其中 starting in [from, to), else -1. */
export function qizhongIn(norm: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (norm.charCodeAt(k) === 0x5176 /* 其 */ && norm.charCodeAt(k + 1) === 0x4e2d /* 中 */) return k;
  return -1;
}


/** Index of a quantity of a block (qs are in document order, one per start), else -1. */
export function indexInBlock(qs: Quantity[], x: Quantity): number {
  const k = firstAtOrAfter(qs, x.start, 0, qs.length);
  return qs[k] === x ? k : -1;
}
