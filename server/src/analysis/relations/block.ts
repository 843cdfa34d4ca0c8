// The running text read block by block (paragraphs and headings): each block's quantities and sentences, handed to
// the relation finders in turn with what earlier finders learnt of it (its breakdowns).
import type { ReportModel } from '../types';
import { getQuantities, getTextMarks, type Quantity } from '../quantities';
import type { Relation } from './types';
import { PREVIOUS_MARKERS } from './labels';
import { curBlock, joinedQs, splitSentences, type BlockText } from './sentences';

/** What a finder of running-text relations gets: one block, the output, and what earlier finders found in it. */
export interface BlockContext {
  model: ReportModel;
  /** The block (a scratch object reused for the next block: keep quantities, never the block). */
  b: BlockText;
  out: Relation[];
  /** The breakdowns of the block (set by the breakdown finder, read by the share finder). */
  breakdowns: BreakdownIndex;
  /** The words that mark last year's value (上年, 去年 …, and the year before the report's). */
  prevYearWords: string[];
}

export interface Breakdown {
  whole: Quantity;
  parts: Quantity[];
  /** Shares attached to parts (占78%), by part index. */
  shares: (Quantity | undefined)[];
  complete: boolean;
  certain: boolean;
  colon: boolean;
}

/** The breakdowns of a block, by the index of the quantity in the block. */
export interface BreakdownIndex {
  partOf: (Breakdown | undefined)[];
  shareOf: ({ bd: Breakdown; idx: number } | undefined)[];
}

export const NO_BREAKDOWNS: BreakdownIndex = { partOf: [], shareOf: [] };

export type BlockFinder = (ctx: BlockContext) => void;

/** Run the finders, in order, on every block of running text that has quantities. */
export function forEachBlock(model: ReportModel, out: Relation[], finders: readonly BlockFinder[]) {
  try {
    readBlocks(model, out, finders);
  } finally {
    // the scratch block keeps nothing of the document
    curBlock.qs = [];
    joinedQs.length = 0;
  }
}

function readBlocks(model: ReportModel, out: Relation[], finders: readonly BlockFinder[]) {
  const { byLine } = getQuantities(model);
  const marks = getTextMarks(model);
  const { lines, norm } = model;
  const year = model.reportYear?.value;
  const prevYearWords = year ? [...PREVIOUS_MARKERS, `${year - 1}年`] : PREVIOUS_MARKERS;
  const b = curBlock;
  const ctx: BlockContext = { model, b, out, breakdowns: NO_BREAKDOWNS, prevYearWords };
  // a block: consecutive lines with the same block index (table rows are read by the table finders)
  for (let i = 0; i < lines.length; ) {
    const ln = lines[i]!;
    if (ln.kind === 'table-row') {
      i++;
      continue;
    }
    let end = ln.end;
    // a block of one line reads its line's quantities (never modified) without a copy
    let qs: Quantity[] = byLine[i]!;
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
    ctx.breakdowns = NO_BREAKDOWNS;
    for (const find of finders) find(ctx);
  }
}
