// Relations between the numbers of a report: rates, shares, breakdowns, share sums, table totals and rates, growth,
// percentage points — one file per kind over shared modules (sentences, labels, verdicts, messages). The finders
// run in a fixed order; each number check reports the relations of the kinds it declares (CheckDef.relations), and
// the accuracy harness mutates the stated figure of every consistent one. Exact rational arithmetic only.
//
// A new relation: a file here with its finder (registered below) and its kind in types.ts, and a check declaring it.
import type { ReportModel } from '../types';
import type { Relation, RelationKind, RelationOf, RelationSelector } from './types';
import type { BlockFinder } from './block';
import { forEachBlock } from './block';
import { findBreakdowns } from './breakdown';
import { findRates } from './rate';
import { findShares } from './share';
import { findGrowth } from './growth';
import { readTable, tableRows, type Table } from './table';
import { totalColumns, totalRows } from './table-total';
import { rateColumns } from './table-rate';

export type * from './types';
export { agrees, pct, statedScaled, precisionText } from './verdict';
export { labelMatch, rateName } from './labels';
export { computedText, figureMismatch, percentText, relatedOf, rewrite, writtenFigure } from './messages';

/** Finders of the running text, run on each block in this order (breakdowns first: shares read them). */
const BLOCK_FINDERS: readonly BlockFinder[] = [findBreakdowns, findRates, findShares, findGrowth];
/** Finders of tables, run on each table in this order. */
const TABLE_FINDERS: readonly ((model: ReportModel, t: Table, out: Relation[]) => void)[] = [totalRows, totalColumns, rateColumns];

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
  forEachBlock(model, out, BLOCK_FINDERS);
  for (const rows of tableRows(model)) {
    const t = readTable(model, rows);
    if (t) for (const find of TABLE_FINDERS) find(model, t, out);
  }
  return out;
}

/** A contradiction or hint a check may report: a severity, and a status other than the consistent ones. */
const reportable = (r: Relation) => !!r.severity && r.status !== 'ok' && r.status !== 'truncated' && r.status !== 'partial';

const reportedCache = new WeakMap<ReportModel, Relation[]>();

/** Does the selector take this relation? */
const selects = (sel: RelationSelector, r: Relation) => sel.kinds.includes(r.kind) && sel.statuses.includes(r.status);

/** The relations a check reports (contradictions and hints of the selected kinds and statuses), in document order. */
export function reported<K extends RelationKind>(model: ReportModel, sel: RelationSelector<K>): RelationOf<K>[] {
  let all = reportedCache.get(model);
  if (!all) {
    all = getRelations(model).filter(reportable);
    all.sort((a, b) => a.stated.start - b.stated.start);
    reportedCache.set(model, all);
  }
  return all.filter((r): r is RelationOf<K> => selects(sel, r));
}
