// Table totals: a 合计/总计/小计 row sums the detail rows of its group, a total column sums the count columns left
// of it. Empty cells and dashes count as nothing; any other text, or an approximate figure, leaves a total unchecked.
import type { ReportModel } from '../types';
import { radd, rcmp, ZERO } from '../quantities';
import type { Relation, TableTotalRelation } from './types';
import { operandText } from './messages';
import { cellFig, TOTAL_RE, type Cell, type Table } from './table';

/** A total cell against the cells it totals (a row's detail rows, or a row's count columns). */
function totalRelation(model: ReportModel, tc: Cell | undefined, cells: (Cell | undefined)[], name: string, minParts: number): TableTotalRelation | undefined {
  if (!tc?.num || tc.num.approx) return undefined;
  if (cells.some((x) => x && x.text && !x.num && !/^[-—–/／]$|^无$/.test(x.text))) return undefined;
  const nums = cells.filter((x) => x?.num).map((x) => x!.num!);
  if (nums.length < minParts || nums.some((x) => x.approx)) return undefined;
  const sum = nums.reduce((a, x) => radd(a, x.value), ZERO);
  const ok = rcmp(sum, tc.num.value) === 0;
  return {
    kind: 'table-total',
    status: ok ? 'ok' : 'mismatch',
    severity: ok ? undefined : 'error',
    stated: cellFig(tc),
    name,
    parts: nums,
    exact: sum,
    formula: nums.map((x) => operandText(model, x)).join('+'),
  };
}

/** Total rows: each count column sums the detail rows of its group (其中… rows are parts of the row above). */
export function totalRows(model: ReportModel, t: Table, out: Relation[]) {
  const { body, countCols } = t;
  let groupStart = 0;
  const detailRows: number[] = [];
  body.forEach((row, ri) => {
    if (!t.isTotalRow(row)) {
      if (!row.some((c, ci) => ci < 2 && /^其中/.test(c.text))) detailRows.push(ri);
      return;
    }
    const sub = t.isSubtotalRow(row);
    const members = sub ? detailRows.filter((x) => x >= groupStart) : detailRows.slice();
    groupStart = ri + 1;
    if (!members.length) return;
    for (const c of countCols) {
      const name = row.find((x) => TOTAL_RE.test(x.text.replace(/\s+/g, '')))?.text ?? '合计';
      const rel = totalRelation(model, row[c], members.map((m) => body[m]![c]), name, 1);
      if (rel) out.push(rel);
    }
  });
}

/** Total columns: the count columns left of it (after the label column). */
export function totalColumns(model: ReportModel, t: Table, out: Relation[]) {
  t.headerText.forEach((h, tcI) => {
    if (!TOTAL_RE.test(h.replace(/\s+/g, '')) && !/^(合计|总计|小计|总数)/.test(h)) return;
    const cols = t.countCols.filter((c) => c < tcI && c > 0);
    if (cols.length < 2) return;
    for (const row of t.body) {
      const rel = totalRelation(model, row[tcI], cols.map((c) => row[c]), h, 2);
      if (rel) out.push(rel);
    }
  });
}
