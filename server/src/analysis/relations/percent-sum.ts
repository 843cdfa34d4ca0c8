// Shares of one whole summing to about 100%: the shares the share finder groups by whole (a breakdown's parts, a
// 分别占 list) and the share column of a table. Over 100% beyond rounding is a contradiction; under only for a
// complete list; a sum of shares already checked one by one adds only a hint.
import { radd, rcmp, rToString, ZERO, HUNDRED, type Quantity, type Rational } from '../quantities';
import type { Breakdown } from './block';
import type { Figure, PercentSumRelation, Relation } from './types';
import { overHundred, underHundred } from './verdict';

interface ShareGroup {
  items: Quantity[];
  complete: boolean;
  checked: boolean[];
}

/** The share groups of a block, by whole (made when the block has one). */
export class ShareGroups {
  private map: Map<Breakdown | string, ShareGroup> | undefined;

  /** Add a share to the group of its whole; the group is returned to mark the share checked. */
  add(key: Breakdown | string, q: Quantity, complete: boolean): ShareGroup {
    const map = (this.map ??= new Map());
    let g = map.get(key);
    if (!g) map.set(key, (g = { items: [], complete, checked: [] }));
    g.items.push(q);
    g.checked.push(false);
    return g;
  }

  /** The percent-sum relations of the groups of two or more shares. */
  judge(out: Relation[]) {
    if (this.map) for (const [, g] of this.map) {
      const rel = groupRelation(g);
      if (rel) out.push(rel);
    }
  }
}

/** Mark the share last added to a group as checked against its part and whole. */
export const markChecked = (g: ShareGroup) => (g.checked[g.items.length - 1] = true);

const sumOf = (xs: readonly Figure[]): Rational => xs.reduce((a, x) => radd(a, x.value), ZERO);
const sumFormula = (xs: readonly Figure[]) => xs.map((x) => rToString(x.value) + '%').join('+');

function groupRelation(g: ShareGroup): PercentSumRelation | undefined {
  if (g.items.length < 2) return undefined;
  if (g.items.some((x) => x.approx)) return undefined;
  const sum = sumOf(g.items);
  const last = g.items[g.items.length - 1]!;
  const rel: PercentSumRelation = { kind: 'percent-sum', status: 'ok', stated: last, name: '', parts: [], items: g.items, exact: sum, formula: sumFormula(g.items) };
  if (overHundred(sum, g.items)) {
    rel.status = 'over';
    rel.severity = 'error';
  } else if (underHundred(sum, g.items)) {
    if (!g.complete) return undefined; // a partial list: shares may sum to less than 100%
    rel.status = 'under';
    rel.severity = 'error';
  }
  // each share already checked against its part and whole: the sum adds only a hint
  if (rel.status !== 'ok' && g.checked.every(Boolean)) rel.severity = 'info';
  return rel;
}

/** A table's share column over its detail rows (each share is checked against its row already: a hint at most). */
export function columnSum(shares: Figure[], name: string): PercentSumRelation {
  const sum = sumOf(shares);
  const bad = overHundred(sum, shares) || underHundred(sum, shares);
  return {
    kind: 'percent-sum',
    status: bad ? (rcmp(sum, HUNDRED) > 0 ? 'over' : 'under') : 'ok',
    severity: bad ? 'info' : undefined,
    stated: shares[shares.length - 1]!,
    name,
    parts: [],
    items: shares,
    exact: sum,
    formula: sumFormula(shares),
  };
}
