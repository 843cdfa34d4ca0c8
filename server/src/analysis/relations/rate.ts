// Rates (办结率, 成功率, X占比 …): a part over a base among the counts of the rate's sentence, matched by label; a
// rate no whole-number base can give (impossible); a lone count that must be the part or the base.
import type { ReportModel, Severity } from '../types';
import { R, radd, rcmp, rsub, rToFixed, type Quantity, type Rational } from '../quantities';
import type { BlockContext } from './block';
import type { Nearest, RateRelation, Relation, ShareRelation, RelationStatus } from './types';
import { labelMatch, negated, PROCEEDINGS, rateNameOf, variants, type RateName } from './labels';
import { isCount, MAX_CANDIDATES, sameClass, type BlockText } from './sentences';
import { agreesPct, isInt, mayAgree, pct, possibleAsBase, possibleAsPart, rgt, statedApprox, approxValue } from './verdict';
import { operandText } from './messages';

type RatioRelation = RateRelation | ShareRelation;

interface Pair {
  p: Quantity;
  b: Quantity;
  how: 'round' | 'trunc';
  /** The part counts what the rate does not (未办结3件 → 办结率 = (b − p) ÷ b). */
  complement?: boolean;
  /** The base is the sum b + b2 (新收300件，旧存20件 → 结案率 = 结案 ÷ 320). */
  b2?: Quantity;
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
function rateRelation(model: ReportModel, rn: RateName, status: RelationStatus, stated: Quantity, p?: Quantity, base?: Quantity, extra: Partial<RatioRelation> = {}): RatioRelation {
  return {
    kind: rn.kind,
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

/** The rate a percent's key names; 占…比例 is a share of a named whole (found with the shares) unless it is X占比. */
function rateOfKey(key: string): RateName | undefined {
  const zhan = key.lastIndexOf('占');
  if (zhan >= 0 && !key.startsWith('比', zhan + 1)) return undefined;
  if (zhan >= 0 && key.startsWith('占比', zhan)) key = key.slice(0, zhan) + '占比';
  return rateNameOf(key);
}

/** The rates of a block. */
export function findRates(ctx: BlockContext) {
  const { qs } = ctx.b;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    if (!q.percent || q.approx || q.form === 'fraction') continue;
    const rn = rateOfKey(q.key);
    if (!rn || !rn.stem) continue;
    rateAt(ctx.model, ctx.b, i, rn, ctx.out);
  }
}

/** The counts a rate may take its operands from, each with its labelMatch score. */
interface RateCandidates {
  /** Counts of the segment after the previous percent of the sentence (a tail of `whole`). */
  seg: Quantity[];
  segScore: number[];
  /** Counts of the sentence before the rate. */
  whole: Quantity[];
  wholeScore: number[];
}

/**
 * Candidates: counts of the same sentence before the rate; first the segment after the previous percent. The nearest
 * counts only (a rate's operands are close to it; keeps pathological sentences linear); each count's label is
 * matched with the rate once.
 */
function rateCandidates(b: BlockText, i: number, stem: string): RateCandidates {
  const { qs, sentOf } = b;
  const sent = sentOf[i]!;
  let segStart = i;
  while (segStart > 0 && i - segStart < MAX_CANDIDATES && sentOf[segStart - 1] === sent && !qs[segStart - 1]!.percent) segStart--;
  let sentStart = segStart;
  while (sentStart > 0 && i - sentStart < MAX_CANDIDATES && sentOf[sentStart - 1] === sent) sentStart--;
  const c: RateCandidates = { seg: [], segScore: [], whole: [], wholeScore: [] };
  const segFrom = Math.max(segStart, i - MAX_CANDIDATES);
  for (let k = Math.max(sentStart, i - MAX_CANDIDATES); k < i; k++) {
    const x = qs[k]!;
    if (!isCount(x)) continue;
    const sc = labelMatch(stem, x.label);
    c.whole.push(x);
    c.wholeScore.push(sc);
    if (k >= segFrom) {
      c.seg.push(x);
      c.segScore.push(sc);
    }
  }
  return c;
}

/** The relation of the rate at qs[i], if any. */
function rateAt(model: ReportModel, b: BlockText, i: number, rn: RateName, out: Relation[]) {
  const push = (r: RatioRelation) => out.push(r);
  const stated = b.qs[i]!;
  const c = rateCandidates(b, i, rn.stem);
  let lonePart: Quantity | undefined;
  for (let pass = 0; pass < 2; pass++) {
    const r = tryCandidates(model, rn, stated, c, pass === 1, push);
    if (r === 'decided') return;
    if (r) lonePart ??= r;
  }
  if (lonePart) {
    // a labelled part with no base: is any whole-number base possible?
    const pv = lonePart.value;
    if (!isInt(pv)) return;
    const poss = possibleAsPart(pv.n / pv.d, stated);
    if (poss.ok) push(rateRelation(model, rn, 'ok', stated, lonePart, undefined));
    else push(impossible(model, rn, stated, lonePart, 'part', 'warning'));
    return;
  }
  const counts = c.whole;
  if (counts.length === 1) {
    // one count in the sentence and no label: it is the part or the base
    const x = counts[0]!;
    // A zero count says nothing about a rate (and cannot be its base).
    if (x.approx || !isInt(x.value) || x.value.n === 0n) return;
    const v = x.value.n / x.value.d;
    if (possibleAsPart(v, stated).ok || possibleAsBase(v, stated).ok) push(rateRelation(model, rn, 'ok', stated, x, undefined));
    else push(impossible(model, rn, stated, x, 'either', 'warning'));
    return;
  }
  if (counts.length) return;
  const ctx = contextBase(b, i, rn);
  if (ctx && !possibleAsBase(ctx.value.n / ctx.value.d, stated).ok) push(impossible(model, rn, stated, ctx, 'base', 'info', true));
}

/**
 * One pass over the candidates (pass 0: the segment, pass 1: the sentence, `distant`). 'decided' when a relation was
 * found (or approximate figures forbid one); else the best labelled part that has no base, if any.
 */
function tryCandidates(model: ReportModel, rn: RateName, stated: Quantity, c: RateCandidates, distant: boolean, push: (r: RatioRelation) => void): 'decided' | Quantity | undefined {
  const cands = distant ? c.whole : c.seg;
  if (!cands.length) return undefined;
  const score = (x: Quantity) => scoreOf(c.whole, c.wholeScore, x);
  const pair = consistentPair(cands, stated, distant ? c.wholeScore : c.segScore, rn.stem);
  if (pair === 'approx') return 'decided';
  if (pair) {
    const rel = rateRelation(model, rn, pair.how === 'round' ? 'ok' : 'truncated', stated, pair.p, pair.b, { distant, confident: score(pair.p) > 0 });
    if (pair.complement) {
      rel.exact = pct(rsub(pair.b.value, pair.p.value), pair.b.value);
      rel.formula = `(${operandText(model, pair.b)}−${operandText(model, pair.p)})÷${operandText(model, pair.b)}`;
    }
    if (pair.b2) {
      rel.exact = pct(pair.p.value, radd(pair.b.value, pair.b2.value));
      rel.formula = `${operandText(model, pair.p)}÷(${operandText(model, pair.b)}+${operandText(model, pair.b2)})`;
      rel.baseParts = [pair.b, pair.b2];
    }
    push(rel);
    return 'decided';
  }
  const labelled = cands.filter((x) => score(x) > 0);
  if (!labelled.length) return undefined;
  // the best label first; a count of the opposite (不予受理7件) only when nothing else is labelled; then the nearest
  const stem = rn.stem;
  labelled.sort((x, y) => (negated(stem, x.label) ? 1 : 0) - (negated(stem, y.label) ? 1 : 0) || score(y) - score(x) || y.start - x.start);
  const p = labelled[0]!;
  if (p.approx) return 'decided';
  const base = chooseBase(cands, p);
  if (!base) return p;
  if (base.approx || cands.some((x) => x.approx && sameClass(x, p))) return 'decided';
  const rel = rateRelation(model, rn, 'mismatch', stated, p, base, { severity: distant || score(p) < 2 ? 'warning' : 'error', distant });
  if (negated(rn.stem, p.label)) {
    rel.exact = pct(rsub(base.value, p.value), base.value);
    rel.formula = `(${operandText(model, base)}−${operandText(model, p)})÷${operandText(model, base)}`;
  }
  push(rel);
  return 'decided';
}

/**
 * No count in the sentence: a count of the same thing earlier in the paragraph may be the base (info only) — only a
 * count of cases of that very kind (应诉案件 for 出庭应诉率), naming the same proceedings, and only one.
 */
function contextBase(b: BlockText, i: number, rn: RateName): Quantity | undefined {
  const { qs, sentOf } = b;
  const q = qs[i]!;
  const w1 = rn.stem.slice(-2);
  if (w1.length < 2) return undefined;
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
  if (n !== 1 || !ctx || ctx.approx || !isInt(ctx.value) || ctx.value.n === 0n) return undefined;
  return ctx;
}

function impossible(model: ReportModel, rn: RateName, stated: Quantity, c: Quantity, role: 'part' | 'base' | 'either', severity: Severity, distant = false): RateRelation {
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
  const nearest: RateRelation['nearest'] = { role };
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
