// Relations between the numbers of a report: rates, shares, breakdowns, share sums, table totals, growth.
// One finder, shared by the number checks (each reports the relations of its kind) and by the accuracy harness
// (which mutates the stated figure of every consistent relation). Exact rational arithmetic only.
import type { Locale, Related, ReportModel, Severity, Span, TextEdit } from './types';
import {
  getQuantities,
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

export const pct = (part: Rational, base: Rational): Rational => rmul(rdiv(part, base), HUNDRED);

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
  sentOf: number[];
  sentences: Sentence[];
}


function blockTexts(model: ReportModel): BlockText[] {
  const { byLine } = getQuantities(model);
  const out: BlockText[] = [];
  let cur: BlockText | undefined;
  model.lines.forEach((ln, idx) => {
    if (ln.kind === 'table-row') return;
    if (!cur || cur.block !== ln.block) {
      cur = { block: ln.block, start: ln.start, end: ln.end, qs: [], sentOf: [], sentences: [] };
      out.push(cur);
    }
    cur.end = ln.end;
    for (const q of byLine[idx]!) cur.qs.push(q);
  });
  const norm = model.norm;
  for (const b of out) {
    let s = b.start;
    let qi = 0;
    const push = (e: number) => {
      const q0 = qi;
      while (qi < b.qs.length && b.qs[qi]!.start < e) b.sentOf[qi++] = b.sentences.length;
      b.sentences.push({ start: s, end: e, q0, q1: qi });
      s = e;
    };
    for (let i = b.start; i < b.end; i++) {
      const c = norm.charCodeAt(i);
      // 。 ! ? ！ ？
      if (c === 0x3002 || c === 33 || c === 63 || c === 0xff01 || c === 0xff1f) push(i + 1);
    }
    if (s < b.end || b.sentences.length === 0) push(b.end);
    while (qi < b.qs.length) b.sentOf[qi++] = b.sentences.length - 1;
  }
  return out;
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

/** The rate a percent names: 办结率达 → 办结率 (stem 办结); 划转占比 → share with stem 划转. */
export function rateName(key: string): RateName | undefined {
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

/** How well a count's label says it is the part a rate counts: 2 strong, 1 medium, 0 not. */
export function labelMatch(stem: string, label: string): 0 | 1 | 2 {
  if (!stem || !label) return 0;
  let best: 0 | 1 | 2 = 0;
  for (const alt0 of stem.split(/[、/]/)) {
    const alt = alt0.trim();
    if (alt.length < 2) continue;
    const tail = alt.length > 4 ? alt.slice(-4) : alt;
    if (label.includes(tail)) return 2;
    // the same words in another order (网上可办 ↔ 可网上办理)
    if (tail.length >= 3 && [...tail].every((ch) => label.includes(ch))) best = 1;
    const w1 = alt.slice(-2);
    const w2 = alt.length >= 4 ? alt.slice(-4, -2) : '';
    if (variants(w1).some((v) => label.includes(v))) {
      if (!w2 || GENERIC.has(w2) || variants(w2).some((v) => label.includes(v))) best = 1;
    }
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
  const blocks = blockTexts(model);
  for (const b of blocks) {
    if (!b.qs.length) continue;
    const index = findBreakdowns(model, b, out);
    findRates(model, b, out);
    findShares(model, b, index, out);
    findGrowth(model, b, out);
  }
  findTables(model, out);
  return out;
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

/** 未办结 / 不予受理 / 没有通过: the count of the opposite of what the rate counts. */
function negated(stem: string, label: string): boolean {
  const w1 = stem.slice(-2);
  if (w1.length < 2) return false;
  // the rate itself counts the negative (未成功率 ↔ 未成功调解260件)
  if (/[未不没无]$/.test(stem.slice(0, -2)) || /(不予|没有|尚未)$/.test(stem.slice(0, -2))) return false;
  for (const v of variants(w1)) {
    const k = label.lastIndexOf(v);
    if (k > 0 && /[未不没无]/.test(label[k - 1]!)) return true;
    if (k > 1 && /(不予|没有|尚未)$/.test(label.slice(0, k))) return true;
  }
  return false;
}

function consistentPair(cands: Quantity[], stated: Quantity, prefer: (q: Quantity) => number, stem: string): Pair | 'approx' | undefined {
  let best: Pair | undefined;
  let bestScore = -1;
  let approx = false;
  // when some count is labelled as the rate's part, only labelled parts are plausible
  const anyLabelled = cands.some((x) => prefer(x) > 0);
  for (const p of cands) {
    if (anyLabelled && prefer(p) === 0) continue;
    const neg = anyLabelled && negated(stem, p.label);
    for (const b of cands) {
      if (p === b || !sameClass(p, b) || rcmp(p.value, b.value) > 0 || b.value.n === 0n) continue;
      const how = agrees(stated, pct(neg ? rsub(b.value, p.value) : p.value, b.value));
      if (!how) continue;
      if (p.approx || b.approx) {
        approx = true;
        continue;
      }
      const score = prefer(p) * 4 + (how === 'round' ? 2 : 0) + (b.start < p.start ? 1 : 0);
      if (score > bestScore) (best = { p, b, how, complement: neg }), (bestScore = score);
    }
  }
  if (best || approx) return best ?? 'approx';
  // the base may be the sum of two adjacent counts before the part (新收 + 旧存 = 收案)
  for (const p of cands) {
    if (anyLabelled && prefer(p) === 0) continue;
    if (p.approx) continue;
    for (let k = 0; k + 1 < cands.length; k++) {
      const b1 = cands[k]!;
      const b2 = cands[k + 1]!;
      if (b1 === p || b2 === p || b2.start > p.start || !sameClass(b1, p) || !sameClass(b2, p) || b1.approx || b2.approx) continue;
      const base = radd(b1.value, b2.value);
      if (rcmp(p.value, base) > 0) continue;
      const how = agrees(stated, pct(p.value, base));
      if (how) return { p, b: b1, b2, how };
    }
  }
  return undefined;
}

function chooseBase(cands: Quantity[], p: Quantity): Quantity | undefined {
  let before: Quantity | undefined;
  let after: Quantity | undefined;
  for (const b of cands) {
    if (b === p || !sameClass(b, p) || rcmp(b.value, p.value) < 0 || b.value.n === 0n) continue;
    if (b.start < p.start) {
      if (!before || (before.paren && !b.paren) || (!b.paren && b.start > before.start)) before = b;
    } else if (!after) after = b;
  }
  return before ?? after;
}

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
    const rn = rateName(key);
    if (!rn || !rn.stem) continue;
    const rule = rn.kind === 'share' ? 'share-mismatch' : 'rate-mismatch';
    // candidates: counts of the same sentence before the rate; first the segment after the previous percent
    const sent = sentOf[i]!;
    let segStart = i;
    while (segStart > 0 && i - segStart < MAX_CANDIDATES && sentOf[segStart - 1] === sent && !qs[segStart - 1]!.percent) segStart--;
    let sentStart = segStart;
    while (sentStart > 0 && i - sentStart < MAX_CANDIDATES && sentOf[sentStart - 1] === sent) sentStart--;
    // the nearest counts only (a rate's operands are close to it; keeps pathological sentences linear)
    const seg = qs.slice(Math.max(segStart, i - MAX_CANDIDATES), i).filter(isCount);
    const whole = qs.slice(Math.max(sentStart, i - MAX_CANDIDATES), i).filter(isCount);
    const prefer = (x: Quantity) => labelMatch(rn.stem, x.label);
    const stated = q;
    const mk = (status: RelationStatus, p?: Quantity, base?: Quantity, extra: Partial<Relation> = {}): Relation => ({
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
    });

    let decided = false;
    let lonePart: Quantity | undefined;
    for (const [cands, distant] of [
      [seg, false],
      [whole, true],
    ] as [Quantity[], boolean][]) {
      if (!cands.length) continue;
      const pair = consistentPair(cands, stated, prefer, rn.stem);
      if (pair === 'approx') {
        decided = true;
        break;
      }
      if (pair) {
        const rel = mk(pair.how === 'round' ? 'ok' : 'truncated', pair.p, pair.b, { distant, confident: prefer(pair.p) > 0 });
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
      const labelled = cands.filter((x) => prefer(x) > 0);
      if (!labelled.length) continue;
      // the best label first; a count of the opposite (不予受理7件) only when nothing else is labelled; then the nearest
      const neg = (x: Quantity) => (negated(rn.stem, x.label) ? 1 : 0);
      labelled.sort((x, y) => neg(x) - neg(y) || prefer(y) - prefer(x) || y.start - x.start);
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
        const rel = mk('mismatch', p, base, { severity: distant || prefer(p) < 2 ? 'warning' : 'error', distant });
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
      if (poss.ok) out.push(mk('ok', lonePart, undefined));
      else out.push(impossible(model, rn, stated, lonePart, 'part', 'warning'));
      continue;
    }
    // one count in the sentence and no label: it is the part or the base
    const counts = whole.length ? whole : [];
    if (counts.length === 1) {
      const c = counts[0]!;
      if (c.approx || !isInt(c.value)) continue;
      const v = c.value.n / c.value.d;
      const asPart = possibleAsPart(v, stated);
      const asBase = possibleAsBase(v, stated);
      if (asPart.ok || asBase.ok) out.push(mk('ok', c, undefined));
      else out.push(impossible(model, rn, stated, c, 'either', 'warning'));
      continue;
    }
    if (counts.length) continue;
    // no count in the sentence: a count of the same thing earlier in the paragraph may be the base (info only)
    const w1 = rn.stem.slice(-2);
    if (w1.length < 2) continue;
    let ctx: Quantity | undefined;
    let n = 0;
    for (let k = i - 1; k >= 0 && q.start - qs[k]!.end <= 240; k--) {
      const x = qs[k]!;
      if (!isCount(x) || sentOf[k] === sentOf[i]) continue;
      // only a count of cases of that very kind (应诉案件 for 出庭应诉率), naming the same proceedings
      if (!variants(w1).some((v) => x.label.includes(v + '案件'))) continue;
      if (['诉讼', '复议', '信访', '仲裁'].some((w) => rn.stem.includes(w) && !x.label.includes(w))) continue;
      ctx = x;
      n++;
    }
    if (n !== 1 || !ctx || ctx.approx || !isInt(ctx.value)) continue;
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
function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isGapOnlyPunct(norm: string, s: number, e: number): boolean {
  let depth = 0;
  for (let k = s; k < e; k++) {
    const c = norm[k]!;
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !/[\s,，、:：]/.test(c)) return false;
  }
  return true;
}

interface BreakdownIndex {
  partOf: Map<Quantity, Breakdown>;
  shareOf: Map<Quantity, { bd: Breakdown; idx: number }>;
}

function findBreakdowns(model: ReportModel, b: BlockText, out: Relation[]): BreakdownIndex {
  const partOf = new Map<Quantity, Breakdown>();
  const shareOf = new Map<Quantity, { bd: Breakdown; idx: number }>();
  const norm = model.norm;
  const { qs, sentences } = b;
  const handle = (pos: number, marker: string) => {
    const after = pos + marker.length;
    // the sentence containing pos
    const si = sentenceAt(sentences, pos);
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
    const nextMarker = norm.indexOf('其中', after);
    const limit = nextMarker >= 0 && nextMarker < s.end ? nextMarker : s.end;
    const parts: Quantity[] = [];
    const shares: (Quantity | undefined)[] = [];
    let complete = false;
    let fenbie = false;
    const colon = marker === ':' || /^[\s]*[:：]/.test(norm.slice(after, after + 3));
    let lastPos = after;
    for (let k = at; k < s.q1; k++) {
      const x = qs[k]!;
      if (x.start < after) continue;
      if (x.start >= limit) break;
      // the list may run over ；-clauses, but only once it has started in the 其中 clause
      if (!parts.length && /[;；]/.test(norm.slice(lastPos, x.start))) break;
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
      if (PART_STOP_WORDS.some((w) => x.label.includes(w))) break;
      if (!parts.length && /分别(为|是|有|占)/.test(norm.slice(after, x.start))) fenbie = true;
      if (RESIDUAL_WORDS.some((w) => x.label.includes(w))) complete = true;
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
    for (const p of parts) partOf.set(p, bd);
    shares.forEach((x, j) => x && shareOf.set(x, { bd, idx: j }));
    if (whole.approx || parts.some((x) => x.approx)) return;
    const sum = parts.reduce((a, x) => radd(a, x.value), ZERO);
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
  };
  // one pass over the block for the markers
  const blockText = norm.slice(b.start, b.end);
  for (let k = blockText.indexOf('其中'); k >= 0; k = blockText.indexOf('其中', k + 2)) handle(b.start + k, '其中');
  // 办理案件120件：刑事案件50件、民事案件70件 (a colon right after a count)
  for (let k = blockText.indexOf(':'); k >= 0; k = blockText.indexOf(':', k + 1)) {
    const pos = b.start + k;
    const at = firstAtOrAfter(qs, pos, 0, qs.length);
    const x = qs[at - 1];
    if (!x || !isCount(x) || pos - x.end > 2 || !isGapOnlyPunct(norm, x.end, pos)) continue;
    if (norm.startsWith('其中', pos + 1) || norm.startsWith('其中', pos + 2)) continue; // 其中 handles it
    handle(pos, ':');
  }
  // X件，分别为A件、B件 (a whole right before 分别为, no 其中 earlier in the sentence)
  for (let k = blockText.indexOf('分别'); k >= 0; k = blockText.indexOf('分别', k + 2)) {
    const pos = b.start + k;
    const m = /^分别(为|是|有)/.exec(blockText.slice(k, k + 3));
    if (!m) continue;
    const si = sentenceAt(sentences, pos);
    const qz = blockText.lastIndexOf('其中', k);
    if (qz >= 0 && b.start + qz >= sentences[si]!.start) continue;
    handle(pos, m[0]);
  }
  return { partOf, shareOf };
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

function findShares(model: ReportModel, b: BlockText, index: BreakdownIndex, out: Relation[]) {
  const norm = model.norm;
  const { qs, sentOf } = b;
  const indexOf = new Map<Quantity, number>();
  qs.forEach((x, k) => indexOf.set(x, k));
  // groups of shares of one whole, for percent-sum
  const groups = new Map<Breakdown | string, { items: Quantity[]; complete: boolean; checked: boolean[] }>();
  const addToGroup = (key: Breakdown | string, q: Quantity, complete: boolean) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { items: [], complete, checked: [] }));
    g.items.push(q);
    g.checked.push(false);
    return g;
  };
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    if (!q.percent || q.form === 'fraction') continue;
    const owned = index.shareOf.get(q);
    let zhan = -1;
    let afterZhan = '';
    let p: Quantity | undefined;
    let pi = -1;
    let bd: Breakdown | undefined;
    let group: ReturnType<typeof addToGroup> | undefined;
    if (owned) {
      // a share the breakdown attached to one of its parts (占78% after a part, or 分别占X%、Y%)
      bd = owned.bd;
      p = bd.parts[owned.idx]!;
      pi = indexOf.get(p) ?? -1;
      const zr = q.label.lastIndexOf('占');
      if (zr >= 0) {
        zhan = q.labelStart + zr;
        afterZhan = norm.slice(zhan + 1, q.labelStart + q.label.length);
      }
      if (afterZhan.startsWith('比')) afterZhan = '';
      group = addToGroup(bd, q, bd.complete);
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
        const complete = RESIDUAL_WORDS.some((w) => q.label.includes(w));
        if (items.length >= 2) for (const x of items) addToGroup(`fb:${zhan}`, x, complete);
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
      bd = index.partOf.get(p);
      if (bd) group = addToGroup(bd, q, bd.complete);
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
      // the whole is named nearby: look a bounded number of quantities either way (keeps the scan linear)
      for (let k = Math.max(0, i - 40); k < Math.min(qs.length, i + 40); k++) {
        const x = qs[k]!;
        if (k === pi || !isCount(x) || !sameClass(x, p) || rcmp(x.value, p.value) < 0) continue;
        if (!variants(wkey).some((v) => x.label.includes(v))) continue;
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
    if (others.some((x) => agrees(q, pct(p!.value, x.value)))) {
      const x = others.find((y) => agrees(q, pct(p!.value, y.value)))!;
      const how = agrees(q, pct(p.value, x.value));
      out.push({ kind: 'share', rule: 'share-mismatch', status: how === 'round' ? 'ok' : 'truncated', stated: q, name: '占', parts: [p], base: x, exact: pct(p.value, x.value), formula: shareFormula(model, [p], x) });
      if (group) group.checked[group.items.length - 1] = true;
      continue;
    }
    if (group) group.checked[group.items.length - 1] = true;
    let found: { a: (typeof alts)[0]; how: 'round' | 'trunc' } | undefined;
    for (const a of alts) {
      if (rcmp(a.sum, w.value) > 0) continue;
      const how = agrees(q, pct(a.sum, w.value));
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
  for (const [, g] of groups) {
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

function findGrowth(model: ReportModel, b: BlockText, out: Relation[]) {
  const { qs, sentOf } = b;
  const year = model.reportYear?.value;
  const prevYearWords = year ? [...PREVIOUS_MARKERS, `${year - 1}年`] : PREVIOUS_MARKERS;
  for (let i = 0; i < qs.length; i++) {
    const g = qs[i]!;
    if (!g.percent || g.form === 'fraction') continue;
    const key = g.key;
    const verb = GROWTH_WORDS.find((w) => key.endsWith(w) || key.endsWith(w + '了'));
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
    const subjectIsRate = /(率|占比|比例|比重)/.test(subject) || (!!prevPct && !!rateName(prevPct.key) && /^(同比|环比|比|较|与)/.test(subject.trim()));
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
        const tc = bodyCell(row, c);
        if (!tc?.num || tc.num.approx) continue;
        const cells = members.map((m) => bodyCell(body[m]!, c));
        if (cells.some((x) => x && x.text && !x.num && !/^[-—–/／]$|^无$/.test(x.text))) continue;
        const nums = cells.filter((x) => x?.num).map((x) => x!.num!);
        if (!nums.length || nums.some((x) => x.approx)) continue;
        const sum = nums.reduce((a, x) => radd(a, x.value), ZERO);
        const ok = rcmp(sum, tc.num.value) === 0;
        out.push({
          kind: 'table-total',
          rule: 'table-total',
          status: ok ? 'ok' : 'mismatch',
          severity: ok ? undefined : 'error',
          stated: cellFig(tc),
          name: row.find((x) => TOTAL_RE.test(x.text.replace(/\s+/g, '')))?.text ?? '合计',
          parts: nums,
          exact: sum,
          formula: nums.map((x) => operandText(model, x)).join('+'),
        });
      }
    });
    // total columns: the count columns left of it (after the label column)
    headerText.forEach((h, tcI) => {
      if (!TOTAL_RE.test(h.replace(/\s+/g, '')) && !/^(合计|总计|小计|总数)/.test(h)) return;
      const cols = countCols.filter((c) => c < tcI && c > 0);
      if (cols.length < 2) return;
      body.forEach((row) => {
        const tc = row[tcI];
        if (!tc?.num || tc.num.approx) return;
        const cells = cols.map((c) => row[c]);
        if (cells.some((x) => x && x.text && !x.num && !/^[-—–/／]$|^无$/.test(x.text))) return;
        const nums = cells.filter((x) => x?.num).map((x) => x!.num!);
        if (nums.length < 2 || nums.some((x) => x.approx)) return;
        const sum = nums.reduce((a, x) => radd(a, x.value), ZERO);
        const ok = rcmp(sum, tc.num.value) === 0;
        out.push({
          kind: 'table-total',
          rule: 'table-total',
          status: ok ? 'ok' : 'mismatch',
          severity: ok ? undefined : 'error',
          stated: cellFig(tc),
          name: h,
          parts: nums,
          exact: sum,
          formula: nums.map((x) => operandText(model, x)).join('+'),
        });
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

/** Relations a check reports (contradictions and hints), in document order. */
export function reported(model: ReportModel, rule: string): Relation[] {
  return getRelations(model)
    .filter((r) => r.rule === rule && r.severity && r.status !== 'ok' && r.status !== 'truncated' && r.status !== 'partial')
    .sort((a, b) => a.stated.start - b.stated.start);
}
