// Line tables: where the lines of a text start, the line of an offset, and model.lines as typed arrays.
import type { TextLine } from '../types';
import { upperBound } from './search';

/** The offset at which each line starts (line breaks: \n, \r\n, \r). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line (index into `lineStarts`) that an offset lies on; 0 before the first line. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  return Math.max(0, upperBound(lineStarts, offset) - 1);
}

/** model.lines as typed arrays, built once per lines array for the checks that look at every line. */
export interface LineTable {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** LINE_HEADING, LINE_PARAGRAPH, LINE_TABLE_ROW (LINE_OTHER for anything else). */
  kind: Uint8Array;
}

export const LINE_HEADING = 0;
export const LINE_PARAGRAPH = 1;
export const LINE_TABLE_ROW = 2;
export const LINE_OTHER = 3;

const lineTables = new WeakMap<readonly TextLine[], LineTable>();

/**
 * The starts, ends and kinds of `lines`. Reading them from the line objects costs far more than from typed arrays
 * (the objects need not share one shape), so the table is built once per lines array and shared.
 */
export function lineTable(lines: readonly TextLine[]): LineTable {
  const hit = lineTables.get(lines);
  if (hit && hit.count === lines.length) return hit;
  const count = lines.length;
  const t: LineTable = { count, start: new Int32Array(count), end: new Int32Array(count), kind: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    const ln = lines[i]!;
    t.start[i] = ln.start;
    t.end[i] = ln.end;
    t.kind[i] = ln.kind === 'paragraph' ? LINE_PARAGRAPH : ln.kind === 'heading' ? LINE_HEADING : ln.kind === 'table-row' ? LINE_TABLE_ROW : LINE_OTHER;
  }
  lineTables.set(lines, t);
  return t;
}
