// GFM tables read for their relations: the grid of cells (numbers parsed), which columns count, which are rates or
// shares, which rows are totals and subtotals.
import type { ReportModel, Span } from '../types';
import { parseCellNumber } from '../quantities';
import type { Figure } from './types';

export interface Cell extends Span {
  text: string;
  num?: Figure;
}

export const TOTAL_RE = /^(合\s*计|总\s*计|小\s*计|共\s*计|总数|合计数|全[市县区省州旗镇乡]合计|全[市县区省州旗镇乡]|总体)$/;
const SKIP_COL_RE = /(序号|编号|年份|年度|时间|日期|代码|电话|排名|名次)/;
const RATE_HEADER_RE = /(率|占比|比例|比重|%)/;

export interface Table {
  header: Cell[];
  headerText: string[];
  body: Cell[][];
  ncol: number;
  /** Rate or share columns (by header, or with a percent in some cell). */
  isPctCol(c: number): boolean;
  isTotalRow(r: Cell[]): boolean;
  isSubtotalRow(r: Cell[]): boolean;
  /** Columns of counts (numbers in all body rows but one at most), neither rates nor 其中 nor serial numbers. */
  countCols: number[];
}

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

/** The tables of a model: the rows of each table block, in document order. */
export function tableRows(model: ReportModel): Span[][] {
  const rowsByBlock = new Map<number, Span[]>();
  for (const ln of model.lines) {
    if (ln.kind !== 'table-row') continue;
    let r = rowsByBlock.get(ln.block);
    if (!r) rowsByBlock.set(ln.block, (r = []));
    r.push(ln);
  }
  return [...rowsByBlock.values()];
}

/** A table of a header and two or more rows (the delimiter row reads as a row without numbers). */
export function readTable(model: ReportModel, rows: Span[]): Table | undefined {
  const { norm, text } = model;
  if (rows.length < 3) return undefined;
  const grid: Cell[][] = rows.map((r) =>
    splitRow(norm, r.start, r.end).map((sp): Cell => ({ start: sp.start, end: sp.end, text: trimmed(norm, sp), num: parseCellNumber(norm, sp.start, sp.end, text) })),
  );
  const header = grid[0]!;
  const body = grid.slice(1);
  const ncol = header.length;
  if (ncol < 2) return undefined;
  const headerText = header.map((h) => h.text);
  const pctCols = headerText.map((h, c) => RATE_HEADER_RE.test(h) || body.some((r) => r[c]?.num?.percent));
  const isPctCol = (c: number) => pctCols[c] ?? false;
  const totalFlags = body.map((r) => r.some((c, ci) => ci < 2 && TOTAL_RE.test(c.text.replace(/\s+/g, ''))));
  const subtotalFlags = body.map((r) => r.some((c, ci) => ci < 2 && /^小\s*计$/.test(c.text)));
  const rowIndex = new Map<Cell[], number>();
  body.forEach((r, k) => rowIndex.set(r, k));
  const countCols: number[] = [];
  for (let c = 0; c < ncol; c++) {
    // 其中… columns are parts of another column, not items of a total
    if (SKIP_COL_RE.test(headerText[c] ?? '') || isPctCol(c) || /^其中/.test(headerText[c] ?? '')) continue;
    const nums = body.filter((r) => r[c]?.num).length;
    if (nums >= Math.max(1, body.length - 1)) countCols.push(c);
  }
  return {
    header,
    headerText,
    body,
    ncol,
    isPctCol,
    isTotalRow: (r) => totalFlags[rowIndex.get(r)!] ?? false,
    isSubtotalRow: (r) => subtotalFlags[rowIndex.get(r)!] ?? false,
    countCols,
  };
}

/** A cell's number as a figure of its own (relations never share the cell's object). */
export const cellFig = (c: Cell): Figure => ({ ...c.num! });
