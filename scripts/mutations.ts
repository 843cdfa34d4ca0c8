// The mutations of the accuracy harness (scripts/accuracy.ts) and of the numbers corpus test: for a relation the
// number checks find consistent, the stated figure is changed — one digit, two adjacent digits swapped, a rounding
// slip beyond tolerance — into values that are really wrong for it.
import { agrees, statedScaled, type Figure, type Relation } from '../server/src/analysis/relations';
import { formatLike, pow10, rcmp, req, roundScaled, truncScaled, type Rational } from '../server/src/analysis/quantities';

/** The number checks. */
export const NUMBER_RULES = new Set(['rate-mismatch', 'share-mismatch', 'breakdown-sum', 'percent-sum', 'table-total', 'rate-impossible', 'growth-mismatch', 'percent-point']);

/**
 * The relations whose stated figure can be mutated: consistent, exact, and (for rates and shares) with a part
 * identified by its label — a pair of unrelated counts that happens to agree with a rate is not a relation.
 */
export function checkable(rels: Relation[]): Relation[] {
  return rels.filter(
    (r) => (r.status === 'ok' || r.status === 'truncated') && !r.stated.approx && r.exact && r.kind !== 'percent-point' && !((r.kind === 'rate' || r.kind === 'share') && r.confident === false),
  );
}

export interface Mutation {
  scaled: bigint;
  how: 'digit' | 'swap' | 'rounding';
}

/** Candidate mutated values of a stated figure (scaled by 10^decimals). */
export function mutations(rel: Relation): Mutation[] {
  const f = rel.stated;
  const s = statedScaled(f);
  const ds = s.toString().padStart(f.decimals + 1, '0');
  const out: Mutation[] = [];
  const seen = new Set<bigint>([s]);
  const add = (str: string, how: Mutation['how']) => {
    if (str.length > 1 && str[0] === '0' && str.length > f.decimals + 1) return; // a leading zero is not a typo
    const v = BigInt(str);
    if (seen.has(v)) return;
    seen.add(v);
    out.push({ scaled: v, how });
  };
  for (let p = 0; p < ds.length; p++) {
    const d = Number(ds[p]);
    for (const delta of [1, 9]) add(ds.slice(0, p) + String((d + delta) % 10) + ds.slice(p + 1), 'digit');
  }
  for (let p = 0; p + 1 < ds.length; p++) if (ds[p] !== ds[p + 1]) add(ds.slice(0, p) + ds[p + 1] + ds[p] + ds.slice(p + 2), 'swap');
  if (rel.exact && f.percent) {
    const r = roundScaled(rel.exact, f.decimals);
    const t = truncScaled(rel.exact, f.decimals);
    const hi = r > t ? r : t;
    const lo = r < t ? r : t;
    for (const v of [hi + 1n, lo - 1n]) if (v >= 0n) add(v.toString().padStart(f.decimals + 1, '0'), 'rounding');
  }
  return out;
}

const fig = (f: Figure, scaled: bigint): Figure => ({ ...f, value: { n: scaled, d: pow10(f.decimals) } });

/** Is the mutated value really wrong for the original relation? */
export function trulyWrong(rel: Relation, m: Mutation): boolean {
  const f = rel.stated;
  const v: Rational = { n: m.scaled, d: pow10(f.decimals) };
  switch (rel.kind) {
    case 'rate':
    case 'share':
    case 'table-rate':
    case 'growth':
      return !!rel.exact && !agrees(fig(f, m.scaled), rel.exact);
    case 'breakdown':
    case 'table-total':
      return !!rel.exact && !req(v, rel.exact);
    case 'percent-sum': {
      if (!rel.items) return false;
      let sum: Rational = { n: 0n, d: 1n };
      let up: Rational = { n: 0n, d: 1n };
      let down: Rational = { n: 0n, d: 1n };
      for (const x of rel.items) {
        const val = x === f ? v : x.value;
        sum = { n: sum.n * val.d + val.n * sum.d, d: sum.d * val.d };
        up = { n: up.n * 2n * pow10(x.decimals) + up.d, d: up.d * 2n * pow10(x.decimals) };
        down = { n: down.n * pow10(x.decimals) + down.d, d: down.d * pow10(x.decimals) };
      }
      const over = rcmp(sum, { n: 100n * up.d + up.n, d: up.d }) > 0;
      const under = rcmp(sum, { n: 100n * down.d - down.n, d: down.d }) < 0;
      return over || under;
    }
    default:
      return false;
  }
}

/** The text with the stated figure of a relation written as the mutated value (in its form), and the length change. */
export function mutate(text: string, f: Figure, m: Mutation): { mutated: string; shift: number } {
  const digits = formatLike(f, m.scaled);
  return { mutated: text.slice(0, f.numStart) + digits + text.slice(f.numEnd), shift: digits.length - (f.numEnd - f.numStart) };
}
