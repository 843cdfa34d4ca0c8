// Percentage points: 提高/下降X% between two rates is ambiguous (a difference of rates or a relative change); a hint
// to write X个百分点, unless reading it as points would give a previous rate below 0 or above 100%.
import { HUNDRED, radd, rcmp, rsub, type Quantity } from '../quantities';
import type { PercentPointRelation } from './types';
import { rateNameOf } from './labels';

/** Does the change `g` (verb `verb`, subject: the key before the verb) compare rates? prevPct: the percent before it. */
export function comparesRates(subject: string, prevPct: Quantity | undefined): boolean {
  return /(率|占比|比例|比重)/.test(subject) || (!!prevPct && !!rateNameOf(prevPct.key) && /^(同比|环比|比|较|与)/.test(subject.trim()));
}

/** The hint for a change of a rate written as X%, if reading it as points is possible. */
export function percentPointHint(g: Quantity, verb: string, up: boolean, prevPct: Quantity | undefined): PercentPointRelation | undefined {
  if (g.approx || rcmp(g.value, HUNDRED) > 0) return undefined;
  if (prevPct) {
    // would the change as percentage points give a rate between 0 and 100 a year earlier?
    const before = up ? rsub(prevPct.value, g.value) : radd(prevPct.value, g.value);
    if (before.n < 0n || rcmp(before, HUNDRED) > 0) return undefined;
  }
  return { kind: 'percent-point', status: 'hint', severity: 'info', stated: g, name: verb, parts: prevPct ? [prevPct] : [] };
}
