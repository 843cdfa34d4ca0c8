// Relations between the numbers of a report: rates, shares, breakdowns, share sums, table totals, growth.
// One finder, shared by the number checks (each reports the relations of its kind) and by the accuracy harness
// (which mutates the stated figure of every consistent relation). Exact rational arithmetic only.
import type { Locale, Related, ReportModel, Severity, Span, TextEdit, TextLine } from './types';
import {
  getQuantities,
  getTextMarks,
  HUNDRED,
  parseCellNumber,
  R,
  radd,
  rceil,
  rcmp,
  rdiv,
  rfloor,
  rmul,
  roundScaled,
  rsub,
  rToFixed,
  rToString,
  truncScaled,
  ZERO,
  pow10,
  formatLike,
  type NumberForm,
  type Quantity,
  type Rational,
  type TextMarks,
} from './quantities';

/** A number as written somewhere (running text or a table cell). */
export interface Figure extends Span {
  numStart: number;
  numEnd: number;
  value: Rational;
  decimals: number;
  percent: boolean;
  approx: boolean;
  form: NumberForm;
  fullWidth: boolean;
}

/** A value a whole-number base (or part) can give, with its formula: 99.20% from 371÷374. */
export interface Nearest {
  value: string;
  formula: string;
}

export type RelationKind = 'rate' | 'share' | 'breakdown' | 'percent-sum' | 'table-total' | 'table-rate' | 'growth' | 'percent-point';

/**
 * ok: consistent (rounded half-up); truncated: consistent by truncation; partial: a partial breakdown (parts < whole);
 * mismatch / over / under: contradiction; impossible: no whole-number base gives the rate; hint: style hint.
 */
export type RelationStatus = 'ok' | 'truncated' | 'partial' | 'mismatch' | 'over' | 'under' | 'impossible' | 'hint';

export interface Relation {
  kind: RelationKind;
  /** Id of the check that reports it. */
  rule: string;
  status: RelationStatus;
  severity?: Severity;
  /** The figure the relation checks (rate, share, whole, total cell, growth); the harness mutates this one. */
  stated: Figure;
  /** Name of the figure as written, normalised (办结率, 占比, 合计, 同比增长). */
  name: string;
  /** Numerator(s) / listed items / current value. */
  parts: Figure[];
  /** Denominator / whole / previous value. */
  base?: Figure;
  /** Exact computed value (percent for rates and shares, count for sums). */
  exact?: Rational;
  /** Human-readable formula with the operands as written (434÷437, (27+133)÷920, 4+1+5+1+2). */
  formula?: string;
  /** The base was found outside the rate's own sentence segment (less certain). */
  distant?: boolean;
  /** rate-impossible: the nearest values a whole-number base (or part) can give. */
  nearest?: { partBelow?: Nearest; partAbove?: Nearest; baseBelow?: Nearest; baseAbove?: Nearest; role: 'part' | 'base' | 'either' };
  /** Increase (true) or decrease (false) for growth relations. */
  up?: boolean;
  /** Items of a share sum. */
  items?: Figure[];
  /** A base that is the sum of these counts (新收 + 旧存). */
  baseParts?: Figure[];
  /** The operands were identified by their labels or the sentence structure (not a coincidental pair). */
  confident?: boolean;
}

