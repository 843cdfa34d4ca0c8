// The quantities and text marks of a model, worked out once per model (one scan of its running text).
import type { ReportModel } from '../types';
import { MarkRecorder, type TextMarks } from './marks';
import { extractQuantities, QuantityScanner } from './scanner';
import type { Quantity } from './types';

export interface ModelQuantities {
  /** All quantities of paragraph and heading lines, in document order. */
  all: Quantity[];
  /** Quantities of each line (index = model.lines index). */
  byLine: Quantity[][];
}

interface Scanned {
  quantities: ModelQuantities;
  marks: TextMarks;
}

const cache = new WeakMap<ReportModel, Scanned>();

/** One scan of the running text of a model: its quantities and, recorded on the way, its text marks. */
function scan(model: ReportModel): Scanned {
  let s = cache.get(model);
  if (s) return s;
  const all: Quantity[] = [];
  const byLine: Quantity[][] = [];
  const { lines, norm, text } = model;
  const lineStart = new Int32Array(lines.length + 1);
  const recorder = new MarkRecorder();
  const scanner = new QuantityScanner(recorder);
  for (let idx = 0; idx < lines.length; idx++) {
    const ln = lines[idx]!;
    lineStart[idx] = recorder.count;
    if (ln.kind === 'table-row') {
      byLine.push([]);
      continue;
    }
    const qs = extractQuantities(norm, ln.start, ln.end, text, idx, scanner);
    byLine.push(qs);
    for (const x of qs) all.push(x);
  }
  lineStart[lines.length] = recorder.count;
  s = { quantities: { all, byLine }, marks: recorder.finish(lineStart) };
  cache.set(model, s);
  return s;
}

/** Quantities of the running text (paragraphs and headings; table rows are read cell by cell elsewhere). */
export function getQuantities(model: ReportModel): ModelQuantities {
  return scan(model).quantities;
}

/** The text marks of the running text of a model (see TextMarks), recorded with its quantities. */
export function getTextMarks(model: ReportModel): TextMarks {
  return scan(model).marks;
}
