// Table rates: a rate column (办结率) against two count columns of its row, chosen by the header's label and by how
// many rows agree; a share column (占比) against the count column left of it over the column total, with the sum of
// the column's shares.
import type { ReportModel } from '../types';
import { radd, ZERO, rcmp, rToString, type Rational } from '../quantities';
import type { Figure, Relation, TableRateRelation } from './types';
import { labelMatch, rateName } from './labels';
import { agrees, pct } from './verdict';
import { operandText } from './messages';
import { columnSum } from './percent-sum';
import { cellFig, type Cell, type Table } from './table';

const asPct = (c: Cell): Figure => ({ ...cellFig(c), percent: true });

/** The rate and share columns of a table. */
export function rateColumns(model: ReportModel, t: Table, out: Relation[]) {
  for (let rc = 0; rc < t.ncol; rc++) {
    if (!t.isPctCol(rc)) continue;
    const h = t.headerText[rc] ?? '';
    const hk = h.replace(/[(（]\s*%\s*[)）]|%/g, '').trim();
    const rn = rateName(hk);
    const isShare = !rn || rn.kind === 'share' || /占|比重|比例/.test(hk);
    const rows = t.body.filter((r) => r[rc]?.num && !r[rc]!.num!.approx);
    if (!rows.length) continue;
    if (isShare) shareColumn(model, t, rc, h, hk, rows, out);
    else rateColumn(model, t, rc, hk, rn!.stem, rows, out);
  }
}

function tableRate(stated: Figure, name: string, part: Figure, base: Figure | undefined, exact: Rational, formula: string): TableRateRelation {
  const how = agrees(stated, exact);
  return {
    kind: 'table-rate',
    status: how === 'round' ? 'ok' : how === 'trunc' ? 'truncated' : 'mismatch',
    severity: how ? undefined : 'error',
    stated,
    name,
    parts: [part],
    base,
    exact,
    formula,
  };
}

/** A share column: the count column to its left over the column total (total row, else the sum of detail rows). */
function shareColumn(model: ReportModel, t: Table, rc: number, h: string, hk: string, rows: Cell[][], out: Relation[]) {
  const cc = [...t.countCols].reverse().find((c) => c < rc);
  if (cc === undefined) return;
  const totalRow = t.body.find((r) => t.isTotalRow(r) && !t.isSubtotalRow(r));
  const details = t.body.filter((r) => !t.isTotalRow(r));
  let total: Rational | undefined;
  let totalFig: Figure | undefined;
  if (totalRow?.[cc]?.num) {
    total = totalRow[cc]!.num!.value;
    totalFig = totalRow[cc]!.num!;
  } else if (details.every((r) => r[cc]?.num)) total = details.reduce((a, r) => radd(a, r[cc]!.num!.value), ZERO);
  if (!total || total.n === 0n) return;
  for (const r of rows) {
    const part = r[cc]?.num;
    if (!part || part.approx) continue;
    const formula = `${operandText(model, part)}÷${totalFig ? operandText(model, totalFig) : rToString(total)}`;
    out.push(tableRate(asPct(r[rc]!), hk || h, part, totalFig, pct(part.value, total), formula));
  }
  // share column sums to about 100% over the detail rows
  const shares = details.map((r) => r[rc]?.num).filter((x): x is Figure => !!x && !x.approx);
  if (shares.length >= 2 && shares.length === details.length) out.push(columnSum(shares, hk || h));
}

/** The part and base columns of a rate column: most agreeing rows, then the part's label, then base before part. */
function ratePair(t: Table, rc: number, stem: string, rows: Cell[][]): [number, number] | undefined {
  const score = (c: number) => labelMatch(stem, t.headerText[c] ?? '');
  const candidates = t.countCols.filter((c) => c !== rc);
  let bestPair: [number, number] | undefined;
  let bestOk = -1;
  for (const pc of candidates) {
    for (const bc of candidates) {
      if (pc === bc) continue;
      let okRows = 0;
      let valid = true;
      for (const r of rows) {
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
  return bestPair;
}

/** A rate column against its part and base columns, when the pair is trusted (labelled, or most rows agree). */
function rateColumn(model: ReportModel, t: Table, rc: number, hk: string, stem: string, rows: Cell[][], out: Relation[]) {
  const pair = ratePair(t, rc, stem, rows);
  if (!pair) return;
  const [pc, bc] = pair;
  const okCount = rows.filter((r) => r[pc]?.num && r[bc]?.num && agrees(asPct(r[rc]!), pct(r[pc]!.num!.value, r[bc]!.num!.value))).length;
  const trusted = labelMatch(stem, t.headerText[pc] ?? '') > 0 || (rows.length >= 3 && okCount >= rows.length - 1) || okCount === rows.length;
  if (!trusted) return;
  for (const r of rows) {
    const p = r[pc]?.num;
    const bb = r[bc]?.num;
    if (!p || !bb || p.approx || bb.approx || bb.value.n === 0n) continue;
    out.push(tableRate(asPct(r[rc]!), hk, p, bb, pct(p.value, bb.value), `${operandText(model, p)}÷${operandText(model, bb)}`));
  }
}