// ---- verdicts ------------------------------------------------------------------------------------

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
function sumValues(xs: readonly { value: Rational }[]): Rational {
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
function agreesPct(stated: Figure, part: Rational, base: Rational): 'round' | 'trunc' | false {
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
function possibleAsPart(part: bigint, stated: Figure): { ok: boolean; nLow?: bigint } {
  const [lo, hi] = acceptInterval(stated);
  if (lo.n <= 0n) return { ok: true };
  const p100 = R(part * 100n);
  const nMax = rfloor(rdiv(p100, lo));
  const nMin = rfloor(rdiv(p100, hi)) + 1n;
  return { ok: nMin <= nMax && nMax >= 1n, nLow: nMin };
}

/** Is there a whole number k ≤ base with k/base agreeing with the stated rate? */
function possibleAsBase(base: bigint, stated: Figure): { ok: boolean; kMin?: bigint } {
  if (base <= 0n) return { ok: false };
  const [lo, hi] = acceptInterval(stated);
  const kMin = lo.n <= 0n ? 0n : rceil(rmul(lo, R(base, 100n)));
  const hiK = rmul(hi, R(base, 100n));
  return { ok: rcmp(R(kMin), hiK) < 0 && kMin <= base, kMin };
}

const isInt = (r: Rational) => r.n % r.d === 0n;

// ---- text structure ------------------------------------------------------------------------------

interface Sentence extends Span {
  /** Quantities [q0, q1) of the block. */
  q0: number;
  q1: number;
}

interface BlockText {
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


/** 1: sentence end 。 ! ? ！ ？; 2: 其 (其中); 3: the colon; 4: 分 (分别). */
const BLOCK_CHAR = new Uint8Array(0x10000);
for (const ch of '。!?！？') BLOCK_CHAR[ch.charCodeAt(0)] = 1;
BLOCK_CHAR[0x5176 /* 其 */] = 2;
BLOCK_CHAR[58 /* : */] = 3;
BLOCK_CHAR[0x5206 /* 分 */] = 4;

// The blocks are read one at a time: the block, its arrays and its sentences are reused from block to block
// (nothing of them outlives the block: relations keep only quantities).
const curBlock: BlockText = { block: 0, start: 0, end: 0, qs: [], sentOf: new Int32Array(64), sentences: [], ns: 0, qizhong: [], colons: [], fenbie: [], nQizhong: 0, nColons: 0, nFenbie: 0, sStart: 0, qi: 0 };
const joinedQs: Quantity[] = [];

/**
 * One pass over a block (lines [first, last) of the model): its sentences (with the quantities of each) and its
 * breakdown markers. Within lines the characters looked for were marked when the quantities were extracted; the
 * characters between lines (line breaks, indentation, quote markers) are read here.
 */
function splitSentences(norm: string, lines: TextLine[], marks: TextMarks, b: BlockText, first: number, last: number) {
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
        const t = BLOCK_CHAR[norm.charCodeAt(i)]!;
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
    const t = BLOCK_CHAR[norm.charCodeAt(i)]!;
    if (t) blockMark(norm, b, i, t);
  }
  endSentences(b);
}

/** A character of the block at i: t = BLOCK_CHAR (sentence end, 其, colon, 分). */
function blockMark(norm: string, b: BlockText, i: number, t: number) {
  if (t === 1) {
    const { qs, sentOf } = b;
    const e = i + 1;
    const q0 = b.qi;
    let qi = q0;
    while (qi < qs.length && qs[qi]!.start < e) sentOf[qi++] = b.ns;
    b.qi = qi;
    addSentence(b, b.sStart, e, q0, qi);
    b.sStart = e;
  } else if (t === 3) b.colons[b.nColons++] = i;
  else if (i + 1 < b.end) {
    const c2 = norm.charCodeAt(i + 1);
    if (t === 2 && c2 === 0x4e2d /* 中 */) b.qizhong[b.nQizhong++] = i;
    else if (t === 4 && c2 === 0x522b /* 别 */) b.fenbie[b.nFenbie++] = i;
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

// ---- names and labels ----------------------------------------------------------------------------

const SYNONYMS: string[][] = [
  ['办结', '审结', '结案', '办毕', '办理完毕', '已结'],
  ['调解', '化解', '和解'],
  ['答复', '办复', '回复'],
  ['通过', '合格', '及格'],
  ['纠错', '纠正'],
  ['公开', '公示'],
  ['整改', '整治'],
  ['受理', '收到', '接收', '收案'],
  ['成功', '调处成功'],
];
const variants = (w: string): string[] => {
  for (const g of SYNONYMS) if (g.includes(w)) return g;
  return [w];
};
/** Modifiers that do not change what a rate counts (化解成功率 ↔ 调解成功). */
const GENERIC = new Set(['案件', '事项', '行政', '纠纷', '矛盾', '信访', '复议', '诉讼', '审查', '直接', '全部', '各类', '总体', '综合', '平均', '整体', '工作', '办理', '问题', '申请', '业务', '项目', '群众', '服务', '调解', '化解', '和解', '一审', '发现', '考试', '人员', '全年', '全市', '全县', '全区', '年度', '累计', '全省', '实际', '当年', '本年', '今年', '排查', '执法', '案卷']);

const RATE_SUFFIXES = ['占比', '比例', '比率', '比重', '率'];
const GROWTH_WORDS = ['增长', '增加', '上升', '提高', '提升', '下降', '减少', '降低', '回落', '增幅', '降幅', '增速'];
const DOWN_WORDS = ['下降', '减少', '降低', '回落', '降幅'];
const COMPARE_WORDS = ['同比', '环比', '较上年', '比上年', '较去年', '比去年', '较上一年', '比上一年', '较同期', '与上年相比', '与去年相比', '较前一年', '比前一年'];
const PREVIOUS_MARKERS = ['上年', '去年', '上一年', '前一年', '同期', '上年度'];

export interface RateName {
  /** The name as written, e.g. 办结率, 划转占比 (normalised). */
  name: string;
  stem: string;
  kind: 'rate' | 'share';
}

/** Last characters of the rate suffixes: a key ending otherwise names no rate. */
const RATE_LAST = new Set(RATE_SUFFIXES.map((w) => w.charCodeAt(w.length - 1)));

/**
 * Short strings only are remembered across documents: a longer one may be a slice that keeps its whole document
 * alive. Each cache is bounded.
 */
const CACHED_KEY_MAX = 12;
const CACHE_SIZE = 1024;
const rateNameCache = new Map<string, RateName | undefined>();

/** rateName, remembered per key (keys repeat within and across reports; the names are never modified). */
function rateNameOf(key: string): RateName | undefined {
  if (!RATE_LAST.has(key.charCodeAt(key.length - 1))) return undefined;
  if (key.length > CACHED_KEY_MAX) return rateName(key);
  let rn = rateNameCache.get(key);
  if (rn === undefined && !rateNameCache.has(key)) {
    rn = rateName(key);
    if (rateNameCache.size >= CACHE_SIZE) rateNameCache.clear();
    rateNameCache.set(key, rn);
  }
  return rn;
}

/** The rate a percent names: 办结率达 → 办结率 (stem 办结); 划转占比 → share with stem 划转. */
export function rateName(key: string): RateName | undefined {
  if (!RATE_LAST.has(key.charCodeAt(key.length - 1))) return undefined;
  for (const w of GROWTH_WORDS) if (key.endsWith(w)) return undefined;
  for (const suf of RATE_SUFFIXES) {
    if (!key.endsWith(suf)) continue;
    let stem = key.slice(0, key.length - suf.length);
    // growth rates are changes, not part/base rates
    if (/(增长|增|降|增速|变化|同比|环比)$/.test(stem)) return undefined;
    if (suf === '占比' && stem.endsWith('占')) stem = stem.slice(0, -1);
    // keep the last run of the stem (after 其中 / 一是 / 的)
    const qz = stem.lastIndexOf('其中');
    const cut = Math.max(qz >= 0 ? qz + 1 : -1, stem.lastIndexOf('是'), stem.lastIndexOf('的'));
    if (cut >= 0 && cut < stem.length - 1) stem = stem.slice(cut + 1);
    stem = stem.trim();
    let shown = stem;
    for (const w of ['负责人', '机关', '年度', '全市', '全县', '全区', '全省', '各级', '我县', '我市', '我区', '全年']) {
      const k = shown.lastIndexOf(w);
      if (k >= 0 && shown.length - k - w.length >= 2) shown = shown.slice(k + w.length);
    }
    if (shown.length > 8) shown = shown.slice(-6);
    return { name: shown + (suf === '占比' && !shown ? '占比' : suf), stem, kind: suf === '率' ? 'rate' : 'share' };
  }
  return undefined;
}

/** One alternative of a rate's stem (办结、答复 → 办结 | 答复), prepared for matching labels. */
interface StemAlt {
  tail: string;
  /** The characters of the tail when it has three or more (same words in another order). */
  tailChars?: string[];
  /** Variants of the last two characters. */
  v1: string[];
  /** No second word, or a generic one: the last word alone matches. */
  w2Free: boolean;
  /** Variants of the second-to-last word. */
  v2: string[];
}

/** What a stem says about the labels of its counts, prepared once per stem. */
interface StemInfo {
  alts: StemAlt[];
  /** Variants of the stem's last two characters (negated counts), or undefined when it has fewer. */
  negVariants?: string[];
}

const stemCache = new Map<string, StemInfo>();

function stemInfo(stem: string): StemInfo {
  let info = stemCache.get(stem);
  if (info) return info;
  const alts: StemAlt[] = [];
  for (const alt0 of stem.split(/[、/]/)) {
    const alt = alt0.trim();
    if (alt.length < 2) continue;
    const tail = alt.length > 4 ? alt.slice(-4) : alt;
    const w1 = alt.slice(-2);
    const w2 = alt.length >= 4 ? alt.slice(-4, -2) : '';
    alts.push({ tail, tailChars: tail.length >= 3 ? [...tail] : undefined, v1: variants(w1), w2Free: !w2 || GENERIC.has(w2), v2: w2 ? variants(w2) : [] });
  }
  const w1 = stem.slice(-2);
  const head = stem.slice(0, -2);
  // the rate itself counts the negative (未成功率 ↔ 未成功调解260件): no count of it is the opposite
  const negVariants = w1.length < 2 || /[未不没无]$/.test(head) || /(不予|没有|尚未)$/.test(head) ? undefined : variants(w1);
  info = { alts, negVariants };
  if (stem.length <= CACHED_KEY_MAX) {
    if (stemCache.size >= CACHE_SIZE) stemCache.clear();
    stemCache.set(stem, info);
  }
  return info;
}

/** How well a count's label says it is the part a rate counts: 2 strong, 1 medium, 0 not. */
export function labelMatch(stem: string, label: string): 0 | 1 | 2 {
  if (!stem || !label) return 0;
  let best: 0 | 1 | 2 = 0;
  for (const a of stemInfo(stem).alts) {
    if (label.includes(a.tail)) return 2;
    if (best) continue;
    // the same words in another order (网上可办 ↔ 可网上办理)
    if (a.tailChars && a.tailChars.every((ch) => label.includes(ch))) best = 1;
    else if (a.v1.some((v) => label.includes(v)) && (a.w2Free || a.v2.some((v) => label.includes(v)))) best = 1;
  }
  return best;
}

const sameClass = (a: Quantity, b: Quantity) => a.unitClass === b.unitClass;
/** How many quantities before a figure are looked at as its operands. */
const MAX_CANDIDATES = 16;
const isCount = (q: Quantity) => !q.percent && q.unit !== 'pp';

function figureText(model: ReportModel, f: Span): string {
  return model.text.slice(f.start, f.end);
}

/** A number as written for a formula: the digits without the unit (437, ４.６８万 → 4.68万). */
function operandText(model: ReportModel, f: Figure): string {
  const t = model.norm.slice(f.numStart, f.numEnd);
  if (f.form !== 'arabic') return rToString(f.value);
  // keep 万/亿 multipliers written after the digits
  const after = model.norm[f.numEnd];
  if (after === '万' || after === '亿') return t + after;
  return t;
}

// ---- the finder ----------------------------------------------------------------------------------

const cache = new WeakMap<ReportModel, Relation[]>();

/** All number relations of a model (memoised per model). */
export function getRelations(model: ReportModel): Relation[] {
  let r = cache.get(model);
  if (r) return r;
  r = findRelations(model);
  cache.set(model, r);
  return r;
}

function findRelations(model: ReportModel): Relation[] {
  const out: Relation[] = [];
  try {
    findBlockRelations(model, out);
  } finally {
    // the scratch block keeps nothing of the document
    curBlock.qs = [];
    joinedQs.length = 0;
  }
  findTables(model, out);
  return out;
}

/** The relations of the running text, block by block (paragraphs and headings). */
function findBlockRelations(model: ReportModel, out: Relation[]) {
  const { byLine } = getQuantities(model);
  const marks = getTextMarks(model);
  const { lines, norm } = model;
  const year = model.reportYear?.value;
  const prevYearWords = year ? [...PREVIOUS_MARKERS, `${year - 1}年`] : PREVIOUS_MARKERS;
  const b = curBlock;
  // a block: consecutive lines with the same block index (table rows are read by findTables)
  for (let i = 0; i < lines.length; ) {
    const ln = lines[i]!;
    if (ln.kind === 'table-row') {
      i++;
      continue;
    }
    let end = ln.end;
    // a block of one line reads its line's quantities (never modified) without a copy
    let qs = byLine[i]!;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l2 = lines[j]!;
      if (l2.kind === 'table-row') continue;
      if (l2.block !== ln.block) break;
      end = l2.end;
      const lq = byLine[j]!;
      if (!lq.length) continue;
      if (qs !== joinedQs) {
        joinedQs.length = 0;
        for (const x of qs) joinedQs.push(x);
        qs = joinedQs;
      }
      for (const x of lq) joinedQs.push(x);
    }
    const i0 = i;
    i = j;
    if (!qs.length) continue;
    b.block = ln.block;
    b.start = ln.start;
    b.end = end;
    b.qs = qs;
    splitSentences(norm, lines, marks, b, i0, j);
    const index = findBreakdowns(model, b, out);
    findRates(model, b, out);
    findShares(model, b, index, out);
    findGrowth(model, b, out, prevYearWords);
  }
}

// ---- rates ---------------------------------------------------------------------------------------

interface Pair {
  p: Quantity;
  b: Quantity;
  how: 'round' | 'trunc';
  /** The part counts what the rate does not (未办结3件 → 办结率 = (b − p) ÷ b). */
  complement?: boolean;
  /** The base is the sum b + b2 (新收300件，旧存20件 → 结案率 = 结案 ÷ 320). */
  b2?: Quantity;
}

const NEGATION_CHARS = new Set([...'未不没无'].map((ch) => ch.charCodeAt(0)));

/** 未办结 / 不予受理 / 没有通过: the count of the opposite of what the rate counts. */
function negated(stem: string, label: string): boolean {
  const vs = stemInfo(stem).negVariants;
  if (!vs) return false;
  for (const v of vs) {
    const k = label.lastIndexOf(v);
    if (k > 0 && NEGATION_CHARS.has(label.charCodeAt(k - 1))) return true;
    if (k > 1 && (label.endsWith('不予', k) || label.endsWith('没有', k) || label.endsWith('尚未', k))) return true;
  }
  return false;
}

/** A double close to an exact rational, for a first test only (NaN when out of the range of doubles). */
function approxValue(r: Rational): number {
  const n = Number(r.n);
  const d = Number(r.d);
  return Number.isFinite(n) && Number.isFinite(d) ? n / d : NaN;
}

/** a > b, exactly; without multiplying when the denominators are the same (whole counts). */
const rgt = (a: Rational, b: Rational) => (a.d === b.d ? a.n > b.n : rcmp(a, b) > 0);

/**
 * Could part ÷ base (doubles) agree with a stated rate of scaled value s (scale = 100 × 10^decimals)? A quick test
 * before the exact one: false only when the quotient is clearly outside [s − ½, s + 1), the union of the rounding and
 * the truncation intervals; NaN and borderline quotients go on to the exact test.
 */
function mayAgree(part: number, base: number, s: number, scale: number): boolean {
  const x = (part / base) * scale;
  const tol = 1e-9 * (scale + Math.abs(x));
  return !(x < s - 0.5 - tol || x >= s + 1 + tol);
}

/** The scaled stated figure and its scale as doubles for mayAgree (NaN, which admits everything, when out of range). */
function statedApprox(stated: Figure): { s: number; scale: number } {
  const scale = 100 * 10 ** stated.decimals;
  const s = Number(statedScaled(stated));
  return Number.isFinite(scale) && Number.isFinite(s) ? { s, scale } : { s: NaN, scale: 1 };
}

/** A consistent part and base among the candidates; `score` holds each candidate's labelMatch with the rate. */
function consistentPair(cands: Quantity[], stated: Quantity, score: number[], stem: string): Pair | 'approx' | undefined {
  let best: Pair | undefined;
  let bestScore = -1;
  let approx = false;
  const n = cands.length;
  // candidate pairs are screened with doubles; the verdict is exact
  const fv: number[] = [];
  for (let k = 0; k < n; k++) fv.push(approxValue(cands[k]!.value));
  const { s, scale } = statedApprox(stated);
  // when some count is labelled as the rate's part, only labelled parts are plausible
  const anyLabelled = score.some((x) => x > 0);
  for (let pi = 0; pi < n; pi++) {
    const p = cands[pi]!;
    if (anyLabelled && score[pi] === 0) continue;
    const neg = anyLabelled && negated(stem, p.label);
    for (let bi = 0; bi < n; bi++) {
      const b = cands[bi]!;
      if (p === b || !sameClass(p, b) || b.value.n === 0n) continue;
      if (!mayAgree(neg ? fv[bi]! - fv[pi]! : fv[pi]!, fv[bi]!, s, scale) || rgt(p.value, b.value)) continue;
      const how = agreesPct(stated, neg ? rsub(b.value, p.value) : p.value, b.value);
      if (!how) continue;
      if (p.approx || b.approx) {
        approx = true;
        continue;
      }
      const sc = score[pi]! * 4 + (how === 'round' ? 2 : 0) + (b.start < p.start ? 1 : 0);
      if (sc > bestScore) (best = { p, b, how, complement: neg }), (bestScore = sc);
    }
  }
  if (best || approx) return best ?? 'approx';
  // the base may be the sum of two adjacent counts before the part (新收 + 旧存 = 收案)
  for (let pi = 0; pi < n; pi++) {
    const p = cands[pi]!;
    if (anyLabelled && score[pi] === 0) continue;
    if (p.approx) continue;
    for (let k = 0; k + 1 < n; k++) {
      const b1 = cands[k]!;
      const b2 = cands[k + 1]!;
      if (b1 === p || b2 === p || b2.start > p.start || !sameClass(b1, p) || !sameClass(b2, p) || b1.approx || b2.approx) continue;
      if (!mayAgree(fv[pi]!, fv[k]! + fv[k + 1]!, s, scale)) continue;
      const base = radd(b1.value, b2.value);
      if (rcmp(p.value, base) > 0) continue;
      const how = agreesPct(stated, p.value, base);
      if (how) return { p, b: b1, b2, how };
    }
  }
  return undefined;
}

function chooseBase(cands: Quantity[], p: Quantity): Quantity | undefined {
  let before: Quantity | undefined;
  let after: Quantity | undefined;
  for (const b of cands) {
    if (b === p || !sameClass(b, p) || b.value.n === 0n || rgt(p.value, b.value)) continue;
    if (b.start < p.start) {
      if (!before || (before.paren && !b.paren) || (!b.paren && b.start > before.start)) before = b;
    } else if (!after) after = b;
  }
  return before ?? after;
}

/** The labelMatch score of a candidate (scores parallel to cands). */
const scoreOf = (cands: Quantity[], scores: number[], x: Quantity) => scores[cands.indexOf(x)]!;

/** A rate relation between a part and a base (either may be missing). */
function rateRelation(model: ReportModel, rn: RateName, rule: string, status: RelationStatus, stated: Quantity, p?: Quantity, base?: Quantity, extra: Partial<Relation> = {}): Relation {
  return {
    kind: rn.kind,
    rule,
    status,
    stated,
    name: rn.name,
    parts: p ? [p] : [],
    base,
    exact: p && base ? pct(p.value, base.value) : undefined,
    formula: p && base ? `${operandText(model, p)}÷${operandText(model, base)}` : undefined,
    ...extra,
  };
}

/** Proceedings a rate may name; a count for it must name the same (应诉案件 for 诉讼应诉率). */
const PROCEEDINGS = ['诉讼', '复议', '信访', '仲裁'];

function findRates(model: ReportModel, b: BlockText, out: Relation[]) {
  const { qs, sentOf } = b;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    if (!q.percent || q.approx || q.form === 'fraction') continue;
    let key = q.key;
    // 占…比例: handled as a share of a named whole unless it is "X占比"
    const zhan = key.lastIndexOf('占');
    if (zhan >= 0 && !key.startsWith('比', zhan + 1)) continue;
    if (zhan >= 0 && key.startsWith('占比', zhan)) key = key.slice(0, zhan) + '占比';
    const rn = rateNameOf(key);
    if (!rn || !rn.stem) continue;
    const rule = rn.kind === 'share' ? 'share-mismatch' : 'rate-mismatch';
    // candidates: counts of the same sentence before the rate; first the segment after the previous percent
    const sent = sentOf[i]!;
    let segStart = i;
    while (segStart > 0 && i - segStart < MAX_CANDIDATES && sentOf[segStart - 1] === sent && !qs[segStart - 1]!.percent) segStart--;
    let sentStart = segStart;
    while (sentStart > 0 && i - sentStart < MAX_CANDIDATES && sentOf[sentStart - 1] === sent) sentStart--;
    // the nearest counts only (a rate's operands are close to it; keeps pathological sentences linear);
    // the segment is a tail of the sentence's counts; each count's label is matched with the rate once
    const seg: Quantity[] = [];
    const segScore: number[] = [];
    const whole: Quantity[] = [];
    const wholeScore: number[] = [];
    const segFrom = Math.max(segStart, i - MAX_CANDIDATES);
    for (let k = Math.max(sentStart, i - MAX_CANDIDATES); k < i; k++) {
      const x = qs[k]!;
      if (!isCount(x)) continue;
      const sc = labelMatch(rn.stem, x.label);
      whole.push(x);
      wholeScore.push(sc);
      if (k >= segFrom) {
        seg.push(x);
        segScore.push(sc);
      }
    }
    const stated = q;

    let decided = false;
    let lonePart: Quantity | undefined;
    for (let pass = 0; pass < 2; pass++) {
      const cands = pass === 0 ? seg : whole;
      const distant = pass === 1;
      if (!cands.length) continue;
      const pair = consistentPair(cands, stated, pass === 0 ? segScore : wholeScore, rn.stem);
      if (pair === 'approx') {
        decided = true;
        break;
      }
      if (pair) {
        const rel = rateRelation(model, rn, rule, pair.how === 'round' ? 'ok' : 'truncated', stated, pair.p, pair.b, { distant, confident: scoreOf(whole, wholeScore, pair.p) > 0 });
        if (pair.complement) {
          rel.exact = pct(rsub(pair.b.value, pair.p.value), pair.b.value);
          rel.formula = `(${operandText(model, pair.b)}−${operandText(model, pair.p)})÷${operandText(model, pair.b)}`;
        }
        if (pair.b2) {
          rel.exact = pct(pair.p.value, radd(pair.b.value, pair.b2.value));
          rel.formula = `${operandText(model, pair.p)}÷(${operandText(model, pair.b)}+${operandText(model, pair.b2)})`;
          rel.baseParts = [pair.b, pair.b2];
        }
        out.push(rel);
        decided = true;
        break;
      }
      const labelled = cands.filter((x) => scoreOf(whole, wholeScore, x) > 0);
      if (!labelled.length) continue;
      // the best label first; a count of the opposite (不予受理7件) only when nothing else is labelled; then the nearest
      const stem = rn.stem;
      labelled.sort(
        (x, y) =>
          (negated(stem, x.label) ? 1 : 0) - (negated(stem, y.label) ? 1 : 0) ||
          scoreOf(whole, wholeScore, y) - scoreOf(whole, wholeScore, x) ||
          y.start - x.start,
      );
      const p = labelled[0]!;
      if (p.approx) {
        decided = true;
        break;
      }
      const base = chooseBase(cands, p);
      if (base) {
        if (base.approx || cands.some((x) => x.approx && sameClass(x, p))) {
          decided = true;
          break;
        }
        const rel = rateRelation(model, rn, rule, 'mismatch', stated, p, base, { severity: distant || scoreOf(whole, wholeScore, p) < 2 ? 'warning' : 'error', distant });
        if (negated(rn.stem, p.label)) {
          rel.exact = pct(rsub(base.value, p.value), base.value);
          rel.formula = `(${operandText(model, base)}−${operandText(model, p)})÷${operandText(model, base)}`;
        }
        out.push(rel);
        decided = true;
        break;
      }
      lonePart ??= p;
    }
    if (decided) continue;
    if (lonePart) {
      // a labelled part with no base: is any whole-number base possible?
      const pv = lonePart.value;
      if (!isInt(pv)) continue;
      const poss = possibleAsPart(pv.n / pv.d, stated);
      if (poss.ok) out.push(rateRelation(model, rn, rule, 'ok', stated, lonePart, undefined));
      else out.push(impossible(model, rn, stated, lonePart, 'part', 'warning'));
      continue;
    }
    // one count in the sentence and no label: it is the part or the base
    const counts = whole;
    if (counts.length === 1) {
      const c = counts[0]!;
      // A zero count says nothing about a rate (and cannot be its base).
      if (c.approx || !isInt(c.value) || c.value.n === 0n) continue;
      const v = c.value.n / c.value.d;
      const asPart = possibleAsPart(v, stated);
      const asBase = possibleAsBase(v, stated);
      if (asPart.ok || asBase.ok) out.push(rateRelation(model, rn, rule, 'ok', stated, c, undefined));
      else out.push(impossible(model, rn, stated, c, 'either', 'warning'));
      continue;
    }
    if (counts.length) continue;
    // no count in the sentence: a count of the same thing earlier in the paragraph may be the base (info only)
    const w1 = rn.stem.slice(-2);
    if (w1.length < 2) continue;
    // only a count of cases of that very kind (应诉案件 for 出庭应诉率), naming the same proceedings
    const caseWords = variants(w1).map((v) => v + '案件');
    const proceedings = PROCEEDINGS.filter((w) => rn.stem.includes(w));
    let ctx: Quantity | undefined;
    let n = 0;
    for (let k = i - 1; k >= 0 && q.start - qs[k]!.end <= 240; k--) {
      const x = qs[k]!;
      if (!isCount(x) || sentOf[k] === sentOf[i]) continue;
      if (!caseWords.some((v) => x.label.includes(v))) continue;
      if (proceedings.some((w) => !x.label.includes(w))) continue;
      ctx = x;
      n++;
    }
    if (n !== 1 || !ctx || ctx.approx || !isInt(ctx.value) || ctx.value.n === 0n) continue;
    const bv = ctx.value.n / ctx.value.d;
    if (!possibleAsBase(bv, stated).ok) out.push(impossible(model, rn, stated, ctx, 'base', 'info', true));
  }
}

function impossible(model: ReportModel, rn: RateName, stated: Quantity, c: Quantity, role: 'part' | 'base' | 'either', severity: Severity, distant = false): Relation {
  const v = c.value.n / c.value.d;
  const d = stated.decimals;
  const show = (r: Rational) => rToFixed(r, d) + '%';
  const ct = operandText(model, c);
  const asPart = (): { below?: Nearest; above?: Nearest } => {
    const { nLow } = possibleAsPart(v, stated);
    const n = nLow ?? 1n;
    return {
      above: n > 1n ? { value: show(pct(R(v), R(n - 1n))), formula: `${ct}÷${n - 1n}` } : undefined,
      below: { value: show(pct(R(v), R(n))), formula: `${ct}÷${n}` },
    };
  };
  const asBase = (): { below?: Nearest; above?: Nearest } => {
    const { kMin } = possibleAsBase(v, stated);
    const k = kMin ?? 0n;
    return {
      above: k <= v ? { value: show(pct(R(k), R(v))), formula: `${k}÷${ct}` } : undefined,
      below: k > 0n ? { value: show(pct(R(k - 1n), R(v))), formula: `${k - 1n}÷${ct}` } : undefined,
    };
  };
  const nearest: Relation['nearest'] = { role };
  if (role !== 'base') {
    const a = asPart();
    nearest.partBelow = a.below;
    nearest.partAbove = a.above;
  }
  if (role !== 'part') {
    const b2 = asBase();
    nearest.baseBelow = b2.below;
    nearest.baseAbove = b2.above;
  }
  return {
    kind: 'rate',
    rule: 'rate-impossible',
    status: 'impossible',
    severity,
    stated,
    name: rn.name,
    parts: role === 'base' ? [] : [c],
    base: role === 'base' ? c : undefined,
    nearest,
    distant,
  };
}

// ---- breakdowns (其中 …) ---------------------------------------------------------------------------

interface Breakdown {
  whole: Quantity;
  parts: Quantity[];
  /** Shares attached to parts (占78%), by part index. */
  shares: (Quantity | undefined)[];
  complete: boolean;
  certain: boolean;
  colon: boolean;
}

const PART_STOP_WORDS = ['共计', '合计', '总计', '累计', '此外', '同时', '全年', '另外'];
const RESIDUAL_WORDS = ['其他', '其余', '其它', '剩余', '余下'];

/** Words looked for in labels, indexed by their first character. */
interface WordSet {
  first: Uint8Array;
  words: string[];
}
function wordSet(words: string[]): WordSet {
  const first = new Uint8Array(0x10000);
  for (const w of words) first[w.charCodeAt(0)] = 1;
  return { first, words };
}
/** Does s contain any of the words (words.some((w) => s.includes(w)))? */
function containsAny(s: string, ws: WordSet): boolean {
  for (let k = 0; k < s.length; k++) {
    if (!ws.first[s.charCodeAt(k)]) continue;
    for (const w of ws.words) if (s.startsWith(w, k)) return true;
  }
  return false;
}
const PART_STOP = wordSet(PART_STOP_WORDS);
const RESIDUAL = wordSet(RESIDUAL_WORDS);
const NO_BREAKDOWNS: BreakdownIndex = { partOf: [], shareOf: [] };

/** Index of the first quantity in [lo, hi) that starts at or after pos (binary search). */
function firstAtOrAfter(qs: Quantity[], pos: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence containing pos (binary search). */
function sentenceAt(sentences: Sentence[], ns: number, pos: number): number {
  let lo = 0;
  let hi = ns - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** White space, as /\s/, by code unit. */
const SPACE_CHARS = new Uint8Array(0x10000);
for (const c of [0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE_CHARS[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE_CHARS[c] = 1;
/** White space and the list punctuation , ， 、 : ：. */
const GAP_CHARS = Uint8Array.from(SPACE_CHARS);
for (const ch of ',，、:：') GAP_CHARS[ch.charCodeAt(0)] = 1;

function isGapOnlyPunct(norm: string, s: number, e: number): boolean {
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
function colonAfter(norm: string, pos: number): boolean {
  const e = Math.min(pos + 3, norm.length);
  let k = pos;
  while (k < e && SPACE_CHARS[norm.charCodeAt(k)]) k++;
  return k < e && COLON(norm.charCodeAt(k));
}
const COLON = (c: number) => c === 58 || c === 0xff1a;

/** A ; or ； in [s, e). */
function hasSemicolon(norm: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = norm.charCodeAt(k);
    if (c === 59 || c === 0xff1b) return true;
  }
  return false;
}

/** /分别(为|是|有|占)/ in [s, e). */
function hasFenbie(norm: string, s: number, e: number): boolean {
  for (let k = s; k + 3 <= e; k++) {
    if (norm.charCodeAt(k) !== 0x5206 /* 分 */ || norm.charCodeAt(k + 1) !== 0x522b /* 别 */) continue;
    const c = norm.charCodeAt(k + 2);
    if (c === 0x4e3a /* 为 */ || c === 0x662f /* 是 */ || c === 0x6709 /* 有 */ || c === 0x5360 /* 占 */) return true;
  }
  return false;
}

/** The first 其中 starting in [from, to), else -1. */
function qizhongIn(norm: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (norm.charCodeAt(k) === 0x5176 /* 其 */ && norm.charCodeAt(k + 1) === 0x4e2d /* 中 */) return k;
  return -1;
}

/** The breakdowns of a block, by the index of the quantity in the block. */
interface BreakdownIndex {
  partOf: (Breakdown | undefined)[];
  shareOf: ({ bd: Breakdown; idx: number } | undefined)[];
}

function findBreakdowns(model: ReportModel, b: BlockText, out: Relation[]): BreakdownIndex {
  if (!b.nQizhong && !b.nColons && !b.nFenbie) return NO_BREAKDOWNS;
  const index: BreakdownIndex = { partOf: [], shareOf: [] };
  const norm = model.norm;
  const { qs, sentences } = b;
  // the markers, found in the one pass over the block
  for (let k = 0; k < b.nQizhong; k++) breakdownAt(model, b, out, index, b.qizhong[k]!, '其中');
  // 办理案件120件：刑事案件50件、民事案件70件 (a colon right after a count)
  for (let kc = 0; kc < b.nColons; kc++) {
    const pos = b.colons[kc]!;
    const at = firstAtOrAfter(qs, pos, 0, qs.length);
    const x = qs[at - 1];
    if (!x || !isCount(x) || pos - x.end > 2 || !isGapOnlyPunct(norm, x.end, pos)) continue;
    if (norm.startsWith('其中', pos + 1) || norm.startsWith('其中', pos + 2)) continue; // 其中 handles it
    breakdownAt(model, b, out, index, pos, ':');
  }
  // X件，分别为A件、B件 (a whole right before 分别为, no 其中 earlier in the sentence)
  let lastQz = 0;
  for (let kf = 0; kf < b.nFenbie; kf++) {
    const pos = b.fenbie[kf]!;
    const c3 = pos + 2 < b.end ? norm.charCodeAt(pos + 2) : -1;
    const marker = c3 === 0x4e3a ? '分别为' : c3 === 0x662f ? '分别是' : c3 === 0x6709 ? '分别有' : undefined;
    if (!marker) continue;
    const si = sentenceAt(sentences, b.ns, pos);
    // the last 其中 before 分别
    while (lastQz < b.nQizhong && b.qizhong[lastQz]! < pos) lastQz++;
    const qz = lastQz > 0 ? b.qizhong[lastQz - 1]! : -1;
    if (qz >= 0 && qz >= sentences[si]!.start) continue;
    breakdownAt(model, b, out, index, pos, marker);
  }
  return index;
}

/** The breakdown introduced by a marker (其中, :, 分别为 …) at pos: recorded in `index`, its relation in `out`. */
function breakdownAt(model: ReportModel, b: BlockText, out: Relation[], index: BreakdownIndex, pos: number, marker: string) {
  const norm = model.norm;
  const { qs, sentences } = b;
  const { partOf, shareOf } = index;
  const after = pos + marker.length;
  // the sentence containing pos
  const si = sentenceAt(sentences, b.ns, pos);
  const s = sentences[si]!;
  // whole
  let whole: Quantity | undefined;
  let certain = true;
  const at = firstAtOrAfter(qs, pos, s.q0, s.q1);
  for (let k = at - 1; k >= s.q0; k--) {
    const x = qs[k]!;
    if (x.end > pos || !isCount(x)) continue;
    if (x.paren) continue;
    if (isGapOnlyPunct(norm, x.end, pos)) whole = x;
    break;
  }
  if (!whole && marker === '其中') {
    if (pos - s.start > 12 || !isGapOnlyPunct(norm, s.start, pos) || si === 0) return;
    const prev = sentences[si - 1]!;
    const cands = qs.slice(prev.q0, prev.q1).filter((x) => isCount(x) && !x.paren);
    let first: Quantity | undefined;
    for (let k = at; k < s.q1 && !first; k++) if (qs[k]!.start > pos && isCount(qs[k]!)) first = qs[k];
    const same = first ? cands.filter((x) => sameClass(x, first)) : [];
    if (same.length !== 1) return;
    whole = same[0]!;
    certain = false;
  }
  if (!whole) return;
  // parts
  const nextMarker = qizhongIn(norm, after, s.end);
  const limit = nextMarker >= 0 ? nextMarker : s.end;
  const parts: Quantity[] = [];
  const shares: (Quantity | undefined)[] = [];
  let complete = false;
  let fenbie = false;
  const colon = marker === ':' || colonAfter(norm, after);
  let lastPos = after;
  for (let k = at; k < s.q1; k++) {
    const x = qs[k]!;
    if (x.start < after) continue;
    if (x.start >= limit) break;
    // the list may run over ；-clauses, but only once it has started in the 其中 clause
    if (!parts.length && hasSemicolon(norm, lastPos, x.start)) break;
    lastPos = x.end;
    if (x.percent) {
      if (parts.length && /分别(占|为|是)/.test(x.label) && !shares.some((y) => y)) {
        // A 23件、B 91件、C 14件，分别占18.0%、71.1%、10.9%: the shares of the parts, in order
        const run = [x];
        for (let k2 = k + 1; k2 < s.q1 && qs[k2]!.percent && /^[\s、,，和及与]*$/.test(qs[k2]!.label); k2++) run.push(qs[k2]!);
        if (run.length === parts.length) run.forEach((r, j) => (shares[j] = r));
        break;
      }
      // 占78% / 占比78% right after a part (not 划转占比, which names its own rate)
      const zr = x.key.indexOf('占');
      if (parts.length && zr >= 0 && !x.key.slice(0, zr).trim() && shares[parts.length - 1] === undefined && isGapOnlyPunct(norm, parts[parts.length - 1]!.end, x.labelStart)) {
        shares[parts.length - 1] = x;
        continue;
      }
      break;
    }
    if (x.unit === 'pp') break;
    if (x.paren) continue;
    if (!sameClass(x, whole)) break;
    if (containsAny(x.label, PART_STOP)) break;
    if (!parts.length && hasFenbie(norm, after, x.start)) fenbie = true;
    if (containsAny(x.label, RESIDUAL)) complete = true;
    parts.push(x);
    shares.push(undefined);
  }
  if (!parts.length) return;
  if (marker !== '其中' && parts.length < 2) return;
  complete ||= fenbie || marker.startsWith('分别');
  // shares that sum to about 100% show the list is complete
  if (shares.length >= 2 && shares.every((x) => x && !x.approx)) {
    const sum = shares.reduce((a, x) => radd(a, x!.value), ZERO);
    const tol = shares.reduce((a, x) => radd(a, R(1, pow10(x!.decimals))), ZERO);
    if (rcmp(rsub(HUNDRED, tol), sum) <= 0) complete = true;
  }
  const bd: Breakdown = { whole, parts, shares, complete, certain, colon };
  for (const p of parts) partOf[indexInBlock(qs, p)] = bd;
  shares.forEach((x, j) => x && (shareOf[indexInBlock(qs, x)] = { bd, idx: j }));
  if (whole.approx || parts.some((x) => x.approx)) return;
  const sum = sumValues(parts);
  const c = rcmp(sum, whole.value);
  const formula = parts.map((x) => operandText(model, x)).join('+');
  const rel: Relation = { kind: 'breakdown', rule: 'breakdown-sum', status: 'ok', stated: whole, name: marker, parts, base: whole, exact: sum, formula };
  if (c > 0) {
    if (!certain && !complete && parts.some((x) => rcmp(x.value, whole!.value) > 0)) return;
    rel.status = 'over';
    rel.severity = certain ? 'error' : 'warning';
  } else if (c < 0) {
    if (complete) {
      rel.status = 'under';
      rel.severity = certain ? 'error' : 'warning';
    } else if (parts.length >= 4 || colon) {
      rel.status = 'under';
      rel.severity = 'info';
    } else rel.status = 'partial';
  }
  out.push(rel);
}

// ---- shares (占…%) ---------------------------------------------------------------------------------

const WHOLE_GENERIC = ['总数', '总量', '总额', '总和', '总件数', '总人数', '全部', '所有', '总', '全', '的', '比例', '比重', '为', '达', '约', '数', '量', '各类', '共'];

function wholeKey(name: string): string {
  let s = name;
  let changed = true;
  while (changed && s) {
    changed = false;
    for (const w of WHOLE_GENERIC) {
      if (s.endsWith(w)) {
        s = s.slice(0, -w.length);
        changed = true;
      }
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
      }
    }
  }
  return s;
}

interface ShareGroup {
  items: Quantity[];
  complete: boolean;
  checked: boolean[];
}

function addToGroup(groups: Map<Breakdown | string, ShareGroup>, key: Breakdown | string, q: Quantity, complete: boolean): ShareGroup {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { items: [], complete, checked: [] }));
  g.items.push(q);
  g.checked.push(false);
  return g;
}

/** Index of a quantity of a block (qs are in document order, one per start), else -1. */
function indexInBlock(qs: Quantity[], x: Quantity): number {
  const k = firstAtOrAfter(qs, x.start, 0, qs.length);
  return qs[k] === x ? k : -1;
}

function findShares(model: ReportModel, b: BlockText, index: BreakdownIndex, out: Relation[]) {
  const norm = model.norm;
  const { qs, sentOf } = b;
  // groups of shares of one whole, for percent-sum (made when a block has one)
  let groups: Map<Breakdown | string, ShareGroup> | undefined;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    if (!q.percent || q.form === 'fraction') continue;
    const owned = index.shareOf[i];
    let zhan = -1;
    let afterZhan = '';
    let p: Quantity | undefined;
    let pi = -1;
    let bd: Breakdown | undefined;
    let group: ShareGroup | undefined;
    if (owned) {
      // a share the breakdown attached to one of its parts (占78% after a part, or 分别占X%、Y%)
      bd = owned.bd;
      p = bd.parts[owned.idx]!;
      pi = indexInBlock(qs, p);
      const zr = q.label.lastIndexOf('占');
      if (zr >= 0) {
        zhan = q.labelStart + zr;
        afterZhan = norm.slice(zhan + 1, q.labelStart + q.label.length);
      }
      if (afterZhan.startsWith('比')) afterZhan = '';
      group = addToGroup((groups ??= new Map()), bd, q, bd.complete);
    } else {
      const zhanRel = q.label.lastIndexOf('占');
      if (zhanRel < 0) continue;
      zhan = q.labelStart + zhanRel;
      afterZhan = norm.slice(zhan + 1, q.labelStart + q.label.length);
      if (afterZhan.startsWith('比')) {
        // 占比78%: a share of the preceding count (X占比 with a subject is handled as a rate)
        if (q.key.slice(0, zhanRel).trim()) continue;
        afterZhan = '';
      }
      // A、B、C分别占X%、Y%、Z%: one whole, several shares (no counts to check them against)
      if (/分别(占|为|是)/.test(afterZhan) || /分别占/.test(q.label)) {
        const items = [q];
        let k = i + 1;
        while (k < qs.length && qs[k]!.percent && sentOf[k] === sentOf[i] && /^[\s、,，和及与]*$/.test(qs[k]!.label)) items.push(qs[k++]!);
        // the list is complete when it names a residual item (其他方式、其余)
        const complete = containsAny(q.label, RESIDUAL);
        if (items.length >= 2) for (const x of items) addToGroup((groups ??= new Map()), `fb:${zhan}`, x, complete);
        i = k - 1;
        continue;
      }
      // the part: the count right before 占 (only punctuation in between)
      for (let k = i - 1; k >= 0 && i - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
        const x = qs[k]!;
        if (x.percent) break;
        if (!isCount(x) || x.paren) continue;
        pi = k;
        break;
      }
      p = pi >= 0 ? qs[pi]! : undefined;
      if (!p || !isGapOnlyPunct(norm, p.end, zhan)) continue;
      bd = index.partOf[pi];
      if (bd) group = addToGroup((groups ??= new Map()), bd, q, bd.complete);
    }
    if (q.approx || !p || p.approx) continue;
    // the whole: named after 占 (占办结案件总数的35%), else the breakdown's whole, else an earlier count of the sentence
    const wname = wholeKey(afterZhan.replace(/的?(比例|比重)?(为|达|约|是)?$/, ''));
    const alts: { parts: Quantity[]; sum: Rational }[] = [{ parts: [p], sum: p.value }];
    if (!owned) {
      // 27件 …，133件，占…: the parallel counts right before may be the part together
      let sum = p.value;
      const run: Quantity[] = [p];
      for (let k = pi - 1; k >= 0 && pi - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
        const x = qs[k]!;
        if (x.percent || !isCount(x) || !sameClass(x, p) || x.approx) break;
        if (x.paren) continue;
        if (bd && x === bd.whole) break;
        run.unshift(x);
        sum = radd(sum, x.value);
        alts.push({ parts: [...run], sum });
      }
    }
    let w: Quantity | undefined;
    let distant = false;
    const wkey = wname.length >= 2 ? wname.slice(0, 2) : '';
    if (wkey) {
      // nearest count of the paragraph whose label names the whole
      let bestDist = Infinity;
      const wordsOfWhole = variants(wkey);
      // the whole is named nearby: look a bounded number of quantities either way (keeps the scan linear)
      for (let k = Math.max(0, i - 40); k < Math.min(qs.length, i + 40); k++) {
        const x = qs[k]!;
        if (k === pi || !isCount(x) || !sameClass(x, p) || !wordsOfWhole.some((v) => x.label.includes(v)) || rgt(p.value, x.value)) continue;
        const dist = Math.abs(x.start - q.start);
        if (dist < bestDist) (w = x), (bestDist = dist), (distant = sentOf[k] !== sentOf[i]);
      }
    }
    if (!w && bd) (w = bd.whole), (distant = !bd.certain);
    // no named whole and no breakdown: any earlier count of the sentence may be the whole
    const others: Quantity[] = [];
    if (!w && !wkey) {
      for (let k = pi - 1; k >= 0 && pi - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
        const x = qs[k]!;
        if (!isCount(x) || x.paren || !sameClass(x, p) || rcmp(x.value, p.value) < 0) continue;
        if (!w) w = x;
        else others.push(x);
      }
      if (others.length) distant = true;
    }
    if (!w || w.approx || w.value.n === 0n) continue;
    if (others.some((x) => x.approx)) continue;
    if (others.some((x) => agreesPct(q, p!.value, x.value))) {
      const x = others.find((y) => agreesPct(q, p!.value, y.value))!;
      const how = agreesPct(q, p.value, x.value);
      out.push({ kind: 'share', rule: 'share-mismatch', status: how === 'round' ? 'ok' : 'truncated', stated: q, name: '占', parts: [p], base: x, exact: pct(p.value, x.value), formula: shareFormula(model, [p], x) });
      if (group) group.checked[group.items.length - 1] = true;
      continue;
    }
    if (group) group.checked[group.items.length - 1] = true;
    let found: { a: (typeof alts)[0]; how: 'round' | 'trunc' } | undefined;
    for (const a of alts) {
      if (rcmp(a.sum, w.value) > 0) continue;
      const how = agreesPct(q, a.sum, w.value);
      if (how && (!found || (how === 'round' && found.how === 'trunc'))) found = { a, how };
    }
    const name = (zhan >= 0 ? norm.slice(zhan, q.labelStart + q.label.length).replace(/(为|达|约|是)$/, '') : '') || '占';
    if (found) {
      out.push({ kind: 'share', rule: 'share-mismatch', status: found.how === 'round' ? 'ok' : 'truncated', stated: q, name, parts: found.a.parts, base: w, exact: pct(found.a.sum, w.value), formula: shareFormula(model, found.a.parts, w) });
      continue;
    }
    // no reading agrees: show the parallel sum when the labels run in parallel, else the single count
    let shown = alts[0]!;
    const last = alts[alts.length - 1]!;
    if (last.parts.length > 1 && rcmp(last.sum, w.value) <= 0 && commonSuffix(last.parts.map((x) => x.label)) >= 2) shown = last;
    if (rcmp(shown.sum, w.value) > 0) continue; // a part larger than its whole: breakdown-sum says so
    out.push({
      kind: 'share',
      rule: 'share-mismatch',
      status: 'mismatch',
      severity: distant ? 'warning' : 'error',
      stated: q,
      name,
      parts: shown.parts,
      base: w,
      exact: pct(shown.sum, w.value),
      formula: shareFormula(model, shown.parts, w),
      distant,
    });
  }
  // percent sums
  if (groups) for (const [, g] of groups) {
    if (g.items.length < 2) continue;
    if (g.items.some((x) => x.approx)) continue;
    const sum = g.items.reduce((a, x) => radd(a, x.value), ZERO);
    const up = g.items.reduce((a, x) => radd(a, R(1, 2n * pow10(x.decimals))), ZERO);
    const down = g.items.reduce((a, x) => radd(a, R(1, pow10(x.decimals))), ZERO);
    const last = g.items[g.items.length - 1]!;
    const formula = g.items.map((x) => rToString(x.value) + '%').join('+');
    const rel: Relation = { kind: 'percent-sum', rule: 'percent-sum', status: 'ok', stated: last, name: '', parts: [], items: g.items, exact: sum, formula };
    if (rcmp(sum, radd(HUNDRED, up)) > 0) {
      rel.status = 'over';
      rel.severity = 'error';
    } else if (rcmp(sum, rsub(HUNDRED, down)) < 0) {
      if (!g.complete) continue; // a partial list: shares may sum to less than 100%
      rel.status = 'under';
      rel.severity = 'error';
    }
    // each share already checked against its part and whole: the sum adds only a hint
    if (rel.status !== 'ok' && g.checked.every(Boolean)) rel.severity = 'info';
    out.push(rel);
  }
}

function commonSuffix(labels: string[]): number {
  if (!labels.length) return 0;
  let n = 0;
  for (;;) {
    const c = labels[0]![labels[0]!.length - 1 - n];
    if (c === undefined || !labels.every((l) => l[l.length - 1 - n] === c)) return n;
    n++;
  }
}

function shareFormula(model: ReportModel, parts: Figure[], w: Figure): string {
  const p = parts.map((x) => operandText(model, x));
  return (p.length > 1 ? `(${p.join('+')})` : p[0]!) + '÷' + operandText(model, w);
}

// ---- growth (同比增长 X%) and percentage points -----------------------------------------------------

/** Growth words with 了 (增长了), and the last characters a key naming a change can end with. */
const GROWTH_WORDS_LE = GROWTH_WORDS.map((w) => w + '了');
const GROWTH_LAST = new Set([...GROWTH_WORDS, ...GROWTH_WORDS_LE].map((w) => w.charCodeAt(w.length - 1)));

function growthVerb(key: string): string | undefined {
  if (!GROWTH_LAST.has(key.charCodeAt(key.length - 1))) return undefined;
  for (let k = 0; k < GROWTH_WORDS.length; k++) if (key.endsWith(GROWTH_WORDS[k]!) || key.endsWith(GROWTH_WORDS_LE[k]!)) return GROWTH_WORDS[k];
  return undefined;
}

/** `prevYearWords`: the words that mark last year's value (上年, 去年 …, and the year before the report's). */
function findGrowth(model: ReportModel, b: BlockText, out: Relation[], prevYearWords: string[]) {
  const { qs, sentOf } = b;
  for (let i = 0; i < qs.length; i++) {
    const g = qs[i]!;
    if (!g.percent || g.form === 'fraction') continue;
    const key = g.key;
    const verb = growthVerb(key);
    if (!verb) continue;
    if (/(到|至)$/.test(g.label.trim())) continue; // 提高到5%: a level, not a change
    const up = !DOWN_WORDS.includes(verb);
    // the compared quantity: a rate (percentage points) or a count (relative growth)
    const subject = key.slice(0, key.length - verb.length);
    let prevPct: Quantity | undefined;
    for (let k = i - 1; k >= 0 && i - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
      const x = qs[k]!;
      if (x.percent) {
        prevPct = x;
        break;
      }
      if (isCount(x)) break;
    }
    const subjectIsRate = /(率|占比|比例|比重)/.test(subject) || (!!prevPct && !!rateNameOf(prevPct.key) && /^(同比|环比|比|较|与)/.test(subject.trim()));
    if (subjectIsRate) {
      if (g.approx || rcmp(g.value, HUNDRED) > 0) continue;
      if (prevPct) {
        // would the change as percentage points give a rate between 0 and 100 a year earlier?
        const before = up ? rsub(prevPct.value, g.value) : radd(prevPct.value, g.value);
        if (before.n < 0n || rcmp(before, HUNDRED) > 0) continue;
      }
      out.push({ kind: 'percent-point', rule: 'percent-point', status: 'hint', severity: 'info', stated: g, name: verb, parts: prevPct ? [prevPct] : [] });
      continue;
    }
    if (g.approx) continue;
    const compared = COMPARE_WORDS.some((w) => key.includes(w)) || (i > 0 && COMPARE_WORDS.some((w) => qs[i - 1]!.label.includes(w)));
    // current and previous values in the same sentence, before the growth figure
    let cur: Quantity | undefined;
    let prev: Quantity | undefined;
    let delta: Quantity | undefined;
    for (let k = i - 1; k >= 0 && i - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
      const x = qs[k]!;
      if (x.percent) break;
      if (!isCount(x)) continue;
      // 上年结转 / 去年遗留 cases are part of this year's work, not last year's value
      const isPrev = !/(结转|遗留|其中)/.test(x.label) && (prevYearWords.some((w) => x.label.includes(w)) || /(从|由)/.test(x.label));
      const isDelta = GROWTH_WORDS.some((w) => x.key.endsWith(w)) && !/(到|至)$/.test(x.label.trim());
      if (isDelta && !delta && !cur && !prev) {
        delta = x;
        continue;
      }
      if (isPrev && !prev) {
        if (cur && !sameClass(cur, x)) break;
        prev = x;
        continue;
      }
      if (!isPrev && !cur) {
        if (prev && !sameClass(prev, x)) break;
        cur = x;
        continue;
      }
      if (cur && (prev || delta)) break;
    }
    if (!cur || cur.approx) continue;
    if (!prev && !delta) {
      // 同比增长12.3%（2022年为192.8万元）: the previous value in parentheses right after
      const x = qs[i + 1];
      if (x && sentOf[i + 1] === sentOf[i] && x.paren && isCount(x) && prevYearWords.some((w) => x.label.includes(w))) prev = x;
    }
    if (!prev && !delta) continue;
    if (!compared && !prev) continue;
    let prevValue: Rational;
    let formula: string;
    const ct = operandText(model, cur);
    if (prev) {
      if (!sameClass(prev, cur) || prev.approx || prev.value.n === 0n) continue;
      prevValue = prev.value;
      const pt = operandText(model, prev);
      formula = up ? `(${ct}−${pt})÷${pt}` : `(${pt}−${ct})÷${pt}`;
    } else {
      if (!delta || !sameClass(delta, cur) || delta.approx) continue;
      prevValue = up ? rsub(cur.value, delta.value) : radd(cur.value, delta.value);
      if (prevValue.n <= 0n) continue;
      const dt = operandText(model, delta);
      formula = `${dt}÷(${ct}${up ? '−' : '+'}${dt})`;
    }
    const change = up ? rsub(cur.value, prevValue) : rsub(prevValue, cur.value);
    const exact = pct(change, prevValue);
    const how = agrees(g, exact);
    const base: Quantity | undefined = prev ?? delta;
    out.push({
      kind: 'growth',
      rule: 'growth-mismatch',
      status: how === 'round' ? 'ok' : how === 'trunc' ? 'truncated' : 'mismatch',
      severity: how ? undefined : 'error',
      stated: g,
      name: growthName(g, verb),
      parts: [cur],
      base,
      exact,
      formula,
      up,
    });
  }
}

function growthName(g: Quantity, verb: string): string {
  const k = g.key;
  const cmp = COMPARE_WORDS.find((w) => k.includes(w));
  return (cmp ? cmp : '') + verb;
}

// ---- tables --------------------------------------------------------------------------------------

interface Cell extends Span {
  text: string;
  num?: Figure;
}

const TOTAL_RE = /^(合\s*计|总\s*计|小\s*计|共\s*计|总数|合计数|全[市县区省州旗镇乡]合计|全[市县区省州旗镇乡]|总体)$/;
const SKIP_COL_RE = /(序号|编号|年份|年度|时间|日期|代码|电话|排名|名次)/;
const RATE_HEADER_RE = /(率|占比|比例|比重|%)/;

function splitRow(norm: string, s: number, e: number): Span[] {
  const cells: Span[] = [];
  let a = s;
  if (norm[a] === '|') a++;
  let k = a;
  for (; k < e; k++) {
    if (norm[k] === '\\') {
      k++;
      continue;
    }
    if (norm[k] === '|') {
      cells.push({ start: a, end: k });
      a = k + 1;
    }
  }
  if (a < e) cells.push({ start: a, end: e });
  return cells;
}

function trimmed(norm: string, sp: Span): string {
  let a = sp.start;
  let b = sp.end;
  while (a < b && (norm[a] === ' ' || norm[a] === '\t' || norm[a] === '*')) a++;
  while (b > a && (norm[b - 1] === ' ' || norm[b - 1] === '\t' || norm[b - 1] === '*')) b--;
  return norm.slice(a, b);
}

function findTables(model: ReportModel, out: Relation[]) {
  const { norm, text } = model;
  const rowsByBlock = new Map<number, Span[]>();
  for (const ln of model.lines) {
    if (ln.kind !== 'table-row') continue;
    let r = rowsByBlock.get(ln.block);
    if (!r) rowsByBlock.set(ln.block, (r = []));
    r.push(ln);
  }
  for (const [, rows] of rowsByBlock) {
    if (rows.length < 3) continue;
    const grid: Cell[][] = rows.map((r) =>
      splitRow(norm, r.start, r.end).map((sp): Cell => ({ start: sp.start, end: sp.end, text: trimmed(norm, sp), num: parseCellNumber(norm, sp.start, sp.end, text) })),
    );
    const header = grid[0]!;
    const body = grid.slice(1);
    const ncol = header.length;
    if (ncol < 2) continue;
    const headerText = header.map((h) => h.text);
    const pctCols = headerText.map((h, c) => RATE_HEADER_RE.test(h) || body.some((r) => r[c]?.num?.percent));
    const isPctCol = (c: number) => pctCols[c] ?? false;
    const totalFlags = body.map((r) => r.some((c, ci) => ci < 2 && TOTAL_RE.test(c.text.replace(/\s+/g, ''))));
    const subtotalFlags = body.map((r) => r.some((c, ci) => ci < 2 && /^小\s*计$/.test(c.text)));
    const rowIndex = new Map<Cell[], number>();
    body.forEach((r, k) => rowIndex.set(r, k));
    const isTotalRow = (r: Cell[]) => totalFlags[rowIndex.get(r)!] ?? false;
    const isSubtotalRow = (r: Cell[]) => subtotalFlags[rowIndex.get(r)!] ?? false;
    const countCols: number[] = [];
    for (let c = 0; c < ncol; c++) {
      // 其中… columns are parts of another column, not items of a total
      if (SKIP_COL_RE.test(headerText[c] ?? '') || isPctCol(c) || /^其中/.test(headerText[c] ?? '')) continue;
      const nums = body.filter((r) => r[c]?.num).length;
      if (nums >= Math.max(1, body.length - 1)) countCols.push(c);
    }
    const cellFig = (c: Cell): Figure => ({ ...c.num! });
    const bodyCell = (r: Cell[], c: number) => r[c];
    /**
     * A total cell against the cells it totals (a row's detail rows, or a row's count columns). Empty cells and
     * dashes count as nothing; any other text, or an approximate figure, leaves the total unchecked.
     */
    const totalRelation = (tc: Cell | undefined, cells: (Cell | undefined)[], name: string, minParts: number): Relation | undefined => {
      if (!tc?.num || tc.num.approx) return undefined;
      if (cells.some((x) => x && x.text && !x.num && !/^[-—–/／]$|^无$/.test(x.text))) return undefined;
      const nums = cells.filter((x) => x?.num).map((x) => x!.num!);
      if (nums.length < minParts || nums.some((x) => x.approx)) return undefined;
      const sum = nums.reduce((a, x) => radd(a, x.value), ZERO);
      const ok = rcmp(sum, tc.num.value) === 0;
      return {
        kind: 'table-total',
        rule: 'table-total',
        status: ok ? 'ok' : 'mismatch',
        severity: ok ? undefined : 'error',
        stated: cellFig(tc),
        name,
        parts: nums,
        exact: sum,
        formula: nums.map((x) => operandText(model, x)).join('+'),
      };
    };
    // total rows: each count column sums the detail rows of its group
    let groupStart = 0;
    const detailRows: number[] = [];
    body.forEach((row, ri) => {
      if (!isTotalRow(row)) {
        // 其中… rows are parts of the row above, not items of the total
        if (!row.some((c, ci) => ci < 2 && /^其中/.test(c.text))) detailRows.push(ri);
        return;
      }
      const sub = isSubtotalRow(row);
      const members = sub ? detailRows.filter((x) => x >= groupStart) : detailRows.slice();
      groupStart = ri + 1;
      if (!members.length) return;
      for (const c of countCols) {
        const name = row.find((x) => TOTAL_RE.test(x.text.replace(/\s+/g, '')))?.text ?? '合计';
        const rel = totalRelation(bodyCell(row, c), members.map((m) => bodyCell(body[m]!, c)), name, 1);
        if (rel) out.push(rel);
      }
    });
    // total columns: the count columns left of it (after the label column)
    headerText.forEach((h, tcI) => {
      if (!TOTAL_RE.test(h.replace(/\s+/g, '')) && !/^(合计|总计|小计|总数)/.test(h)) return;
      const cols = countCols.filter((c) => c < tcI && c > 0);
      if (cols.length < 2) return;
      body.forEach((row) => {
        const rel = totalRelation(row[tcI], cols.map((c) => row[c]), h, 2);
        if (rel) out.push(rel);
      });
    });
    // rate columns: the rate of each row vs two count columns of the row
    for (let rc = 0; rc < ncol; rc++) {
      if (!isPctCol(rc)) continue;
      const h = headerText[rc] ?? '';
      const hk = h.replace(/[(（]\s*%\s*[)）]|%/g, '').trim();
      const rn = rateName(hk);
      const isShare = !rn || rn.kind === 'share' || /占|比重|比例/.test(hk);
      const rows2 = body.filter((r) => r[rc]?.num && !r[rc]!.num!.approx);
      if (!rows2.length) continue;
      const asPct = (c: Cell): Figure => {
        const f = cellFig(c);
        return { ...f, percent: true };
      };
      if (isShare) {
        // share column: count column to its left over the column total (total row, else the sum of detail rows)
        const cc = [...countCols].reverse().find((c) => c < rc);
        if (cc === undefined) continue;
        const totalRow = body.find((r) => isTotalRow(r) && !isSubtotalRow(r));
        const details = body.filter((r) => !isTotalRow(r));
        let total: Rational | undefined;
        let totalFig: Figure | undefined;
        if (totalRow?.[cc]?.num) {
          total = totalRow[cc]!.num!.value;
          totalFig = totalRow[cc]!.num!;
        } else if (details.every((r) => r[cc]?.num)) total = details.reduce((a, r) => radd(a, r[cc]!.num!.value), ZERO);
        if (!total || total.n === 0n) continue;
        for (const r of rows2) {
          const part = r[cc]?.num;
          if (!part || part.approx) continue;
          const stated = asPct(r[rc]!);
          const exact = pct(part.value, total);
          const how = agrees(stated, exact);
          out.push({
            kind: 'table-rate',
            rule: 'table-total',
            status: how === 'round' ? 'ok' : how === 'trunc' ? 'truncated' : 'mismatch',
            severity: how ? undefined : 'error',
            stated,
            name: hk || h,
            parts: [part],
            base: totalFig,
            exact,
            formula: `${operandText(model, part)}÷${totalFig ? operandText(model, totalFig) : rToString(total)}`,
          });
        }
        // share column sums to about 100% over the detail rows
        const shares = details.map((r) => r[rc]?.num).filter((x): x is Figure => !!x && !x.approx);
        if (shares.length >= 2 && shares.length === details.length) {
          const sum = shares.reduce((a, x) => radd(a, x.value), ZERO);
          const upTol = shares.reduce((a, x) => radd(a, R(1, 2n * pow10(x.decimals))), ZERO);
          const downTol = shares.reduce((a, x) => radd(a, R(1, pow10(x.decimals))), ZERO);
          const bad = rcmp(sum, radd(HUNDRED, upTol)) > 0 || rcmp(sum, rsub(HUNDRED, downTol)) < 0;
          out.push({
            kind: 'percent-sum',
            rule: 'percent-sum',
            status: bad ? (rcmp(sum, HUNDRED) > 0 ? 'over' : 'under') : 'ok',
            severity: bad ? 'info' : undefined, // each share is checked by table-total already
            stated: shares[shares.length - 1]!,
            name: hk || h,
            parts: [],
            items: shares,
            exact: sum,
            formula: shares.map((x) => rToString(x.value) + '%').join('+'),
          });
        }
        continue;
      }
      // rate column: choose the part and base columns
      const stem = rn!.stem;
      const score = (c: number) => labelMatch(stem, headerText[c] ?? '');
      const candidates = countCols.filter((c) => c !== rc);
      let bestPair: [number, number] | undefined;
      let bestOk = -1;
      for (const pc of candidates) {
        for (const bc of candidates) {
          if (pc === bc) continue;
          let okRows = 0;
          let valid = true;
          for (const r of rows2) {
            const p = r[pc]?.num;
            const bb = r[bc]?.num;
            if (!p || !bb || bb.value.n === 0n) continue;
            if (rcmp(p.value, bb.value) > 0) {
              valid = false;
              break;
            }
            if (agrees(asPct(r[rc]!), pct(p.value, bb.value))) okRows++;
          }
          if (!valid) continue;
          const s = okRows * 4 + score(pc) * 2 + (bc < pc ? 1 : 0);
          if (s > bestOk) (bestOk = s), (bestPair = [pc, bc]);
        }
      }
      if (!bestPair) continue;
      const [pc, bc] = bestPair;
      const okCount = rows2.filter((r) => r[pc]?.num && r[bc]?.num && agrees(asPct(r[rc]!), pct(r[pc]!.num!.value, r[bc]!.num!.value))).length;
      const trusted = score(pc) > 0 || (rows2.length >= 3 && okCount >= rows2.length - 1) || okCount === rows2.length;
      if (!trusted) continue;
      for (const r of rows2) {
        const p = r[pc]?.num;
        const bb = r[bc]?.num;
        if (!p || !bb || p.approx || bb.approx || bb.value.n === 0n) continue;
        const stated = asPct(r[rc]!);
        const exact = pct(p.value, bb.value);
        const how = agrees(stated, exact);
        out.push({
          kind: 'table-rate',
          rule: 'table-total',
          status: how === 'round' ? 'ok' : how === 'trunc' ? 'truncated' : 'mismatch',
          severity: how ? undefined : 'error',
          stated,
          name: hk,
          parts: [p],
          base: bb,
          exact,
          formula: `${operandText(model, p)}÷${operandText(model, bb)}`,
        });
      }
    }
  }
}

// ---- helpers for the checks ----------------------------------------------------------------------

/** The figure as written in the original text. */
export const writtenFigure = (model: ReportModel, f: Span) => figureText(model, f);

/** Percent text of an exact value with the given decimals (99.31%). */
export const percentText = (v: Rational, decimals: number) => rToFixed(v, decimals) + '%';

/** The stated figure rewritten to the exact value at its own precision and in its own form (digits only). */
export function rewrite(model: ReportModel, f: Figure, exact: Rational): { edit: TextEdit; display: string } {
  const digits = formatLike(f, roundScaled(exact, f.decimals));
  const display = model.text.slice(f.start, f.numStart) + digits + model.text.slice(f.numEnd, f.end);
  return { edit: { start: f.numStart, end: f.numEnd, newText: digits }, display };
}

/** Exact percent shown in a formula (one more decimal than stated, at least two). */
export const computedText = (f: Figure, exact: Rational) => rToFixed(exact, shownDecimals(f)) + '%';

const ROLE_TEXT: Record<string, { zh: string; en: string }> = {
  part: { zh: '分子', en: 'numerator' },
  base: { zh: '分母', en: 'denominator' },
  whole: { zh: '总数', en: 'whole' },
  item: { zh: '分项', en: 'item' },
  share: { zh: '占比', en: 'share' },
  current: { zh: '本期数', en: 'current value' },
  previous: { zh: '上期数', en: 'previous value' },
  delta: { zh: '增减数', en: 'change' },
  rate: { zh: '比率', en: 'rate' },
  count: { zh: '数', en: 'count' },
};

/** A related location for an operand: "分子：434件" / "numerator: 434件". */
export function relatedOf(model: ReportModel, f: Span, role: keyof typeof ROLE_TEXT | string, locale: Locale): Related {
  const r = ROLE_TEXT[role] ?? { zh: role, en: role };
  const t = model.text.slice(f.start, f.end);
  return { start: f.start, end: f.end, message: locale === 'en' ? `${r.en}: ${t}` : `${r.zh}：${t}` };
}

/**
 * The message arguments and the fix shared by the rate and share checks: the stated figure against the exact value
 * of `parts` over the base. Only for mismatches with an exact value and a base.
 */
export function figureMismatch(model: ReportModel, r: Relation, parts: Span[], locale: Locale): { args: Record<string, string>; edit: TextEdit } {
  const { edit, display } = rewrite(model, r.stated, r.exact!);
  const args = {
    name: r.name,
    formula: r.formula ?? '',
    computed: computedText(r.stated, r.exact!),
    expected: display,
    stated: writtenFigure(model, r.stated),
    part: parts.map((p) => writtenFigure(model, p)).join('、'),
    base: writtenFigure(model, r.base!),
    precision: precisionText(r.stated, locale),
  };
  return { args, edit };
}

const reportedCache = new WeakMap<ReportModel, Map<string, Relation[]>>();

/** Relations a check reports (contradictions and hints), in document order (grouped by rule once per model). */
export function reported(model: ReportModel, rule: string): Relation[] {
  let byRule = reportedCache.get(model);
  if (!byRule) {
    byRule = new Map();
    for (const r of getRelations(model)) {
      if (!r.severity || r.status === 'ok' || r.status === 'truncated' || r.status === 'partial') continue;
      let l = byRule.get(r.rule);
      if (!l) byRule.set(r.rule, (l = []));
      l.push(r);
    }
    for (const l of byRule.values()) l.sort((a, b) => a.stated.start - b.stated.start);
    reportedCache.set(model, byRule);
  }
  return byRule.get(rule)?.slice() ?? [];
}
