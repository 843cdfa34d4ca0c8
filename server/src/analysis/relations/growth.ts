// Growth (同比增长/下降X%): (current − previous) ÷ previous when both values (or the change) are written before it
// in the sentence. A change of a rate is a percentage-point question instead (percent-point.ts).
import type { ReportModel } from '../types';
import { radd, rsub, type Quantity, type Rational } from '../quantities';
import type { BlockContext } from './block';
import type { GrowthRelation, Relation } from './types';
import { COMPARE_WORDS, DOWN_WORDS, GROWTH_WORDS, growthVerb } from './labels';
import { isCount, MAX_CANDIDATES, sameClass, type BlockText } from './sentences';
import { agrees, pct } from './verdict';
import { operandText } from './messages';
import { comparesRates, percentPointHint } from './percent-point';

/** The changes of a block: growth relations of counts, percentage-point hints for rates (in document order). */
export function findGrowth(ctx: BlockContext) {
  const { model, b, out } = ctx;
  const { qs, sentOf } = b;
  for (let i = 0; i < qs.length; i++) {
    const g = qs[i]!;
    if (!g.percent || g.form === 'fraction') continue;
    const verb = growthVerb(g.key);
    if (!verb) continue;
    if (/(到|至)$/.test(g.label.trim())) continue; // 提高到5%: a level, not a change
    const up = !DOWN_WORDS.includes(verb);
    // the compared quantity: a rate (percentage points) or a count (relative growth)
    const subject = g.key.slice(0, g.key.length - verb.length);
    let prevPct: Quantity | undefined;
    for (let k = i - 1; k >= 0 && i - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
      const x = qs[k]!;
      if (x.percent) {
        prevPct = x;
        break;
      }
      if (isCount(x)) break;
    }
    if (comparesRates(subject, prevPct)) {
      const hint = percentPointHint(g, verb, up, prevPct);
      if (hint) out.push(hint);
      continue;
    }
    if (g.approx) continue;
    growthAt(model, b, i, verb, up, ctx.prevYearWords, out);
  }
}

/** The current value, the previous value and the change written before the growth figure in its sentence. */
function growthOperands(b: BlockText, i: number, prevYearWords: string[]): { cur?: Quantity; prev?: Quantity; delta?: Quantity } {
  const { qs, sentOf } = b;
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
  return { cur, prev, delta };
}

/** The growth relation of the figure at qs[i], if its values are written. */
function growthAt(model: ReportModel, b: BlockText, i: number, verb: string, up: boolean, prevYearWords: string[], out: Relation[]) {
  const { qs, sentOf } = b;
  const g = qs[i]!;
  const key = g.key;
  const compared = COMPARE_WORDS.some((w) => key.includes(w)) || (i > 0 && COMPARE_WORDS.some((w) => qs[i - 1]!.label.includes(w)));
  let { cur, prev, delta } = growthOperands(b, i, prevYearWords);
  if (!cur || cur.approx) return;
  if (!prev && !delta) {
    // 同比增长12.3%（2022年为192.8万元）: the previous value in parentheses right after
    const x = qs[i + 1];
    if (x && sentOf[i + 1] === sentOf[i] && x.paren && isCount(x) && prevYearWords.some((w) => x.label.includes(w))) prev = x;
  }
  if (!prev && !delta) return;
  if (!compared && !prev) return;
  let prevValue: Rational;
  let formula: string;
  const ct = operandText(model, cur);
  if (prev) {
    if (!sameClass(prev, cur) || prev.approx || prev.value.n === 0n) return;
    prevValue = prev.value;
    const pt = operandText(model, prev);
    formula = up ? `(${ct}−${pt})÷${pt}` : `(${pt}−${ct})÷${pt}`;
  } else {
    if (!delta || !sameClass(delta, cur) || delta.approx) return;
    prevValue = up ? rsub(cur.value, delta.value) : radd(cur.value, delta.value);
    if (prevValue.n <= 0n) return;
    const dt = operandText(model, delta);
    formula = `${dt}÷(${ct}${up ? '−' : '+'}${dt})`;
  }
  const change = up ? rsub(cur.value, prevValue) : rsub(prevValue, cur.value);
  const exact = pct(change, prevValue);
  const how = agrees(g, exact);
  const rel: GrowthRelation = {
    kind: 'growth',
    status: how === 'round' ? 'ok' : how === 'trunc' ? 'truncated' : 'mismatch',
    severity: how ? undefined : 'error',
    stated: g,
    name: growthName(g, verb),
    parts: [cur],
    base: prev ?? delta,
    exact,
    formula,
    up,
  };
  out.push(rel);
}

function growthName(g: Quantity, verb: string): string {
  const k = g.key;
  const cmp = COMPARE_WORDS.find((w) => k.includes(w));
  return (cmp ? cmp : '') + verb;
}
